/**
 * Takes in the answers given on pages left before the panel's code arrived
 * (pending-answers.ts): each is read, checked and removed from storage, and saved unless the
 * item has an answer at least as recent.
 */
import { ITEM_ID, VERSION_ID } from '../ids.ts';
import type { PendingAnswer } from './pending-answers.ts';
import { answerOf, setAnswer, type AnswerPatch } from './state.ts';
import {
  MAX_NOTE_CHARS,
  PENDING_PREFIX,
  STATUSES,
  type SelfCheckState,
  type Status,
} from './types.ts';
import { EVIDENCE_KEY, HASH } from './validate.ts';

/** The parts of `Storage` this module uses. */
export interface EnumerableStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  removeItem(key: string): void;
}

const MAX_ID = 200;
const MAX_EVIDENCE = 200;
/** The latest time a `Date` can hold, in ms. */
const MAX_TIME = 8.64e15;

/** A string that matches `pattern`, as the stored state must (validate.ts). */
const matches = (v: unknown, pattern: RegExp): v is string =>
  typeof v === 'string' && v.length <= MAX_ID && pattern.test(v);
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The patch in `v`, or undefined when any part of it is not what the panel writes. */
function readPatch(v: unknown): AnswerPatch | undefined {
  if (!isRecord(v)) return undefined;
  const patch: AnswerPatch = {};
  if (v.status === null) patch.status = null;
  else if (v.status !== undefined) {
    if (!STATUSES.includes(v.status as Status)) return undefined;
    patch.status = v.status as Status;
  }
  if (v.evidence !== undefined) {
    if (!isRecord(v.evidence)) return undefined;
    const entries = Object.entries(v.evidence);
    if (entries.length > MAX_EVIDENCE) return undefined;
    const evidence: Record<string, boolean> = {};
    for (const [key, checked] of entries) {
      if (!matches(key, EVIDENCE_KEY) || typeof checked !== 'boolean') return undefined;
      evidence[key] = checked;
    }
    patch.evidence = evidence;
  }
  if (v.notes !== undefined) {
    if (typeof v.notes !== 'string' || v.notes.length > MAX_NOTE_CHARS) return undefined;
    patch.notes = v.notes;
  }
  return patch;
}

/** The pending answer stored as `raw`, or undefined when it is unreadable. */
export function parsePendingAnswer(raw: string): PendingAnswer | undefined {
  // The longest honest record: a note of MAX_NOTE_CHARS characters, each escaped to 6, and ids.
  if (raw.length > MAX_NOTE_CHARS * 6 + 20_000) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(v) || !matches(v.version, VERSION_ID) || !matches(v.item, ITEM_ID))
    return undefined;
  if (!matches(v.contentHash, HASH)) return undefined;
  // From 1970 to the last time a `Date` holds: taken as no later than now, it is stored as an
  // ISO date with a four-digit year, as the state must have it.
  if (typeof v.at !== 'number' || !(v.at >= 0 && v.at <= MAX_TIME)) return undefined;
  const patch = readPatch(v.patch);
  if (!patch) return undefined;
  return { version: v.version, item: v.item, contentHash: v.contentHash, at: v.at, patch };
}

/**
 * Saves the pending answers in `storage` through `update` (the store's), then removes them;
 * unreadable ones are removed at once. Readable ones stay while the store cannot save, for a
 * later page. Returns how many answers were taken in.
 */
export function absorbPendingAnswers(
  storage: EnumerableStorage,
  update: (change: (state: SelfCheckState) => SelfCheckState) => { saved: boolean },
  now = Date.now(),
): number {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PENDING_PREFIX)) keys.push(key);
  }
  const readable: string[] = [];
  const answers: PendingAnswer[] = [];
  for (const key of keys) {
    const answer = parsePendingAnswer(storage.getItem(key) ?? '');
    if (!answer) storage.removeItem(key);
    else {
      answers.push(answer);
      readable.push(key);
    }
  }
  if (answers.length === 0 || !update((s) => withPendingAnswers(s, answers, now)).saved) return 0;
  for (const key of readable) storage.removeItem(key);
  return answers.length;
}

/**
 * `state` with each pending answer saved, as of when it was given (never later than `now`),
 * except where the item's stored answer is at least as recent.
 */
export function withPendingAnswers(
  state: SelfCheckState,
  answers: readonly PendingAnswer[],
  now: number,
): SelfCheckState {
  let next = state;
  for (const a of [...answers].sort((x, y) => x.at - y.at)) {
    const at = Math.min(a.at, now);
    const stored = answerOf(next, a.version, a.item);
    if (stored && Date.parse(stored.updatedAt) >= at) continue;
    const when = { now: new Date(at).toISOString(), contentHash: a.contentHash };
    next = setAnswer(next, a.version, a.item, a.patch, when);
  }
  return next;
}
