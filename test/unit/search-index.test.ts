import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../scripts/lib/search-index.ts';

const PAGEFIND = fileURLToPath(
  new URL('../../node_modules/pagefind/lib/runner/bin.cjs', import.meta.url),
);

const page = (lang: string, title: string, body: string, searchable = true) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><nav>site menu words</nav><main${searchable ? ' data-pagefind-body' : ''}>` +
  `<h1>${title}</h1><p>${body}</p></main></body></html>`;

/** A built site in a new folder: `pages` maps paths to HTML. */
function siteWith(pages: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'mce-search-')), 'dist');
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

/**
 * The URLs of the pages an index holds, read from its fragment files (gzipped: pagefind's
 * signature, then the page's JSON).
 */
function indexedUrls(site: string): string[] {
  const fragments = join(site, 'pagefind', 'fragment');
  return readdirSync(fragments)
    .map((f) => gunzipSync(readFileSync(join(fragments, f))).toString('utf8'))
    .map((text) => (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url)
    .sort();
}

describe('writeSearchIndex', () => {
  it('indexes the pages it is given, per language, and only those', async () => {
    const site = siteWith({
      'controls/1.1/index.html': page(
        'en',
        'Backups',
        'The partner restores a backup twice a year.',
      ),
      'ja/controls/1.1/index.html': page(
        'ja',
        'バックアップ',
        'パートナーは年に2回、バックアップから復元します。',
      ),
      'v/2.0/controls/1.1/index.html': page('en', 'Backups', 'A page not given.'),
    });
    await writeSearchIndex(
      site,
      ['controls/1.1/index.html', 'ja/controls/1.1/index.html'],
      PAGEFIND,
    );
    expect(indexedUrls(site)).toEqual(['/controls/1.1/', '/ja/controls/1.1/']);
    const entry = JSON.parse(
      readFileSync(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8'),
    ) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'ja']);
    expect(existsSync(join(site, 'pagefind', 'pagefind.js'))).toBe(true);
    // The folder of links pagefind ran on is gone; the pages are where they were.
    expect(readdirSync(dirname(site))).toEqual(['dist']);
    expect(readFileSync(join(site, 'controls/1.1/index.html'), 'utf8')).toContain('Backups');
  });

  it('replaces the index of the last build', async () => {
    const site = siteWith({
      'a/index.html': page('en', 'First', 'one'),
      'b/index.html': page('en', 'Second', 'two'),
    });
    await writeSearchIndex(site, ['a/index.html', 'b/index.html'], PAGEFIND);
    await writeSearchIndex(site, ['b/index.html'], PAGEFIND);
    expect(indexedUrls(site)).toEqual(['/b/']);
  });

  it('fails with pagefind’s exit, keeping the index there was, when pagefind cannot index', async () => {
    const site = siteWith({ 'a/index.html': page('en', 'First', 'one') });
    await writeSearchIndex(site, ['a/index.html'], PAGEFIND);
    await expect(writeSearchIndex(site, [], PAGEFIND)).rejects.toThrow(/pagefind failed/);
    expect(indexedUrls(site)).toEqual(['/a/']);
    expect(readdirSync(dirname(site))).toEqual(['dist']);
  });
});
