/**
 * The vocabularies of change, in a module with no dependencies: browser code (the compare
 * explorer) imports it without pulling in zod or jsdiff.
 */

/** Structural kinds of change an item can go through between two versions. */
export const CHANGE_KINDS = [
  'added',
  'removed',
  'modified',
  'renumbered',
  'split',
  'merged',
  'unchanged',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Semantic labels for a curated change note. */
export const CHANGE_LABELS = ['relaxed', 'tightened', 'clarified', 'editorial'] as const;
export type ChangeLabel = (typeof CHANGE_LABELS)[number];
