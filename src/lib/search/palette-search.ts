/**
 * Search over the palette index: ids the query names first (in id order), then entries that
 * contain the query or all its words, then fuse.js's fuzzy matches on titles in both
 * languages, aliases and tags, which forgive typos. Fuzzy matching is the slow part, so it
 * only runs when the exact passes leave room.
 */
import Fuse from 'fuse.js/basic';
import { matchIds } from './id-match.ts';
import { foldText, normalizeQuery } from './normalize.ts';
import type { PaletteEntry } from './palette-index.ts';

/** A palette result: the entry, and whether the query named its id. */
export interface PaletteHit {
  entry: PaletteEntry;
  idMatch: boolean;
}

/** How many results the palette shows. */
export const PALETTE_LIMIT = 8;

/** Longest query fuse.js matches as a whole (its bit-parallel matcher works on 32 chars). */
const FUZZY_MAX = 32;
/** Most words matched one by one, fuzzily (the longest ones). */
const FUZZY_WORDS = 4;

interface Folded {
  title: string;
  altTitle: string;
  terms: string[];
  section: string;
}

/** How well an entry contains the query, lower is better; `undefined` when it does not. */
function containScore(f: Folded, q: string): number | undefined {
  if (f.title === q || f.terms.includes(q)) return 0;
  if (f.title.startsWith(q)) return 1;
  if (f.altTitle === q || f.altTitle.startsWith(q)) return 2;
  if (f.title.includes(q)) return 3;
  if (f.terms.some((t) => t.includes(q))) return 4;
  if (f.altTitle.includes(q)) return 5;
  if (f.section.includes(q)) return 6;
  return undefined;
}

/** Builds the search function once per index; each call returns up to `limit` hits. */
export function createPaletteSearch(entries: readonly PaletteEntry[]) {
  const folded: Folded[] = entries.map((e) => ({
    title: foldText(e.title),
    altTitle: foldText(e.altTitle),
    terms: e.terms.map(foldText),
    section: foldText(e.sectionTitle),
  }));
  const joined = folded.map((f) => [f.title, f.altTitle, ...f.terms, f.section].join('\n'));
  const fuse = new Fuse(entries, {
    keys: [
      { name: 'id', weight: 3 },
      { name: 'title', weight: 2 },
      { name: 'terms', weight: 1.5 },
      { name: 'altTitle', weight: 1 },
      { name: 'sectionTitle', weight: 0.3 },
    ],
    getFn: (entry, path) => {
      const key = (Array.isArray(path) ? path[0] : path) as keyof PaletteEntry;
      const value = entry[key] as string | string[];
      return Array.isArray(value) ? value.map(foldText) : foldText(value);
    },
    ignoreLocation: true,
    threshold: 0.34,
    includeScore: true,
  });
  const byId = new Map(entries.map((e) => [e.id, e]));

  /** Entries holding the whole query, best first, then those holding each of its words. */
  const containing = (q: string): PaletteEntry[] => {
    const whole = entries
      .map((entry, i) => ({ entry, score: containScore(folded[i]!, q), i }))
      .filter((x) => x.score !== undefined)
      .sort((a, b) => a.score! - b.score! || a.i - b.i)
      .map((x) => x.entry);
    const words = q.split(' ');
    if (words.length < 2) return whole;
    const everyWord = entries.filter((_, i) => words.every((w) => joined[i]!.includes(w)));
    return [...whole, ...everyWord];
  };

  /** Fuzzy matches: the whole query, then entries its longest few words all match. */
  const fuzzy = (q: string): PaletteEntry[] => {
    const whole = q.length <= FUZZY_MAX ? fuse.search(q).map((r) => r.item) : [];
    const words = q
      .split(' ')
      .sort((a, b) => b.length - a.length)
      .slice(0, FUZZY_WORDS);
    if (words.length < 2) return whole;
    // A word some entry contains is matched exactly (fast); only the others go through fuse.js.
    const scores = words.map((w) => {
      const exact = entries.filter((_, i) => joined[i]!.includes(w));
      return exact.length > 0
        ? new Map(exact.map((e) => [e.id, 0]))
        : new Map(fuse.search(w).map((r) => [r.item.id, r.score ?? 1]));
    });
    const mean = (id: string) => scores.reduce((sum, m) => sum + m.get(id)!, 0) / scores.length;
    const everyWord = entries
      .filter((e) => scores.every((m) => m.has(e.id)))
      .sort((a, b) => mean(a.id) - mean(b.id));
    return [...whole, ...everyWord];
  };

  return (query: string, limit = PALETTE_LIMIT): PaletteHit[] => {
    const q = normalizeQuery(query);
    if (!q) return [];
    const fq = foldText(q);
    const named = matchIds(q, byId.keys());
    const hits: PaletteHit[] = named.map((id) => ({ entry: byId.get(id)!, idMatch: true }));
    const taken = new Set(named);
    const add = (list: PaletteEntry[]) => {
      for (const entry of list) {
        if (hits.length >= limit) return;
        if (taken.has(entry.id)) continue;
        taken.add(entry.id);
        hits.push({ entry, idMatch: false });
      }
    };
    add(containing(fq));
    // An id query is not a typo: fuzzy matches of a number are noise.
    if (hits.length < limit && named.length === 0) add(fuzzy(fq));
    return hits.slice(0, limit);
  };
}
