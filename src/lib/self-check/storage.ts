/**
 * The self-check's storage: one localStorage key holding the whole state, the record of the
 * last import (or merge, or carry-over) for its undo, and a place where unreadable data is moved
 * before anything new is written. Answers are never overwritten without a way back, and data
 * this page cannot read is never destroyed.
 *
 * Several tabs share one storage. A write reads what is stored, applies the change and writes
 * the result, so it never puts back an old copy of the whole state. Two tabs that write at the
 * same moment can still overwrite each other (browsers pass writes between tabs a little
 * later, and a tab's own copy keeps its own write until that write has been passed on), so
 * each tab keeps the entries it changed until another tab's write is seen to hold them, and
 * when another tab's write arrives (`sync`) it writes back those the other tab missed, entry by
 * entry: the later change wins.
 */
import {
  changedKeys,
  entryTime,
  getEntry,
  keyText,
  putEntry,
  sameValue,
  TABLES,
  type EntryKey,
} from './entries.ts';
import { absorbPendingAnswers } from './absorb-pending.ts';
import { migrate } from './migrations.ts';
import {
  ASIDE_KEY,
  BACKUP_KEY,
  REMOVED_KEY,
  STORAGE_KEY,
  UNDO_KEY,
  emptyState,
  type SelfCheckState,
} from './types.ts';
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
  /** Not JSON, not self-check data, nested too deep, or data that fails validation. */
  | { kind: 'unreadable' }
  /** Written by a newer version of the site: left alone. */
  | { kind: 'newer' };

/**
 * A problem to tell the reader about: storage disabled, full, holding unreadable data (moved
 * aside on the next save), data from a newer version of the site (never written over), or a
 * change that would have stored what this site cannot read back (refused).
 */
export type Problem = 'unavailable' | 'quota' | 'unreadable' | 'newer' | 'invalid';

/** The outcome of a write: stored, or kept for this page only because of `problem`. */
export type SaveResult = { saved: true } | { saved: false; problem: Problem };

/** A change to the state: takes the current state, returns the next one (never changes it). */
export type Change = (state: SelfCheckState) => SelfCheckState;

/** The stored value as it was before a schema migration rewrote it (`BACKUP_KEY`). */
export interface Backup {
  at: string;
  reason: 'migration';
  value: string;
}

/** What the last import, merge or carry-over changed (`UNDO_KEY`). */
export interface UndoRecord {
  at: string;
  /** `import`, `share` or `carry-over`. */
  reason: string;
  keys: EntryKey[];
  /** The changed entries before and after, each as a state holding only those entries. */
  before: SelfCheckState;
  after: SelfCheckState;
}

/** What an undo can do now: the entries still as the import left them, and the others. */
export interface UndoInfo {
  at: string;
  reason: string;
  /** Entries still as the import left them: undo brings back what they were before. */
  undoable: EntryKey[];
  /** Entries changed again since: undo leaves them as they are. */
  changedSince: EntryKey[];
}

/** Removals and undos are remembered this long, so that a tab does not bring back what they took away. */
const REMOVED_FOR_MS = 24 * 60 * 60 * 1000;

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

function parseJson(raw: string | null): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

const isKey = (k: unknown): k is EntryKey => {
  const r = k as Partial<EntryKey> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    TABLES.includes(r.table as EntryKey['table']) &&
    typeof r.group === 'string' &&
    typeof r.id === 'string'
  );
};

/** An undo record as stored, or `undefined` when there is none or it does not read as one. */
export function parseUndoRecord(raw: string | null): UndoRecord | undefined {
  const r = parseJson(raw) as Partial<UndoRecord> | undefined;
  if (typeof r !== 'object' || r === null) return undefined;
  if (typeof r.at !== 'string' || typeof r.reason !== 'string') return undefined;
  if (!Array.isArray(r.keys) || !r.keys.every(isKey)) return undefined;
  const before = checkState(r.before);
  const after = checkState(r.after);
  if (!before.ok || !after.ok) return undefined;
  return { at: r.at, reason: r.reason, keys: r.keys, before: before.state, after: after.state };
}

