/**
 * The state as a set of entries: an answer (version, item), a review mark (version pair, change)
 * or a carry-over record (version). Merges, undo and the tabs' write-back work entry by entry.
 */
import { own, type SelfCheckState } from './types.ts';

/** Where an entry lives: `answers` and `reviews` by group then id, `carried` by group alone. */
export type Table = 'answers' | 'reviews' | 'carried';
export const TABLES: readonly Table[] = ['answers', 'reviews', 'carried'];

/** One entry's address; `id` is empty for a carry-over record. */
export interface EntryKey {
  table: Table;
  group: string;
  id: string;
}

/** A key as one string, for maps and sets. */
export const keyText = (k: EntryKey) => JSON.stringify([k.table, k.group, k.id]);

/** The entry at `k`, if any. */
export function getEntry(state: SelfCheckState, k: EntryKey): unknown {
  if (k.table === 'carried') return own(state.carried, k.group);
  return own(own<Record<string, unknown>>(state[k.table], k.group), k.id);
}

/** Sets or removes `table[group][id]`, dropping a group left empty. Changes `table`. */
export function putGrouped<T>(
  table: Record<string, Record<string, T>>,
  group: string,
  id: string,
  value: T | undefined,
): void {
  const entries = own(table, group) ?? {};
  if (value) entries[id] = value;
  else Reflect.deleteProperty(entries, id);
  if (Object.keys(entries).length > 0) table[group] = entries;
  else Reflect.deleteProperty(table, group);
}

/** Sets (`value`) or removes (`undefined`) the entry at `k`. Changes `state`. */
export function putEntry(state: SelfCheckState, k: EntryKey, value: unknown): void {
  const copy = value === undefined ? undefined : structuredClone(value);
  if (k.table === 'carried') {
    if (copy) state.carried[k.group] = copy as SelfCheckState['carried'][string];
    else Reflect.deleteProperty(state.carried, k.group);
  } else putGrouped(state[k.table] as Record<string, Record<string, unknown>>, k.group, k.id, copy);
}

/** Every entry key of a state. */
export function entryKeys(state: SelfCheckState): EntryKey[] {
  const keys: EntryKey[] = [];
  for (const table of ['answers', 'reviews'] as const) {
    for (const [group, entries] of Object.entries(state[table])) {
      for (const id of Object.keys(entries)) keys.push({ table, group, id });
    }
  }
  for (const group of Object.keys(state.carried)) keys.push({ table: 'carried', group, id: '' });
  return keys;
}

/** A value as JSON with object keys sorted, so equal values give equal text. */
function canonical(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** True when two validated values are equal (key order does not count). */
export const sameValue = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** True when the entry at `k` is the same in both states (both absent counts as the same). */
export function sameEntry(a: SelfCheckState, b: SelfCheckState, k: EntryKey): boolean {
  return sameValue(getEntry(a, k), getEntry(b, k));
}

/** The keys whose entries differ between two states. */
export function changedKeys(before: SelfCheckState, after: SelfCheckState): EntryKey[] {
  const seen = new Set<string>();
  const out: EntryKey[] = [];
  for (const k of [...entryKeys(before), ...entryKeys(after)]) {
    const text = keyText(k);
    if (seen.has(text)) continue;
    seen.add(text);
    if (!sameEntry(before, after, k)) out.push(k);
  }
  return out;
}

/** When an entry was last changed, in milliseconds: its `updatedAt`, `reviewedAt` or `at`. */
export function entryTime(k: EntryKey, value: unknown): number {
  const v = value as Record<string, string> | undefined;
  const stamp =
    k.table === 'answers' ? v?.updatedAt : k.table === 'reviews' ? v?.reviewedAt : v?.at;
  return stamp ? Date.parse(stamp) : -Infinity;
}
