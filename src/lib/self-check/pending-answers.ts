/**
 * Answers given in an item's self-check before the panel's code has arrived (panel-loader.ts
 * loads it on first use, and only on a first visit, when nothing is stored). The loader marks
 * the panel `data-touched` (with the time) at each change; the panel saves what its form holds
 * when its code arrives, and a page left first keeps it in localStorage under `PENDING_PREFIX`
 * for the next page's store (absorb-pending.ts). Part of the code every page runs at start, so
 * it stays small.
 */
import type { AnswerPatch } from './state.ts';
import { PENDING_PREFIX, type Status } from './types.ts';

/** An answer given before the panel's code arrived: what to save, for which item, and when. */
export interface PendingAnswer {
  version: string;
  item: string;
  contentHash: string;
  /** When the last change was made, in ms since the epoch. */
  at: number;
  patch: AnswerPatch;
}

/** localStorage key of the pending answer to one item. */
export const pendingKey = (version: string, item: string) => `${PENDING_PREFIX}${version}/${item}`;

/** A form control of the panel. */
interface Control {
  name: string;
  value: string;
  checked?: boolean;
}

/**
 * The answer the panel's controls hold, as a patch over no answer (on a first visit nothing is
 * stored, so what is not chosen is not there); undefined when nothing is chosen or written.
 */
export function formPatch(controls: Iterable<Control>): AnswerPatch | undefined {
  const patch: AnswerPatch = {};
  const evidence: Record<string, boolean> = {};
  for (const c of controls) {
    if (c.name === 'status' && c.checked && c.value !== 'unanswered') {
      patch.status = c.value as Status;
    } else if (c.name === 'evidence' && c.checked) evidence[c.value] = true;
    else if (c.name === 'notes' && c.value !== '') patch.notes = c.value;
  }
  if (Object.keys(evidence).length > 0) patch.evidence = evidence;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/**
 * The answer to keep for a panel whose code has not taken over (`data-touched` still set), with
 * its localStorage key; undefined when there is nothing to keep.
 */
export function pendingAnswer(
  dataset: DOMStringMap,
  controls: Iterable<Control>,
): [key: string, answer: PendingAnswer] | undefined {
  const { version = '', item = '', hash = '', touched } = dataset;
  const patch = touched ? formPatch(controls) : undefined;
  if (!patch) return undefined;
  const answer = { version, item, contentHash: hash, at: Number(touched), patch };
  return [pendingKey(version, item), answer];
}
