/**
 * The compare explorer's view state and its URL form, so a shared link opens the same view:
 * `?kind=modified,added&label=relaxed&section=8.0&view=side&editorial=ignore`.
 */
import { CHANGE_KINDS, CHANGE_LABELS, type ChangeKind, type ChangeLabel } from './change-kinds.ts';
import { LEVEL_VALUES, type LevelValue } from './levels.ts';

export interface CompareState {
  /** Kinds shown; empty means all. */
  kinds: ChangeKind[];
  /** Labels shown; empty means all. */
  labels: ChangeLabel[];
  /** Sections shown; empty means all. */
  sections: string[];
  /** Requirement levels shown (`?level=mandatory`); absent or empty means all. */
  levels?: LevelValue[];
  /** Inline diff or before/after side by side. */
  view: 'inline' | 'side';
  /** Hide changes of case, punctuation, whitespace and quote style. */
  ignoreEditorial: boolean;
}

export const DEFAULT_STATE: CompareState = {
  kinds: [],
  labels: [],
  sections: [],
  view: 'inline',
  ignoreEditorial: false,
};

function list<T extends string>(value: string | null, allowed?: readonly T[]): T[] {
  if (!value) return [];
  const parts = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const kept = allowed
    ? parts.filter((p): p is T => (allowed as readonly string[]).includes(p))
    : (parts as T[]);
  return [...new Set(kept)];
}

/** Reads the state from a query string; unknown values are dropped, never an error. */
export function parseState(search: string): CompareState {
  const q = new URLSearchParams(search);
  const levels = list(q.get('level'), LEVEL_VALUES);
  return {
    kinds: list(q.get('kind'), CHANGE_KINDS),
    labels: list(q.get('label'), CHANGE_LABELS),
    sections: list(q.get('section')),
    ...(levels.length > 0 && { levels }),
    view: q.get('view') === 'side' ? 'side' : 'inline',
    ignoreEditorial: q.get('editorial') === 'ignore',
  };
}

/** The query string for a state (`''` for the default view), in a stable order. */
export function serializeState(state: CompareState): string {
  const q = new URLSearchParams();
  if (state.kinds.length) q.set('kind', state.kinds.join(','));
  if (state.labels.length) q.set('label', state.labels.join(','));
  if (state.sections.length) q.set('section', state.sections.join(','));
  if (state.levels?.length) q.set('level', state.levels.join(','));
  if (state.view !== 'inline') q.set('view', state.view);
  if (state.ignoreEditorial) q.set('editorial', 'ignore');
  const s = q.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : '';
}

/** What the explorer knows of one change card. */
export interface ChangeFacts {
  kind: ChangeKind;
  labels: ChangeLabel[];
  section: string;
  /** Requirement level of the item (absent: not known to the caller). */
  level?: LevelValue;
  /** False when only editorial changes happened. */
  substantive: boolean;
}

/** Whether a change is shown in a state. */
export function isShown(change: ChangeFacts, state: CompareState): boolean {
  if (state.kinds.length && !state.kinds.includes(change.kind)) return false;
  if (state.labels.length && !change.labels.some((l) => state.labels.includes(l))) return false;
  if (state.sections.length && !state.sections.includes(change.section)) return false;
  if (state.levels?.length && !(change.level && state.levels.includes(change.level))) return false;
  if (state.ignoreEditorial && !change.substantive) return false;
  return true;
}
