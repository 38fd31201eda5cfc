/**
 * The content folder as the authoring commands see it: which versions it holds, where each
 * file goes, and writing new files without ever replacing one by accident.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { compareVersionIds } from '../../../src/lib/ids.ts';
import { readContentFiles, type RawFile } from '../../../src/lib/load.ts';
import { VERSION_ID, type LocalizedText } from '../../../src/lib/model.ts';
import { toYaml } from './yaml-style.ts';

/** Path of a version's metadata file inside the content folder. */
export const versionPath = (version: string) => `versions/${version}/version.yaml`;
/** Path of an item file inside the content folder. */
export const itemPath = (version: string, id: string) => `versions/${version}/items/${id}.yaml`;
/** Path of the change notes for a version pair. */
export const notesPath = (from: string, to: string) => `changes/${from}...${to}.yaml`;

/** Version ids that have a `version.yaml` among the files, oldest first. */
export function versionsIn(files: readonly RawFile[]): string[] {
  const ids = files
    .map((f) => /^versions\/([^/]+)\/version\.ya?ml$/.exec(f.path)?.[1])
    .filter((id): id is string => id !== undefined && VERSION_ID.test(id));
  return [...new Set(ids)].sort(compareVersionIds);
}

/**
 * The change-notes file that starts a new version pair: the given overview and no notes, which
 * is right while the two versions are the same. The content check then asks for a note on every
 * substantive change the author makes.
 */
export function notesSkeleton(from: string, to: string, overview: LocalizedText): RawFile {
  return {
    path: notesPath(from, to),
    text: toYaml(
      { from, to, overview, notes: [] },
      ` Curated notes on what changed from ${from} to ${to}: one note per changed item.\n` +
        ' Rewrite the overview once the changes are known (content/README.md explains the format).',
    ),
  };
}

/** Reads every content file under `dir`; a folder that does not exist yet holds none. */
export async function readContentFolder(dir: string): Promise<RawFile[]> {
  try {
    return await readContentFiles(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/** Paths among `files` that already exist under `dir`. */
export async function existingPaths(dir: string, files: readonly RawFile[]): Promise<string[]> {
  const found: string[] = [];
  for (const f of files) {
    try {
      await access(join(dir, f.path));
      found.push(f.path);
    } catch {
      // Not there: the file is new.
    }
  }
  return found;
}

/**
 * Writes files under `dir`, creating folders. Without `overwrite`, a file that exists already
 * is never replaced (the write fails instead), even if it appeared after the caller checked.
 */
export async function writeContentFiles(
  dir: string,
  files: readonly RawFile[],
  { overwrite = false }: { overwrite?: boolean } = {},
): Promise<void> {
  for (const f of files) {
    const target = join(dir, f.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, f.text, { flag: overwrite ? 'w' : 'wx' });
  }
}
