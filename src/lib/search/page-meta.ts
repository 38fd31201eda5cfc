/** What an item page tells pagefind about itself: metadata shown in results, and filters. */
import type { HistoryEntry } from '../catalog.ts';
import { otherLang, type ChangeLabel, type Item, type Lang } from '../model.ts';

export interface ItemSearchMeta {
  id: string;
  version: string;
  kind: Item['kind'];
  level: Item['level'];
  section: string;
  title: string;
  /** Labels of the change that brought the item into this version, main label first. */
  labels: ChangeLabel[];
  /** Aliases in the page language, then in the other language (people type either). */
  aliases: string[];
}

export function itemSearchMeta(
  item: Item,
  version: string,
  history: readonly HistoryEntry[],
  lang: Lang,
): ItemSearchMeta {
  const other = otherLang(lang);
  const labels = history
    .filter((h) => h.diff.to === version)
    .flatMap((h) => h.change.note?.labels ?? []);
  return {
    id: item.id,
    version,
    kind: item.kind,
    level: item.level,
    section: item.section,
    title: item.title[lang],
    labels: [...new Set(labels)],
    aliases: [...new Set([...item.aliases[lang], ...item.aliases[other]])],
  };
}
