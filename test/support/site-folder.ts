/**
 * Built sites made by hand for the unit tests of the build's steps, and what a folder holds.
 */
import { webcrypto } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';

/** A `dist` folder in a new scratch folder, holding `files` (paths with `/` → text). */
export function siteWith(files: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'mce-site-')), 'dist');
  mkdirSync(dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Every file below `dir`, as paths relative to it with `/`, sorted. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** The hash source a browser compares with a page's policy, computed with WebCrypto. */
export async function browserHashSource(text: string): Promise<string> {
  const digest = await webcrypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `'sha256-${Buffer.from(digest).toString('base64')}'`;
}
