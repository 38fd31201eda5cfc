/**
 * The site's search index: pagefind over the searchable pages only (those with
 * `data-pagefind-body`). Given every page, pagefind would also read each of the others (a third
 * of them on a large edition: the latest version's pinned copies) to find it has nothing to
 * index there; the index it writes is the same either way. The pages are named to pagefind by
 * a glob, folders whose pages are all searchable by one pattern each.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** Characters with a meaning in pagefind's globs (the `wax` syntax), escaped in a path. */
const GLOB_SPECIAL = /[\\*?[\]{}()<>,!#:|&~]/g;

const escapeGlob = (path: string) => path.replace(GLOB_SPECIAL, (c) => `\\${c}`);

/** A folder of the build: its HTML files, and its folders by name. */
interface Folder {
  files: string[];
  folders: Map<string, Folder>;
}

function folderTree(pages: readonly string[]): Folder {
  const root: Folder = { files: [], folders: new Map() };
  for (const page of pages) {
    const parts = page.split('/');
    let folder = root;
    for (const name of parts.slice(0, -1)) {
      let next = folder.folders.get(name);
      if (!next) folder.folders.set(name, (next = { files: [], folders: new Map() }));
      folder = next;
    }
    folder.files.push(parts.at(-1)!);
  }
  return root;
}

/**
 * A glob matching exactly the pages of `searchable` among `pages` (paths in the build, such as
 * `controls/1.1/index.html`): `**` below a folder whose pages are all searchable, the files
 * themselves elsewhere.
 */
export function searchGlob(pages: readonly string[], searchable: ReadonlySet<string>): string {
  const patterns: string[] = [];
  const all = (folder: Folder, prefix: string): boolean =>
    folder.files.every((f) => searchable.has(prefix + f)) &&
    [...folder.folders].every(([name, sub]) => all(sub, `${prefix}${name}/`));
  const walk = (folder: Folder, prefix: string) => {
    if (all(folder, prefix)) {
      patterns.push(`${escapeGlob(prefix)}**/*.html`);
      return;
    }
    for (const f of folder.files)
      if (searchable.has(prefix + f)) patterns.push(escapeGlob(prefix + f));
    for (const [name, sub] of folder.folders) walk(sub, `${prefix}${name}/`);
  };
  walk(folderTree(pages), '');
  if (patterns.length === 0) throw new Error('no searchable pages to index');
  return patterns.length === 1 ? patterns[0]! : `{${patterns.join(',')}}`;
}

/** Writes `pagefind/` into the build in `site` from the pages `glob` names (`searchGlob`). */
export async function writeSearchIndex(
  site: string,
  glob: string,
  pagefindBin: string,
): Promise<void> {
  const args = [pagefindBin, '--site', site, '--glob', glob, '--quiet'];
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`pagefind failed (exit ${code})`);
}
