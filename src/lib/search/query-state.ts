/**
 * The search page's state as it appears in its URL (`/search/?q=mfa&version=4.2.1`), so a
 * search can be shared.
 */

/** The filters, each a pagefind filter on item pages with the same name. */
export const FILTER_NAMES = ['version', 'section', 'kind', 'level', 'label'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export interface SearchState {
  q: string;
  /** `pages`: full text of every page; `changes`: text added or removed between versions. */
  mode: 'pages' | 'changes';
  filters: Partial<Record<FilterName, string>>;
}

/** Reads the state from the page's query string; unknown parameters are ignored. */
export function parseSearchState(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const name of FILTER_NAMES) {
    const v = params.get(name)?.trim();
    if (v) filters[name] = v;
  }
  return {
    q: params.get('q') ?? '',
    mode: params.get('mode') === 'changes' ? 'changes' : 'pages',
    filters,
  };
}

/** The query string for a state, leaving out what is empty or default. */
export function searchStateParams(state: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.q.trim()) p.set('q', state.q.trim());
  if (state.mode === 'changes') p.set('mode', 'changes');
  for (const name of FILTER_NAMES) {
    const v = state.filters[name];
    if (v) p.set(name, v);
  }
  return p;
}
