/**
 * The benchmark: `npm run bench` (never part of `npm test`). Writes bench/report.md and
 * bench/report.json with
 * - production build time (Astro and pagefind apart), time per page, dist and pagefind index
 *   size for synthetic checklists of N items × V versions in both languages;
 * - cold and warm builds of the same synthetic checklist at about 400 and 4,000 pages: time,
 *   CPU time and peak memory from the OS, dist size and bytes per page, and what a control
 *   page loads before the reader interacts (in Chromium, code fetched by observers included);
 * - page weight per page type, and Lighthouse scores for the home, a control and a compare page,
 *   on the real site;
 * - the same pages built by Starlight, side by side with each cold build (the peer,
 *   scripts/lib/bench-peer.ts; installed once from the npm registry into
 *   node_modules/.cache/starlight-peer/);
 * - the time computeVersionDiff takes on two synthetic versions of 1,000 items;
 * - figures other modules add (bench/search.ts, when it exists).
 * Options: --sizes=100,1000,3000 --versions=2 --build-items=66,660 --lighthouse-runs=3
 * --build-runs=5 --no-lighthouse --no-peer.
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
import { compileContent, type RawFile } from '../src/lib/load.ts';
import { yamlCacheFile } from '../src/lib/yaml-cache.ts';
import { computeVersionDiff } from '../src/lib/version-diff.ts';
import { generateBenchContent, rewordOneItem, writeBenchContent } from './lib/bench-content.ts';
import {
  clearPeerCaches,
  installPeer,
  peerVersions,
  removePeerSite,
  writePeerSite,
} from './lib/bench-peer.ts';
import { phaseDurations, type AstroPhases, type PhaseMarks } from './lib/build-phases.ts';
import { ASTRO_CACHE_DIR } from './lib/kept-output.ts';
import { fileOfUrl } from './lib/built-site.ts';
import {
  budgetFor,
  gzipSize,
  heaviestByType,
  weighBuild,
  type Budgets,
  type WeighedPage,
} from './lib/page-weight.ts';
import { ensureProgram } from './lib/debian-program.ts';
import { CHROMIUM, CHROMIUM_ARGS, openSite } from './lib/site-browser.ts';
import { startStaticServer } from './lib/static-server.ts';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,3000' },
    'build-items': { type: 'string', default: '66,660' },
    versions: { type: 'string', default: '2' },
    'lighthouse-runs': { type: 'string', default: '3' },
    'build-runs': { type: 'string', default: '5' },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-peer': { type: 'boolean', default: false },
  },
});
const SIZES = args.sizes.split(',').map(Number);
const BUILD_ITEMS = args['build-items'].split(',').map(Number);
const VERSIONS = Number(args.versions);
const LIGHTHOUSE_RUNS = Number(args['lighthouse-runs']);
/** Cold and warm builds each run this many times; the report shows the median and the range. */
const BUILD_RUNS = Number(args['build-runs']);
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
  /** User + system CPU time of the whole build, and per page: what load does not inflate much. */
  cpuS: number;
  cpuMsPerPage: number;
  /** Largest resident set of any one process of the build. */
  maxRssMB: number;
  /** One-minute load average when the build ended: above the core count, others shared the CPU. */
  load: number;
}

