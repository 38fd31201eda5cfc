import { describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../../src/lib/self-check/migrations.ts';
import { setAnswer, setReviewMark, confirmAnswer } from '../../src/lib/self-check/state.ts';
import { SelfCheckStore, readState, type StorageLike } from '../../src/lib/self-check/storage.ts';
import {
  ASIDE_KEY,
  BACKUP_KEY,
  SCHEMA,
  STORAGE_KEY,
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
  it('recognises data from a newer schema', () => {
    expect(readState(JSON.stringify({ ...emptyState(), schema: SCHEMA + 1 }))).toEqual({
      kind: 'newer',
    });
  });
});

describe('SelfCheckStore', () => {
  it('saves and reads back', () => {
    const storage = new MemoryStorage();
    const store = new SelfCheckStore(storage, () => NOW);
    expect(store.save(answered())).toBeUndefined();
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
    expect(store.save(answered())).toBeUndefined();
    expect(storage.getItem(ASIDE_KEY)).toBe('not json at all');
    expect(readState(storage.getItem(STORAGE_KEY))).toEqual({ kind: 'ok', state: answered() });
  });

  it('does not overwrite earlier data already moved aside', () => {
    const storage = new MemoryStorage();
    storage.data.set(ASIDE_KEY, 'first');
    storage.data.set(STORAGE_KEY, 'second');
    new SelfCheckStore(storage).save(answered());
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
    expect(store.save(answered())).toBe('newer');
    expect(storage.getItem(STORAGE_KEY)).toBe(newer);
  });

  it('reports a full storage and keeps the stored answers', () => {
    const storage = new MemoryStorage();
    const store = new SelfCheckStore(storage);
    store.save(answered('met'));
    const before = storage.getItem(STORAGE_KEY);
    storage.full = true;
    expect(store.save(answered('partly', LATER), 'import')).toBe('quota');
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
    expect(store.problem).toBe('quota');
    storage.full = false;
    expect(store.save(answered('partly', LATER))).toBeUndefined();
    expect(store.problem).toBeUndefined();
  });

  it('works in memory when the browser refuses storage', () => {
    const store = new SelfCheckStore(null);
    expect(store.problem).toBe('unavailable');
    expect(store.save(answered())).toBe('unavailable');
    expect(store.state).toEqual(answered());
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
    expect(store.save(answered())).toBe('unavailable');
  });

  it('backs up before an overwrite, and undo swaps back and forth', () => {
    const storage = new MemoryStorage();
    const store = new SelfCheckStore(storage, () => LATER);
    store.save(answered('met'));
    expect(store.backup()).toBeUndefined();
    store.save(answered('partly', LATER), 'import');
    expect(store.backup()).toMatchObject({ reason: 'import', at: LATER });
    expect(store.undo()).toBeUndefined();
    expect(store.state).toEqual(answered('met'));
    expect(new SelfCheckStore(storage).state).toEqual(answered('met'));
    expect(store.undo()).toBeUndefined();
    expect(store.state).toEqual(answered('partly', LATER));
  });

  it('undoes a first import back to empty storage', () => {
    const storage = new MemoryStorage();
    const store = new SelfCheckStore(storage);
    store.save(answered(), 'import');
    expect(store.undo()).toBeUndefined();
    expect(store.state).toEqual(emptyState());
  });

  it('has nothing to undo without a readable backup', () => {
    const storage = new MemoryStorage();
    storage.data.set(BACKUP_KEY, '{"broken"');
    expect(new SelfCheckStore(storage).undo()).toBe('no-backup');
  });

  it('sees what another tab wrote after reload()', () => {
    const storage = new MemoryStorage();
    const a = new SelfCheckStore(storage);
    const b = new SelfCheckStore(storage);
    a.save(answered());
    expect(b.state).toEqual(emptyState());
    b.reload();
    expect(b.state).toEqual(answered());
  });
});
