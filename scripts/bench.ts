/**
 * The benchmark: `npm run bench` (never part of `npm test`). Writes bench/report.md and
 * bench/report.json with
 * - production build time (Astro and pagefind apart), time per page, dist and pagefind index
 *   size for synthetic checklists of N items × V versions in both languages;
 * - page weight per page type, and Lighthouse scores for the home, a control and a compare page,
 *   on the real site;
 * - the time computeVersionDiff takes on two synthetic versions of 1,000 items;
 * - figures other modules add (bench/search.ts, when it exists).
 * Options: --sizes=100,1000,3000 --versions=2 --lighthouse-runs=3 --no-lighthouse.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result as LighthouseResult } from 'lighthouse';
import * as prettier from 'prettier';
import { compileContent } from '../src/lib/load.ts';
import { computeVersionDiff } from '../src/lib/version-diff.ts';
import { generateBenchContent, writeBenchContent } from './lib/bench-content.ts';
import {
  budgetFor,
  heaviestByType,
  weighBuild,
  type Budgets,
  type WeighedPage,
} from './lib/page-weight.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/site-browser.ts';
import { startStaticServer } from './lib/static-server.ts';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,3000' },
    versions: { type: 'string', default: '2' },
    'lighthouse-runs': { type: 'string', default: '3' },
    'no-lighthouse': { type: 'boolean', default: false },
  },
});
const SIZES = args.sizes.split(',').map(Number);
const VERSIONS = Number(args.versions);
const LIGHTHOUSE_RUNS = Number(args['lighthouse-runs']);
const OUT = resolve('bench');
const SITE_DIR = join(OUT, 'out', 'site');

const log = (message: string) => console.log(`[bench] ${message}`);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Bytes and files below a folder. */
async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let bytes = 0;
  let files = 0;
  for (const e of entries) {
    if (!e.isFile()) continue;
    bytes += (await stat(join(e.parentPath, e.name))).size;
    files++;
  }
  return { bytes, files };
}

async function countHtml(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter(
    (e) => e.isFile() && e.name.endsWith('.html') && !e.parentPath.includes('pagefind'),
  ).length;
}

/** Runs the production build; returns Astro and pagefind durations in ms. */
async function build(
  env: Record<string, string>,
): Promise<{ astroMs: number; pagefindMs: number }> {
  const timings = join(await mkdtemp(join(tmpdir(), 'msp-timings-')), 'timings.json');
  const r = spawnSync(process.execPath, ['scripts/build.ts'], {
    stdio: 'inherit',
    env: { ...process.env, MSP_BASE: '/', ...env, MSP_TIMINGS_FILE: timings },
  });
  if (r.status !== 0) throw new Error(`build failed (${JSON.stringify(env)})`);
  const t = JSON.parse(await readFile(timings, 'utf8')) as { astroMs: number; pagefindMs: number };
  await rm(join(timings, '..'), { recursive: true, force: true });
  return t;
}

interface ScaleRow {
  items: number;
  versions: number;
  pages: number;
  astroS: number;
  pagefindS: number;
  msPerPage: number;
  msPerPageAll: number;
  distMB: number;
  distFiles: number;
  pagefindMB: number;
  /** One-minute load average when the build ended: above the core count, others shared the CPU. */
  load: number;
}

async function scaleRun(items: number): Promise<ScaleRow> {
  const work = await mkdtemp(join(tmpdir(), `msp-bench-${items}-`));
  try {
    const content = join(work, 'content');
    const dist = join(work, 'dist');
    await writeBenchContent(content, generateBenchContent({ items, versions: VERSIONS }));
    log(`building ${items} items × ${VERSIONS} versions`);
    const t = await build({ MSP_CONTENT_DIR: content, MSP_OUT_DIR: dist });
    const pages = await countHtml(dist);
    const size = await folderSize(dist);
    const pagefind = await folderSize(join(dist, 'pagefind'));
    return {
      items,
      versions: VERSIONS,
      pages,
      astroS: t.astroMs / 1000,
      pagefindS: t.pagefindMs / 1000,
      msPerPage: t.astroMs / pages,
      msPerPageAll: (t.astroMs + t.pagefindMs) / pages,
      distMB: size.bytes / 1024 / 1024,
      distFiles: size.files,
      pagefindMB: pagefind.bytes / 1024 / 1024,
      load: loadavg()[0]!,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function diffTiming(items: number) {
  const bundle = compileContent(generateBenchContent({ items, versions: 2 }));
  const [from, to] = bundle.versions as [(typeof bundle.versions)[0], (typeof bundle.versions)[0]];
  const notes = bundle.notes[0];
  computeVersionDiff(from, to, { notes }); // warm-up
  const runs = Array.from({ length: 7 }, () => {
    const t0 = performance.now();
    computeVersionDiff(from, to, { notes });
    return performance.now() - t0;
  });
  const counts = computeVersionDiff(from, to, { notes }).counts;
  return { items, medianMs: median(runs), minMs: Math.min(...runs), counts };
}

interface LighthouseRow {
  page: string;
  path: string;
  runs: number;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  transferKB: number;
  /** Pass/fail audits that failed in the first run. */
  failedAudits: string[];
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

async function lighthouseRuns(targets: { page: string; path: string }[]): Promise<LighthouseRow[]> {
  const server = await startStaticServer({ root: SITE_DIR, base: '/' });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const rows: LighthouseRow[] = [];
    for (const target of targets) {
      const url = new URL(target.path.slice(1), server.url).href;
      const results: LighthouseResult[] = [];
      for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
        log(`lighthouse ${target.path} (${i + 1}/${LIGHTHOUSE_RUNS})`);
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: CATEGORIES,
        });
        if (!result) throw new Error(`lighthouse gave no result for ${url}`);
        results.push(result.lhr);
      }
      const score = (id: string) =>
        median(results.map((r) => Math.round((r.categories[id]?.score ?? 0) * 100)));
      const metric = (id: string) => median(results.map((r) => r.audits[id]?.numericValue ?? NaN));
      const failedAudits = Object.values(results[0]!.audits)
        .filter((a) => a.scoreDisplayMode === 'binary' && a.score === 0)
        .map((a) => a.id);
      rows.push({
        ...target,
        failedAudits,
        runs: results.length,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        fcpMs: metric('first-contentful-paint'),
        lcpMs: metric('largest-contentful-paint'),
        tbtMs: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
        transferKB: metric('total-byte-weight') / 1024,
      });
    }
    return rows;
  } finally {
    chrome.kill();
    await server.close();
  }
}

