/** Marking the searched words on the page a result opens. */
import { highlightTerms } from './normalize.ts';

/** A piece of text, marked when it is one of the searched terms. */
export interface MarkedPart {
  text: string;
  mark: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A case-insensitive pattern for the queries' terms, longest first; `undefined` when none. */
export function termPattern(queries: readonly string[]): RegExp | undefined {
  const terms = [...new Set(queries.flatMap(highlightTerms))].sort((a, b) => b.length - a.length);
  return terms.length > 0 ? new RegExp(terms.map(escape).join('|'), 'giu') : undefined;
}

/** Splits a text where the pattern matches; `undefined` when nothing matches. */
export function markParts(text: string, pattern: RegExp): MarkedPart[] | undefined {
  const parts: MarkedPart[] = [];
  let last = 0;
  for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
    if (m[0] === '') continue;
    if (m.index > last) parts.push({ text: text.slice(last, m.index), mark: false });
    parts.push({ text: m[0], mark: true });
    last = m.index + m[0].length;
  }
  if (parts.length === 0) return undefined;
  if (last < text.length) parts.push({ text: text.slice(last), mark: false });
  return parts;
}
