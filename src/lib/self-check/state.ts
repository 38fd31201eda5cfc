/** Changes to the self-check state. Each returns a new state and leaves its input untouched. */
import { putGrouped } from './entries.ts';
import { own, type Answer, type ReviewMark, type SelfCheckState, type Status } from './types.ts';

/** What the reader changed on an item: `status: null` clears the status. */
export interface AnswerPatch {
  status?: Status | null;
  /** Evidence checkboxes to set, by key; others keep their value. */
  evidence?: Record<string, boolean>;
  notes?: string;
}

/** The answer to an item, if any. */
export function answerOf(state: SelfCheckState, version: string, id: string): Answer | undefined {
  return own(own(state.answers, version), id);
}

/** True when an answer holds nothing worth keeping. */
export function isEmptyAnswer(a: Answer): boolean {
  return (
    !a.status &&
    !Object.values(a.evidence).some(Boolean) &&
    a.notes.trim() === '' &&
    !a.previous?.length
  );
}

/**
 * Applies the reader's change to an item. The answer is now given on the current text
 * (`contentHash`), so a carry-over flag is cleared; an answer left empty is removed.
 */
export function setAnswer(
  state: SelfCheckState,
  version: string,
  id: string,
  patch: AnswerPatch,
  at: { now: string; contentHash: string },
): SelfCheckState {
  const old = answerOf(state, version, id);
  const answer: Answer = {
    ...structuredClone(old ?? { evidence: {}, notes: '', updatedAt: at.now, contentHash: '' }),
    updatedAt: at.now,
    contentHash: at.contentHash,
  };
  if (patch.status === null) delete answer.status;
  else if (patch.status) answer.status = patch.status;
  if (patch.evidence) Object.assign(answer.evidence, patch.evidence);
  if (patch.notes !== undefined) answer.notes = patch.notes;
  delete answer.review;
  const next = structuredClone(state);
  putGrouped(next.answers, version, id, isEmptyAnswer(answer) ? undefined : answer);
  return next;
}

/** Confirms a carried-over answer still holds on the current text, without changing it. */
export function confirmAnswer(
  state: SelfCheckState,
  version: string,
  id: string,
  at: { now: string; contentHash: string },
): SelfCheckState {
  return setAnswer(state, version, id, {}, at);
}

/** Sets or clears (`null`) the "reviewed" mark of a change on a compare page. */
export function setReviewMark(
  state: SelfCheckState,
  pair: string,
  id: string,
  mark: ReviewMark | null,
): SelfCheckState {
  const next = structuredClone(state);
  putGrouped(next.reviews, pair, id, mark ?? undefined);
  return next;
}
