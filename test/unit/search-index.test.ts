import {
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  cborTextStrings,
  searchGlob,
  unusedIndexFiles,
  writeSearchIndex,
} from '../../scripts/lib/search-index.ts';
import { filesBelow, siteWith } from '../support/site-folder.ts';

const PAGEFIND = fileURLToPath(
  new URL('../../node_modules/pagefind/lib/runner/bin.cjs', import.meta.url),
);

const page = (lang: string, title: string, body: string, searchable = true) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><nav>site menu words</nav><main${searchable ? ' data-pagefind-body' : ''}>` +
  `<h1>${title}</h1><p>${body}</p></main></body></html>`;

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
    // What the site's search loads stays (pagefind.js, its worker and WebAssembly, the entry
    // and each language's metadata, and the index's folders); pagefind's own interfaces go.
    const kept = readdirSync(join(site, 'pagefind')).sort();
    expect(kept).toContain('pagefind.js');
    expect(kept).toContain('pagefind-worker.js');
    expect(
      kept.filter(
        (f) =>
          !/^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|pagefind\..+\.pf_meta|wasm\..+\.pagefind|fragment|index|filter)$/.test(
            f,
          ),
      ),
    ).toEqual([]);
  });

  it('fails with pagefind’s exit when the glob names no page', async () => {
    const site = siteWith({ 'a/index.html': page('en', 'First', 'one') });
    await expect(writeSearchIndex(site, 'nothing/*.html', PAGEFIND)).rejects.toThrow(
      /pagefind failed/,
    );
  });
});

describe('cborTextStrings', () => {
  it('finds the text strings at every depth, and skips numbers, bytes and tags', () => {
    // [ "ab", 500, { "k": "v" }, h'6869', 1("t"), [_ "x", -2, 1.5 ], "日本" ] by hand (RFC 8949).
    const bytes = Uint8Array.from([
      0x87, 0x62, 0x61, 0x62, 0x19, 0x01, 0xf4, 0xa1, 0x61, 0x6b, 0x61, 0x76, 0x42, 0x68, 0x69,
      0xc1, 0x61, 0x74, 0x9f, 0x61, 0x78, 0x21, 0xf9, 0x3e, 0x00, 0xff, 0x66, 0xe6, 0x97, 0xa5,
      0xe6, 0x9c, 0xac,
    ]);
    expect([...cborTextStrings(bytes)].sort()).toEqual(['ab', 'k', 't', 'v', 'x', '日本'].sort());
  });

  it('refuses a document that ends early', () => {
    expect(() => cborTextStrings(Uint8Array.from([0x82, 0x61, 0x61]))).toThrow(/ends early/);
    expect(() => cborTextStrings(Uint8Array.from([0x65, 0x61]))).toThrow(/past the end/);
  });
});

describe('unusedIndexFiles', () => {
  it('leaves after a second run of pagefind the files a run on a new folder writes', async () => {
    const pages: Record<string, string> = {
      'index.html': page('en', 'Home', 'Welcome to the checklist.'),
      'controls/1.1/index.html': page('en', 'Backups', 'The partner restores a backup.'),
      'controls/1.2/index.html': page('en', 'Patching', 'The partner patches each month.'),
      'ja/controls/1.1/index.html': page('ja', 'バックアップ', 'パートナーは復元します。'),
      'ja/controls/1.2/index.html': page('ja', 'パッチ', 'パートナーは毎月パッチを当てます。'),
    };
    const site = siteWith(pages);
    await writeSearchIndex(site, '**/*.html', PAGEFIND);
    // Whatever their time, the index keeps the files it names: all but its fixed scripts,
    // styles and WebAssembly, which pagefind writes on every run.
    const fixed = readdirSync(join(site, 'pagefind'), { withFileTypes: true })
      .filter((e) => e.isFile() && !/^pagefind(-entry\.json|\..+\.pf_meta)$/.test(e.name))
      .map((e) => `pagefind/${e.name}`)
      .sort();
    expect(fixed).toContain('pagefind/pagefind.js');
    expect(unusedIndexFiles(site, Date.now() + 60_000)).toEqual(fixed);

    // The next build rewords one page and removes another; pagefind runs on the kept output.
    writeFileSync(
      join(site, 'controls/1.1/index.html'),
      page('en', 'Backups', 'The partner restores a backup twice a year.'),
    );
    rmSync(join(site, 'ja/controls/1.2'), { recursive: true });
    const since = Date.now();
    await new Promise((r) => setTimeout(r, 20));
    await writeSearchIndex(site, '**/*.html', PAGEFIND);

    const fresh = join(mkdtempSync(join(tmpdir(), 'mce-search-fresh-')), 'dist');
    cpSync(site, fresh, { recursive: true });
    rmSync(join(fresh, 'pagefind'), { recursive: true });
    await writeSearchIndex(fresh, '**/*.html', PAGEFIND);
    const expected = filesBelow(join(fresh, 'pagefind'));

    const unused = unusedIndexFiles(site, since);
    expect(unused.length).toBeGreaterThan(0);
    expect(unused.every((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(unused.every((f) => statSync(join(site, f)).mtimeMs < since)).toBe(true);
    for (const f of unused) rmSync(join(site, f));
    expect(filesBelow(join(site, 'pagefind'))).toEqual(expected);
    expect(indexedUrls(site)).toEqual(
      ['/', '/controls/1.1/', '/controls/1.2/', '/ja/controls/1.1/'].sort(),
    );
  });

  it('has nothing to say of a build without a search index', () => {
    expect(unusedIndexFiles(siteWith({ 'index.html': page('en', 'Home', 'x') }), 0)).toEqual([]);
  });
});
