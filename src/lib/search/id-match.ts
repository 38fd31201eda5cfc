/**
 * Exact ids first: a query that is an item id, or the beginning of one, names those items, and
 * every search surface puts them on top in id order before any text match.
 */
import { compareItemIds, CONTROL_ID } from '../ids.ts';
import { foldText } from './normalize.ts';

/** What an id-like query asks for. */
export type IdQuery =
  | {
      kind: 'control';
      /** The numeric parts typed, as text (`8.1.1` → `['8', '1', '1']`). */
      parts: string[];
      /** True when the query ends in a dot (`8.1.`): only items below `8.1`. */
      below: boolean;
    }
  | {
      kind: 'rule';
      /** The slug typed, words joined by hyphens (`audit timing` → `audit-timing`). */
      slug: string;
    };

// Words people put before a number: "control 8.1.10", "コントロール 8.1.10", "#8.1.10".
const LEAD = /^(?:#|no\.?|control|ctrl|item|コントロール|項目|番号)\s*/i;
const NUMBER = /^\d+(?:\.\d+)*\.?$/;
const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-?$/;

/** Reads a query as an id or id prefix; `undefined` when it is not one. */
export function parseIdQuery(query: string): IdQuery | undefined {
  const q = foldText(query);
  const n = q.replace(LEAD, '');
  if (NUMBER.test(n)) {
    const below = n.endsWith('.');
    return { kind: 'control', parts: (below ? n.slice(0, -1) : n).split('.'), below };
  }
  const slug = q.replace(/[\s_]+/g, '-');
  if (SLUG.test(slug)) return { kind: 'rule', slug };
  return undefined;
}

function controlMatches(id: string, parts: string[], below: boolean): boolean {
  if (!CONTROL_ID.test(id)) return false;
  const have = id.split('.');
  const n = parts.length;
  if (have.length < n || (below && have.length === n)) return false;
  for (let i = 0; i < n - 1; i++) if (have[i] !== parts[i]) return false;
  // The last part typed may be unfinished: `8.1.1` leads to 8.1.10 and 8.1.11.
  return below ? have[n - 1] === parts[n - 1] : have[n - 1]!.startsWith(parts[n - 1]!);
}

/**
 * True when `id` is named by the query: the same number, a number below it (`8.1` → `8.1.10`),
 * a number it is the beginning of (`8.1.1` → `8.1.10`); for program rules the same slug, or the
 * beginning of one when the query has more than one word (`full audit` → `full-audit-cycle`).
 */
export function idMatches(query: IdQuery, id: string): boolean {
  if (query.kind === 'control') return controlMatches(id, query.parts, query.below);
  if (CONTROL_ID.test(id)) return false;
  const slug = query.slug.replace(/-$/, '');
  return id === slug || (query.slug.includes('-') && id.startsWith(query.slug));
}

/** The ids the query names, in id order (the exact id, when present, sorts first). */
export function matchIds(query: string, ids: Iterable<string>): string[] {
  const parsed = parseIdQuery(query);
  if (!parsed) return [];
  return [...new Set(ids)].filter((id) => idMatches(parsed, id)).sort(compareItemIds);
}

/**
 * Puts the hits whose id the query names first, in id order (hits of one id keep their order),
 * followed by every other hit in its original order.
 */
export function idsFirst<T>(
  hits: readonly T[],
  query: string,
  idOf: (hit: T) => string | undefined,
): T[] {
  const named = matchIds(
    query,
    hits.map(idOf).filter((id): id is string => id !== undefined),
  );
  if (named.length === 0) return [...hits];
  const rank = new Map(named.map((id, i) => [id, i]));
  const first = hits
    .map((hit, i) => ({ hit, i, r: rank.get(idOf(hit) ?? '') }))
    .filter((x) => x.r !== undefined)
    .sort((a, b) => a.r! - b.r! || a.i - b.i)
    .map((x) => x.hit);
  return [...first, ...hits.filter((h) => !rank.has(idOf(h) ?? ''))];
}
