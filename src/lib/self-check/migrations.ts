/**
 * Schema migrations of stored and imported self-check data. Each step turns schema `n` into
 * `n + 1`; data is migrated in memory, and the stored copy is backed up before it is rewritten.
 */
import { SCHEMA } from './types.ts';

/** Turns data of one schema into the next; may throw when the data does not fit. */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations by the schema they upgrade from (`MIGRATIONS[1]` turns schema 1 into 2). Schema 1
 * is the first published one, so there is none yet.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrateResult =
  | { ok: true; data: Record<string, unknown>; from: number }
  /** `newer`: written by a newer schema than this page knows; `foreign`: not self-check data. */
  | { ok: false; reason: 'newer' | 'foreign' };

/** Brings data of any known schema up to `current`. */
export function migrate(
  value: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  current: number = SCHEMA,
): MigrateResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'foreign' };
  }
  let data = value as Record<string, unknown>;
  const from = data['schema'];
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    return { ok: false, reason: 'foreign' };
  }
  if (from > current) return { ok: false, reason: 'newer' };
  for (let schema = from; schema < current; schema++) {
    const step = Object.hasOwn(migrations, schema) ? migrations[schema] : undefined;
    if (!step) return { ok: false, reason: 'foreign' };
    try {
      data = step(data);
    } catch {
      return { ok: false, reason: 'foreign' };
    }
    if (data['schema'] !== schema + 1) return { ok: false, reason: 'foreign' };
  }
  return { ok: true, data, from };
}
