/**
 * Every internal link, `#anchor`, stylesheet, script and sitemap entry of the built site
 * resolves, in both languages and every version; the build under a sub-path never links out of
 * it; every built page is reachable from the home pages or the sitemap.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LANGS } from '../../src/lib/model.ts';
import { localize, versionPath } from '../../src/lib/urls.ts';
import { htmlFiles, sitePathOf } from '../../scripts/lib/built-site.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import {
  BASE_BUILD,
  ROOT_BUILD,
  SITE_ORIGIN,
  requireBuild,
  versionIds,
} from '../support/builds.ts';
import { crawl, httpFetch, type CrawlResult, type LinkProblem } from '../support/link-crawler.ts';

/** Broken references grouped by target, each with a few of the pages that hold it. */
function report(problems: LinkProblem[]): string {
  const groups = new Map<string, string[]>();
  for (const p of problems) {
    const key = `${p.via} "${p.link}": ${p.problem}`;
    groups.set(key, [...new Set([...(groups.get(key) ?? []), p.page])]);
  }
  const lines = [...groups].map(([key, pages]) => {
    const shown = pages.slice(0, 3).join(', ');
    return `  ${key}
    on ${shown}${pages.length > 3 ? ` and ${pages.length - 3} more pages` : ''}`;
  });
  return `${problems.length} broken reference(s), ${groups.size} distinct:\n${lines.join('\n')}`;
}

for (const build of [ROOT_BUILD, BASE_BUILD]) {
  describe(`links of the site built under ${build.base}`, () => {
    let server: StaticServer;
    let result: CrawlResult;

    before(async () => {
      const root = requireBuild(build);
      server = await startStaticServer({ root, base: build.base });
      const versions = await versionIds();
      const paths = LANGS.flatMap((lang) => [
        localize(lang, '/'),
        ...versions.map((v) => localize(lang, versionPath(v))),
      ]);
      result = await crawl({
        root: server.url,
        seeds: [
          ...paths.map((p) => new URL(p.slice(1), server.url).href),
          new URL('sitemap-index.xml', server.url).href,
        ],
        notFoundProbes: [new URL('no/such/page/', server.url).href],
        siteOrigins: [SITE_ORIGIN],
        fetch: httpFetch,
      });
    });
    after(() => server?.close());

    it('resolves every internal reference and anchor, inside the base path', () => {
      assert.ok(result.pages.length > 0, 'the crawl found no page');
      assert.equal(result.problems.length, 0, report(result.problems));
    });

    it('reaches every built page from the home pages, the version pages or the sitemap', async () => {
      const crawled = new Set(result.pages.map((u) => new URL(u).pathname));
      const unreached = (await htmlFiles(build.dist))
        .map(sitePathOf)
        .filter((p) => p !== '/404.html')
        .map((p) => `${build.base}${p.slice(1)}`)
        .filter((p) => !crawled.has(p));
      assert.deepEqual(
        unreached,
        [],
        `pages no link or sitemap entry leads to:\n${unreached.join('\n')}`,
      );
    });
  });
}
