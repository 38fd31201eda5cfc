/**
 * Carry-over of answers from one checklist version to the next, following the diff engine:
 * unchanged items keep their answer, editorial-only changes keep it with a flag, substantive
 * changes are reopened (status cleared, the old answer kept as `previous`). Evidence checkboxes
 * follow their keys: a removed key is dropped, a new key starts unchecked.
 */
import type { ItemDiff, VersionDiff } from '../version-diff.ts';
import { isEmptyAnswer } from './state.ts';
import {
  MAX_NOTE_CHARS,
  own,
  type Answer,
  type PreviousAnswer,
  type SelfCheckState,
} from './types.ts';

/**
 * How a carry-over treats an item of the newer version: `unchanged` (tags, this site's own
 * metadata, may differ), `editorial` (only case, punctuation, whitespace or quotes changed),
 * `substantive` (wording, evidence or structure changed), `added` (nothing to carry).
 */
export type CarryCategory = 'unchanged' | 'editorial' | 'substantive' | 'added';

/** One item of the newer version and where its answer comes from. */
export interface CarryEntry {
  id: string;
  /** Ids in the older version this item continues. */
  fromIds: string[];
  category: CarryCategory;
  /** Evidence keys of the item in the newer version. */
  evidence: string[];
  /** Content hash of the item in the newer version. */
  hash: string;
}

/** Everything a carry-over from `from` to `to` needs, computed at build time. */
export interface CarryPlan {
  from: string;
  to: string;
  items: CarryEntry[];
  /** Ids of the older version with no successor: their answers stay with `from`. */
  removed: string[];
}

/** What a carry-over did, by item id of the newer version. */
export interface CarrySummary {
  kept: string[];
  flagged: string[];
  reopened: string[];
  /** Items already answered in the newer version: left as they were. */
  skipped: string[];
  /** Answered items of the older version that the newer one removed. */
  notCarried: string[];
}

/** The carry-over category of one change. */
export function categoryOf(change: ItemDiff): CarryCategory {
  if (change.kind === 'added') return 'added';
  if (change.kind === 'unchanged') return 'unchanged';
  if (change.kind === 'modified' && !change.substantive) {
    return change.fields.every((f) => f.field === 'tags') ? 'unchanged' : 'editorial';
  }
  return 'substantive';
}

/** The carry-over plan for a computed diff; `hashOf` gives an item's content hash. */
export function planFromDiff(
  diff: VersionDiff,
  hashOf: (item: NonNullable<ItemDiff['after']>) => string,
): CarryPlan {
  const items: CarryEntry[] = [];
  const removed: string[] = [];
  for (const change of diff.items) {
    if (change.kind === 'removed') {
      removed.push(change.id);
      continue;
    }
    const after = change.after!;
    items.push({
      id: change.id,
      fromIds: change.fromIds,
      category: categoryOf(change),
      evidence: after.evidence.map((e) => e.key),
      hash: hashOf(after),
    });
  }
  return { from: diff.from, to: diff.to, items, removed };
}

function previousOf(version: string, id: string, a: Answer): PreviousAnswer {
  return {
    version,
    id,
    ...(a.status ? { status: a.status } : {}),
    evidence: { ...a.evidence },
    notes: a.notes,
    updatedAt: a.updatedAt,
    contentHash: a.contentHash,
  };
}

/**
 * Carries the answers of `plan.from` into `plan.to`. Answers already given in `plan.to` are
 * never replaced; the answers of `plan.from` stay where they are.
 */
export function carryOver(
  state: SelfCheckState,
  plan: CarryPlan,
  now: string,
): { state: SelfCheckState; summary: CarrySummary } {
  const next = structuredClone(state);
  const from = own(next.answers, plan.from) ?? {};
  const target = own(next.answers, plan.to) ?? {};
  const summary: CarrySummary = {
    kept: [],
    flagged: [],
    reopened: [],
    skipped: [],
    notCarried: [],
  };

  for (const entry of plan.items) {
    if (entry.category === 'added') continue;
    const sources = entry.fromIds
      .map((id) => [id, own(from, id)] as const)
      .filter((s): s is readonly [string, Answer] => !!s[1] && !isEmptyAnswer(s[1]));
    if (sources.length === 0) continue;
    if (own(target, entry.id)) {
      summary.skipped.push(entry.id);
      continue;
    }
    const evidence: Record<string, boolean> = {};
    for (const key of entry.evidence) {
      const values = sources.map(([, a]) => own(a.evidence, key)).filter((v) => v !== undefined);
      if (values.length > 0) evidence[key] = values.some(Boolean);
    }

    if (entry.category === 'substantive') {
      const joined =
        sources.length === 1
          ? sources[0]![1].notes
          : sources
              .filter(([, a]) => a.notes.trim() !== '')
              .map(([id, a]) => `${id}: ${a.notes}`)
              .join('\n\n');
      // Notes of merged items that together pass the limit stay whole in `previous` only.
      const notes = joined.length <= MAX_NOTE_CHARS ? joined : '';
      target[entry.id] = {
        evidence,
        notes,
        updatedAt: now,
        contentHash: sources[0]![1].contentHash,
        review: 'reopened',
        carriedFrom: plan.from,
        previous: sources.map(([id, a]) => previousOf(plan.from, id, a)),
      };
      summary.reopened.push(entry.id);
    } else {
      const [, a] = sources[0]!;
      const carried: Answer = { ...structuredClone(a), evidence, carriedFrom: plan.from };
      // An answer still waiting for its own re-review stays reopened.
      if (entry.category === 'editorial' && carried.review !== 'reopened') {
        carried.review = 'editorial';
      }
      target[entry.id] = carried;
      (carried.review === 'editorial' ? summary.flagged : summary.kept).push(entry.id);
    }
  }
  for (const id of plan.removed) {
    const a = own(from, id);
    if (a && !isEmptyAnswer(a)) summary.notCarried.push(id);
  }

  if (Object.keys(target).length > 0) next.answers[plan.to] = target;
  next.carried[plan.to] = { from: plan.from, at: now };
  return { state: next, summary };
}