/** Figures from bench/search.ts, when another module provides it. */
async function searchFigures(): Promise<{ present: boolean; figures?: unknown; error?: string }> {
  const file = join(OUT, 'search.ts');
  if (!existsSync(file)) return { present: false };
  try {
    const mod = (await import(pathToFileURL(file).href)) as {
      benchSearch?: (o: { dist: string; base: string }) => Promise<unknown>;
    };
    if (typeof mod.benchSearch !== 'function') {
      return { present: true, error: 'bench/search.ts exports no benchSearch function' };
    }
    return { present: true, figures: await mod.benchSearch({ dist: SITE_DIR, base: '/' }) };
  } catch (e) {
    return { present: true, error: String(e instanceof Error ? (e.stack ?? e.message) : e) };
  }
}

function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Search figures as Markdown: the module's own `markdown`, a flat table, or JSON. */
function searchMarkdown(search: Awaited<ReturnType<typeof searchFigures>>): string {
  if (!search.present) {
    return 'bench/search.ts is absent: no search figures in this run.';
  }
  if (search.error) return `bench/search.ts failed:\n\n\`\`\`\n${search.error}\n\`\`\``;
  const f = search.figures;
  if (f && typeof f === 'object' && 'markdown' in f && typeof f.markdown === 'string') {
    return f.markdown;
  }
  if (f && typeof f === 'object' && Object.values(f).every((v) => typeof v !== 'object')) {
    return table(
      ['figure', 'value'],
      Object.entries(f).map(([k, v]) => [k, String(v)]),
    );
  }
  return `\`\`\`json\n${JSON.stringify(f, null, 2)}\n\`\`\``;
}

const started = Date.now();
await mkdir(join(OUT, 'out'), { recursive: true });

log('building the real site');
await rm(SITE_DIR, { recursive: true, force: true });
const realBuild = await build({ MSP_OUT_DIR: SITE_DIR });
const realPages = await countHtml(SITE_DIR);
const budgets = JSON.parse(await readFile('budgets.json', 'utf8')) as Budgets;
const weights = await weighBuild({ dist: SITE_DIR, base: '/' });
const heaviest = heaviestByType(weights);

const scale: ScaleRow[] = [];
for (const n of SIZES) {
  const row = await scaleRun(n);
  log(`${n} items: ${row.pages} pages, astro ${row.astroS.toFixed(1)} s`);
  scale.push(row);
}

log('timing computeVersionDiff');
const diff = diffTiming(1000);

const pick = (type: string) => heaviest.find((p) => p.type === type);
const lighthouseTargets = [
  { page: 'home', path: '/' },
  { page: 'control', path: pick('/controls/<id>/')?.path },
  { page: 'compare', path: pick('/compare/<pair>/')?.path },
].filter((t): t is { page: string; path: string } => typeof t.path === 'string');
const lighthouseRows = args['no-lighthouse'] ? [] : await lighthouseRuns(lighthouseTargets);

log('search figures');
const search = await searchFigures();
const totalS = (Date.now() - started) / 1000;

const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGB: Math.round(totalmem() / 1024 ** 3),
  node: process.version,
};
const weightRow = (p: WeighedPage) => ({
  type: p.type,
  path: p.path,
  htmlKB: +kb(p.html),
  cssKB: +kb(p.css),
  jsKB: +kb(p.js),
  totalKB: +kb(p.total),
  budget: budgetFor(budgets, p.type),
});
const report = {
  generated: new Date().toISOString(),
  durationS: Math.round(totalS),
  machine,
  realSite: {
    pages: realPages,
    astroS: realBuild.astroMs / 1000,
    pagefindS: realBuild.pagefindMs / 1000,
  },
  scale,
  pageWeight: heaviest.map(weightRow),
  lighthouse: lighthouseRows,
  diff,
  search,
};

