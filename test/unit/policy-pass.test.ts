import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from '../../scripts/lib/built-site.ts';
import {
  applyContentSecurityPolicy,
  InlineCodeError,
  keptPages,
  saveRecords,
} from '../../scripts/lib/policy-pass.ts';
import { browserHashSource as sha256, siteWith } from '../support/site-folder.ts';

const page = (head: string, body = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

const POLICY = /<meta http-equiv="content-security-policy" content="([^"]*)">/g;

describe('htmlFiles', () => {
  it('lists the HTML files of every folder, sorted, and none of the search index', async () => {
    const dir = siteWith({
      'index.html': '',
      'controls/1.1/index.html': '',
      'ja/controls/1.1/index.html': '',
      '404.html': '',
      '_astro/a.js': '',
      'pagefind/fragment/x.html': '',
      'v/pagefind/index.html': '',
    });
    expect(await htmlFiles(dir)).toEqual([
      '404.html',
      'controls/1.1/index.html',
      'index.html',
      'ja/controls/1.1/index.html',
      'v/pagefind/index.html',
    ]);
  });
});

describe('the policy pass', () => {
  const theme = 'document.documentElement.dataset.theme = "dark";';

  it('puts each page’s own policy in it once, and all pages’ hashes in _headers', async () => {
    const dir = siteWith({
      'index.html': page(`<script>${theme}</script>`, '<main data-pagefind-body>x</main>'),
      'a/index.html': page('', '<p>no inline code</p>'),
    });
    const pass = await applyContentSecurityPolicy(dir);
    expect(pass.pages).toEqual(['a/index.html', 'index.html']);
    expect(pass.searchable).toEqual(['index.html']);
    const home = readFileSync(join(dir, 'index.html'), 'utf8');
    const policies = [...home.matchAll(POLICY)].map((m) => m[1]);
    expect(policies).toHaveLength(1);
    expect(policies[0]).toContain(`script-src 'self' 'wasm-unsafe-eval' ${await sha256(theme)}`);
    expect(readFileSync(join(dir, 'a/index.html'), 'utf8')).not.toContain('sha256-');
    expect(readFileSync(join(dir, '_headers'), 'utf8')).toContain(await sha256(theme));

    await applyContentSecurityPolicy(dir);
    expect([...readFileSync(join(dir, 'index.html'), 'utf8').matchAll(POLICY)]).toHaveLength(1);
  });

  it('writes no page that has its policy, and corrects a page whose policy is another', async () => {
    const dir = siteWith({
      'index.html': page(`<script>${theme}</script>`),
      'a/index.html': page('<p>none</p>'),
    });
    await applyContentSecurityPolicy(dir);
    const home = join(dir, 'index.html');
    const right = readFileSync(home, 'utf8');
    // Whole seconds: the file system keeps them exactly.
    const before = Math.floor(Date.now() / 1000) - 60;
    utimesSync(home, before, before);
    await applyContentSecurityPolicy(dir);
    expect(statSync(home).mtimeMs).toBe(before * 1000);

    // The policy of a page without inline code, as a layout might have written it, on a page
    // that has some.
    const bare = readFileSync(join(dir, 'a/index.html'), 'utf8').match(POLICY)![0];
    writeFileSync(home, right.replace(POLICY, bare));
    await applyContentSecurityPolicy(dir);
    const fixed = readFileSync(home, 'utf8');
    expect(fixed).toBe(right);
    expect([...fixed.matchAll(POLICY)][0]![1]).toContain(await sha256(theme));
  });

  it('stops on inline code it cannot allow, naming every page, and writes no _headers', async () => {
    const dir = siteWith({
      'a/index.html': page('', '<button onclick="go()">go</button>'),
      'b/index.html': page('', '<p style="color: red">red</p>'),
      'c/index.html': page('', '<p>fine</p>'),
    });
    const failure = await applyContentSecurityPolicy(dir).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InlineCodeError);
    expect((failure as InlineCodeError).problems).toEqual([
      'a/index.html: an inline event handler (onclick)',
      'b/index.html: a style attribute',
    ]);
    expect(existsSync(join(dir, '_headers'))).toBe(false);
  });

  it('reads again only the pages written since the last pass, and trusts its records for the rest', async () => {
    const dir = siteWith({
      'kept/index.html': page(`<script>${theme}</script>`, '<main data-pagefind-body>x</main>'),
      'new/index.html': page('', '<p>first</p>'),
    });
    const first = await applyContentSecurityPolicy(dir);
    const since = Date.now();
    // A kept page is not read: this text would stop the pass if it were.
    const kept = join(dir, 'kept/index.html');
    writeFileSync(kept, page('', '<p onclick="x()">x</p>'));
    const before = (since - 60_000) / 1000;
    utimesSync(kept, before, before);
    // A page written since is read, and its record made again.
    const script = 'console.log(1)';
    const fresh = join(dir, 'new/index.html');
    writeFileSync(fresh, page(`<script>${script}</script>`, '<main data-pagefind-body>y</main>'));
    const after = (since + 60_000) / 1000;
    utimesSync(fresh, after, after);

    const second = await applyContentSecurityPolicy(dir, { since, records: first.records });
    expect(second.records['kept/index.html']).toEqual(first.records['kept/index.html']);
    expect(second.records['new/index.html']).toEqual({
      hashes: { scripts: [await sha256(script)], styles: [] },
      searchable: true,
    });
    expect(second.searchable).toEqual(['kept/index.html', 'new/index.html']);
    const headers = readFileSync(join(dir, '_headers'), 'utf8');
    expect(headers).toContain(await sha256(theme));
    expect(headers).toContain(await sha256(script));
    expect(statSync(kept).mtimeMs).toBeLessThan(since);

    // A page with no record is read whatever its time.
    await expect(
      applyContentSecurityPolicy(dir, { since: Date.now() + 3_600_000, records: {} }),
    ).rejects.toThrow(/kept\/index\.html: an inline event handler/);
  });
});

describe('saved records', () => {
  it('are trusted only with the manifest they were saved with', async () => {
    const dir = siteWith({ 'index.html': page('', '<main data-pagefind-body>x</main>') });
    const pass = await applyContentSecurityPolicy(dir);
    const file = join(dir, '..', 'policy.json');
    expect(keptPages(file, 'abc', 1)).toBeUndefined();
    saveRecords(file, 'abc', pass);
    expect(keptPages(file, 'abc', 1)).toEqual({ since: 1, records: pass.records });
    expect(keptPages(file, 'another build', 1)).toBeUndefined();
  });
});
