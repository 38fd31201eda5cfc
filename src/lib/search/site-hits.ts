/**
 * Full-text results as the site shows them: pagefind's pages turned into hits, items named by
 * an id query first, one hit per item with its other versions attached.
 */
import { compareVersionIds, VERSION_ID } from '../ids.ts';
import { idsFirst } from './id-match.ts';
import { foldText } from './normalize.ts';

/** A section of a page that matched, linking to its anchor. */
export interface SubHit {
  title: string;
  url: string;
  /** Excerpt as pagefind gives it: escaped text with `<mark>` around matches. */
  excerpt: string;
}

/** One result of the full-text search. */
export interface SiteHit {
  url: string;
  /** Item id, version, kind (`control`/`rule`) and section id: set on item pages only. */
  id?: string | undefined;
  version?: string | undefined;
  kind?: string | undefined;
  section?: string | undefined;
  title: string;
  excerpt: string;
  subResults: SubHit[];
  /** The same item in other versions, when several versions matched. */
  otherVersions: { version: string; url: string }[];
  /** True when the query named this item's id. */
  idMatch: boolean;
}

/** The fields pagefind returns for a result (`result.data()`), as far as the site uses them. */
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: { title: string; url: string; excerpt: string }[];
}

/** A hit from pagefind's data for one page. */
export function hitFromPagefind(data: PagefindData, idMatch = false): SiteHit {
  const page = data.url.split('#')[0]!;
  return {
    url: data.url,
    id: data.meta.id,
    version: data.meta.version,
    kind: data.meta.kind,
    section: data.meta.section,
    title: data.meta.title ?? data.url,
    excerpt: data.excerpt,
    // The sub-result without an anchor is the page's opening, already the hit itself.
    subResults: (data.sub_results ?? []).filter((s) => s.url !== page && s.url.includes('#')),
    otherVersions: [],
    idMatch,
  };
}

const newestFirst = (a: SiteHit, b: SiteHit) =>
  a.version && b.version && VERSION_ID.test(a.version) && VERSION_ID.test(b.version)
    ? compareVersionIds(b.version, a.version)
    : 0;

/**
 * Merges the pages an id query names (`idHits`, found by pagefind's id filter) with the text
 * matches (`textHits`, in pagefind's order): named items first in id order, the newest version
 * of each first, then the rest. A page in both lists keeps the text match's excerpt. Hits of
 * the same item collapse into the first, which lists the others as `otherVersions`.
 */
export function rankSiteHits(query: string, idHits: SiteHit[], textHits: SiteHit[]): SiteHit[] {
  const byUrl = new Map<string, SiteHit>();
  for (const h of textHits) if (!byUrl.has(h.url)) byUrl.set(h.url, h);
  const named = new Set(idHits.map((h) => h.url));
  const ordered: SiteHit[] = [];
  for (const h of [...idHits].sort(newestFirst)) {
    ordered.push({ ...(byUrl.get(h.url) ?? h), idMatch: true });
  }
  for (const h of byUrl.values()) if (!named.has(h.url)) ordered.push(h);
  return collapseVersions(idsFirst(ordered, query, (h) => (h.idMatch ? h.id : undefined)));
}

/**
 * One hit per item, at the place of its best-ranked page: the newest version's page leads, the
 * other versions become its `otherVersions`. Pages that repeat another's title and excerpt
 * (the latest version's pinned list repeats the unpinned one) are dropped.
 */
export function collapseVersions(hits: SiteHit[]): SiteHit[] {
  const groups = new Map<string, SiteHit[]>();
  const order: (SiteHit | string)[] = [];
  const seen = new Set<string>();
  for (const h of hits) {
    if (!h.id) {
      const key = `${h.title}\u0000${h.excerpt}`;
      if (!seen.has(key)) order.push(h);
      seen.add(key);
      continue;
    }
    const group = groups.get(h.id);
    if (group) group.push(h);
    else {
      groups.set(h.id, [h]);
      order.push(h.id);
    }
  }
  return order.map((x) => {
    if (typeof x !== 'string') return x;
    const [lead, ...rest] = [...groups.get(x)!].sort(newestFirst);
    const otherVersions = [...lead!.otherVersions];
    for (const h of rest) {
      if (
        h.version &&
        h.version !== lead!.version &&
        !otherVersions.some((o) => o.version === h.version)
      ) {
        otherVersions.push({ version: h.version, url: h.url });
      }
    }
    otherVersions.sort((a, b) => compareVersionIds(b.version, a.version));
    return { ...lead!, idMatch: lead!.idMatch || rest.some((h) => h.idMatch), otherVersions };
  });
}

/** A part of an excerpt: plain text, or a matched run to mark. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

// Pagefind escapes only these two in excerpts; every other character is the page text.
const decodeAngles = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/**
 * Splits a pagefind excerpt into text and marked runs, so it can be rendered as text nodes
 * (never as HTML). Any other tag is dropped.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(piece)) mark = true;
    else if (/^<\/mark>$/i.test(piece)) mark = false;
    else {
      const text = decodeAngles(piece.replace(/<[^>]*>/g, ''));
      if (text) parts.push({ text, mark });
    }
  }
  return parts;
}

/** Adds the query to a result URL for the landing page to highlight, before any fragment. */
export function withHighlight(url: string, query: string, param = 'highlight'): string {
  const q = query.trim();
  if (!q) return url;
  const hash = url.indexOf('#');
  const [path, frag] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  const sep = path.includes('?') ? '&' : '?';
  return `${path}${sep}${param}=${encodeURIComponent(q)}${frag}`;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** True when a marked run of an excerpt is the query word, holds it, or is most of it. */
function markMatches(mark: string, word: string): boolean {
  if (mark.includes(word)) return true;
  if (!word.includes(mark)) return false;
  // Pagefind falls back to words that share a short beginning (`offbording` marks `of`).
  return CJK.test(mark) ? mark.length >= 2 : mark.length >= Math.max(3, word.length * 0.6);
}

/**
 * True when some item page found holds the query: named by it, or with a marked run that
 * matches one of its words. False means full text only found near misses (a typo), so the
 * closest items by title and alias should lead.
 */
export function findsItem(hits: readonly SiteHit[], query: string): boolean {
  const words = foldText(query).split(' ').filter(Boolean);
  return hits.some(
    (h) =>
      h.id !== undefined &&
      (h.idMatch ||
        [h.excerpt, ...h.subResults.map((s) => s.excerpt)].some((ex) =>
          excerptParts(ex)
            .filter((p) => p.mark)
            .some((p) => {
              const mark = foldText(p.text).replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');
              return mark !== '' && words.some((w) => markMatches(mark, w));
            }),
        )),
  );
}
