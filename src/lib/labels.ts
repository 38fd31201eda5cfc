/**
 * How items and sections are named on the page, in exports and in feeds. No strings module:
 * browser code (the self-check) uses it with its own strings.
 */
import type { Item, Lang, LocalizedText } from './model.ts';

/** An item's display label: `8.1.10 Title`, or the title alone for a program rule. */
export function itemLabel(item: Pick<Item, 'id' | 'kind' | 'title'>, lang: Lang): string {
  return item.kind === 'control' ? `${item.id} ${item.title[lang]}` : item.title[lang];
}

/**
 * A section's display label: `8.0 Title`, the title alone for a section without a number
 * (program rules), and `untitled` (e.g. `Section 5.0`) for a section with no title of its own.
 */
export function sectionLabel(
  section: { id: string; title?: LocalizedText | undefined },
  lang: Lang,
  untitled: string,
): string {
  if (!section.title) return untitled;
  return /^\d/.test(section.id) ? `${section.id} ${section.title[lang]}` : section.title[lang];
}
