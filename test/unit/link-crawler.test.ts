import { describe, expect, it } from 'vitest';
import {
  crawl,
  cssUrls,
  resolveReference,
  sitemapLocs,
  type Fetched,
} from '../support/link-crawler.ts';

describe('cssUrls and sitemapLocs', () => {
  it('reads url() references except data URLs', () => {
    expect(
      cssUrls(`a{background:url("/x.svg")}b{c:url(data:image/png;base64,AA)}d{e:url( y.png )}`),
    ).toEqual(['/x.svg', 'y.png']);
  });
  it('reads sitemap locations', () => {
    expect(
      sitemapLocs('<urlset><url><loc>https://s.example/a/?b=1&amp;c=2</loc></url></urlset>'),
    ).toEqual(['https://s.example/a/?b=1&c=2']);
  });
});

describe('resolveReference', () => {
  const page = 'http://127.0.0.1:9/base/controls/8.1.10/';
  it('resolves relative links and fragments against the page', () => {
    expect(resolveReference('#evidence-x%20y', page)).toEqual({
      internal: true,
      url: page,
      fragment: 'evidence-x y',
    });
    expect(resolveReference('../', page)).toMatchObject({
      url: 'http://127.0.0.1:9/base/controls/',
    });
  });
  it('maps the production origin onto the served one and ignores other origins', () => {
    expect(
      resolveReference('https://site.example/base/x/', page, {
        siteOrigins: ['https://site.example'],
      }),
    ).toEqual({ internal: true, url: 'http://127.0.0.1:9/base/x/', fragment: undefined });
    expect(resolveReference('https://aws.amazon.com/x/', page)).toEqual({ internal: false });
    expect(resolveReference('mailto:a@b.example', page)).toEqual({ internal: false });
  });
});

/** An in-memory site: path → [status, content type, body]. */
function site(files: Record<string, [number, string, string] | string>) {
  const origin = 'http://site.test';
  return async (url: string): Promise<Fetched> => {
    const path = new URL(url).pathname;
    const f = files[path];
    if (f === undefined) return { status: 404, contentType: 'text/html', body: '<p>Not found</p>' };
    if (typeof f === 'string') return { status: 200, contentType: 'text/html', body: f };
    const [status, contentType, body] = f;
    return {
      status,
      contentType,
      body,
      location: status === 301 ? `${origin}${path}/` : undefined,
    };
  };
}

describe('crawl', () => {
  it('passes a site whose links and anchors all resolve', async () => {
    const result = await crawl({
      root: 'http://site.test/',
      seeds: ['http://site.test/'],
      fetch: site({
        '/': '<a href="/a/#part">a</a><a href="https://elsewhere.example/">x</a><link rel="stylesheet" href="/s.css">',
        '/a/': '<h2 id="part">P</h2><a href="/">home</a><a href="#top">top</a>',
        '/s.css': [200, 'text/css', 'a{background:url(/i.svg)}'],
        '/i.svg': [200, 'image/svg+xml', '<svg/>'],
      }),
    });
    expect(result.problems).toEqual([]);
    expect(result.pages).toEqual(['http://site.test/', 'http://site.test/a/']);
  });

  it('reports a missing page, a missing anchor, a redirect and a missing stylesheet asset', async () => {
    const result = await crawl({
      root: 'http://site.test/',
      seeds: ['http://site.test/'],
      fetch: site({
        '/': '<a href="/gone/">g</a><a href="/a/#nope">n</a><a href="/dir">d</a><link rel="stylesheet" href="/s.css">',
        '/a/': '<h2 id="part">P</h2>',
        '/dir': [301, 'text/html', ''],
        '/s.css': [200, 'text/css', 'a{background:url(/missing.svg)}'],
      }),
    });
    expect(result.problems.map((p) => [p.page, p.link, p.problem])).toEqual([
      ['http://site.test/', '/gone/', 'answers 404'],
      ['http://site.test/', '/a/#nope', 'no element with id "nope" on http://site.test/a/'],
      [
        'http://site.test/',
        '/dir',
        'redirects (301) to http://site.test/dir/: link to the final URL',
      ],
      ['http://site.test/s.css', '/missing.svg', 'answers 404'],
    ]);
  });

  it('reports links that escape the base path, including canonical links on the production origin', async () => {
    const result = await crawl({
      root: 'http://site.test/docs/',
      seeds: ['http://site.test/docs/'],
      siteOrigins: ['https://prod.example'],
      fetch: site({
        '/docs/': '<a href="/controls/">c</a><link rel="canonical" href="https://prod.example/">',
        '/controls/': '<p>exists, but outside the base</p>',
      }),
    });
    expect(result.problems.map((p) => [p.link, p.problem])).toEqual([
      ['/controls/', 'outside the site root /docs/'],
      ['https://prod.example/', 'outside the site root /docs/'],
    ]);
  });

  it('follows sitemaps, checks the not-found page and fails on a missing seed', async () => {
    const result = await crawl({
      root: 'http://site.test/',
      seeds: ['http://site.test/sitemap.xml', 'http://site.test/ja/'],
      notFoundProbes: ['http://site.test/no/such/page/'],
      fetch: site({
        '/sitemap.xml': [
          200,
          'application/xml',
          '<urlset><url><loc>http://site.test/x/</loc></url></urlset>',
        ],
        '/x/': '<p>x</p>',
      }),
    });
    expect(result.problems.map((p) => [p.page, p.link, p.problem])).toEqual([
      ['(start)', 'http://site.test/ja/', 'answers 404'],
    ]);
    expect(result.pages).toEqual(['http://site.test/x/']);
  });
});
