/**
 * What the self-check calls sections, items and where an item stands, in one language: the
 * site's labels (`../labels.ts`) with the strings the self-check's elements receive.
 */
import type { KeysWith } from '../i18n.ts';
import { itemLabel, sectionLabel as labelOfSection } from '../labels.ts';
import type { Lang } from '../model.ts';
import type { Translate } from '../translate.ts';
import type { standingOf } from './progress.ts';
import type { SelfCheckData } from './version-file.ts';

/** The interface strings the self-check's labels, exports and printed report use. */
export type ExportKey = KeysWith<'selfCheck.' | 'section.untitled'>;

export { itemLabel };

/** A section's display label (`sectionLabel` of `../labels.ts`) with the self-check's strings. */
export function sectionLabel(
  section: SelfCheckData['sections'][number],
  lang: Lang,
  t: Translate<ExportKey>,
): string {
  return labelOfSection(section, lang, t('section.untitled', { id: section.id }));
}

/** The label of an item's standing. */
export function standingLabel(
  t: Translate<ExportKey>,
  standing: ReturnType<typeof standingOf>,
): string {
  return standing === 'reopened'
    ? t('selfCheck.badge.reopened')
    : t(`selfCheck.status.${standing}`);
}
