/** What the self-check calls sections, items and where an item stands, in one language. */
import type { Lang } from '../model.ts';
import type { SelfCheckStrings } from '../self-check-strings.ts';
import { fmt } from './format.ts';
import type { standingOf } from './progress.ts';
import type { ItemData, SelfCheckData } from './version-file.ts';

/** A section's display title: `8.0 Title`, the title alone for program rules, `Section 5.0`. */
export function sectionLabel(
  section: SelfCheckData['sections'][number],
  lang: Lang,
  s: SelfCheckStrings,
): string {
  if (!section.title) return fmt(s['section.untitled'], { id: section.id });
  return /^\d/.test(section.id) ? `${section.id} ${section.title[lang]}` : section.title[lang];
}

/** An item's display title: `8.1.10 Title`, or the title alone for a program rule. */
export function itemLabel(item: ItemData, lang: Lang): string {
  return item.kind === 'control' ? `${item.id} ${item.title[lang]}` : item.title[lang];
}

/** The label of an item's standing. */
export function standingLabel(
  strings: SelfCheckStrings,
  standing: ReturnType<typeof standingOf>,
): string {
  return standing === 'reopened' ? strings['badge.reopened'] : strings[`status.${standing}`];
}
