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
import { searchGlob, writeSearchIndex } from '../../scripts/lib/search-index.ts';

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

describe('searchGlob', () => {
  const pages = [
    'index.html',
    'controls/1.1/index.html',
    'controls/1.2/index.html',
    'v/1.0/controls/1.1/index.html',
    'v/1.1/controls/1.1/index.html',
    'v/1.1/index.html',
    'search/index.html',
  ];

  it('names a folder whose pages are all searchable once, and other pages one by one', () => {
    const searchable = new Set([
      'index.html',
      'controls/1.1/index.html',
      'controls/1.2/index.html',
      'v/1.0/controls/1.1/index.html',
      'v/1.1/index.html',
    ]);
    expect(searchGlob(pages, searchable)).toBe(
      '{index.html,controls/**/*.html,v/1.0/**/*.html,v/1.1/index.html}',
    );
  });

  it('is the default glob when every page is searchable, and refuses none', () => {
    expect(searchGlob(pages, new Set(pages))).toBe('**/*.html');
    expect(() => searchGlob(pages, new Set())).toThrow(/no searchable pages/);
  });

  it('escapes the characters globs give a meaning to', () => {
    expect(searchGlob(['a{1,2}/index.html', 'b/index.html'], new Set(['a{1,2}/index.html']))).toBe(
      'a\\{1\\,2\\}/**/*.html',
    );
  });
});

describe('writeSearchIndex', () => {
  it('indexes the pages the glob names, per language, and only those', async () => {
    const site = siteWith({
      'index.html': page('en', 'Home', 'Welcome to the checklist.'),
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
      'compare/1.0...1.1/index.html': page('en', 'Changes', 'What changed between versions.'),
      // Searchable by its markup, but not named: pagefind must not read it.
      'v/1.1/controls/1.1/index.html': page('en', 'Backups', 'A page not named.'),
      'v/1.1/index.html': page('en', 'Version', 'An overview.'),
    });
    const all = [
      'index.html',
      'controls/1.1/index.html',
      'ja/controls/1.1/index.html',
      'compare/1.0...1.1/index.html',
      'v/1.1/controls/1.1/index.html',
      'v/1.1/index.html',
    ];
    const named = new Set(all.filter((p) => !p.startsWith('v/1.1/controls/')));
    await writeSearchIndex(site, searchGlob(all, named), PAGEFIND);
    expect(indexedUrls(site)).toEqual(
      ['/', '/compare/1.0...1.1/', '/controls/1.1/', '/ja/controls/1.1/', '/v/1.1/'].sort(),
    );
    const entry = JSON.parse(
      readFileSync(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8'),
    ) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'ja']);
    expect(existsSync(join(site, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('fails with pagefind’s exit when the glob names no page', async () => {
    const site = siteWith({ 'a/index.html': page('en', 'First', 'one') });
    await expect(writeSearchIndex(site, 'nothing/*.html', PAGEFIND)).rejects.toThrow(
      /pagefind failed/,
    );
  });
});
