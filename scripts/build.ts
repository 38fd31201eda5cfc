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
import {
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { incrementalBuild } from '../src/lib/site-config.ts';
import { htmlFiles } from './lib/built-site.ts';
import {
  headerPolicy,
  headersFile,
  inlineAttributeProblems,
  inlineHashes,
  pagePolicy,
  withPolicyMeta,
  type InlineHashes,
} from './lib/csp.ts';
import {
  lastBuildFinished,
  manifestOutputs,
  markBuildDone,
  markBuildStart,
  removeFiles,
  staleFiles,
} from './lib/kept-output.ts';
import { searchGlob, writeSearchIndex } from './lib/search-index.ts';

const outDir = process.env.MSP_OUT_DIR ?? 'dist';
const incremental = incrementalBuild(process.env);

/** Astro's cache folder (its default `cacheDir`), where the incremental build keeps its data. */
const cacheDir = fileURLToPath(new URL('../node_modules/.astro/', import.meta.url));
const outputKey = createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 12);
/** Whether the last build into this output folder finished (kept-output.ts). */
const marker = join(cacheDir, `output-${outputKey}.state`);

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

const astroManifest = join(cacheDir, 'incremental-build.json');
const keepOutput = incremental && lastBuildFinished(marker, outDir, astroManifest);
const removal = keepOutput ? undefined : removeOldOutput();
mkdirSync(cacheDir, { recursive: true });
const buildStart = markBuildStart(marker);

/**
 * Rolldown, Vite's bundler in the Astro process, allocates through mimalloc, which by default
 * commits memory ahead of use and gives freed memory back late. At 4,000 pages that put the
 * build's peak resident size at 0.68-0.94 GB where 0.47 GB is enough (the JavaScript heap that
 * is alive is about 0.1 GB): these settings commit on use and give back at once. Settings in
 * the environment win.
 */
const astroEnv = { MIMALLOC_ARENA_EAGER_COMMIT: '0', MIMALLOC_PURGE_DELAY: '0', ...process.env };

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) => {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
  return Date.now() - t0;
};

/** What the policy pass found: every page, and those with a searchable part. */
interface PolicyPass {
  pages: string[];
  searchable: string[];
}

const POLICY_META = '<meta http-equiv="content-security-policy"';

/**
 * Puts each page's policy into it (a page kept from the last build has it already) and writes
 * `_headers`; stops on what the policy forbids. Lists the pages with a searchable part
 * (`data-pagefind-body`).
 */
async function applyContentSecurityPolicy(dir: string): Promise<PolicyPass> {
  const pages = await htmlFiles(dir);
  const all: InlineHashes[] = [];
  const problems: string[] = [];
  const searchable: string[] = [];
  for (const page of pages) {
    const file = join(dir, page);
    let html = readFileSync(file, 'utf8');
    for (const p of inlineAttributeProblems(html)) problems.push(`${page}: ${p}`);
    const hashes = inlineHashes(html);
    all.push(hashes);
    if (!html.includes(POLICY_META)) {
      html = withPolicyMeta(html, pagePolicy(hashes));
      writeFileSync(file, html);
    }
    if (html.includes('data-pagefind-body')) searchable.push(page);
  }
  if (problems.length > 0) {
    console.error(
      `The content security policy forbids inline code; move it into a script or stylesheet:\n  ${problems.join('\n  ')}`,
    );
    process.exit(1);
  }
  writeFileSync(join(dir, '_headers'), headersFile(headerPolicy(all)));
  return { pages, searchable };
}

/**
 * The script behind a command in `node_modules/.bin`, for this Node to run: `npx` would take
 * 0.4 s to start, twice a build.
 */
function packageBin(name: string): string {
  return realpathSync(fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url)));
}

/**
 * Rendering makes many short-lived strings. A 64 MB young generation (V8's default is 16 MB)
 * lets them die young instead of being copied into the old one: at 4,000 pages Astro alone took
 * 15.6-15.8 s instead of 17.0-17.9 s, and the peak resident size grows by 0.1 GB.
 */
const astroArgs = [
  '--max-semi-space-size=64',
  packageBin('astro'),
  'build',
  '--silent',
  ...process.argv.slice(2),
];
const astroMs = run(process.execPath, astroArgs, astroEnv);
if (keepOutput) {
  // What the last build made and this one did not (a removed item's pages, old scripts).
  const current = manifestOutputs(astroManifest);
  removeFiles(outDir, staleFiles(outDir, buildStart, current));
}
const policyStart = Date.now();
const policy = await applyContentSecurityPolicy(outDir);
const policyMs = Date.now() - policyStart;
// pagefind indexes every page whole when none marks a searchable part: the same pages here.
const searchable = policy.searchable.length > 0 ? policy.searchable : policy.pages;
const indexStart = Date.now();
const glob = searchGlob(policy.pages, new Set(searchable));
await writeSearchIndex(outDir, glob, packageBin('pagefind')).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
const pagefindMs = Date.now() - indexStart;
markBuildDone(marker, astroManifest);
console.log(
  `Built ${outDir}: astro ${(astroMs / 1000).toFixed(1)} s, content security policy on ${policy.pages.length} pages ${(policyMs / 1000).toFixed(1)} s, pagefind on ${searchable.length} ${(pagefindMs / 1000).toFixed(1)} s`,
);
if (process.env.MSP_TIMINGS_FILE) {
  writeFileSync(process.env.MSP_TIMINGS_FILE, JSON.stringify({ astroMs, policyMs, pagefindMs }));
}
if (removal && removal.exitCode === null) await once(removal, 'exit');
