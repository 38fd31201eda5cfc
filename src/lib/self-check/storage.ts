/**
 * The self-check's storage: one localStorage key holding the whole state, a backup slot for
 * undo, and a place where unreadable data is moved before anything new is written. Answers are
 * never overwritten without a backup, and data this page cannot read is never destroyed.
 */
import { migrate } from './migrations.ts';
import { ASIDE_KEY, BACKUP_KEY, STORAGE_KEY, emptyState, type SelfCheckState } from './types.ts';
import { checkState } from './validate.ts';

/** The part of the Web Storage API the store uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What the stored value turned out to be. */
export type ReadResult =
  | { kind: 'empty' }
  | { kind: 'ok'; state: SelfCheckState; migratedFrom?: number }
  /** Not JSON, not self-check data, or self-check data that fails validation. */
  | { kind: 'unreadable' }
  /** Written by a newer version of the site: left alone. */
  | { kind: 'newer' };

/**
 * A problem to tell the reader about: storage disabled, full, holding unreadable data (moved
 * aside on the next save) or data from a newer version of the site (never written over).
 */
export type Problem = 'unavailable' | 'quota' | 'unreadable' | 'newer';

/** What the backup slot holds. */
export interface Backup {
  at: string;
  /** Why it was taken: `import`, `carry-over`, `migration`, `undo`, `share`… */
  reason: string;
  /** The stored value before the overwrite, as it was. */
  value: string;
}

/** Parses, migrates and validates a stored value. */
export function readState(raw: string | null): ReadResult {
  if (raw === null || raw === '') return { kind: 'empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { kind: 'unreadable' };
  }
  const migrated = migrate(parsed);
  if (!migrated.ok) return migrated.reason === 'newer' ? { kind: 'newer' } : { kind: 'unreadable' };
  const checked = checkState(migrated.data);
  if (!checked.ok) return { kind: 'unreadable' };
  return migrated.from === checked.state.schema
    ? { kind: 'ok', state: checked.state }
    : { kind: 'ok', state: checked.state, migratedFrom: migrated.from };
}

function parseBackup(raw: string | null): Backup | undefined {
  if (!raw) return undefined;
  try {
    const b = JSON.parse(raw) as Partial<Backup>;
    if (typeof b.at === 'string' && typeof b.reason === 'string' && typeof b.value === 'string') {
      return { at: b.at, reason: b.reason, value: b.value };
    }
  } catch {
    // An unreadable backup is no backup.
  }
  return undefined;
}

function isQuotaError(e: unknown): boolean {
  return (
    e instanceof DOMException &&
    (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

/** The state in memory, kept in step with storage. */
export class SelfCheckStore {
  /** The current answers. */
  state: SelfCheckState = emptyState();
  /** What reading storage found wrong, if anything. */
  loadProblem: Problem | undefined;
  /** What the last save found wrong, if anything. */
  saveProblem: Problem | undefined;
  readonly #storage: StorageLike | null;
  readonly #now: () => string;

  /** `storage` is `null` when the browser refuses storage (some private modes). */
  constructor(storage: StorageLike | null, now: () => string = () => new Date().toISOString()) {
    this.#storage = storage;
    this.#now = now;
    this.reload();
  }

  #get(key: string): string | null {
    return this.#storage ? this.#storage.getItem(key) : null;
  }

  /** Reads storage again (after another tab wrote to it). */
  reload(): void {
    if (!this.#storage) {
      this.loadProblem = 'unavailable';
      return;
    }
    let read: ReadResult;
    try {
      read = readState(this.#get(STORAGE_KEY));
    } catch {
      this.loadProblem = 'unavailable';
      return;
    }
    this.loadProblem = read.kind === 'unreadable' || read.kind === 'newer' ? read.kind : undefined;
    this.state = read.kind === 'ok' ? read.state : emptyState();
  }

  /** True when changes cannot be saved at all (storage off, or owned by a newer version). */
  get readOnly(): boolean {
    return this.loadProblem === 'newer';
  }

  /** The first problem worth telling the reader about. */
  get problem(): Problem | undefined {
    return this.saveProblem ?? this.loadProblem;
  }

  /**
   * Makes `next` the state and saves it. With `backup`, the stored value is first copied to the
   * backup slot so `undo` can bring it back. Returns the problem, if the save failed.
   */
  save(next: SelfCheckState, backup?: string): Problem | undefined {
    this.saveProblem = this.#write(next, backup);
    if (this.saveProblem !== 'newer') this.state = next;
    return this.saveProblem;
  }

  #write(next: SelfCheckState, backup: string | undefined): Problem | undefined {
    const storage = this.#storage;
    if (!storage) return 'unavailable';
    try {
      const current = storage.getItem(STORAGE_KEY);
      const read = readState(current);
      if (read.kind === 'newer') return 'newer';
      if (read.kind === 'unreadable' && current !== null) this.#moveAside(current);
      const reason = backup ?? (read.kind === 'ok' && read.migratedFrom ? 'migration' : undefined);
      if (reason && read.kind !== 'unreadable') {
        // An empty value is backed up too, so undoing a first import empties storage again.
        const b: Backup = { at: this.#now(), reason, value: current ?? '' };
        storage.setItem(BACKUP_KEY, JSON.stringify(b));
      }
      storage.setItem(STORAGE_KEY, JSON.stringify(next));
      if (this.loadProblem === 'unreadable') this.loadProblem = undefined;
      return undefined;
    } catch (e) {
      return isQuotaError(e) ? 'quota' : 'unavailable';
    }
  }

  /** Keeps unreadable data under a key of its own; throws when that cannot be written. */
  #moveAside(raw: string): void {
    const storage = this.#storage!;
    const held = storage.getItem(ASIDE_KEY);
    if (held === raw) return;
    storage.setItem(held === null ? ASIDE_KEY : `${ASIDE_KEY}.${Date.now()}`, raw);
  }

  /** The backup `undo` would restore, if there is a readable one. */
  backup(): Backup | undefined {
    try {
      const b = parseBackup(this.#get(BACKUP_KEY));
      const kind = b && readState(b.value).kind;
      return kind === 'ok' || kind === 'empty' ? b : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Restores the backup; the value it replaces becomes the new backup, so an undo can itself be
   * undone. Returns the problem, if it failed.
   */
  undo(): Problem | 'no-backup' | undefined {
    const b = this.backup();
    if (!b) return 'no-backup';
    const read = readState(b.value);
    return this.save(read.kind === 'ok' ? read.state : emptyState(), 'undo');
  }
}

/** The browser's localStorage, or `null` when the browser refuses access to it. */
export function browserStorage(): StorageLike | null {
  try {
    const s = window.localStorage;
    s.getItem(STORAGE_KEY);
    return s;
  } catch {
    return null;
  }
}

/** Calls `listener` when another tab changes the self-check's storage. */
export function onOtherTabChange(listener: () => void): void {
  window.addEventListener('storage', (e) => {
    if (e.key === null || e.key === STORAGE_KEY) listener();
  });
}
