/**
 * Word-level text diff on top of jsdiff. Text is split into words with `Intl.Segmenter`, so
 * Japanese (which has no spaces) diffs by word as English does.
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

/** Splits text into word and separator tokens. */
export function tokenize(text: string, lang: Lang): Token[] {
  let seg = segmenters.get(lang);
  if (!seg) {
    seg = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, seg);
  }
  return Array.from(seg.segment(text), (s) => ({ text: s.segment, word: s.isWordLike ?? false }));
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
    tokenize(t, lang)
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
    return tidy(parts);
  }
  const a = tokenize(before, lang).map((t) => t.text);
  const b = tokenize(after, lang).map((t) => t.text);
  for (const c of diffArrays(a, b)) {
    push(parts, c.added ? '+' : c.removed ? '-' : '=', c.value.join(''));
  }
  return tidy(parts);
}

/**
 * Reads a diff as a person would: a replacement interrupted only by spaces becomes one removed
 * and one added run (`[-A-]{+An up-to-date+} runbook`), and whitespace shared by the end of both
 * runs moves into the kept text (`[-5-]{+10+} days`). Both sides' texts are unchanged.
 */
function tidy(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let i = 0;
  while (i < parts.length) {
    if (parts[i]!.op === '=') {
      push(out, '=', parts[i]!.text);
      i++;
      continue;
    }
    // A window of changes, possibly with whitespace-only kept runs between them.
    let j = i;
    while (
      j < parts.length &&
      (parts[j]!.op !== '=' ||
        (/^\s+$/.test(parts[j]!.text) && parts[j + 1] && parts[j + 1]!.op !== '='))
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

/** Compact rendering in jsdiff's test style: `kept [-removed-]{+added+}`. */
export function renderCompact(parts: DiffPart[]): string {
  return parts
    .map((p) => (p.op === '=' ? p.text : p.op === '-' ? `[-${p.text}-]` : `{+${p.text}+}`))
    .join('');
}

/** Punctuation that ends a sentence: context never reaches across it. */
const SENTENCE_END = /[.!?。！？]/;

function lastWords(text: string, n: number, lang: Lang): string {
  const t = tokenize(text, lang);
  let words = 0;
  let i = t.length;
  while (i > 0 && words < n && !SENTENCE_END.test(t[i - 1]!.text)) {
    i--;
    if (t[i]!.word) words++;
  }
  return t
    .slice(i)
    .map((x) => x.text)
    .join('');
}

function firstWords(text: string, n: number, lang: Lang): string {
  const t = tokenize(text, lang);
  let words = 0;
  let i = 0;
  while (i < t.length && words < n && !SENTENCE_END.test(t[i]!.text)) {
    if (t[i]!.word) words++;
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
    // text also takes context from before, so the phrase says where it happened.
    const replacement = removed !== '' && added !== '';
    const lead = lastWords(prev, replacement && next.trim() ? 0 : context, lang);
    const tail = firstWords(next, context, lang);
    const wrap = (core: string) => (core ? (lead + core + tail).trim() : '');
    phrases.push({ before: wrap(removed), after: wrap(added) });
    i--;
  }
  return phrases;
}
