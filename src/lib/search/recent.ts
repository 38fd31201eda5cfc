/** Recently opened items, remembered in the browser for the quick-jump palette. */

/** localStorage key; the version suffix changes if the stored shape ever does. */
export const RECENT_KEY = 'mce.search.recent.v1';

/** How many recent items are kept. */
export const RECENT_MAX = 5;

/** Reads the stored list, ignoring anything that is not a list of strings. */
export function parseRecent(stored: string | null): string[] {
  try {
    const value: unknown = JSON.parse(stored ?? '[]');
    return Array.isArray(value)
      ? value.filter((x): x is string => typeof x === 'string').slice(0, RECENT_MAX)
      : [];
  } catch {
    return [];
  }
}

/** The list after opening `id`: it moves to the front, the oldest falls off. */
export function pushRecent(list: readonly string[], id: string, max = RECENT_MAX): string[] {
  return [id, ...list.filter((x) => x !== id)].slice(0, max);
}
