/**
 * Parsed YAML of content files kept between builds, so that a build parses only the files
 * whose text changed (parsing is most of the cost of reading a large content folder). The
 * cache file maps each path to a digest of its text and the parsed value; it is written with
 * `node:v8` so that every value the parser gives survives the round trip. Validation is not
 * cached: the whole content is still checked on every build.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { parseContentYaml, type RawFile } from './load.ts';

/** The cache file of the content folder `contentDir` (an absolute path) in Astro's `cacheDir`. */
export function yamlCacheFile(cacheDir: string, contentDir: string): string {
  const name = createHash('sha256').update(contentDir).digest('hex').slice(0, 12);
  return join(cacheDir, `content-yaml-${name}.bin`);
}

/** Bump when `parseContentYaml` starts to give other values for the same text. */
const FORMAT = 1;

interface CacheFile {
  format: number;
  entries: Map<string, { digest: string; parsed: unknown }>;
}

const digestOf = (text: string) => createHash('sha256').update(text).digest('base64url');

async function readCache(file: string): Promise<CacheFile['entries']> {
  try {
    const cache = deserialize(await readFile(file)) as CacheFile;
    return cache.format === FORMAT ? cache.entries : new Map();
  } catch {
    // No cache yet, or one this version cannot read: parse everything.
    return new Map();
  }
}

/**
 * The files with their parsed YAML attached: from `cacheFile` when a file's text is unchanged,
 * parsed now otherwise. A file that does not parse is left without a value, for
 * `compileContent` to report. The cache is rewritten when it changed.
 */
export async function withParsedYaml(files: RawFile[], cacheFile: string): Promise<RawFile[]> {
  const cached = await readCache(cacheFile);
  const next: CacheFile['entries'] = new Map();
  let changed = cached.size !== files.length;
  const out = files.map((file): RawFile => {
    const digest = digestOf(file.text);
    const hit = cached.get(file.path);
    if (hit?.digest === digest) {
      next.set(file.path, hit);
      return { ...file, parsed: hit.parsed };
    }
    changed = true;
    try {
      const parsed = parseContentYaml(file.text);
      next.set(file.path, { digest, parsed });
      return { ...file, parsed };
    } catch {
      return file;
    }
  });
  if (changed) {
    await mkdir(dirname(cacheFile), { recursive: true });
    await writeFile(cacheFile, serialize({ format: FORMAT, entries: next } satisfies CacheFile));
  }
  return out;
}