function isQuotaError(e: unknown): boolean {
  return (
    e instanceof DOMException &&
    (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

/** A storage that lives as long as the page: what the store uses when the browser has none. */
class PageMemory implements StorageLike {
  #data = new Map<string, string>();
  getItem(key: string) {
    return this.#data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.#data.set(key, value);
  }
  removeItem(key: string) {
    this.#data.delete(key);
  }
}

/** An entry this tab changed and has not yet seen stored. */
interface Pending {
  key: EntryKey;
  /** The entry as this tab set it; `undefined` when it removed it. */
  value: unknown;
  /** The entry's own time, or when it was removed, in milliseconds. */
  at: number;
}

/** The state as storage holds it, and the tab's writes to it. */
export class SelfCheckStore {
  /** What reading storage found wrong, if anything. */
  loadProblem: Problem | undefined;
  /** What the last write found wrong, if anything. */
  saveProblem: Problem | undefined;
  #state: SelfCheckState = emptyState();
  readonly #storage: StorageLike;
  /** False when the browser gives the site no storage: answers last as long as the page. */
  readonly #persistent: boolean;
  readonly #now: () => string;
  readonly #pending = new Map<string, Pending>();
  /** The last value read from storage and what it held, so an unchanged value is parsed once. */
  #lastRaw: string | null | undefined;
  #lastRead: ReadResult = { kind: 'empty' };
  readonly #listeners = new Set<() => void>();

  /** `storage` is `null` when the browser refuses storage (some private modes, policies). */
  constructor(storage: StorageLike | null, now: () => string = () => new Date().toISOString()) {
    this.#persistent = storage !== null;
    this.#storage = storage ?? new PageMemory();
    this.#now = now;
    this.reload();
  }

  /** The answers: what storage holds, with this tab's changes that could not be stored. */
  get state(): SelfCheckState {
    return this.#state;
  }

  /** True when changes cannot be saved at all (owned by a newer version of the site). */
  get readOnly(): boolean {
    return this.loadProblem === 'newer';
  }

  /** False when the browser gives the site no storage: answers last only as long as the page. */
  get persistent(): boolean {
    return this.#persistent;
  }

  /** The first problem worth telling the reader about. */
  get problem(): Problem | undefined {
    return this.saveProblem ?? this.loadProblem;
  }

  /** Calls `listener` after every write and every `sync`, whether it changed anything or not. */
  subscribe(listener: () => void): void {
    this.#listeners.add(listener);
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }

  /** Reads storage; `undefined` when it cannot be read at all. */
  #read(): { raw: string | null; read: ReadResult } | undefined {
    let raw: string | null;
    try {
      raw = this.#storage.getItem(STORAGE_KEY);
    } catch {
      return undefined;
    }
    return { raw, read: this.#parse(raw) };
  }

  /** `readState`, remembering the last value so that an unchanged one is parsed once. */
  #parse(raw: string | null): ReadResult {
    if (raw !== this.#lastRaw) {
      this.#lastRead = readState(raw);
      this.#lastRaw = raw;
    }
    return this.#lastRead;
  }

  /** Reads storage again (after another tab wrote) and shows what it holds. */
  reload(): void {
    if (!this.#persistent) {
      this.loadProblem = 'unavailable';
      return;
    }
    const r = this.#read();
    if (!r) {
      this.loadProblem = 'unavailable';
      return;
    }
    const { read } = r;
    this.loadProblem = read.kind === 'unreadable' || read.kind === 'newer' ? read.kind : undefined;
    if (read.kind === 'newer') this.#state = emptyState();
    else this.#state = this.#merged(read.kind === 'ok' ? read.state : emptyState());
  }

  /**
   * `stored` with this tab's pending entries put back where the stored entry is older (or was
   * removed before); entries overtaken by a later change are dropped. Both tabs compare the
   * same two times, so they agree on the winner; on a tie the stored one wins, so two tabs
   * never take turns writing. An entry removed or set back by an undo counts as changed at the
   * moment that happened.
   */
  #merged(stored: SelfCheckState): SelfCheckState {
    if (this.#pending.size === 0) return stored;
    const reverted = this.#revertedAt();
    const next = structuredClone(stored);
    for (const [text, p] of this.#pending) {
      const current = getEntry(stored, p.key);
      if (sameValue(current, p.value)) continue;
      const revertedAt = reverted[text] ?? -Infinity;
      // This tab's own removal or undo is recorded at its pending entry's time, so against an
      // entry that is there only a later removal or undo counts.
      const overtaken =
        current === undefined
          ? revertedAt >= p.at
          : entryTime(p.key, current) >= p.at || revertedAt > p.at;
      if (overtaken) this.#pending.delete(text);
      else putEntry(next, p.key, p.value);
    }
    return next;
  }

  /**
   * Drops the pending entries that another tab's write holds: that tab has them, so its later
   * writes keep them. A tab's own copy of storage can show its own write before it is passed on,
   * so only the value the other tab wrote proves anything.
   */
  #confirm(written: SelfCheckState): void {
    for (const [text, p] of this.#pending) {
      if (sameValue(getEntry(written, p.key), p.value)) this.#pending.delete(text);
    }
  }

  /** When entries were last removed or set back by an undo (`REMOVED_KEY`), in milliseconds. */
  #revertedAt(): Record<string, number> {
    let raw: string | null = null;
    try {
      raw = this.#storage.getItem(REMOVED_KEY);
    } catch {
      // No record of removals or undos: pending entries are put back.
    }
    const r = parseJson(raw);
    if (typeof r !== 'object' || r === null || Array.isArray(r)) return {};
    return Object.fromEntries(
      Object.entries(r).filter((e): e is [string, number] => typeof e[1] === 'number'),
    );
  }

  /**
   * Applies `change` to what storage holds now and stores the result. With `undoAs`, what the
   * change did is recorded so `undo` can take it back. When storage refuses the write, the
   * result is kept for this page and the problem is returned.
   */
  update(change: Change, undoAs?: string): SaveResult {
    const result = this.#update(change, { undoAs });
    this.#changed();
    return result;
  }

  /** With `reverting`, every changed entry counts as changed now, whatever its own time says. */
  #update(change: Change, how: { undoAs?: string | undefined; reverting?: boolean }): SaveResult {
    const { undoAs, reverting = false } = how;
    let base = this.#state;
    let moveAside: string | undefined;
    let migratedRaw: string | undefined;
    if (this.#persistent) {
      const r = this.#read();
      if (r?.read.kind === 'newer') {
        this.loadProblem = 'newer';
        return this.#failed('newer');
      }
      if (r) {
        if (r.read.kind === 'unreadable' && r.raw !== null) moveAside = r.raw;
        if (r.read.kind === 'ok' && r.read.migratedFrom) migratedRaw = r.raw ?? undefined;
        // Unstored changes of this tab stay part of the state it builds on.
        base = this.#merged(r.read.kind === 'ok' ? r.read.state : emptyState());
      }
    }
    const next = change(base);
    // What is stored must read back: one malformed entry would make every answer unreadable.
    if (!checkState(next).ok) return this.#failed('invalid');
    const keys = changedKeys(base, next);
    const at = Date.parse(this.#now());
    for (const key of keys) {
      const value = getEntry(next, key);
      // An entry is as new as its own time; a removal, or an entry set back to an earlier
      // value, is as new as the moment that happened.
      const when = value === undefined || reverting ? at : entryTime(key, value);
      this.#pending.set(keyText(key), { key, value, at: when });
    }
    this.#state = next;
    try {
      if (moveAside !== undefined) this.#moveAside(moveAside);
      if (migratedRaw !== undefined) {
        const b: Backup = { at: this.#now(), reason: 'migration', value: migratedRaw };
        this.#storage.setItem(BACKUP_KEY, JSON.stringify(b));
      }
      this.#rememberReverted(
        reverting ? keys : keys.filter((k) => getEntry(next, k) === undefined),
        at,
      );
      this.#storage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch (e) {
      return this.#failed(isQuotaError(e) ? 'quota' : 'unavailable');
    }
    if (undoAs) this.#recordUndo(undoAs, keys, base, next);
    this.saveProblem = undefined;
    if (this.loadProblem === 'unreadable') this.loadProblem = undefined;
    return this.#persistent ? { saved: true } : this.#failed('unavailable');
  }

  #failed(problem: Problem): SaveResult {
    this.saveProblem = problem;
    return { saved: false, problem };
  }

  /**
   * After another tab wrote `written` (the `storage` event's `newValue`) or, with `cleared`,
   * emptied storage: reads storage and writes back this tab's changes that the other write
   * missed. Returns the problem, if that failed.
   */
  sync(event: { written?: string | null; cleared?: boolean } = {}): Problem | undefined {
    // Storage emptied on purpose (`localStorage.clear()`): nothing of this tab is put back.
    if (event.cleared) this.#pending.clear();
    else if (event.written !== undefined) {
      const read = this.#parse(event.written);
      if (read.kind === 'ok') this.#confirm(read.state);
    }
    this.reload();
    const r = this.#read();
    const behind = r?.read.kind === 'ok' && !sameValue(this.#state, r.read.state);
    if (behind) {
      try {
        this.#storage.setItem(STORAGE_KEY, JSON.stringify(this.#state));
        this.saveProblem = undefined;
      } catch (e) {
        this.saveProblem = isQuotaError(e) ? 'quota' : 'unavailable';
      }
    }
    this.#changed();
    return behind ? this.saveProblem : undefined;
  }

  #rememberReverted(keys: EntryKey[], at: number): void {
    if (keys.length === 0) return;
    const kept = Object.entries(this.#revertedAt()).filter(([, t]) => at - t < REMOVED_FOR_MS);
    const all = {
      ...Object.fromEntries(kept),
      ...Object.fromEntries(keys.map((k) => [keyText(k), at])),
    };
    this.#storage.setItem(REMOVED_KEY, JSON.stringify(all));
  }

  #recordUndo(reason: string, keys: EntryKey[], before: SelfCheckState, after: SelfCheckState) {
    try {
      if (keys.length === 0) {
        // Nothing changed: an older record would be taken for this one's.
        this.#storage.removeItem(UNDO_KEY);
        return;
      }
      const only = (state: SelfCheckState) => {
        const part = emptyState();
        for (const k of keys) putEntry(part, k, getEntry(state, k));
        return part;
      };
      const record: UndoRecord = {
        at: this.#now(),
        reason,
        keys,
        before: only(before),
        after: only(after),
      };
      this.#storage.setItem(UNDO_KEY, JSON.stringify(record));
    } catch {
      // The change is stored but cannot be undone: no older record may stand in for it.
      try {
        this.#storage.removeItem(UNDO_KEY);
      } catch {
        // Storage refuses even that; undo then finds nothing that fits.
      }
    }
  }

  /** Keeps unreadable data under a key of its own; throws when that cannot be written. */
  #moveAside(raw: string): void {
    const held = this.#storage.getItem(ASIDE_KEY);
    if (held === raw) return;
    this.#storage.setItem(held === null ? ASIDE_KEY : `${ASIDE_KEY}.${Date.now()}`, raw);
  }

  #undoRecord(): UndoRecord | undefined {
    try {
      return parseUndoRecord(this.#storage.getItem(UNDO_KEY));
    } catch {
      return undefined;
    }
  }

  /** What undoing the last import, merge or carry-over would do; `undefined` when nothing. */
  undoInfo(): UndoInfo | undefined {
    const record = this.#undoRecord();
    if (!record) return undefined;
    const same = (k: EntryKey) => sameValue(getEntry(this.#state, k), getEntry(record.after, k));
    const undoable = record.keys.filter(same);
    if (undoable.length === 0) return undefined;
    const changedSince = record.keys.filter((k) => !same(k));
    return { at: record.at, reason: record.reason, undoable, changedSince };
  }

  /**
   * Takes back the last import, merge or carry-over: each entry still as it left it gets back
   * its earlier value; entries changed since stay as they are. `undefined` when there is
   * nothing to undo.
   */
  undo(): (UndoInfo & { result: SaveResult }) | undefined {
    const info = this.undoInfo();
    const record = this.#undoRecord();
    if (!info || !record) return undefined;
    const revert: Change = (state) => {
      const next = structuredClone(state);
      for (const k of info.undoable) {
        // Checked again on the state the write builds on: another tab may have changed it.
        if (sameValue(getEntry(state, k), getEntry(record.after, k))) {
          putEntry(next, k, getEntry(record.before, k));
        }
      }
      return next;
    };
    const result = this.#update(revert, { reverting: true });
    this.#changed();
    if (result.saved || !this.#persistent) {
      try {
        this.#storage.removeItem(UNDO_KEY);
      } catch {
        // Left in place; `undoInfo` finds nothing left to undo in it.
      }
    }
    return { ...info, result };
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

let shared: SelfCheckStore | undefined;

/**
 * The one store of this page, shared by every self-check element on it. The first call starts
 * following other tabs' writes.
 */
export function pageStore(): SelfCheckStore {
  if (!shared) {
    const store = new SelfCheckStore(browserStorage());
    window.addEventListener('storage', (e) => {
      if (e.key === null) store.sync({ cleared: true });
      else if (e.key === STORAGE_KEY) store.sync({ written: e.newValue });
      else if (e.key === UNDO_KEY) store.sync();
    });
    // Answers given on pages left before their panel's code arrived (pending-answers.ts).
    try {
      absorbPendingAnswers(window.localStorage, (change) => store.update(change));
    } catch {
      // Storage refused: nothing was written there either.
    }
    shared = store;
  }
  return shared;
}
