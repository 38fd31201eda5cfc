/**
 * Import of an exported file or a share link: validation first (nothing changes on any
 * problem), then a preview of what would change, then merge or replace.
 */
import { sameValue as same } from './entries.ts';
import { exportJson } from './export.ts';
import { migrate } from './migrations.ts';
import {
  EXPORT_FORMAT,
  MAX_IMPORT_BYTES,
  MAX_NOTE_CHARS,
  emptyState,
  own,
  type Answer,
  type ReviewMark,
  type SelfCheckState,
} from './types.ts';
import { checkState, inspectTree, type Issue, type KnownItems } from './validate.ts';
import type { SelfCheckData } from './version-file.ts';

export type ImportError =
  { code: 'too-large' | 'not-json' | 'foreign' | 'newer' } | { code: 'invalid'; issues: Issue[] };

export type ImportResult = { ok: true; state: SelfCheckState } | { ok: false; error: ImportError };

/** Size of a text in UTF-8 bytes. */
export const byteLength = (text: string) => new TextEncoder().encode(text).length;

/** Most UTF-8 bytes `JSON.stringify` writes for one UTF-16 code unit (`\u001f` is six). */
const JSON_BYTES_PER_UNIT = 6;
/** The longest date the validation accepts. */
const LONGEST_DATE = '2024-05-01T10:00:00.123456789+09:00';
const LONGEST_HASH = 'f'.repeat(16);

/**
 * The largest JSON export this site can write for these checklists, in UTF-8 bytes: every item
 * of every version answered with every evidence entry ticked and the longest notes, an earlier
 * answer for each item it continues, a review mark on every change of every version pair and a
 * carry-over record per version. Imports and share links up to this size are accepted.
 */
export function maxExportBytes(all: SelfCheckData[]): number {
  const state = emptyState();
  const byVersion = new Map(all.map((d) => [d.version, d]));
  const ticked = (version: string | undefined, id: string) =>
    Object.fromEntries(
      (byVersion.get(version ?? '')?.items.find((i) => i.id === id)?.evidence ?? []).map((e) => [
        e.key,
        true,
      ]),
    );
  let notes = 0;
  for (const d of all) {
    const from = d.carry?.from;
    const answers: Record<string, Answer> = {};
    for (const item of d.items) {
      const fromIds = d.carry?.items.find((e) => e.id === item.id)?.fromIds ?? [];
      const previous = fromIds.map((id) => ({
        version: from!,
        id,
        status: 'not-yet' as const,
        evidence: ticked(from, id),
        notes: '',
        updatedAt: LONGEST_DATE,
        contentHash: LONGEST_HASH,
      }));
      answers[item.id] = {
        status: 'not-yet',
        evidence: ticked(d.version, item.id),
        notes: '',
        updatedAt: LONGEST_DATE,
        contentHash: LONGEST_HASH,
        review: 'editorial',
        ...(from ? { carriedFrom: from } : {}),
        ...(previous.length > 0 ? { previous } : {}),
      };
      notes += 1 + previous.length;
    }
    state.answers[d.version] = answers;
    state.carried[d.version] = { from: from ?? d.version, at: LONGEST_DATE };
  }
  const mark: ReviewMark = {
    reviewedAt: LONGEST_DATE,
    fromHash: LONGEST_HASH,
    toHash: LONGEST_HASH,
  };
  all.forEach((a, i) => {
    for (const b of all.slice(i + 1)) {
      const ids = new Set([...a.items, ...b.items].map((item) => item.id));
      state.reviews[`${a.version}...${b.version}`] = Object.fromEntries(
        [...ids].map((id) => [id, mark]),
      );
    }
  });
  const skeleton = byteLength(exportJson(state, LONGEST_DATE));
  return skeleton + notes * MAX_NOTE_CHARS * JSON_BYTES_PER_UNIT;
}

/** The import size limit: never below `MAX_IMPORT_BYTES`, and what the site can export. */
export function importLimit(all: SelfCheckData[]): number {
  return Math.max(MAX_IMPORT_BYTES, maxExportBytes(all));
}

export interface ImportOptions {
  /** The import's time: later dates in the document are set to it. */
  now?: string;
  /** Largest document accepted, in UTF-8 bytes (see `maxExportBytes`). */
  maxBytes?: number;
}

/**
 * Reads an export document; `known` holds the catalog's versions, items and evidence keys.
 * Notes are kept exactly as written: every view shows them as text.
 */
export function readImport(
  text: string,
  known: KnownItems,
  { now, maxBytes = MAX_IMPORT_BYTES }: ImportOptions = {},
): ImportResult {
  if (text.length > maxBytes || byteLength(text) > maxBytes) {
    return { ok: false, error: { code: 'too-large' } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'not-json' } };
  }
  const problem = inspectTree(parsed);
  if (problem) return { ok: false, error: { code: 'invalid', issues: [problem] } };
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: { code: 'foreign' } };
  }
  const { format, exportedAt, ...rest } = parsed as Record<string, unknown>;
  if (format !== EXPORT_FORMAT) return { ok: false, error: { code: 'foreign' } };
  const migrated = migrate(rest);
  if (!migrated.ok) return { ok: false, error: { code: migrated.reason } };
  const checked = checkState(migrated.data, { known, ...(now ? { notAfter: now } : {}) });
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

/**
 * The state after importing `incoming`. A merge leaves the reader's carry-over records alone:
 * someone else's carry-over says nothing about the reader's own answers.
 */
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
  return next;
}
