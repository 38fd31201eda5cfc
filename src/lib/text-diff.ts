/**
 * Word-level text diff on top of jsdiff. Text is split into words with `Intl.Segmenter`, so
 * Japanese (which has no spaces) diffs by word as English does. Japanese segments are joined
 * into whole words first (`求め`+`られ`+`ます`, `6`+`か`+`月`), and a change interrupted only by
 * a particle reads as one change.
 */
import { diffArrays } from 'diff';
import type { DiffPart } from './diff-parts.ts';
import type { Lang } from './model.ts';

export type { DiffPart };

interface Token {
  text: string;
  /** A word or number, as opposed to spaces and punctuation. */
  word: boolean;
}

const segmenters = new Map<Lang, Intl.Segmenter>();

/** Splits text into the word and separator segments of `Intl.Segmenter`. */
export function segments(text: string, lang: Lang): Token[] {
  let seg = segmenters.get(lang);
  if (!seg) {
    seg = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, seg);
  }
  return Array.from(seg.segment(text), (s) => ({ text: s.segment, word: s.isWordLike ?? false }));
}

/**
 * Splits text into word and separator tokens, the units a diff compares. English words are
 * the segments; Japanese words are built from them by `japaneseWords`.
 */
export function tokenize(text: string, lang: Lang): Token[] {
  const raw = segments(text, lang);
  return lang === 'ja' ? japaneseWords(text, raw) : raw;
}

/**
 * Japanese particles and conjunctions: words of their own, never joined to the word before them,
 * so `エビデンスが` and `エビデンスは` differ in one word.
 */
const PARTICLES = new Set([
  'は',
  'が',
  'を',
  'に',
  'へ',
  'と',
  'で',
  'や',
  'の',
  'も',
  'か',
  'から',
  'まで',
  'より',
  'では',
  'には',
  'とは',
  'での',
  'への',
  'との',
  'からの',
  'までの',
  'など',
  'ずつ',
  'ごと',
  'だけ',
  'のみ',
  'ほど',
  'しか',
  'こそ',
  'さえ',
  'でも',
  'ので',
  'のに',
  'または',
  'および',
  'かつ',
  'あるいは',
  'もしくは',
  'ただし',
  'また',
]);

/** A number with its counter: one unit in Japanese (`6か月`, `10営業日`, `3人`, `1件`, `3社分`). */
const NUMBER_UNIT =
  /[0-9０-９]+(?:[.．][0-9０-９]+)?(?:[かカヶケ箇]月|[かカヶケ箇]所|か国|営業日|種類|年間|週間|時間|日間|[人名件社回度点つ個台倍割年月日分秒%％])[分間]?/gu;

const HIRAGANA = /^[\p{Script=Hiragana}ー]+$/u;
const HAN_OR_KATAKANA = /^[\p{Script=Han}\p{Script=Katakana}ー々]+$/u;
const ENDS_JAPANESE = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー々]$/u;
const SINGLE_HAN = /^[\p{Script=Han}々]$/u;

interface JaToken extends Token {
  /** A number with its counter, complete as it is. */
  number?: boolean;
}

/** True when the word `next` continues the Japanese word `unit` rather than starting one. */
function continuesWord(unit: JaToken, next: Token): boolean {
  if (!unit.word || !next.word || unit.number || PARTICLES.has(unit.text)) return false;
  if (HIRAGANA.test(next.text)) {
    // A lone kanji followed by kana is a verb or adjective that the segmenter cut (`挙`+`が`+`っ`).
    if (SINGLE_HAN.test(unit.text)) return true;
    return !PARTICLES.has(next.text) && ENDS_JAPANESE.test(unit.text);
  }
  // Kanji and katakana side by side form one compound noun (`設計`+`書`, `運用`+`実績`).
  return HAN_OR_KATAKANA.test(unit.text) && HAN_OR_KATAKANA.test(next.text);
}

/**
 * Japanese segments joined into whole words: a number with its counter, a verb with its
 * inflections and auxiliaries (`求められません`), a compound noun (`設計書`). Particles stay
 * words of their own.
 */
