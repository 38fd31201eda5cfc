/**
 * Import of an exported file or a share link: validation first (nothing changes on any
 * problem), then a preview of what would change, then merge or replace.
 */
import { migrate } from './migrations.ts';
import { EXPORT_FORMAT, MAX_IMPORT_BYTES, own, type Answer, type SelfCheckState } from './types.ts';
import { checkState, findForbiddenKey, type Issue, type KnownItems } from './validate.ts';

export type ImportError =
  { code: 'too-large' | 'not-json' | 'foreign' | 'newer' } | { code: 'invalid'; issues: Issue[] };

export type ImportResult = { ok: true; state: SelfCheckState } | { ok: false; error: ImportError };

/** Size of a text in UTF-8 bytes. */
export const byteLength = (text: string) => new TextEncoder().encode(text).length;

/** Reads an export document; `known` holds the catalog's versions, items and evidence keys. */
export function readImport(text: string, known: KnownItems): ImportResult {
  if (text.length > MAX_IMPORT_BYTES || byteLength(text) > MAX_IMPORT_BYTES) {
    return { ok: false, error: { code: 'too-large' } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'not-json' } };
  }
  const forbidden = findForbiddenKey(parsed);
  if (forbidden) {
    return {
      ok: false,
      error: { code: 'invalid', issues: [{ code: 'proto-key', path: forbidden }] },
    };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: { code: 'foreign' } };
  }
  const { format, exportedAt, ...rest } = parsed as Record<string, unknown>;
  if (format !== EXPORT_FORMAT) return { ok: false, error: { code: 'foreign' } };
  const migrated = migrate(rest);
  if (!migrated.ok) return { ok: false, error: { code: migrated.reason } };
  const checked = checkState(migrated.data, { known, refuseMarkup: true });
  if (!checked.ok) return { ok: false, error: { code: 'invalid', issues: checked.issues } };
  if (typeof exportedAt !== 'string') {
    return {
      ok: false,
      error: { code: 'invalid', issues: [{ code: 'wrong-type', path: 'exportedAt' }] },
    };
  }
  return { ok: true, state: checked.state };
}

export type ImportMode = 'merge' | 'replace';

/** One answer the import would touch. */
export interface PreviewRow {
  version: string;
  id: string;
  /** `kept`: merge keeps the reader's answer because it is newer than the imported one. */
  change: 'added' | 'updated' | 'removed' | 'kept';
}

export interface Preview {
  rows: PreviewRow[];
  /** Review marks added or updated. */
  reviews: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The answer that wins a merge: the later `updatedAt`, the reader's on a tie. */
function mergeWinner(local: Answer, incoming: Answer): 'local' | 'incoming' {
  return Date.parse(incoming.updatedAt) > Date.parse(local.updatedAt) ? 'incoming' : 'local';
}

/** What importing `incoming` would change. */
export function previewImport(
  current: SelfCheckState,
  incoming: SelfCheckState,
  mode: ImportMode,
): Preview {
  const rows: PreviewRow[] = [];
  for (const [version, items] of Object.entries(incoming.answers)) {
    for (const [id, a] of Object.entries(items)) {
      const local = own(own(current.answers, version), id);
      if (!local) rows.push({ version, id, change: 'added' });
      else if (same(local, a)) continue;
      else if (mode === 'replace' || mergeWinner(local, a) === 'incoming') {
        rows.push({ version, id, change: 'updated' });
      } else rows.push({ version, id, change: 'kept' });
    }
  }
  if (mode === 'replace') {
    for (const [version, items] of Object.entries(current.answers)) {
      for (const id of Object.keys(items)) {
        if (!own(own(incoming.answers, version), id)) rows.push({ version, id, change: 'removed' });
      }
    }
  }
  let reviews = 0;
  for (const [pair, marks] of Object.entries(incoming.reviews)) {
    for (const [id, m] of Object.entries(marks)) {
      const local = own(own(current.reviews, pair), id);
      if (!local || (!same(local, m) && (mode === 'replace' || m.reviewedAt > local.reviewedAt))) {
        reviews++;
      }
    }
  }
  return { rows, reviews };
}

/** The state after importing `incoming`. */
export function applyImport(
  current: SelfCheckState,
  incoming: SelfCheckState,
  mode: ImportMode,
): SelfCheckState {
  if (mode === 'replace') return structuredClone(incoming);
  const next = structuredClone(current);
  for (const [version, items] of Object.entries(incoming.answers)) {
    const target = own(next.answers, version) ?? {};
    for (const [id, a] of Object.entries(items)) {
      const local = own(target, id);
      if (!local || mergeWinner(local, a) === 'incoming') target[id] = structuredClone(a);
    }
    next.answers[version] = target;
  }
  for (const [pair, marks] of Object.entries(incoming.reviews)) {
    const target = own(next.reviews, pair) ?? {};
    for (const [id, m] of Object.entries(marks)) {
      const local = own(target, id);
      if (!local || m.reviewedAt > local.reviewedAt) target[id] = { ...m };
    }
    next.reviews[pair] = target;
  }
  for (const [to, c] of Object.entries(incoming.carried)) {
    if (!own(next.carried, to)) next.carried[to] = { ...c };
  }
  return next;
}
