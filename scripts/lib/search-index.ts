/**
 * The site's search index: pagefind over the searchable pages only (those with
 * `data-pagefind-body`). Given every page, pagefind would also read each of the others (a third
 * of them on a large edition: the latest version's pinned copies) to find it has nothing to
 * index there; the index it writes is the same either way. The pages are named to pagefind by
 * a glob, folders whose pages are all searchable by one pattern each.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The folder pagefind writes its index into, in the build. */
export const SEARCH_BUNDLE = 'pagefind';

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

/**
 * Files pagefind writes for search interfaces of its own (its default, modular and component
 * UIs, and its highlighter). The site's search calls `pagefind.js` alone
 * (src/components/search/pagefind-client.ts), so they are not kept: 0.43 MB of every build.
 */
const PAGEFIND_UI_FILE = /^pagefind-(?:(?:modular-|component-)?ui\.(?:js|css)|highlight\.js)$/;

/**
 * Writes `pagefind/` into the build in `site` from the pages `glob` names (`searchGlob`): the
 * index and the `pagefind.js` that searches it, without pagefind's own interfaces.
 */
export async function writeSearchIndex(
  site: string,
  glob: string,
  pagefindBin: string,
): Promise<void> {
  const args = [pagefindBin, '--site', site, '--glob', glob, '--quiet'];
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`pagefind failed (exit ${code})`);
  const bundle = join(site, SEARCH_BUNDLE);
  for (const name of readdirSync(bundle)) {
    if (PAGEFIND_UI_FILE.test(name)) rmSync(join(bundle, name));
  }
}

/**
 * Every text string in a CBOR document (RFC 8949), at any depth: the names a pagefind index
 * file gives the other files it needs, without depending on where in its structure they sit.
 */
export function cborTextStrings(bytes: Uint8Array): Set<string> {
  const strings = new Set<string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  const byte = () => {
    if (at >= bytes.length) throw new Error(`CBOR ends early at byte ${at}`);
    return bytes[at++]!;
  };
  /** The argument of a head whose additional information is `info`; `-1` for indefinite. */
  const argument = (info: number): number => {
    if (info < 24) return info;
    if (info === 31) return -1;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) throw new Error(`CBOR head ${info} at byte ${at - 1} is reserved`);
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + byte();
    return value;
  };
  const BREAK = Symbol('break');
  const item = (): typeof BREAK | undefined => {
    const head = byte();
    const major = head >> 5;
    const info = head & 31;
    if (head === 0xff) return BREAK;
    const n = argument(info);
    if (major === 2 || major === 3) {
      if (n === -1) {
        while (item() !== BREAK);
        return undefined;
      }
      if (at + n > bytes.length) throw new Error(`CBOR string past the end at byte ${at}`);
      if (major === 3) strings.add(decoder.decode(bytes.subarray(at, at + n)));
      at += n;
    } else if (major === 4 || major === 5) {
      const per = major === 5 ? 2 : 1;
      if (n === -1) while (item() !== BREAK);
      else for (let i = 0; i < n * per; i++) item();
    } else if (major === 6) {
      item();
    }
    // Majors 0, 1 and 7 (numbers, simple values) carry nothing more than their head.
    return undefined;
  };
  item();
  return strings;
}

/** pagefind's signature at the start of a decompressed index file. */
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/** The text strings of a gzipped pagefind index file. */
function indexFileStrings(file: string): Set<string> {
  const bytes = gunzipSync(readFileSync(file));
  const signature = new TextDecoder().decode(bytes.subarray(0, PAGEFIND_SIGNATURE.length));
  if (signature !== PAGEFIND_SIGNATURE) throw new Error(`${file} is not a pagefind index file`);
  return cborTextStrings(bytes.subarray(PAGEFIND_SIGNATURE.length));
}

/**
 * Files of the search index in the build in `site` (paths relative to it) that the index
 * pagefind last wrote does not use and that were written before `since`. pagefind names its
 * files by their content and leaves a file that exists, so after it has run on an earlier
 * build's output, the files of pages since changed or removed are still there. The index uses
 * `pagefind-entry.json`, the metadata file of each language it names, the files whose names
 * those name (fragments, word and filter indexes), and the fixed files it writes every time.
 */
export function unusedIndexFiles(site: string, since: number): string[] {
  const bundle = join(site, SEARCH_BUNDLE);
  if (!existsSync(bundle)) return [];
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { hash?: unknown }>;
  };
  const named = new Set<string>();
  for (const { hash } of Object.values(entry.languages ?? {})) {
    if (typeof hash !== 'string') continue;
    named.add(hash);
    for (const s of indexFileStrings(join(bundle, `pagefind.${hash}.pf_meta`))) named.add(s);
  }
  const unused: string[] = [];
  for (const e of readdirSync(bundle, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    const path = relative(site, file).split(sep).join('/');
    // `pagefind.<hash>.pf_meta` at the top; `<hash>.<kind>` in the folders below.
    const inFolder = e.parentPath !== bundle;
    const meta = /^pagefind\.(.+)\.pf_meta$/.exec(e.name);
    const name = inFolder ? e.name.slice(0, e.name.indexOf('.')) : meta?.[1];
    if (name !== undefined && named.has(name)) continue;
    if (!inFolder && e.name === 'pagefind-entry.json') continue;
    if (statSync(file).mtimeMs >= since) continue;
    unused.push(path);
  }
  return unused.sort();
}
