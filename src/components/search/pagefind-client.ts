/**
 * The full-text search in the browser: pagefind, loaded from the built site on first use, with
 * items an id query names put first (found through pagefind's `id` filter).
 */
import { matchIds } from '../../lib/search/id-match.ts';
import { normalizeQuery } from '../../lib/search/normalize.ts';
import {
  hitFromPagefind,
  rankSiteHits,
  type PagefindData,
  type SiteHit,
} from '../../lib/search/site-hits.ts';

type FilterCounts = Record<string, Record<string, number>>;
type FilterQuery = Record<string, string | { any: string[] }>;

interface PagefindResponse {
  results: { data(): Promise<PagefindData> }[];
}

/** The part of pagefind's browser API the site uses. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: FilterQuery }): Promise<PagefindResponse>;
  filters(): Promise<FilterCounts>;
}

/** Most pages whose data a search loads; more would mean more fragment requests per query. */
const MAX_PAGES = 50;

let loading: Promise<Pagefind> | undefined;

/** Loads pagefind once (the script pagefind wrote into the built site). */
export function loadPagefind(base: string): Promise<Pagefind> {
  loading ??= (async () => {
    const root = base.endsWith('/') ? base : `${base}/`;
    const pf = (await import(/* @vite-ignore */ `${root}pagefind/pagefind.js`)) as Pagefind;
    await pf.options({ baseUrl: root, excerptLength: 22 });
    await pf.init();
    return pf;
  })();
  // A failed load (offline, missing index) may succeed on the next try.
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * Searches every page; `filters` are pagefind filters (`version`, `section`, `kind`, `label`).
 * Resolves to the hits in display order, one per item.
 */
export async function searchSite(
  base: string,
  query: string,
  filters: Record<string, string | undefined> = {},
): Promise<SiteHit[]> {
  const q = normalizeQuery(query);
  if (!q) return [];
  const pf = await loadPagefind(base);
  const set: FilterQuery = {};
  for (const [k, v] of Object.entries(filters)) if (v) set[k] = v;
  const ids = matchIds(q, Object.keys((await pf.filters()).id ?? {}));
  const [byId, byText] = await Promise.all([
    ids.length > 0 ? pf.search(null, { filters: { ...set, id: { any: ids } } }) : undefined,
    pf.search(q, { filters: set }),
  ]);
  const [idData, textData] = await Promise.all([
    Promise.all((byId?.results ?? []).slice(0, MAX_PAGES).map((r) => r.data())),
    Promise.all(byText.results.slice(0, MAX_PAGES).map((r) => r.data())),
  ]);
  return rankSiteHits(
    q,
    idData.map((d) => hitFromPagefind(d, true)),
    textData.map((d) => hitFromPagefind(d)),
  );
}