const base = scale[0];
/** Astro time per extra page since the previous size: flat when the build scales linearly. */
const marginal = (i: number) => {
  const [a, b] = [scale[i - 1], scale[i]];
  if (!a || !b || b.pages === a.pages) return '–';
  return (((b.astroS - a.astroS) * 1000) / (b.pages - a.pages)).toFixed(2);
};
const md = `# Benchmark report

Generated by \`npm run bench\` on ${report.generated} in ${Math.round(totalS)} s.
Machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGB} GB, Node ${machine.node}.

## Build time as the checklist grows

Synthetic checklists (scripts/lib/bench-content.ts): N items × ${VERSIONS} versions, English and
Japanese, about 1 in 8 items changed between versions. Pages are every HTML page built (item
pages for the latest and each pinned version, lists, compare, home) in both languages.
Time per page should stay flat as N grows. "load" is the one-minute load average when the
build ended: above ${machine.cpus}, other processes shared the CPU and the times are inflated.

${table(
  [
    'items',
    'pages',
    'Astro (s)',
    'pagefind (s)',
    'Astro ms/page',
    'all ms/page',
    'ms/page vs first row',
    'marginal Astro ms/page',
    'dist (MB)',
    'dist files',
    'pagefind index (MB)',
    'load',
  ],
  scale.map((r, i) => [
    r.items.toLocaleString('en'),
    r.pages.toLocaleString('en'),
    r.astroS.toFixed(1),
    r.pagefindS.toFixed(1),
    r.msPerPage.toFixed(2),
    r.msPerPageAll.toFixed(2),
    base ? `× ${(r.msPerPageAll / base.msPerPageAll).toFixed(2)}` : '',
    marginal(i),
    r.distMB.toFixed(1),
    r.distFiles.toLocaleString('en'),
    r.pagefindMB.toFixed(1),
    r.load.toFixed(1),
  ]),
)}

The real site: ${realPages} pages, Astro ${report.realSite.astroS.toFixed(1)} s, pagefind ${report.realSite.pagefindS.toFixed(1)} s.

## Page weight per page type (real site)

Heaviest page of each type, KB gzipped, measured from the files each page loads before
interaction (budgets.json; \`npm test\` fails on any page over its budget).

${table(
  ['page type', 'heaviest page', 'HTML', 'CSS', 'JS', 'total', 'budget (JS / total)'],
  report.pageWeight.map((w) => [
    `\`${w.type}\``,
    `\`${w.path}\``,
    w.htmlKB.toFixed(1),
    w.cssKB.toFixed(1),
    w.jsKB.toFixed(1),
    w.totalKB.toFixed(1),
    `${w.budget.js ?? '–'} / ${w.budget.total ?? '–'}`,
  ]),
)}

## Lighthouse (real site)

${
  lighthouseRows.length === 0
    ? 'Skipped (--no-lighthouse).'
    : `Lighthouse 12 with its default mobile settings (simulated throttling), Chromium headless,
served by scripts/lib/static-server.ts on loopback (which does not compress: the transfer column is
uncompressed bytes); median of ${LIGHTHOUSE_RUNS} run(s).

${table(
  [
    'page',
    'path',
    'performance',
    'accessibility',
    'best practices',
    'SEO',
    'FCP (ms)',
    'LCP (ms)',
    'TBT (ms)',
    'CLS',
    'transfer (KB)',
  ],
  lighthouseRows.map((r) => [
    r.page,
    `\`${r.path}\``,
    r.performance,
    r.accessibility,
    r.bestPractices,
    r.seo,
    Math.round(r.fcpMs),
    Math.round(r.lcpMs),
    Math.round(r.tbtMs),
    r.cls.toFixed(3),
    r.transferKB.toFixed(1),
  ]),
)}

Failed audits: ${lighthouseRows.map((r) => `${r.page}: ${r.failedAudits.map((a) => `\`${a}\``).join(', ') || 'none'}`).join('; ')}.`
}

## Version diff

\`computeVersionDiff\` on two synthetic versions of ${diff.items.toLocaleString('en')} items
(${Object.entries(diff.counts)
  .filter(([, n]) => n > 0)
  .map(([k, n]) => `${n} ${k}`)
  .join(
    ', ',
  )}): median ${diff.medianMs.toFixed(1)} ms, fastest ${diff.minMs.toFixed(1)} ms over 7 runs.

## Search

${searchMarkdown(search)}
`;

await writeFile(join(OUT, 'report.md'), md);
await writeFile(
  join(OUT, 'report.json'),
  await prettier.format(JSON.stringify(report), { parser: 'json' }),
);
log(`wrote bench/report.md and bench/report.json in ${Math.round(totalS)} s`);
