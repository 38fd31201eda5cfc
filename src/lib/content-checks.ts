/**
 * Checks that read what an item says, beyond its schema. Aliases are search terms: an alias of
 * an item must be made of the words of that item's own text in that version, or be listed in
 * `synonyms` with the words of the text it stands for. So a search in 4.2 never finds an item
 * for a term that only its 4.2.1 text uses.
 */
import { ContentError } from './content-error.ts';
import { LANGS, type Item, type Lang, type Section, type VersionMeta } from './model.ts';
import { editorialForm, segments } from './text-diff.ts';

/** English words that carry no topic of their own ("account per customer"). */
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'is',
  'of',
  'on',
  'or',
  'per',
  'the',
  'to',
  'with',
]);

/**
 * A light English stem: plural, `-ing`, `-ed` and a final `e` dropped, so "opportunities"
 * matches "opportunity", "leaving" matches "leaves" and "affiliate" matches "affiliated".
 */
export function englishStem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;

/** The words of a phrase that must be found in the text, in the form they are compared in. */
function topicWords(phrase: string, lang: Lang): string[] {
  const words = segments(phrase, lang)
    .filter((s) => s.word)
    .map((s) => editorialForm(s.text));
  // English words are compared by stem; Japanese words by their kanji, katakana and Latin
  // parts, since particles and inflections (hiragana) change with the sentence around them.
  return lang === 'en'
    ? words.filter((w) => !STOP_WORDS.has(w)).map(englishStem)
    : words.filter((w) => !HIRAGANA_ONLY.test(w));
}

/** An item's own text in one language, ready for `isSupported`. */
interface OwnText {
  lang: Lang;
  /** The whole text in editorial form, for substring matches. */
  folded: string;
  /** English: the stems of its words (empty for other languages). */
  stems: Set<string>;
}

function ownText(item: Item, section: Section | undefined, lang: Lang): OwnText {
  const parts = [
    item.title[lang],
    item.requirement[lang],
    ...item.evidence.map((e) => e[lang]),
    ...item.tags.map((tag) => tag.replaceAll('-', ' ')),
    section?.title?.[lang] ?? '',
  ];
  const folded = editorialForm(parts.join('\n'));
  const stems = new Set(
    lang === 'en'
      ? segments(folded, lang)
          .filter((s) => s.word)
          .map((s) => englishStem(s.text))
      : [],
  );
  return { lang, folded, stems };
}

/**
 * True when every topic word of `phrase` is a word of the text (English, by stem) or occurs in
 * it (Japanese, which has no spaces to mark where a word ends).
 */
function isSupported(phrase: string, text: OwnText): boolean {
  const words = topicWords(phrase, text.lang);
  if (words.length === 0) return false;
  return words.every((w) => (text.lang === 'en' ? text.stems.has(w) : text.folded.includes(w)));
}

const SUPPORT = 'title, requirement, evidence, tags or section title';

/**
 * Every alias of an item that its own text in that language does not support, and every
 * synonym that names no alias or words the text does not use. `file` is the item's path and
 * `meta` the version it belongs to.
 */
export function aliasErrors(file: string, item: Item, meta: VersionMeta): ContentError[] {
  const section = meta.sections.find((s) => s.id === item.section);
  const errors: ContentError[] = [];
  const fail = (field: string, problem: string) =>
    errors.push(new ContentError(file, item.id, field, problem));
  for (const lang of LANGS) {
    const aliases = item.aliases[lang];
    const synonyms = item.synonyms?.[lang] ?? {};
    // Most items have neither, and segmenting the text is most of this check's time.
    if (aliases.length === 0 && Object.keys(synonyms).length === 0) continue;
    const text = ownText(item, section, lang);
    aliases.forEach((alias, i) => {
      if (isSupported(alias, text) || alias in synonyms) return;
      fail(
        `aliases.${lang}[${i}]`,
        `"${alias}" uses words that are not in this item's own text (${SUPPORT}): ` +
          `drop it, or add it to synonyms.${lang} with the words of the text it stands for`,
      );
    });
    for (const [alias, words] of Object.entries(synonyms)) {
      if (!aliases.includes(alias)) {
        fail(`synonyms.${lang}.${alias}`, `"${alias}" is not one of aliases.${lang}`);
      } else if (!isSupported(words, text)) {
        fail(
          `synonyms.${lang}.${alias}`,
          `"${words}" uses words that are not in this item's own text (${SUPPORT})`,
        );
      }
    }
  }
  return errors;
}
