/** The palette index and its fuzzy search, fetched and built once per page, on first use. */
import { createPaletteSearch, type PaletteHit } from '../../lib/search/palette-search.ts';
import type { PaletteIndex } from '../../lib/search/palette-index.ts';

export interface LoadedPalette {
  index: PaletteIndex;
  search: (query: string, limit?: number) => PaletteHit[];
}

let loading: Promise<LoadedPalette> | undefined;

/** Fetches the index at `url` (with base path) and builds the search over it. */
export function loadPalette(url: string): Promise<LoadedPalette> {
  loading ??= fetch(url).then(async (res) => {
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    const index = (await res.json()) as PaletteIndex;
    return { index, search: createPaletteSearch(index.entries) };
  });
  loading.catch(() => (loading = undefined));
  return loading;
}
