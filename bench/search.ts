/**
 * Search figures for `npm run bench` (scripts/bench.ts calls `benchSearch`):
 * - pagefind index size per language, and what the first query downloads;
 * - pagefind query time in Chromium, raw and through the search page, median of a few queries;
 * - palette (fuse.js) query time and index size over 1,000 synthetic items.
 * Measurement only: nothing here is asserted, and no test runs it.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { generateBenchContent } from '../scripts/lib/bench-content.ts';
import { buildCatalog } from '../src/lib/catalog.ts';
import { compileContent } from '../src/lib/load.ts';
import { LANGS, type Lang } from '../src/lib/model.ts';
import { buildPaletteIndex, type PaletteEntry } from '../src/lib/search/palette-index.ts';
import { createPaletteSearch } from '../src/lib/search/palette-search.ts';
import { openSite } from '../scripts/lib/site-browser.ts';

/** Queries timed in each language: an id, topics, a phrase. */
const QUERIES: Record<Lang, string[]> = {
  en: ['8.1.10', 'MFA', 'case study', 'social engineering', 'audit findings'],
  ja: ['8.1.10', '多要素認証', '事例', 'ソーシャルエンジニアリング', '営業日'],
};
const RUNS = 5;
const PALETTE_ITEMS = 1000;
const PALETTE_RUNS = 21;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const kb = (bytes: number) => round(bytes / 1024, 1);

/** Bytes of the pagefind files of one language: metadata, index, fragment and filter chunks. */
async function languageIndexBytes(
  pagefind: string,
  lang: Lang,
): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  const add = async (path: string) => {
    bytes += (await stat(path)).size;
    files++;
  };
  for (const name of await readdir(pagefind)) {
    if (name.startsWith(`pagefind.${lang}_`)) await add(join(pagefind, name));
  }
  for (const dir of ['index', 'fragment', 'filter']) {
    if (!existsSync(join(pagefind, dir))) continue;
    for (const name of await readdir(join(pagefind, dir))) {
      if (name.startsWith(`${lang}_`)) await add(join(pagefind, dir, name));
    }
  }
  return { bytes, files };
}

/** A typing slip: two neighbouring letters of the longest word swapped. */
function slip(text: string): string {
  const word = text.split(/\s+/).sort((a, b) => b.length - a.length)[0] ?? text;
  const i = Math.floor(word.length / 2);
  return word.length < 4
    ? text
    : text.replace(word, word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1));
}

/** Median fuse.js query time (Node's V8) over a palette index of synthetic items. */
function paletteFigures(): Record<string, number> {
  const bundle = compileContent(generateBenchContent({ items: PALETTE_ITEMS, versions: 1 }));
  const catalog = buildCatalog(bundle);
  const out: Record<string, number> = {};
  for (const lang of LANGS) {
    const index = buildPaletteIndex(catalog, lang);
    const entries: PaletteEntry[] = index.entries;
    const json = JSON.stringify(index);
    const t0 = performance.now();
    const search = createPaletteSearch(entries);
    const buildMs = performance.now() - t0;
    const sample = entries[Math.floor(entries.length / 2)]!;
    const timed = (q: string) => {
      search(q); // warm-up
      return Array.from({ length: PALETTE_RUNS }, () => {
        const t = performance.now();
        search(q);
        return performance.now() - t;
      });
    };
    // Found by id or by containing the words, the common case; a typo goes through fuse.js.
    const exact = [sample.id, sample.title, sample.terms[0] ?? sample.altTitle].flatMap(timed);
    const typo = timed(lang === 'en' ? slip(sample.title) : `${sample.title.slice(0, 4)}ー`);
    out[`palette ${lang}: items`] = entries.length;
    out[`palette ${lang}: index JSON (KB, gzipped)`] = kb(gzipSync(json).length);
    out[`palette ${lang}: build search (ms)`] = round(buildMs);
    out[`palette ${lang}: id/title/alias query median (ms, Node)`] = round(median(exact), 3);
    out[`palette ${lang}: typo query median (ms, Node)`] = round(median(typo), 3);
  }
  return out;
}

