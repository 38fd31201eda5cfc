/**
 * An incremental build (`MSP_INCREMENTAL=1`) writes into the output of the last one instead of
 * a new folder: Astro leaves a page whose cache key is unchanged where it is (it would
 * otherwise copy it back from its cache), and the policy pass leaves the pages that have
 * their policy. This module decides when the old output can be kept, and removes what the new
 * build no longer makes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Astro's cache folder (its default `cacheDir`), where the build keeps what lasts between
 * builds: Astro's own data, the content loader's parsed YAML, and this module's markers.
 */
export const ASTRO_CACHE_DIR = fileURLToPath(
  new URL('../../node_modules/.astro/', import.meta.url),
);

/**
 * Marks the start of a build into the output folder: the marker's time is the line between
 * files this build wrote and older ones (the file system's clock, as the files' times are),
 * and while it says `running` the folder is not a finished build.
 */
export function markBuildStart(marker: string): number {
  writeFileSync(marker, 'running');
  return statSync(marker).mtimeMs;
}

/** Digest of Astro's incremental manifest, or `none`. */
export function manifestDigest(manifestFile: string): string {
  if (!existsSync(manifestFile)) return 'none';
  return createHash('sha256').update(readFileSync(manifestFile)).digest('hex');
}

/**
 * Marks the build finished, with the digest (`manifestDigest`) of the manifest Astro wrote for
 * it: its output may be kept by the next incremental build.
 */
export function markBuildDone(marker: string, manifest: string): void {
  writeFileSync(marker, `done ${manifest}`);
}

/**
 * Whether the output folder is the finished build Astro's manifest describes. A failed build
 * may have left pages half-made; and the manifest is one for every output folder, so after a
 * build into another folder it tells of that folder's pages, not these.
 */
export function lastBuildFinished(marker: string, outDir: string, manifestFile: string): boolean {
  return (
    existsSync(outDir) &&
    existsSync(marker) &&
    readFileSync(marker, 'utf8') === `done ${manifestDigest(manifestFile)}`
  );
}

/**
 * The output files each page of Astro's incremental manifest (`incremental-build.json` in its
 * cache folder) stands for, relative to the output folder with `/`. These are the pages Astro
 * kept or wrote in the build that wrote the manifest.
 */
export function manifestOutputs(manifestFile: string): Set<string> {
  if (!existsSync(manifestFile)) return new Set();
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }>;
  };
  const files = new Set<string>();
  for (const route of Object.values(manifest.routes ?? {})) {
    for (const path of Object.values(route.paths ?? {})) {
      if (typeof path.outputFile === 'string') files.add(path.outputFile);
    }
  }
  return files;
}

/**
 * Files of `dir` (relative, with `/`) last written before `since` that are not in `current`:
 * what an earlier build made and this one did not, such as the page of an item since removed.
 * The folders named in `skip` (such as the search index, which its own tool prunes) are left
 * out.
 */
export function staleFiles(
  dir: string,
  since: number,
  current: ReadonlySet<string>,
  skip: readonly string[] = [],
): string[] {
  const stale: string[] = [];
  const skipped = (path: string) => skip.some((folder) => path.startsWith(`${folder}/`));
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const path = relative(dir, file).split(sep).join('/');
    if (current.has(path) || skipped(path)) continue;
    if (statSync(file).mtimeMs < since) stale.push(path);
  }
  return stale.sort();
}

/** Removes `files` from `dir`, and the folders that leaves empty. */
export function removeFiles(dir: string, files: readonly string[]): void {
  const parents = new Set<string>();
  for (const file of files) {
    rmSync(join(dir, file), { force: true });
    for (let p = file.lastIndexOf('/'); p > 0; p = file.lastIndexOf('/', p - 1)) {
      parents.add(file.slice(0, p));
    }
  }
  // Deepest first, so a folder is empty once its own empty folders are gone.
  for (const folder of [...parents].sort((a, b) => b.length - a.length)) {
    const path = join(dir, folder);
    if (existsSync(path) && readdirSync(path).length === 0) rmSync(path, { recursive: true });
  }
}
