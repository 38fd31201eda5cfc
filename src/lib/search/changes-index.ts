/**
 * "Search in what changed": for every change between neighbouring versions, each changed text
 * on both sides with the runs that were added or removed, built at build time into one JSON
 * file per language and searched in the browser.
 */
import type { Catalog } from '../catalog.ts';
import { compareItemIds, compareVersionIds } from '../ids.ts';
import type { ChangeLabel, Item, Lang } from '../model.ts';
import { sideParts, type DiffPart } from '../diff-parts.ts';
import { changeAnchor, comparePath, localize } from '../urls.ts';
import type { ChangeKind, ItemDiff } from '../version-diff.ts';
import { idMatches, parseIdQuery } from './id-match.ts';
import { foldText, normalizeQuery } from './normalize.ts';

/** A range `[start, end)` of a text. */
export type Range = [number, number];

/** One side of a changed field: its whole text and the runs that changed. */
export interface ChangedText {
  /** `title`, `requirement` or `evidence:<key>`. */
  field: string;
  /** `added`: the newer text with its added runs; `removed`: the older one with its removed runs. */
  side: 'added' | 'removed';
  text: string;
  runs: Range[];
}

/** One item's change between two neighbouring versions. */
export interface ChangeEntry {
  from: string;
  to: string;
  id: string;
  /** Ids in the older version, when they differ (renumbered, split, merged). */
  fromIds: string[];
  change: Exclude<ChangeKind, 'unchanged'>;
  itemKind: Item['kind'];
  /** Requirement level of the item (in the newer version, or the older for a removal). */
  level: Item['level'];
  section: string;
  labels: ChangeLabel[];
  title: string;
  /** The curated summary of the change, when there is one. */
  summary: string;
  texts: ChangedText[];
  /** Site path of the change on the compare page, in the index language, without the base. */
  path: string;
}

export interface ChangesIndex {
  lang: Lang;
  entries: ChangeEntry[];
}

/** The text on one side of a diff and the ranges of its changed runs. */
function side(parts: DiffPart[], which: 'added' | 'removed'): { text: string; runs: Range[] } {
  let text = '';
  const runs: Range[] = [];
  for (const p of sideParts(parts, which === 'added' ? 'after' : 'before')) {
    if (p.op !== '=' && p.text.trim()) runs.push([text.length, text.length + p.text.length]);
    text += p.text;
  }
  return { text, runs };
}

function wholeItem(item: Item, lang: Lang, which: ChangedText['side']): ChangedText[] {
  const all = (field: string, text: string): ChangedText => ({
    field,
    side: which,
    text,
    runs: [[0, text.length]],
  });
  return [
    all('title', item.title[lang]),
    all('requirement', item.requirement[lang]),
    ...item.evidence.map((e) => all(`evidence:${e.key}`, e[lang])),
  ];
}

function entryOf(d: ItemDiff, from: string, to: string, lang: Lang): ChangeEntry | undefined {
  if (d.kind === 'unchanged') return undefined;
  const item = (d.after ?? d.before)!;
  const texts: ChangedText[] = [];
  if (d.kind === 'added') texts.push(...wholeItem(item, lang, 'added'));
  if (d.kind === 'removed') texts.push(...wholeItem(item, lang, 'removed'));
  // Tags are the site's own metadata, not checklist text.
  for (const f of d.fields.filter((x) => x.field !== 'tags')) {
    const field = f.key ? `${f.field}:${f.key}` : f.field;
    for (const which of ['added', 'removed'] as const) {
      const s = side(f.diff[lang], which);
      if (s.runs.length > 0) texts.push({ field, side: which, ...s });
    }
  }
  return {
    from,
    to,
    id: d.id,
    fromIds: d.fromIds.filter((x) => x !== d.id),
    change: d.kind,
    itemKind: item.kind,
    level: item.level,
    section: d.section,
    labels: d.note?.labels ?? [],
    title: item.title[lang],
    summary: d.note?.summary[lang] ?? '',
    texts,
    path: localize(lang, `${comparePath(from, to)}#${changeAnchor(d.id)}`),
  };
}

/** Every change between neighbouring versions, newest pair first, items in id order. */
export function buildChangesIndex(
  catalog: Pick<Catalog, 'versions' | 'diff'>,
  lang: Lang,
): ChangesIndex {
  const ids = catalog.versions.map((v) => v.meta.id).sort(compareVersionIds);
  const entries: ChangeEntry[] = [];
  for (let i = ids.length - 1; i > 0; i--) {
    const [from, to] = [ids[i - 1]!, ids[i]!];
    const pair = catalog
      .diff(from, to)
      .items.map((d) => entryOf(d, from, to, lang))
      .filter((e): e is ChangeEntry => e !== undefined)
      .sort((a, b) => compareItemIds(a.id, b.id));
    entries.push(...pair);
  }
  return { lang, entries };
}

/** Filters on the change search, as on the search page (unset: any). */
export interface ChangeFilters {
  /** The newer version of the pair. */
  version?: string | undefined;
  section?: string | undefined;
  kind?: string | undefined;
  level?: string | undefined;
  label?: string | undefined;
}

/** A changed text that matched, with where the query's words are in it. */
export interface TextMatch {
  text: ChangedText;
  hits: Range[];
}

/** A change that matched the query. */
export interface ChangeMatch {
  entry: ChangeEntry;
  /** 4 id named, 3 whole query in a changed run, 2 every word in changed runs, 1 summary only. */
  score: number;
  /** The changed texts that hold the query (for an id match, every changed text). */
  texts: TextMatch[];
  idMatch: boolean;
}