/** Pagefind in Chromium on the built site: download of a first query, raw and page timings. */
async function pagefindFigures(dist: string, base: string): Promise<Record<string, number>> {
  const site = await openSite({ dist, base });
  const out: Record<string, number> = {};
  try {
    for (const lang of LANGS) {
      const prefix = lang === 'ja' ? '/ja' : '';
      const page = await site.newPage();
      let downloaded = 0;
      page.on('response', (r) => {
        if (r.url().includes('/pagefind/')) {
          void r
            .body()
            .then((b) => (downloaded += b.length))
            .catch(() => {});
        }
      });
      await page.goto(site.url(`${prefix}/search/`));
      const first = QUERIES[lang][1]!;
      // Raw pagefind: load, then each query RUNS times with its top five results' data.
      const raw = await page.evaluate(
        async ({ queries, runs, root, first }) => {
          const pf = await import(`${root}pagefind/pagefind.js`);
          await pf.options({ baseUrl: root });
          const t0 = performance.now();
          await pf.init();
          const s0 = await pf.search(first);
          await Promise.all(
            s0.results.slice(0, 5).map((r: { data(): Promise<unknown> }) => r.data()),
          );
          const firstMs = performance.now() - t0;
          const search: number[] = [];
          const withData: number[] = [];
          for (const q of queries) {
            for (let i = 0; i < runs; i++) {
              const a = performance.now();
              const s = await pf.search(q);
              const b = performance.now();
              await Promise.all(
                s.results.slice(0, 5).map((r: { data(): Promise<unknown> }) => r.data()),
              );
              search.push(b - a);
              withData.push(performance.now() - a);
            }
          }
          return { firstMs, search, withData };
        },
        { queries: QUERIES[lang], runs: RUNS, root: base, first },
      );
      await page.waitForLoadState('networkidle');
      out[`pagefind ${lang}: first query incl. loading (ms)`] = round(raw.firstMs, 1);
      out[`pagefind ${lang}: downloaded for that (KB, uncompressed)`] = kb(downloaded);
      out[`pagefind ${lang}: query median (ms)`] = round(median(raw.search));
      out[`pagefind ${lang}: query + top 5 results median (ms)`] = round(median(raw.withData));

      // The search page end to end: submit to results rendered (id merge and rendering included).
      const pageTimes: number[] = [];
      for (const q of QUERIES[lang]) {
        for (let i = 0; i < RUNS; i++) {
          pageTimes.push(
            await page.evaluate(async (q) => {
              const input = document.querySelector<HTMLInputElement>('#search-q')!;
              const list = document.querySelector('.search-results')!;
              const form = input.form!;
              input.value = q;
              const t0 = performance.now();
              form.requestSubmit();
              await new Promise<void>((resolve) => {
                const check = () =>
                  list.hasAttribute('aria-busy') ? requestAnimationFrame(check) : resolve();
                check();
              });
              return performance.now() - t0;
            }, q),
          );
        }
      }
      out[`search page ${lang}: query to results median (ms)`] = round(median(pageTimes), 1);
    }
  } finally {
    await site.close();
  }
  return out;
}

/** All search figures, flat, for the benchmark report. */
export async function benchSearch(opts: {
  dist: string;
  base: string;
}): Promise<Record<string, number | string>> {
  const pagefind = join(opts.dist, 'pagefind');
  const entry = JSON.parse(await readFile(join(pagefind, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const out: Record<string, number | string> = {};
  for (const lang of LANGS) {
    const size = await languageIndexBytes(pagefind, lang);
    out[`pagefind ${lang}: pages indexed`] = entry.languages[lang]?.page_count ?? 0;
    out[`pagefind ${lang}: index (KB)`] = kb(size.bytes);
    out[`pagefind ${lang}: index files`] = size.files;
  }
  Object.assign(out, await pagefindFigures(opts.dist, opts.base));
  Object.assign(out, paletteFigures());
  out['queries timed'] =
    `${LANGS.map((l) => QUERIES[l].join(', ')).join(' / ')}; ${RUNS} runs each`;
  return out;
}
