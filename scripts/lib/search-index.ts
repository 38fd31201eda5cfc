/**
 * The site's search index: pagefind over the searchable pages only (those with
 * `data-pagefind-body`). Given the whole output folder, pagefind would also read every other
 * page (a third of them on a large edition: the latest version's pinned copies) to find it has
 * nothing to index there; the index it writes is the same either way.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes `pagefind/` into the build in `site` (replacing any there) from `pages`, paths in it
 * such as `controls/1.1/index.html`: pagefind runs on a folder of links to those pages beside
 * the build (same file system, so linking costs no copy), which is removed afterwards.
 */
export async function writeSearchIndex(
  site: string,
  pages: readonly string[],
  pagefindBin: string,
): Promise<void> {
  const stage = `${site.replace(/\/+$/, '')}-search-${process.pid}`;
  const staged = join(stage, 'site');
  const out = join(stage, 'pagefind');
  rmSync(stage, { recursive: true, force: true });
  try {
    for (const page of pages) {
      const target = join(staged, page);
      mkdirSync(dirname(target), { recursive: true });
      linkSync(join(site, page), target);
    }
    const args = [pagefindBin, '--site', staged, '--output-path', out, '--quiet'];
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`pagefind failed (exit ${code})`);
    rmSync(join(site, 'pagefind'), { recursive: true, force: true });
    renameSync(out, join(site, 'pagefind'));
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
