/**
 * Takes in the answers given on pages left before the panel's code arrived
 * (pending-answers.ts): each is read, checked and removed from storage, and saved unless the
 * item has an answer at least as recent.
 */
import type { PendingAnswer } from './pending-answers.ts';
import { answerOf, setAnswer, type AnswerPatch } from './state.ts';
import {
  MAX_NOTE_CHARS,
  PENDING_PREFIX,
  STATUSES,
  type SelfCheckState,
  type Status,
} from './types.ts';

/** The parts of `Storage` this module uses. */
export interface EnumerableStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  removeItem(key: string): void;
}

const MAX_ID = 200;
const MAX_EVIDENCE = 200;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const isId = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_ID;
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
      if (!isId(key) || UNSAFE_KEYS.has(key) || typeof checked !== 'boolean') return undefined;
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
  if (!isRecord(v) || !isId(v.version) || !isId(v.item) || !isId(v.contentHash)) return undefined;
  if (typeof v.at !== 'number' || !Number.isFinite(v.at)) return undefined;
  const patch = readPatch(v.patch);
  if (!patch || !v.version || !v.item) return undefined;
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