/** Runs `fn` on a synthetic checklist of `items` × VERSIONS written to a scratch folder. */
async function withSyntheticSite<T>(
  items: number,
  fn: (site: { content: string; dist: string; files: RawFile[] }) => Promise<T>,
): Promise<T> {
  const work = await mkdtemp(join(tmpdir(), `msp-bench-${items}-`));
  try {
    const content = join(work, 'content');
    const files = generateBenchContent({ items, versions: VERSIONS });
    await writeBenchContent(content, files);
    return await fn({ content, dist: join(work, 'dist'), files });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function scaleRun(items: number): Promise<ScaleRow> {
  return withSyntheticSite(items, async ({ content, dist }) => {
    log(`building ${items} items × ${VERSIONS} versions`);
    const t = await measuredBuild({ MSP_CONTENT_DIR: content, MSP_OUT_DIR: dist });
    const pages = await countHtml(dist);
    const size = await folderSize(dist);
    const pagefind = await folderSize(join(dist, 'pagefind'));
    return {
      items,
      versions: VERSIONS,
      pages,
      astroS: t.astroS,
      pagefindS: t.pagefindS,
      msPerPage: (t.astroS * 1000) / pages,
      msPerPageAll: ((t.astroS + t.pagefindS) * 1000) / pages,
      distMB: size.bytes / 1024 / 1024,
      distFiles: size.files,
      pagefindMB: pagefind.bytes / 1024 / 1024,
      cpuS: t.cpuS,
      cpuMsPerPage: (t.cpuS * 1000) / pages,
      maxRssMB: t.maxRssMB,
      load: t.load,
    };
  });
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

/** A table from rows and their columns, each a heading and how to show a row's cell. */
function columns<T>(rows: T[], cols: [string, (row: T) => string | number][]): string {
  return table(
    cols.map(([head]) => head),
    rows.map((r) => cols.map(([, cell]) => cell(r))),
  );
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

/**
 * The figures the issue measured for Starlight 0.42 on Astro 7 on the same machine (issue 15),
 * kept as a reference beside the peer this run builds.
 */
const STARLIGHT = {
  buildS: { 400: 10.6, 4000: 38.7 } as Record<number, number>,
  peakMemoryMB: 1.56 * 1024,
  distMB: 98,
  controlFirstViewKB: 21.5,
};

/** One production build as the OS saw it. */
interface BuildRun {
  astroS: number;
  /** The content security policy pass over every page. */
  policyS: number;
  pagefindS: number;
  /** Astro's time phase by phase (scripts/lib/build-phases.ts). */
  astroPhases: AstroPhases;
  /** Wall time of the whole build (scripts/build.ts), old output removal included. */
  wallS: number;
  /** User + system CPU time of the build and every process it started. */
  cpuS: number;
  /** Largest resident set of any one process of the build (Astro or pagefind), from the OS. */
  maxRssMB: number;
  /** One-minute load average when the build ended. */
  load: number;
}

/** A command as the OS saw it. */
type TimedRun = Pick<BuildRun, 'wallS' | 'cpuS' | 'maxRssMB' | 'load'>;

/**
 * Runs a Node script under GNU time, which reports the CPU time of the whole process tree
 * (every process the script waited for) and the largest resident set among those processes.
 */
async function timedNode(
  what: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<TimedRun> {
  const work = await mkdtemp(join(tmpdir(), 'msp-time-'));
  const usage = join(work, 'usage.txt');
  try {
    const r = spawnSync(
      '/usr/bin/time',
      ['-f', '%e %U %S %M', '-o', usage, process.execPath, ...args],
      {
        stdio: 'inherit',
        ...options,
      },
    );
    if (r.error) throw new Error(`/usr/bin/time could not run ${what}: ${r.error.message}`);
    if (r.status !== 0) throw new Error(`${what} failed`);
    const [wall, user, sys, rssKB] = (await readFile(usage, 'utf8'))
      .trim()
      .split(/\s+/)
      .slice(-4)
      .map(Number);
    return { wallS: wall!, cpuS: user! + sys!, maxRssMB: rssKB! / 1024, load: loadavg()[0]! };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Runs scripts/build.ts, timed by the OS (timedNode) and, part by part, by the build itself. */
async function measuredBuild(env: Record<string, string>, args: string[] = []): Promise<BuildRun> {
  const work = await mkdtemp(join(tmpdir(), 'msp-build-'));
  const timings = join(work, 'timings.json');
  const phases = join(work, 'phases.json');
  try {
    const run = await timedNode(
      `the build (${JSON.stringify(env)})`,
      ['scripts/build.ts', ...args],
      {
        env: {
          ...process.env,
          MSP_BASE: '/',
          ...env,
          MSP_TIMINGS_FILE: timings,
          MSP_PHASES_FILE: phases,
        },
      },
    );
    const t = JSON.parse(await readFile(timings, 'utf8')) as {
      astroMs: number;
      policyMs: number;
      pagefindMs: number;
    };
    return {
      astroS: t.astroMs / 1000,
      policyS: t.policyMs / 1000,
      pagefindS: t.pagefindMs / 1000,
      astroPhases: phaseDurations(JSON.parse(await readFile(phases, 'utf8')) as PhaseMarks),
      ...run,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Where the peer's packages are installed, outside the project's dependencies. */
const PEER_INSTALL = resolve('node_modules/.cache/starlight-peer');
const PEER_VERSIONS = peerVersions();
const peer = args['no-peer'] ? { error: 'not built (--no-peer)' } : installPeer(PEER_INSTALL);
if ('error' in peer) log(`Starlight peer: ${peer.error}`);

/** The peer's cold builds beside this site's, at one size. */
interface PeerRow {
  /** HTML pages the peer built (its 404 page included, as this site's count includes ours). */
  pages: number;
  /** The run of median wall time. */
  cold: TimedRun;
  /** Each cold build, paired with one of this site's, in the order run. */
  colds: TimedRun[];
  /** This site's cold build ÷ the peer's of the same pair, wall time, in the order run. */
  ratios: number[];
  distMB: number;
  distApparentMB: number;
}

/**
 * Builds the peer site (writePeerSite) with `astro build`, cold (its caches removed), into the
 * folder `out` of the install folder.
 */
async function peerBuild(out: string): Promise<TimedRun> {
  if ('error' in peer) throw new Error(peer.error);
  await clearPeerCaches(peer.dir);
  const astro = join(peer.dir, 'node_modules/astro/bin/astro.mjs');
  return timedNode('the Starlight build', [astro, 'build', '--silent', '--outDir', out], {
    cwd: peer.dir,
  });
}

/** Bytes of a folder as `du -sb` counts them: every file, plus every folder's own entry. */
async function apparentSize(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let bytes = (await stat(dir)).size;
  for (const e of entries) bytes += (await stat(join(e.parentPath, e.name))).size;
  return bytes;
}

/** What a page loads before the reader does anything, gzipped, by kind of file. */
interface FirstView {
  path: string;
  /** Viewport the page was opened in (observers load what is near it). */
  viewport: string;
  totalKB: number;
  htmlKB: number;
  cssKB: number;
  jsKB: number;
  otherKB: number;
  requests: number;
}

/**
 * Opens a page in Chromium, waits until the network has been idle for a second, and weighs
 * every file the page requested (read from the build and gzipped, as a server with gzip on
 * would send it): scripts that observers import at load are counted, code loaded on a click
 * is not.
 */
async function firstView(dist: string, path: string): Promise<FirstView> {
  const viewport = { width: 1280, height: 800 };
  const site = await openSite({ dist, base: '/' });
  try {
    const page = await site.newPage({ viewport });
    const urls = new Map<string, string>();
    page.on('request', (req) => urls.set(req.url(), req.resourceType()));
    await page.goto(site.url(path), { waitUntil: 'networkidle' });
    await page.waitForTimeout(1000);
    const kb = { html: 0, css: 0, js: 0, other: 0 };
    for (const [url, type] of urls) {
      const file = fileOfUrl(url.replace(/[?#].*$/, ''), { dist, base: '/' });
      if (!file || !existsSync(file)) continue;
      const kind =
        type === 'document'
          ? 'html'
          : type === 'stylesheet'
            ? 'css'
            : type === 'script'
              ? 'js'
              : 'other';
      kb[kind] += gzipSize(await readFile(file)) / 1024;
    }
    const total = kb.html + kb.css + kb.js + kb.other;
    return {
      path,
      viewport: `${viewport.width}×${viewport.height}`,
      totalKB: total,
      htmlKB: kb.html,
      cssKB: kb.css,
      jsKB: kb.js,
      otherKB: kb.other,
      requests: urls.size,
    };
  } finally {
    await site.close();
  }
}

interface ColdWarmRow {
  items: number;
  /** The same pages built by Starlight, side by side, or why not. */
  peer: PeerRow | { error: string };
  versions: number;
  pages: number;
  /** A build from scratch, as CI or a one-off private edition runs it: the median of `colds`. */
  cold: BuildRun;
  /** Each cold build, into a new folder each time, in the order run. */
  colds: BuildRun[];
  /** The same with MSP_INCREMENTAL=1 and --force: every page rendered, and kept in the cache. */
  primed: BuildRun;
  /**
   * The rebuild with MSP_INCREMENTAL=1 after one item file changed (rewordOneItem in
   * scripts/lib/bench-content.ts): the median of `warms`.
   */
  warm: BuildRun;
  /** Each warm rebuild, after another edit of the same file each time, in the order run. */
  warms: BuildRun[];
  /** Files of the build. */
  distMB: number;
  /** The same folder as `du -sb` counts it (folders included), as the Starlight figure was. */
  distApparentMB: number;
  bytesPerPage: number;
  firstView: FirstView;
}

/** ` (min–max)` of the runs' wall times, or nothing for one run. */
function wallRange(runs: readonly TimedRun[]): string {
  if (runs.length < 2) return '';
  const walls = runs.map((r) => r.wallS);
  return ` (${Math.min(...walls).toFixed(1)}–${Math.max(...walls).toFixed(1)})`;
}

/** The run of median wall time (of an odd number of runs; the later middle one otherwise). */
function medianRun<T extends TimedRun>(runs: T[]): T {
  const sorted = [...runs].sort((a, b) => a.wallS - b.wallS);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Cold builds, each into a new folder; then, with the incremental cache on, a build that
 * renders every page and keeps it, and rebuilds each after one more edit of one item file.
 */
function coldWarmRun(items: number): Promise<ColdWarmRow> {
  return withSyntheticSite(items, async ({ content, dist, files }) => {
    const env = { MSP_CONTENT_DIR: content, MSP_OUT_DIR: dist };
    const colds: BuildRun[] = [];
    const peerColds: TimedRun[] = [];
    let peerFailure: string | undefined;
    let pages = 0;
    let peerSize:
      { dist: { bytes: number; files: number }; apparent: number; pages: number } | undefined;
    const ours = async (i: number) => {
      log(`cold build ${i + 1}/${BUILD_RUNS}: ${items} items × ${VERSIONS} versions`);
      // `--force` empties Astro's data store; the parsed YAML the content loader keeps is
      // removed here, so that every cold build parses the whole content folder as CI does.
      await rm(yamlCacheFile(ASTRO_CACHE_DIR, resolve(content)), { force: true });
      const out = i === 0 ? dist : `${dist}-${i + 1}`;
      colds.push(await measuredBuild({ ...env, MSP_OUT_DIR: out }, ['--force']));
      if (i === 0) pages = await countHtml(dist);
    };
    const theirs = async (i: number) => {
      if ('error' in peer || peerFailure) return;
      log(`Starlight cold build ${i + 1}/${BUILD_RUNS}: ${pages} pages`);
      const out = `dist-${i + 1}`;
      try {
        // Starlight makes a 404 page too, as this site does: one content page fewer.
        if (i === 0) await writePeerSite(peer.dir, files, pages - 1);
        peerColds.push(await peerBuild(out));
      } catch (e) {
        // The report goes on without the peer, saying why.
        peerFailure = e instanceof Error ? e.message : String(e);
        log(`Starlight peer: ${peerFailure}`);
        return;
      }
      const peerDist = join(peer.dir, out);
      peerSize ??= {
        dist: await folderSize(peerDist),
        apparent: await apparentSize(peerDist),
        pages: await countHtml(peerDist),
      };
    };
    // The builds come in pairs, one of each, and which goes first alternates; this site's
    // first build counts the pages. Nothing is deleted until the series is over: on this
    // machine's file system, making files soon after many were deleted takes several times as
    // long, so a deletion before one build of a pair would weigh on the comparison.
    for (let i = 0; i < BUILD_RUNS; i++) {
      const pair = i % 2 === 0 ? [ours, theirs] : [theirs, ours];
      for (const build of pair) await build(i);
    }
    const size = await folderSize(dist);
    const distApparent = await apparentSize(dist);
    const latest = compileContent(files).versions.at(-1)!;
    const view = await firstView(dist, `/controls/${latest.items[0]!.id}/`);
    const cached = { ...env, MSP_INCREMENTAL: '1' };
    log('the same build with the incremental cache on');
    const primed = await measuredBuild(cached, ['--force']);
    const warms: BuildRun[] = [];
    for (let i = 0; i < BUILD_RUNS; i++) {
      const edit = rewordOneItem(files, i);
      await writeFile(join(content, edit.path), edit.text);
      log(`warm build ${i + 1}/${BUILD_RUNS}: ${edit.path} changed`);
      warms.push(await measuredBuild(cached));
    }
    // The peer's outputs go now, this site's with the scratch folder (withSyntheticSite).
    if (!('error' in peer)) await removePeerSite(peer.dir);
    const peerRow: ColdWarmRow['peer'] =
      'error' in peer || peerFailure || !peerSize
        ? { error: 'error' in peer ? peer.error : (peerFailure ?? 'not built') }
        : {
            pages: peerSize.pages,
            cold: medianRun(peerColds),
            colds: peerColds,
            ratios: colds.map((c, i) => c.wallS / peerColds[i]!.wallS),
            distMB: peerSize.dist.bytes / 1e6,
            distApparentMB: peerSize.apparent / 1e6,
          };
    return {
      items,
      peer: peerRow,
      versions: VERSIONS,
      pages,
      cold: medianRun(colds),
      colds,
      primed,
      warm: medianRun(warms),
      warms,
      distMB: size.bytes / 1e6,
      distApparentMB: distApparent / 1e6,
      bytesPerPage: size.bytes / pages,
      firstView: view,
    };
  });
}

// The first views and Lighthouse run in Chromium.
ensureProgram(CHROMIUM, 'chromium', 'Chromium');
const started = Date.now();
await mkdir(join(OUT, 'out'), { recursive: true });

log('building the real site');
await rm(SITE_DIR, { recursive: true, force: true });
const realBuild = await measuredBuild({ MSP_OUT_DIR: SITE_DIR });
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

const coldWarm: ColdWarmRow[] = [];
for (const n of BUILD_ITEMS) {
  const row = await coldWarmRun(n);
  log(`${n} items: ${row.pages} pages, cold ${row.cold.wallS} s, warm ${row.warm.wallS} s`);
  coldWarm.push(row);
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
    astroS: realBuild.astroS,
    pagefindS: realBuild.pagefindS,
  },
  scale,
  coldWarm,
  starlight: STARLIGHT,
  starlightPeer: PEER_VERSIONS,
  pageWeight: heaviest.map(weightRow),
  lighthouse: lighthouseRows,
  diff,
  search,
};

/** The peer table: each cold build of this site ÷ the Starlight build of its pair. */
function peerSection(): string {
  const rows = coldWarm.flatMap((r) => ('error' in r.peer ? [] : [{ r, p: r.peer }]));
  const missing = coldWarm.find((r) => 'error' in r.peer)?.peer;
  if (rows.length === 0) {
    return `Starlight was not built in this run: ${missing && 'error' in missing ? missing.error : 'no sizes'}.`;
  }
  const ratio = (xs: number[]) =>
    `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
  return `Starlight ${PEER_VERSIONS.starlight} on Astro ${PEER_VERSIONS.astro}, installed from
\`bench/starlight-peer/\` outside the project's dependencies, builds the same number of pages
made from the same synthetic checklist (scripts/lib/bench-peer.ts): in each language a page per
item of each version with the sections of this site's item page (requirement, evidence, a
self-check form, change history, source), a history page per item and an index per version,
as Markdown, with a sidebar of the versions. Its cold builds (nothing cached, its own pagefind
index included) and this site's run in pairs, so both see the machine as it was then; which of
the two goes first alternates, and each build writes into a new folder, none deleted until the
last pair is done (on this file system, making files soon after many were deleted is several
times slower). A ratio is this site's build ÷ the Starlight build of its pair (median and
range).

${table(
  [
    'pages (this site / Starlight)',
    'cold wall (s), this site',
    'cold wall (s), Starlight',
    'ratio of wall times',
    'CPU (s), this site / Starlight',
    'peak memory (MB), this site / Starlight',
    'ratio of peak memory',
    'dist as du -sb (MB), this site / Starlight',
    'ratio of dist',
  ],
  rows.map(({ r, p }) => [
    `${r.pages.toLocaleString('en')} / ${p.pages.toLocaleString('en')}`,
    `${r.cold.wallS.toFixed(1)}${wallRange(r.colds)}`,
    `${p.cold.wallS.toFixed(1)}${wallRange(p.colds)}`,
    ratio(p.ratios),
    `${r.cold.cpuS.toFixed(1)} / ${p.cold.cpuS.toFixed(1)}`,
    `${r.cold.maxRssMB.toFixed(0)} / ${p.cold.maxRssMB.toFixed(0)}`,
    (r.cold.maxRssMB / p.cold.maxRssMB).toFixed(2),
    `${r.distApparentMB.toFixed(1)} / ${p.distApparentMB.toFixed(1)}`,
    (r.distApparentMB / p.distApparentMB).toFixed(2),
  ]),
)}`;
}

/** Starlight's build time at the page count nearest to `pages` (400 or 4,000). */
const starlightBuild = (pages: number) => {
  const near = pages < 2000 ? 400 : 4000;
  return `${STARLIGHT.buildS[near]} (${near.toLocaleString('en')} pages)`;
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
build ended: above ${machine.cpus}, other processes shared the CPU and the times are inflated;
CPU time (user + system of every process of the build, from GNU time) is inflated much less.

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
    'CPU (s)',
    'CPU ms/page',
    'peak memory (MB)',
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
    r.cpuS.toFixed(1),
    r.cpuMsPerPage.toFixed(2),
    r.maxRssMB.toFixed(0),
    r.load.toFixed(1),
  ]),
)}

The real site: ${realPages} pages, Astro ${report.realSite.astroS.toFixed(1)} s, pagefind ${report.realSite.pagefindS.toFixed(1)} s.

## Cold and warm builds at 400 and 4,000 pages

The same synthetic checklist (N items × ${VERSIONS} versions): cold builds, each into a new
folder with nothing cached; the same with the incremental cache on (\`MSP_INCREMENTAL=1\`,
\`--force\`: every page rendered and kept); and warm rebuilds, with the cache on, each after one
more edit of one item file (its requirement reworded in both languages). Cold and warm builds
run ${BUILD_RUNS} times each: a row is the run of median wall time, with the range of all runs in
brackets, and its ratio is to the median cold build. The cached builds read the
YAML of unchanged files from the parse cache, and each warm one writes into the last output:
Astro leaves the unchanged pages there, the policy pass reads only the pages written again,
and pagefind, which indexes every searchable page each time (it has no incremental mode),
writes only the index files that changed. Wall
and CPU time are of the whole \`scripts/build.ts\` (Astro, the content security policy pass,
pagefind, removing the old output); CPU is user + system time of
every process of the build, and peak memory the largest resident set of any one of them
(Astro or pagefind), both from the OS (GNU time). Starlight's figures are the issue's
(Starlight 0.42 on Astro 7, same page counts, same machine, quiet); ours are from this run, so
a load above ${machine.cpus} inflates them. MB are 10⁶ bytes. Astro's time is split at its
hooks (scripts/lib/build-phases.ts): Node and Astro starting; the content config loaded and run,
with the data store and its types; the two bundles; the pages rendered and written; the
sitemap.

${columns(
  coldWarm.flatMap((r) =>
    (
      [
        ['cold', r.cold, r.colds],
        ['cold, cache on', r.primed, [r.primed]],
        ['warm, cache on', r.warm, r.warms],
      ] as const
    ).map(([build, run, runs]) => ({ r, build, run, runs })),
  ),
  [
    ['pages', ({ r }) => r.pages.toLocaleString('en')],
    ['build', ({ build }) => build],
    ['wall (s)', ({ run, runs }) => `${run.wallS.toFixed(1)}${wallRange(runs)}`],
    [
      'Astro + policy + pagefind (s)',
      ({ run }) =>
        `${run.astroS.toFixed(1)} + ${run.policyS.toFixed(1)} + ${run.pagefindS.toFixed(1)}`,
    ],
    [
      'Astro: start + content + bundles + pages + end (s)',
      ({ run }) =>
        [
          run.astroPhases.startS,
          run.astroPhases.contentS,
          run.astroPhases.bundleS,
          run.astroPhases.pagesS,
          run.astroPhases.finishS,
        ]
          .map((x) => x.toFixed(1))
          .join(' + '),
    ],
    ['CPU (s)', ({ run }) => run.cpuS.toFixed(1)],
    [
      '÷ cold (wall, CPU)',
      ({ r, run }) =>
        `${(run.wallS / r.cold.wallS).toFixed(2)}, ${(run.cpuS / r.cold.cpuS).toFixed(2)}`,
    ],
    ['peak memory (MB)', ({ run }) => run.maxRssMB.toFixed(0)],
    ['load', ({ run }) => run.load.toFixed(1)],
    ['Starlight build (s), issue', ({ r }) => starlightBuild(r.pages)],
  ],
)}

### Against Starlight, side by side

${peerSection()}

${columns(coldWarm, [
  ['pages', (r) => r.pages.toLocaleString('en')],
  ['dist files (MB)', (r) => r.distMB.toFixed(1)],
  ['dist as du -sb (MB)', (r) => r.distApparentMB.toFixed(1)],
  ['bytes per page', (r) => Math.round(r.bytesPerPage).toLocaleString('en')],
  ['control page first view (KB gz)', (r) => r.firstView.totalKB.toFixed(1)],
  [
    'HTML / CSS / JS / other (KB)',
    (r) =>
      [r.firstView.htmlKB, r.firstView.cssKB, r.firstView.jsKB, r.firstView.otherKB]
        .map((x) => x.toFixed(1))
        .join(' / '),
  ],
  ['requests', (r) => r.firstView.requests],
])}

Starlight at about 4,000 pages: ${STARLIGHT.distMB} MB dist, peak memory
${(STARLIGHT.peakMemoryMB / 1024).toFixed(2)} GB, control page first load
${STARLIGHT.controlFirstViewKB} KB. The first view is of \`${coldWarm[0]?.firstView.path ?? '–'}\`
in a ${coldWarm[0]?.firstView.viewport ?? '–'} viewport, weighed in Chromium after the network
was idle for a second: what observers fetch at load is in it, what a click loads is not.

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
served by scripts/lib/static-server.ts on loopback, which sends text gzipped as static hosts do
(the transfer column is bytes on the wire); median of ${LIGHTHOUSE_RUNS} run(s).

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
const reportJson = join(OUT, 'report.json');
// Formatted with the project's settings, so that `prettier --check` in `npm test` accepts it.
const prettierConfig = await prettier.resolveConfig(reportJson);
await writeFile(
  reportJson,
  await prettier.format(JSON.stringify(report), { ...prettierConfig, filepath: reportJson }),
);
log(`wrote bench/report.md and bench/report.json in ${Math.round(totalS)} s`);
