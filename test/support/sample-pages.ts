/** One built page of every page type and language: what the accessibility test visits. */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { htmlFiles, pageType, sitePathOf } from '../../scripts/lib/built-site.ts';
import { unlocalize } from '../../src/lib/urls.ts';

export interface SamplePage {
  type: string;
  lang: string;
  /** Site path below the base: `/ja/controls/8.1.10/`. */
  path: string;
}

/**
 * The largest page (most content, so most components) of each page type in each language. The
 * not-found page is visited at a missing URL, as a reader meets it.
 */
export async function samplePages(dist: string): Promise<SamplePage[]> {
  const largest = new Map<string, SamplePage & { size: number }>();
  for (const file of await htmlFiles(dist)) {
    const path = sitePathOf(file);
    const type = pageType(path);
    const lang = type === '404' ? 'en' : unlocalize(path).lang;
    const key = `${type} ${lang}`;
    const { size } = await stat(join(dist, file));
    if ((largest.get(key)?.size ?? -1) >= size) continue;
    largest.set(key, { type, lang, path: type === '404' ? '/no/such/page/' : path, size });
  }
  return [...largest.values()]
    .map(({ type, lang, path }) => ({ type, lang, path }))
    .sort((a, b) => a.type.localeCompare(b.type) || a.lang.localeCompare(b.lang));
}