function japaneseWords(text: string, raw: Token[]): JaToken[] {
  const spans = Array.from(text.matchAll(NUMBER_UNIT), (m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const out: JaToken[] = [];
  let at = 0;
  // The end of the number unit being built, and the next number unit to look for.
  let numberEnd = -1;
  let next = 0;
  for (const t of raw) {
    const start = at;
    at += t.text.length;
    const last = out[out.length - 1];
    if (last?.number && start < numberEnd) {
      last.text += t.text;
      continue;
    }
    while (next < spans.length && spans[next]!.end <= start) next++;
    const span = spans[next];
    if (span && span.start < at) {
      out.push({ text: t.text, word: true, number: true });
      numberEnd = span.end;
      next++;
    } else if (last && continuesWord(last, t)) {
      last.text += t.text;
    } else {
      out.push({ ...t });
    }
  }
  return out;
}

const QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DQUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u300C\u300D\u300E\u300F]/g;

/**
 * The form of a word that editorial changes do not touch: Unicode-normalised, lower case,
 * one quote style.
 */
export function editorialForm(word: string): string {
  return word.normalize('NFKC').toLowerCase().replace(QUOTES, "'").replace(DQUOTES, '"');
}

/** True when two texts differ only in case, punctuation, whitespace and quote style. */
export function isEditorialOnly(a: string, b: string, lang: Lang): boolean {
  const words = (t: string) =>
    segments(t, lang)
      .filter((x) => x.word)
      .map((x) => editorialForm(x.text))
      .join('\u0000');
  return words(a) === words(b);
}

function push(parts: DiffPart[], op: DiffPart['op'], text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/** A word with the separators that follow it; the first unit may hold only separators. */
interface Unit {
  core: string;
  text: string;
}

function units(tokens: Token[]): Unit[] {
  const out: Unit[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (t.word || !last) out.push({ core: t.word ? editorialForm(t.text) : '', text: t.text });
    else last.text += t.text;
  }
  return out;
}

/**
 * Word-level diff of two texts. With `ignoreEditorial`, words are compared in their editorial
 * form and separators are ignored: kept runs show the new text.
 */
export function diffText(
  before: string,
  after: string,
  lang: Lang,
  { ignoreEditorial = false }: { ignoreEditorial?: boolean } = {},
): DiffPart[] {
  const parts: DiffPart[] = [];
  if (ignoreEditorial) {
    const a = units(tokenize(before, lang));
    const b = units(tokenize(after, lang));
    for (const c of diffArrays(a, b, { comparator: (x, y) => x.core === y.core })) {
      push(parts, c.added ? '+' : c.removed ? '-' : '=', c.value.map((u) => u.text).join(''));
    }
    return tidy(parts, lang);
  }
  const a = tokenize(before, lang).map((t) => t.text);
  const b = tokenize(after, lang).map((t) => t.text);
  for (const c of diffArrays(a, b)) {
    push(parts, c.added ? '+' : c.removed ? '-' : '=', c.value.join(''));
  }
  return tidy(parts, lang);
}

/** Punctuation that ends a sentence: context never reaches across it. */
const SENTENCE_END = /[.!?。！？]/;

/**
 * True when a kept run between two changes only joins them, so both read as one change:
 * whitespace; in Japanese also particles and punctuation inside a sentence (`評価[-に-]は[-、…-]`).
 */
function bridges(kept: string, lang: Lang): boolean {
  if (/^\s+$/.test(kept)) return true;
  if (lang !== 'ja' || SENTENCE_END.test(kept)) return false;
  return tokenize(kept, lang).every((t) => (t.word ? PARTICLES.has(t.text) : !/\n/.test(t.text)));
}

/**
 * Reads a diff as a person would: a replacement interrupted only by spaces (or, in Japanese, by
 * particles and commas) becomes one removed and one added run (`[-A-]{+An up-to-date+} runbook`),
 * and whitespace shared by the end of both runs moves into the kept text (`[-5-]{+10+} days`).
 * Both sides' texts are unchanged.
 */
function tidy(parts: DiffPart[], lang: Lang): DiffPart[] {
  const out: DiffPart[] = [];
  let i = 0;
  while (i < parts.length) {
    if (parts[i]!.op === '=') {
      push(out, '=', parts[i]!.text);
      i++;
      continue;
    }
    // A window of changes, possibly with bridging kept runs between them.
    let j = i;
    while (
      j < parts.length &&
      (parts[j]!.op !== '=' ||
        (parts[j + 1] && parts[j + 1]!.op !== '=' && bridges(parts[j]!.text, lang)))
    ) {
      j++;
    }
    const window = parts.slice(i, j);
    const replaces = window.some((p) => p.op === '-') && window.some((p) => p.op === '+');
    if (!replaces) {
      for (const p of window) push(out, p.op, p.text);
      i = j;
      continue;
    }
    let removed = window
      .filter((p) => p.op !== '+')
      .map((p) => p.text)
      .join('');
    let added = window
      .filter((p) => p.op !== '-')
      .map((p) => p.text)
      .join('');
    const shared = /\s+$/.exec(removed)?.[0];
    let tail = '';
    if (shared && added.endsWith(shared) && shared !== removed && shared !== added) {
      removed = removed.slice(0, -shared.length);
      added = added.slice(0, -shared.length);
      tail = shared;
    }
    push(out, '-', removed);
    push(out, '+', added);
    push(out, '=', tail);
    i = j;
  }
  return out;
}

/**
 * Compact text rendering of a diff, for tests and comparisons, in the notation of
 * `git diff --word-diff=plain`: `kept [-removed-]{+added+}`.
 */
export function renderCompact(parts: DiffPart[]): string {
  return parts
    .map((p) => (p.op === '=' ? p.text : p.op === '-' ? `[-${p.text}-]` : `{+${p.text}+}`))
    .join('');
}

/**
 * True for a token that counts as a word of context. Japanese particles do not: they ride on
 * the word before them, so context never starts with one.
 */
function countsAsWord(t: Token, lang: Lang): boolean {
  return t.word && !(lang === 'ja' && PARTICLES.has(t.text));
}

/**
 * Words of context for a phrase. A Japanese word, which holds its inflections and is followed
 * by its particle, carries about what two English words do.
 */
function contextWords(n: number, lang: Lang): number {
  return lang === 'ja' ? Math.ceil(n / 2) : n;
}

function lastWords(text: string, n: number, lang: Lang): string {
  const t = tokenize(text, lang);
  const want = contextWords(n, lang);
  let words = 0;
  let i = t.length;
  while (i > 0 && words < want && !SENTENCE_END.test(t[i - 1]!.text)) {
    i--;
    if (countsAsWord(t[i]!, lang)) words++;
  }
  return t
    .slice(i)
    .map((x) => x.text)
    .join('');
}

function firstWords(text: string, n: number, lang: Lang): string {
  const t = tokenize(text, lang);
  const want = contextWords(n, lang);
  let words = 0;
  let i = 0;
  while (i < t.length && words < want && !SENTENCE_END.test(t[i]!.text)) {
    if (countsAsWord(t[i]!, lang)) words++;
    i++;
  }
  return t
    .slice(0, i)
    .map((x) => x.text)
    .join('');
}

/** One change of a text diff, told as a phrase: before and after, each with a little context. */
export interface ChangePhrase {
  before: string;
  after: string;
}

/**
 * Each run of changes as a before/after phrase with up to `context` words kept on each side
 * (`5 business days` → `10 business days`). An empty side means a pure addition or removal.
 */
export function changePhrases(parts: DiffPart[], lang: Lang, context = 2): ChangePhrase[] {
  const phrases: ChangePhrase[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i]!.op === '=') continue;
    let removed = '';
    let added = '';
    const start = i;
    while (i < parts.length && parts[i]!.op !== '=') {
      if (parts[i]!.op === '-') removed += parts[i]!.text;
      else added += parts[i]!.text;
      i++;
    }
    const prev = start > 0 ? parts[start - 1]!.text : '';
    const next = i < parts.length ? parts[i]!.text : '';
    // Context follows a replacement; an insertion, a deletion or a change at the end of the
    // text also takes context from before, so the phrase says where it happened. A Japanese
    // change that starts with a particle takes the word the particle belongs to.
    const replacement = removed !== '' && added !== '';
    const particleFirst =
      lang === 'ja' &&
      [removed, added].some((x) => PARTICLES.has(tokenize(x, lang)[0]?.text ?? ''));
    const lead = lastWords(
      prev,
      replacement && next.trim() ? (particleFirst ? 1 : 0) : context,
      lang,
    );
    const tail = firstWords(next, context, lang);
    const wrap = (core: string) => (core ? (lead + core + tail).trim() : '');
    phrases.push({ before: wrap(removed), after: wrap(added) });
    i--;
  }
  return phrases;
}