function passes(e: ChangeEntry, f: ChangeFilters): boolean {
  return (
    (!f.version || e.to === f.version) &&
    (!f.section || e.section === f.section) &&
    (!f.kind || e.itemKind === f.kind) &&
    (!f.level || e.level === f.level) &&
    (!f.label || e.labels.includes(f.label as ChangeLabel))
  );
}

/**
 * A fold that keeps every character's position (so ranges found in it apply to the original):
 * each character is NFKC-normalised and lower-cased only when that leaves its length as is.
 */
export function foldKeepingLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const f = ch.normalize('NFKC').toLowerCase();
    out += f.length === ch.length ? f : ch;
  }
  return out;
}

function occurrences(haystack: string, needle: string): Range[] {
  const out: Range[] = [];
  if (!needle) return out;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
    out.push([i, i + needle.length]);
  }
  return out;
}

const overlaps = (r: Range, runs: Range[]) => runs.some(([s, e]) => r[0] < e && s < r[1]);

/**
 * Finds changes whose added or removed text holds the query, where the match touches a changed
 * run. Ranking: an id the query names, then the whole query in one changed text, then every
 * word in the changed texts, then every word in the title or the curated summary. Ties keep the
 * index order (newest pair first, id order).
 */
export function searchChanges(
  index: ChangesIndex,
  query: string,
  filters: ChangeFilters = {},
): ChangeMatch[] {
  const q = normalizeQuery(query);
  const words = [...new Set(foldText(q).split(' ').filter(Boolean))];
  if (words.length === 0) return [];
  const phrase = words.join(' ');
  const idQuery = parseIdQuery(q);
  const scored: { m: ChangeMatch; i: number }[] = [];
  index.entries.forEach((entry, i) => {
    if (!passes(entry, filters)) return;
    const named = !!idQuery && [entry.id, ...entry.fromIds].some((id) => idMatches(idQuery, id));
    const folded = entry.texts.map((t) => foldKeepingLength(t.text));
    const changedHits = (needle: string, k: number) =>
      occurrences(folded[k]!, needle).filter((r) => overlaps(r, entry.texts[k]!.runs));
    const phraseIn = entry.texts.map((_, k) => changedHits(phrase, k));
    const wordsIn = entry.texts.map((_, k) => words.flatMap((w) => changedHits(w, k)));
    const everyWord = words.every((w) => entry.texts.some((_, k) => changedHits(w, k).length));
    let score = 0;
    if (named) score = 4;
    else if (phraseIn.some((h) => h.length > 0)) score = 3;
    else if (everyWord) score = 2;
    else if (words.every((w) => foldText(`${entry.title}\n${entry.summary}`).includes(w)))
      score = 1;
    if (score === 0) return;
    // Mark the whole query where it occurs as one run, otherwise each word; texts holding the
    // whole query come first.
    const texts = entry.texts
      .map((text, k) => ({ k, whole: phraseIn[k]!.length > 0, text }))
      .filter((t) => named || t.whole || wordsIn[t.k]!.length > 0)
      .sort((a, b) => Number(b.whole) - Number(a.whole) || a.k - b.k)
      .map(({ k, whole, text }) => ({
        text,
        hits: (whole ? phraseIn[k]! : wordsIn[k]!).sort((a, b) => a[0] - b[0]),
      }));
    scored.push({ m: { entry, score, texts, idMatch: named }, i });
  });
  return scored
    .sort(
      (a, b) =>
        b.m.score - a.m.score ||
        (a.m.idMatch && b.m.idMatch ? compareItemIds(a.m.entry.id, b.m.entry.id) : 0) ||
        a.i - b.i,
    )
    .map((x) => x.m);
}

/** A piece of a snippet: text, whether it changed, whether it matched the query. */
export interface SnippetPart {
  text: string;
  changed: boolean;
  hit: boolean;
}

/**
 * A window of a changed text around its first hit (or first changed run), split where the
 * changed runs and the hits begin and end. `radius` is the characters kept on each side.
 */
export function snippet(t: TextMatch, radius: number): SnippetPart[] {
  const { text, runs } = t.text;
  const focus = t.hits[0] ?? runs[0] ?? [0, 0];
  let start = Math.max(0, focus[0] - radius);
  let end = Math.min(text.length, focus[1] + radius);
  // Cut between words where the text has spaces, looking a few characters further out.
  const before = text.lastIndexOf(' ', start);
  if (start > 0 && before >= 0 && start - before < 16) start = before + 1;
  const after = text.indexOf(' ', end);
  if (end < text.length && after >= 0 && after - end < 16) end = after;
  const cuts = new Set([start, end]);
  for (const [s, e] of [...runs, ...t.hits]) {
    if (s > start && s < end) cuts.add(s);
    if (e > start && e < end) cuts.add(e);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const parts: SnippetPart[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const [s, e] = [points[k]!, points[k + 1]!];
    const inside = (rs: Range[]) => rs.some(([a, b]) => a <= s && e <= b);
    parts.push({ text: text.slice(s, e), changed: inside(runs), hit: inside(t.hits) });
  }
  const ellipsis = { text: '…', changed: false, hit: false };
  return [...(start > 0 ? [ellipsis] : []), ...parts, ...(end < text.length ? [ellipsis] : [])];
}
