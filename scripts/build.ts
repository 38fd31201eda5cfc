/**
 * Production build: Astro, the content security policy on every page (and `_headers`), then
 * the search index of the searchable pages (scripts/lib/search-index.ts). MSP_OUT_DIR picks
 * the output folder, MSP_BASE the base path, MSP_CONTENT_DIR the content; MSP_TIMINGS_FILE,
 * when set, receives the durations of Astro, the policy pass and pagefind as JSON (`npm run
 * bench` reads it). Arguments are passed to `astro build` (`--force` renders every page,
 * ignoring the cache).
 *
 * With MSP_INCREMENTAL=1 the build writes into the output of the last one, if that build
 * finished (scripts/lib/kept-output.ts): Astro leaves unchanged pages where they are, and the
 * policy pass leaves the pages that have their policy.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { incrementalBuild } from '../src/lib/site-config.ts';
import { applyContentSecurityPolicy, keptPages, saveRecords } from './lib/policy-pass.ts';
import {
  ASTRO_CACHE_DIR,
  lastBuildFinished,
  manifestDigest,
  manifestOutputs,
  markBuildDone,
  markBuildStart,
  removeFiles,
  staleFiles,
} from './lib/kept-output.ts';
import {
  SEARCH_BUNDLE,
  searchGlob,
  unusedIndexFiles,
  writeSearchIndex,
} from './lib/search-index.ts';

const outDir = process.env.MSP_OUT_DIR ?? 'dist';
const incremental = incrementalBuild(process.env);

const outputKey = createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 12);
/** Whether the last build into this output folder finished (kept-output.ts). */
const marker = join(ASTRO_CACHE_DIR, `output-${outputKey}.state`);

/**
 * Moves the output of the last build aside and deletes it in another process, which this
 * build waits for before it exits. Astro empties an existing output folder one file at a time,
 * and on a large site that waits longer on the disk than rendering takes.
 */
function removeOldOutput(): ChildProcess | undefined {
  if (!existsSync(outDir)) return undefined;
  const aside = `${outDir.replace(/\/+$/, '')}-old-${process.pid}`;
  renameSync(outDir, aside);
  const script = 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })';
  return spawn(process.execPath, ['-e', script, aside], { stdio: 'inherit' });
}

const astroManifest = join(ASTRO_CACHE_DIR, 'incremental-build.json');
/** What the last policy pass into this output folder found in each page (policy-pass.ts). */
const policyRecords = join(ASTRO_CACHE_DIR, `policy-${outputKey}.json`);
const keepOutput = incremental && lastBuildFinished(marker, outDir, astroManifest);
/** The manifest the kept output was built with, before this build rewrites it. */
const keptManifest = keepOutput ? manifestDigest(astroManifest) : undefined;
const removal = keepOutput ? undefined : removeOldOutput();
mkdirSync(ASTRO_CACHE_DIR, { recursive: true });
const buildStart = markBuildStart(marker);

/**
 * Rolldown, Vite's bundler in the Astro process, allocates through mimalloc, which by default
 * commits memory ahead of use and gives freed memory back late. At 4,000 pages that put the
 * build's peak resident size at 0.68-0.94 GB where 0.47 GB is enough (the JavaScript heap that
 * is alive is about 0.1 GB): these settings commit on use and give back at once. Settings in
 * the environment win.
 */
const astroEnv: NodeJS.ProcessEnv = {
  MIMALLOC_ARENA_EAGER_COMMIT: '0',
  MIMALLOC_PURGE_DELAY: '0',
  ...process.env,
};
// Astro writes into a module that reads `import.meta.env` whole (some of its own do) every
// environment variable whose name is in the module's text, and `_` is in nearly every text.
// The shell sets `_` to the command it ran, so it differs between `npm test`, `npm start` and
// a direct call: a different module, and every page rendered again by an incremental build.
delete astroEnv._;

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) => {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
  return Date.now() - t0;
};

/**
 * The script behind a command in `node_modules/.bin`, for this Node to run: `npx` would take
 * 0.4 s to start, twice a build.
 */
function packageBin(name: string): string {
  return realpathSync(fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url)));
}

/**
 * Rendering makes many short-lived strings. A 32 MB semi-space (V8's default is 16 MB) lets
 * more of them die young instead of being copied into the old generation. At 3,977 pages,
 * alternating runs of Astro alone took the same time with 32 MB as with 64 MB (12.4-13.9 s), for
 * 0.07 GB less peak memory (0.50 against 0.57 GB), and 0.0-0.5 s less than with 16 MB (0.47 GB).
 *
 * What stays alive is small (about 0.11 GB of heap when the last page is written), but V8 lets
 * the old generation grow to several times that before it collects it again, so the peak is
 * mostly garbage. Letting it grow by half of what survived each collection puts the peak at
 * 449-459 MB instead of 493-506 MB (as the bench counts them), in four alternating pairs at
 * 3,977 pages that took the same time or less (16.3-17.9 s against 16.5-19.6 s).
 */
const astroArgs = [
  '--max-semi-space-size=32',
  '--heap-growing-percent=50',
  packageBin('astro'),
  'build',
  '--silent',
  ...process.argv.slice(2),
];
const astroMs = run(process.execPath, astroArgs, astroEnv);
const builtManifest = manifestDigest(astroManifest);
if (keepOutput) {
  // What the last build made and this one did not (a removed item's pages, old scripts). The
  // search index stays: pagefind leaves the files it would write again (most of them), and
  // making a file costs this file system more than writing into one.
  const current = manifestOutputs(astroManifest);
  removeFiles(outDir, staleFiles(outDir, buildStart, current, [SEARCH_BUNDLE]));
}
const policyStart = Date.now();
const kept =
  keptManifest === undefined ? undefined : keptPages(policyRecords, keptManifest, buildStart);
const policy = await applyContentSecurityPolicy(outDir, kept).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
saveRecords(policyRecords, builtManifest, policy);
const policyMs = Date.now() - policyStart;
// pagefind indexes every page whole when none marks a searchable part: the same pages here.
const searchable = policy.searchable.length > 0 ? policy.searchable : policy.pages;
const indexStart = Date.now();
const glob = searchGlob(policy.pages, new Set(searchable));
await writeSearchIndex(outDir, glob, packageBin('pagefind')).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
if (keepOutput) removeFiles(outDir, unusedIndexFiles(outDir, buildStart));
const pagefindMs = Date.now() - indexStart;
markBuildDone(marker, builtManifest);
console.log(
  `Built ${outDir}: astro ${(astroMs / 1000).toFixed(1)} s, content security policy on ${policy.pages.length} pages ${(policyMs / 1000).toFixed(1)} s, pagefind on ${searchable.length} ${(pagefindMs / 1000).toFixed(1)} s`,
);
if (process.env.MSP_TIMINGS_FILE) {
  writeFileSync(process.env.MSP_TIMINGS_FILE, JSON.stringify({ astroMs, policyMs, pagefindMs }));
}
if (removal && removal.exitCode === null) await once(removal, 'exit');
