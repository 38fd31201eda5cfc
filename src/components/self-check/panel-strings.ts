import type { SelfCheckKey } from '../../lib/self-check-strings.ts';

/** Strings the item panel needs in the browser, passed in its `data-strings`. */
export const PANEL_STRINGS = [
  'saved',
  'notes.tooLong',
  'problem.unavailable',
  'problem.quota',
  'problem.unreadable',
  'problem.newer',
  'carry.offer',
  'carry.button',
  'carry.done',
  'carry.failed',
  'carry.reopened',
  'carry.previous',
  'carry.previousNotes',
  'carry.seeChange',
  'carry.editorial',
  'carry.stale',
  'carry.confirm',
  'undo',
  'undo.done',
  'status.met',
  'status.partly',
  'status.not-yet',
  'status.na',
  'status.unanswered',
  // Saving without storage, confirmation and undo.
  'saved.pageOnly',
  'export.json',
  'confirm.done',
  'undo.kept',
  'undo.nothing',
] as const satisfies readonly SelfCheckKey[];

export type PanelStrings = Record<(typeof PANEL_STRINGS)[number], string>;
