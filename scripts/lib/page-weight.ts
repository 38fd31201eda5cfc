/** Page weight of every page of a build, read from its files: shared by the test and the bench. */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pageType, pageWeight, type PageWeight } from '../../../src/lib/site-check.ts';
import { fileOfUrl, htmlFiles, sitePathOf, type Build } from './built-site.ts';

export interface WeighedPage extends PageWeight {
  type: string;
  /** Site path below the base. */
  path: string;
}

/** Weighs every HTML page of a build (the origin is a placeholder: files are read from disk). */
export async function weighBuild(build: Build): Promise<WeighedPage[]> {
  const origin = 'http://site.invalid';
  const read = (url: string) => {
    const file = fileOfUrl(url, build);
    return file && existsSync(file) ? readFileSync(file) : undefined;
  };
  const out: WeighedPage[] = [];
  for (const file of await htmlFiles(build.dist)) {
    const path = sitePathOf(file);
    const url = `${origin}${build.base}${path.slice(1)}`;
    const html = await readFile(join(build.dist, file), 'utf8');
    out.push({ ...pageWeight(html, url, read), type: pageType(path), path });
  }
  return out;
}

/** The heaviest page of each type, by total. */
export function heaviestByType(pages: WeighedPage[]): WeighedPage[] {
  const byType = new Map<string, WeighedPage>();
  for (const p of pages) {
    if ((byType.get(p.type)?.total ?? -1) < p.total) byType.set(p.type, p);
  }
  return [...byType.values()].sort((a, b) => a.type.localeCompare(b.type));
}
