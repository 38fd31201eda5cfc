/** Plain-language renderings of computed changes, shared by pages, feeds and CSV. */
import { t } from './i18n.ts';
import type { Lang } from './model.ts';
import { sideText } from './diff-parts.ts';
import { changePhrases } from './text-diff.ts';
import type { FieldChange } from './version-diff.ts';

// A build shows a change on several pages (the item's pages, its history, the compare page),
// and a diff is not changed once computed.
const sentences = {
  en: new WeakMap<FieldChange, string[]>(),
  ja: new WeakMap<FieldChange, string[]>(),
};

/**
 * Each change in a field as a short sentence: `“5 business days” → “10 business days”`. The
 * list is kept per field and language: do not change it.
 */
export function changeSentences(field: FieldChange, lang: Lang): readonly string[] {
  let known = sentences[lang].get(field);
  if (!known) sentences[lang].set(field, (known = sentencesOf(field, lang)));
  return known;
}

function sentencesOf(field: FieldChange, lang: Lang): string[] {
  // A tag diff holds one part per tag (version-diff.ts): one sentence per added or removed tag.
  if (field.field === 'tags')
    return field.diff[lang]
      .filter((p) => p.op !== '=')
      .map((p) =>
        p.op === '+'
          ? t(lang, 'change.sentence.add', { after: p.text })
          : t(lang, 'change.sentence.remove', { before: p.text }),
      );
  if (field.change === 'added')
    return [t(lang, 'change.sentence.add', { after: sideText(field.diff[lang], 'after') })];
  if (field.change === 'removed')
    return [t(lang, 'change.sentence.remove', { before: sideText(field.diff[lang], 'before') })];
  return changePhrases(field.diff[lang], lang).map((p) =>
    p.before && p.after
      ? t(lang, 'change.sentence.replace', p)
      : p.after
        ? t(lang, 'change.sentence.add', p)
        : t(lang, 'change.sentence.remove', p),
  );
}
