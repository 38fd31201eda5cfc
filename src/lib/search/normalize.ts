/** Query normalisation shared by the full-text search, the palette and the change search. */

/**
 * The query as the search engines should see it: NFKC (full-width digits, letters and
 * punctuation become ASCII, so `８．１．１０` reads `8.1.10`), Japanese punctuation typed between
 * digits read as dots, runs of spaces collapsed, ends trimmed.
 */
export function normalizeQuery(query: string): string {
  return query
    .normalize('NFKC')
    .replace(/(?<=\d)[。、・](?=\d)/g, '.')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The form two texts are compared in: normalised and lower case. */
export function foldText(text: string): string {
  return normalizeQuery(text).toLowerCase();
}

/**
 * The terms to mark on a landing page: the query's space-separated words, longest first, so a
 * longer term is marked before the shorter one it contains. Single Latin letters and digits are
 * left out (they would mark half the page); a one-character Japanese word is kept.
 */
export function highlightTerms(query: string): string[] {
  const words = normalizeQuery(query)
    .split(' ')
    .filter((w) => w.length > 1 || /[^\p{ASCII}]/u.test(w));
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}
