/**
 * The quick-jump palette's index: one small JSON file per language, built at build time, with
 * every item's id, titles and search terms in both languages.
 */
import type { Catalog } from '../catalog.ts';
import { compareItemIds, compareVersionIds } from '../ids.ts';
import { sectionTitle } from '../i18n.ts';
import { otherLang, type Lang } from '../model.ts';
import { itemPath, localize } from '../urls.ts';

/** One item in the palette. */
export interface PaletteEntry {
  id: string;
  kind: 'control' | 'rule';
  /** Section id and its display title in the index language. */
  section: string;
  sectionTitle: string;
  /** Title in the index language, and in the other language (people type either). */
  title: string;
  altTitle: string;
  /** Aliases in both languages ("MFA", "多要素認証"), then the topic tags. */
  terms: string[];
  /** Version the entry opens: the latest one that has the item. */
  version: string;
  /** Site path of the item page, in the index language, without the base path. */
  path: string;
}

export interface PaletteIndex {
  lang: Lang;
  latest: string;
  entries: PaletteEntry[];
}

/**
 * Every item of the latest version (at its unpinned URL), then every item that only older
 * versions have (at the newest version that has it), in id order within each group.
 */
export function buildPaletteIndex(
  catalog: Pick<Catalog, 'versions' | 'latest'>,
  lang: Lang,
): PaletteIndex {
  const other = otherLang(lang);
  const latest = catalog.latest.meta.id;
  const seen = new Set<string>();
  const entries: PaletteEntry[] = [];
  const newestFirst = [...catalog.versions].sort((a, b) => compareVersionIds(b.meta.id, a.meta.id));
  for (const checklist of newestFirst) {
    const v = checklist.meta.id;
    const items = [...checklist.items]
      .filter((i) => !seen.has(i.id))
      .sort((a, b) => compareItemIds(a.id, b.id));
    for (const item of items) {
      seen.add(item.id);
      const section = checklist.meta.sections.find((s) => s.id === item.section);
      entries.push({
        id: item.id,
        kind: item.kind,
        section: item.section,
        sectionTitle: section ? sectionTitle(lang, section) : item.section,
        title: item.title[lang],
        altTitle: item.title[other],
        terms: [...new Set([...item.aliases[lang], ...item.aliases[other], ...item.tags])],
        version: v,
        path: localize(lang, itemPath(item.id, v === latest ? undefined : v)),
      });
    }
  }
  return { lang, latest, entries };
}
