import { describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../../src/lib/self-check/migrations.ts';
import { setAnswer, setReviewMark, confirmAnswer } from '../../src/lib/self-check/state.ts';
import { SelfCheckStore, readState, type StorageLike } from '../../src/lib/self-check/storage.ts';
import {
  ASIDE_KEY,
  SCHEMA,
  STORAGE_KEY,
  UNDO_KEY,
  emptyState,
  type SelfCheckState,
} from '../../src/lib/self-check/types.ts';

const HASH = '0123456789abcdef';
const NOW = '2024-05-01T10:00:00.000Z';
const LATER = '2024-05-02T10:00:00.000Z';

/** An in-memory Storage that can be made full or broken. */
class MemoryStorage implements StorageLike {
  data = new Map<string, string>();
  full = false;
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

const at = (now: string) => ({ now, contentHash: HASH });

function answered(status: 'met' | 'partly' = 'met', now = NOW): SelfCheckState {
  return setAnswer(
    emptyState(),
    '4.2',
    '8.1.10',
    { status, notes: 'MFA on', evidence: { 'root-mfa': true } },
    { now, contentHash: HASH },
  );
}

describe('state changes', () => {
  it('records status, evidence, notes, time and content hash', () => {
    const s = answered();
    expect(s.answers['4.2']!['8.1.10']).toEqual({
      status: 'met',
      evidence: { 'root-mfa': true },
      notes: 'MFA on',
      updatedAt: NOW,
      contentHash: HASH,
    });
  });

  it('leaves the input state untouched', () => {
    const before = answered();
    const copy = structuredClone(before);
    setAnswer(before, '4.2', '8.1.10', { status: 'partly' }, { now: LATER, contentHash: HASH });
    expect(before).toEqual(copy);
  });

  it('removes an answer that becomes empty', () => {
    const s = setAnswer(
      answered(),
      '4.2',
      '8.1.10',
      { status: null, notes: '', evidence: { 'root-mfa': false } },
      { now: LATER, contentHash: HASH },
    );
    expect(s.answers).toEqual({});
  });

  it('clears a carry-over flag when the reader confirms or changes the answer', () => {
    const s = answered();
    s.answers['4.2']!['8.1.10']!.review = 'editorial';
    const other = '1111111111111111';
    const confirmed = confirmAnswer(s, '4.2', '8.1.10', { now: LATER, contentHash: other });
    expect(confirmed.answers['4.2']!['8.1.10']).toMatchObject({
      status: 'met',
      updatedAt: LATER,
      contentHash: other,
    });
    expect(confirmed.answers['4.2']!['8.1.10']!.review).toBeUndefined();
  });

  it('sets and clears review marks', () => {
    const mark = { reviewedAt: NOW, fromHash: HASH, toHash: '' };
    const s = setReviewMark(emptyState(), '4.2...4.2.1', '8.1.10', mark);
    expect(s.reviews).toEqual({ '4.2...4.2.1': { '8.1.10': mark } });
    expect(setReviewMark(s, '4.2...4.2.1', '8.1.10', null).reviews).toEqual({});
  });
});

describe('migrations', () => {
  const toTwo: Migration = (d) => ({ ...d, schema: 2, extra: true });
  it('runs every step from the stored schema to the current one', () => {
    const r = migrate({ schema: 1, answers: {} }, { 1: toTwo }, 2);
    expect(r).toEqual({ ok: true, from: 1, data: { schema: 2, answers: {}, extra: true } });
  });
  it('leaves current data as it is', () => {
    expect(migrate({ schema: SCHEMA, answers: {} })).toMatchObject({ ok: true, from: SCHEMA });
  });
  it('refuses data from a newer schema', () => {
    expect(migrate({ schema: SCHEMA + 1 })).toEqual({ ok: false, reason: 'newer' });
  });
  it('calls data without a schema number, or with a gap in the steps, foreign', () => {
    expect(migrate({ answers: {} })).toEqual({ ok: false, reason: 'foreign' });
    expect(migrate([1, 2])).toEqual({ ok: false, reason: 'foreign' });
    expect(migrate({ schema: 1 }, {}, 2)).toEqual({ ok: false, reason: 'foreign' });
    expect(migrate({ schema: 1 }, { 1: (d) => d }, 2)).toEqual({ ok: false, reason: 'foreign' });
    const broken: Migration = () => {
      throw new Error('no');
    };
    expect(migrate({ schema: 1 }, { 1: broken }, 2)).toEqual({ ok: false, reason: 'foreign' });
  });
});

describe('reading storage', () => {
  it('reads a valid state', () => {
    const s = answered();
    expect(readState(JSON.stringify(s))).toEqual({ kind: 'ok', state: s });
  });
  it.each([
    ['not JSON', '{"schema":1,'],
    ['foreign JSON', '{"theme":"dark"}'],
    ['a bare value', '42'],
    ['wrong types', JSON.stringify({ ...emptyState(), answers: { '4.2': { '8.1.10': 'met' } } })],
    [
      'a bad status',
      JSON.stringify({ ...emptyState(), answers: { '4.2': { x: { status: 'done' } } } }),
    ],
    ['a __proto__ key', `{"schema":1,"answers":{"__proto__":{}},"reviews":{},"carried":{}}`],
  ])('calls %s unreadable', (_, raw) => {
    expect(readState(raw)).toEqual({ kind: 'unreadable' });
  });
  it('calls data nested 200,000 levels deep unreadable, without exhausting the stack', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const raw = JSON.stringify(answered()).replace('"MFA on"', deep);
    expect(readState(raw)).toEqual({ kind: 'unreadable' });
    // The store moves it aside and goes on saving.
    const storage = new MemoryStorage();
    storage.data.set(STORAGE_KEY, raw);
    const store = new SelfCheckStore(storage);
    expect(store.problem).toBe('unreadable');
    expect(put(store, answered())).toEqual(SAVED);
    expect(storage.getItem(ASIDE_KEY)).toBe(raw);
    expect(readState(storage.getItem(STORAGE_KEY))).toEqual({ kind: 'ok', state: answered() });
  });

  it('recognises data from a newer schema', () => {
    expect(readState(JSON.stringify({ ...emptyState(), schema: SCHEMA + 1 }))).toEqual({
      kind: 'newer',
    });
  });
});

/** Stores `state` as the whole state, as an import by replacement does. */
const put = (store: SelfCheckStore, state: SelfCheckState, undoAs?: string) =>
  store.update(() => state, undoAs);
const SAVED = { saved: true };

describe('SelfCheckStore', () => {
  it('saves and reads back', () => {
    const storage = new MemoryStorage();
    const store = new SelfCheckStore(storage, () => NOW);
    expect(put(store, answered())).toEqual(SAVED);
    expect(new SelfCheckStore(storage).state).toEqual(answered());
  });

  it('keeps unreadable data under a separate key before the first write', () => {
    const storage = new MemoryStorage();
    storage.data.set(STORAGE_KEY, 'not json at all');
    const store = new SelfCheckStore(storage);
    expect(store.problem).toBe('unreadable');
    expect(store.state).toEqual(emptyState());
    // Reading alone changes nothing.
    expect(storage.getItem(STORAGE_KEY)).toBe('not json at all');
    expect(put(store, answered())).toEqual(SAVED);
    expect(storage.getItem(ASIDE_KEY)).toBe('not json at all');
    expect(readState(storage.getItem(STORAGE_KEY))).toEqual({ kind: 'ok', state: answered() });
  });

  it('does not overwrite earlier data already moved aside', () => {
    const storage = new MemoryStorage();
    storage.data.set(ASIDE_KEY, 'first');
    storage.data.set(STORAGE_KEY, 'second');
    put(new SelfCheckStore(storage), answered());
    expect(storage.getItem(ASIDE_KEY)).toBe('first');
    const kept = [...storage.data].filter(([k]) => k.startsWith(`${ASIDE_KEY}.`));
    expect(kept.map(([, v]) => v)).toEqual(['second']);
  });

  it('never writes over data of a newer schema', () => {
    const storage = new MemoryStorage();
    const newer = JSON.stringify({ schema: SCHEMA + 1, whatever: true });
    storage.data.set(STORAGE_KEY, newer);
    const store = new SelfCheckStore(storage);
    expect(store.problem).toBe('newer');
    expect(store.readOnly).toBe(true);
    expect(put(store, answered())).toEqual({ saved: false, problem: 'newer' });
    expect(storage.getItem(STORAGE_KEY)).toBe(newer);
  });

  it('reports a full storage and keeps the stored answers', () => {
    const storage = new MemoryStorage();
    const store = new SelfCheckStore(storage);
    put(store, answered('met'));
    const before = storage.getItem(STORAGE_KEY);
    storage.full = true;
    expect(put(store, answered('partly', LATER), 'import')).toEqual({
      saved: false,
      problem: 'quota',
    });
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
    expect(store.problem).toBe('quota');
    storage.full = false;
    expect(put(store, answered('partly', LATER))).toEqual(SAVED);
    expect(store.problem).toBeUndefined();
  });

  it('refuses a change it could not read back, and keeps the stored answers', () => {
    const storage = new MemoryStorage();
    const store = new SelfCheckStore(storage, () => LATER);
    put(store, answered('met'));
    const before = storage.getItem(STORAGE_KEY);
    const malformed = [
      { now: LATER, contentHash: 'not-a-hash' },
      { now: '+012000-01-01T00:00:00.000Z', contentHash: HASH },
    ];
    for (const when of malformed) {
      expect(store.update((s) => setAnswer(s, '4.2', '3.3.3', { status: 'met' }, when))).toEqual({
        saved: false,
        problem: 'invalid',
      });
      expect(storage.getItem(STORAGE_KEY)).toBe(before);
      expect(store.state).toEqual(answered('met'));
    }
    expect(new SelfCheckStore(storage).loadProblem).toBeUndefined();
  });

  it('works in memory when the browser refuses storage', () => {
    const store = new SelfCheckStore(null);
    expect(store.problem).toBe('unavailable');
    expect(store.persistent).toBe(false);
    expect(put(store, answered())).toEqual({ saved: false, problem: 'unavailable' });
    expect(store.state).toEqual(answered());
  });

  it('keeps the answers of the page, undo included, when the browser refuses storage', () => {
    const store = new SelfCheckStore(null, () => LATER);
    store.update((s) => setAnswer(s, '4.2', '8.1.10', { status: 'met' }, at(NOW)));
    store.update((s) => setAnswer(s, '4.2', 'audit-timing', { status: 'na' }, at(NOW)), 'import');
    expect(store.state.answers['4.2']).toMatchObject({
      '8.1.10': { status: 'met' },
      'audit-timing': { status: 'na' },
    });
    expect(store.undo()?.undoable).toEqual([
      { table: 'answers', group: '4.2', id: 'audit-timing' },
    ]);
    expect(Object.keys(store.state.answers['4.2']!)).toEqual(['8.1.10']);
  });

  it('reports storage that throws on access', () => {
    const throwing: StorageLike = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {},
    };
    const store = new SelfCheckStore(throwing);
    expect(store.problem).toBe('unavailable');
    expect(put(store, answered())).toEqual({ saved: false, problem: 'unavailable' });
  });

  it('records what an import changed, and undo takes back exactly that', () => {
    const storage = new MemoryStorage();
    const store = new SelfCheckStore(storage, () => LATER);
    put(store, answered('met'));
    expect(store.undoInfo()).toBeUndefined();
    put(store, answered('partly', LATER), 'import');
    expect(store.undoInfo()).toEqual({
      at: LATER,
      reason: 'import',
      undoable: [{ table: 'answers', group: '4.2', id: '8.1.10' }],
      changedSince: [],
    });
    expect(store.undo()?.result).toEqual(SAVED);
    expect(store.state).toEqual(answered('met'));
    expect(new SelfCheckStore(storage).state).toEqual(answered('met'));
    // Nothing is left to undo: the button goes.
    expect(store.undoInfo()).toBeUndefined();
    expect(store.undo()).toBeUndefined();
  });

  it('undoes a first import back to empty storage', () => {
    const storage = new MemoryStorage();
    const store = new SelfCheckStore(storage);
    put(store, answered(), 'import');
    expect(store.undo()?.result).toEqual(SAVED);
    expect(store.state).toEqual(emptyState());
  });

  it('undo after later work takes back only what the import changed, and says what it kept', () => {
    const storage = new MemoryStorage();
    const store = new SelfCheckStore(storage, () => LATER);
    const set = (id: string, status: 'met' | 'partly' | 'na', now: string) => (s: SelfCheckState) =>
      setAnswer(s, '4.2', id, { status }, at(now));
    store.update(set('8.1.10', 'met', NOW));
    // The import changes 8.1.10 and adds 8.1.11.
    store.update((s) => set('8.1.11', 'partly', NOW)(set('8.1.10', 'partly', NOW)(s)), 'import');
    // Later work: three more answers, one of them on an item the import changed.
    store.update(set('8.1.11', 'na', LATER));
    store.update(set('8.1.12', 'met', LATER));
    store.update(set('audit-timing', 'met', LATER));
    const info = store.undo();
    expect(info?.undoable).toEqual([{ table: 'answers', group: '4.2', id: '8.1.10' }]);
    expect(info?.changedSince).toEqual([{ table: 'answers', group: '4.2', id: '8.1.11' }]);
    const answers = new SelfCheckStore(storage).state.answers['4.2']!;
    expect(answers['8.1.10']?.status).toBe('met');
    expect(answers['8.1.11']?.status).toBe('na');
    expect(answers['8.1.12']?.status).toBe('met');
    expect(answers['audit-timing']?.status).toBe('met');
  });

  it('offers no undo once everything the import changed was changed again', () => {
    const store = new SelfCheckStore(new MemoryStorage(), () => LATER);
    put(store, answered('met', NOW), 'import');
    expect(store.undoInfo()).toBeDefined();
    store.update((s) => setAnswer(s, '4.2', '8.1.10', { status: 'partly' }, at(LATER)));
    expect(store.undoInfo()).toBeUndefined();
    expect(store.undo()).toBeUndefined();
    expect(store.state.answers['4.2']!['8.1.10']!.status).toBe('partly');
  });

  it('has nothing to undo without a readable undo record', () => {
    const storage = new MemoryStorage();
    storage.data.set(UNDO_KEY, '{"broken"');
    const store = new SelfCheckStore(storage);
    expect(store.undoInfo()).toBeUndefined();
    expect(store.undo()).toBeUndefined();
  });

  it('sees what another tab wrote after sync()', () => {
    const storage = new MemoryStorage();
    const a = new SelfCheckStore(storage);
    const b = new SelfCheckStore(storage);
    put(a, answered());
    expect(b.state).toEqual(emptyState());
    b.sync();
    expect(b.state).toEqual(answered());
  });
});
