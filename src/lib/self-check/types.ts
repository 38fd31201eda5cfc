/**
 * The self-check's stored data: answers per checklist version and item, "reviewed" marks per
 * change of a version pair, and which versions answers were carried into. Everything lives in
 * the reader's browser; nothing is sent anywhere.
 */

/** Current version of the stored and exported schema. Older data is migrated on load. */
export const SCHEMA = 1;

/** localStorage key of the self-check. */
export const STORAGE_KEY = 'mce.selfcheck';
/** localStorage key of the stored value as it was before a schema migration rewrote it. */
export const BACKUP_KEY = 'mce.selfcheck.backup';
/** localStorage key of what the last import, merge or carry-over changed, for its undo. */
export const UNDO_KEY = 'mce.selfcheck.undo';
/**
 * localStorage key of entries recently removed or set back by an undo (entry → when), so that a
 * tab does not bring back what they were.
 */
export const REMOVED_KEY = 'mce.selfcheck.removed';
/** localStorage key where unreadable data is moved before the first new write. */
export const ASIDE_KEY = 'mce.selfcheck.unreadable';
/**
 * localStorage key prefix of an answer given on a page left before the panel's code arrived
 * (pending-answers.ts), followed by `<version>/<item>`.
 */
export const PENDING_PREFIX = 'mce.selfcheck.pending:';

/** `format` field of an exported file or share link. */
export const EXPORT_FORMAT = 'mce-self-check';
/** `format` field of an exported review record. */
export const REVIEW_FORMAT = 'mce-review-record';

/**
 * Smallest limit on an import file or decoded share link, in bytes; the limit in force is
 * raised to the largest export the site's checklists allow (`maxExportBytes`).
 */
export const MAX_IMPORT_BYTES = 1_000_000;
/** Deepest nesting of objects and arrays read from outside (the schema needs 7 levels). */
export const MAX_DEPTH = 32;
/** Longest note, in characters. */
export const MAX_NOTE_CHARS = 20_000;

/** How far a requirement is met. */
export const STATUSES = ['met', 'partly', 'not-yet', 'na'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * Why a carried-over answer needs a look: `editorial` the wording changed only (status kept),
 * `reopened` the requirement changed (status cleared, the old answer kept in `previous`).
 */
export type ReviewFlag = 'editorial' | 'reopened';

/** An answer as it stood in an earlier version, kept when a carry-over reopens the item. */
export interface PreviousAnswer {
  version: string;
  /** Item id in that version (differs after a renumbering). */
  id: string;
  status?: Status;
  evidence: Record<string, boolean>;
  notes: string;
  updatedAt: string;
  contentHash: string;
}

/** The answer to one item of one version. */
export interface Answer {
  /** Absent while unanswered, and after a carry-over reopened the item. */
  status?: Status;
  /** Evidence checkboxes by evidence key. */
  evidence: Record<string, boolean>;
  /** Free notes, plain text. */
  notes: string;
  /** When the answer last changed (ISO 8601). */
  updatedAt: string;
  /** Hash of the item's text the answer was given on (see `contentHash`). */
  contentHash: string;
  /** Set by a carry-over; cleared when the reader changes or confirms the answer. */
  review?: ReviewFlag;
  /** Version the answer was carried over from. */
  carriedFrom?: string;
  /** The earlier answers a reopened item replaces (several after a merge). */
  previous?: PreviousAnswer[];
}

/** A change on a compare page that the reader marked as reviewed. */
export interface ReviewMark {
  reviewedAt: string;
  /** Content hash of the item in the older version (empty when the item was added). */
  fromHash: string;
  /** Content hash of the item in the newer version (empty when the item was removed). */
  toHash: string;
}

/** When answers were carried into a version, and from which. */
export interface CarryRecord {
  from: string;
  at: string;
}

/** Everything the self-check stores. */
export interface SelfCheckState {
  schema: typeof SCHEMA;
  /** Answers by version id, then item id. */
  answers: Record<string, Record<string, Answer>>;
  /** Review marks by version pair (`4.2...4.2.1`), then change id. */
  reviews: Record<string, Record<string, ReviewMark>>;
  /** Carry-overs by the version carried into. */
  carried: Record<string, CarryRecord>;
}

/** An exported file or decoded share link: the state with a header. */
export interface ExportDoc extends Omit<SelfCheckState, 'schema'> {
  format: typeof EXPORT_FORMAT;
  schema: typeof SCHEMA;
  exportedAt: string;
}

/** A fresh, empty state. */
export function emptyState(): SelfCheckState {
  return { schema: SCHEMA, answers: {}, reviews: {}, carried: {} };
}

/** `obj[key]` when `key` is the object's own property (never something inherited). */
export function own<T>(obj: Record<string, T> | undefined, key: string): T | undefined {
  return obj && Object.hasOwn(obj, key) ? obj[key] : undefined;
}
