import { describe, expect, it } from 'vitest';
import {
  absorbPendingAnswers,
  parsePendingAnswer,
  withPendingAnswers,
  type EnumerableStorage,
} from '../../src/lib/self-check/absorb-pending.ts';
import { formPatch, pendingAnswer } from '../../src/lib/self-check/pending-answers.ts';
import { setAnswer } from '../../src/lib/self-check/state.ts';
import { checkState } from '../../src/lib/self-check/validate.ts';
import {
  emptyState,
  MAX_NOTE_CHARS,
  PENDING_PREFIX,
  type SelfCheckState,
} from '../../src/lib/self-check/types.ts';

/** A content hash as hash.ts makes them: 16 hex digits. */
const H1 = '0123456789abcdef';
const hashOf = (item: string) => item.replace(/\D/g, '').padEnd(16, 'a');

/** localStorage over a Map, with the key enumeration absorbPendingAnswers uses. */
function memoryStorage(entries: Record<string, string> = {}) {
  const map = new Map(Object.entries(entries));
  const storage: EnumerableStorage & { setItem(k: string, v: string): void } = {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
  return { map, storage };
}

describe('answers given before the panel code arrived', () => {
  const controls = (status: string, evidence: Record<string, boolean>, notes: string) => [
    ...['unanswered', 'met', 'partly'].map((value) => ({
      name: 'status',
      value,
      checked: value === status,
    })),
    ...Object.entries(evidence).map(([value, checked]) => ({ name: 'evidence', value, checked })),
    { name: 'notes', value: notes },
    { name: '', value: 'a button' },
  ];

  it('reads what the form holds as a patch over no answer', () => {
    expect(formPatch(controls('partly', { a: true, b: false }, 'see <bucket-name> & "x"'))).toEqual(
      { status: 'partly', evidence: { a: true }, notes: 'see <bucket-name> & "x"' },
    );
    expect(formPatch(controls('met', { a: false }, ''))).toEqual({ status: 'met' });
    expect(formPatch(controls('unanswered', { a: false }, ''))).toBe(undefined);
  });

  it('keeps an answer for a touched panel only, under its item, written as the store reads it', () => {
    const dataset = { version: '4.2.1', item: '9.6.3', hash: H1 };
    const held = controls('unanswered', { e: true }, 'ünïcödé 🙂 <b>');
    expect(pendingAnswer(dataset, held)).toBe(undefined);
    const pending = pendingAnswer({ ...dataset, touched: '2000' }, held)!;
    expect(pending[0]).toBe(`${PENDING_PREFIX}4.2.1/9.6.3`);
    expect(parsePendingAnswer(JSON.stringify(pending[1]))).toEqual({
      version: '4.2.1',
      item: '9.6.3',
      contentHash: H1,
      at: 2000,
      patch: { evidence: { e: true }, notes: 'ünïcödé 🙂 <b>' },
    });
    expect(pendingAnswer({ ...dataset, touched: '2000' }, controls('unanswered', {}, ''))).toBe(
      undefined,
    );
  });
});

describe('parsePendingAnswer', () => {
  const good = {
    version: '4.2.1',
    item: '9.6.3',
    contentHash: H1,
    at: 1000,
    patch: { status: 'na', evidence: { a: true }, notes: 'n' },
  };
  const withPatch = (patch: unknown) => JSON.stringify({ ...good, patch });

  it('reads what the loader writes', () => {
    expect(parsePendingAnswer(JSON.stringify(good))).toEqual(good);
    expect(parsePendingAnswer(withPatch({ status: null }))?.patch).toEqual({ status: null });
  });

  it('refuses anything the loader would not write', () => {
    const bad = [
      'not json',
      '[]',
      'null',
      JSON.stringify({ ...good, item: '' }),
      JSON.stringify({ ...good, version: 7 }),
      JSON.stringify({ ...good, at: '1000' }),
      JSON.stringify({ ...good, item: 'x'.repeat(201) }),
      withPatch({ status: 'done' }),
      withPatch({ evidence: ['a'] }),
      withPatch({ evidence: { a: 'yes' } }),
      '{"version":"4.2.1","item":"9.6.3","contentHash":"0123456789abcdef","at":1,"patch":{"evidence":{"__proto__":true}}}',
      withPatch({ notes: 5 }),
      // What the stored state refuses (validate.ts), which would make every answer unreadable.
      JSON.stringify({ ...good, contentHash: 'not-a-hash' }),
      JSON.stringify({ ...good, version: 'v 1' }),
      JSON.stringify({ ...good, item: '__proto__' }),
      withPatch({ evidence: { 'Bad Key': true } }),
      JSON.stringify({ ...good, at: -7.17e13 }),
      JSON.stringify({ ...good, at: 9e15 }),
      withPatch({ notes: 'x'.repeat(MAX_NOTE_CHARS + 1) }),
      withPatch([]),
      `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      'x'.repeat(MAX_NOTE_CHARS * 6 + 20_001),
    ];
    for (const raw of bad) expect(parsePendingAnswer(raw), raw.slice(0, 80)).toBe(undefined);
  });
});

describe('absorbPendingAnswers', () => {
  const record = (item: string, at: number, patch: object) =>
    JSON.stringify({ version: '4.2.1', item, contentHash: hashOf(item), at, patch });
  const at = Date.UTC(2026, 11, 1, 12, 0, 0);

  it('saves each pending answer as of when it was given, then removes it; drops unreadable ones', () => {
    const { map, storage } = memoryStorage({
      [`${PENDING_PREFIX}4.2.1/1.1`]: record('1.1', at, { status: 'met', evidence: { e: true } }),
      [`${PENDING_PREFIX}4.2.1/2.2`]: '{broken',
      'mce.selfcheck': 'left alone',
    });
    let state: SelfCheckState = emptyState();
    const taken = absorbPendingAnswers(
      storage,
      (change) => {
        state = change(state);
        return { saved: true };
      },
      at + 5000,
    );
    expect(taken).toBe(1);
    expect(state.answers['4.2.1']?.['1.1']).toEqual({
      status: 'met',
      evidence: { e: true },
      notes: '',
      updatedAt: '2026-12-01T12:00:00.000Z',
      contentHash: hashOf('1.1'),
    });
    expect([...map.keys()]).toEqual(['mce.selfcheck']);
    expect(checkState(state).ok).toBe(true);
  });

  it('keeps readable pending answers for a later page when the store cannot save', () => {
    const key = `${PENDING_PREFIX}4.2.1/1.1`;
    const { map, storage } = memoryStorage({ [key]: record('1.1', at, { status: 'met' }) });
    expect(absorbPendingAnswers(storage, () => ({ saved: false }), at)).toBe(0);
    expect([...map.keys()]).toEqual([key]);
  });

  it('lets a later stored answer win, and dates an answer from the future no later than now', () => {
    const stored = setAnswer(
      emptyState(),
      '4.2.1',
      '1.1',
      { status: 'not-yet' },
      {
        now: new Date(at + 1000).toISOString(),
        contentHash: H1,
      },
    );
    const pending = [
      { version: '4.2.1', item: '1.1', contentHash: H1, at, patch: { status: 'met' as const } },
      { version: '4.2.1', item: '2.2', contentHash: H1, at: at + 9e12, patch: { notes: 'n' } },
    ];
    const next = withPendingAnswers(stored, pending, at + 2000);
    expect(next.answers['4.2.1']?.['1.1']?.status).toBe('not-yet');
    expect(next.answers['4.2.1']?.['2.2']?.updatedAt).toBe('2026-12-01T12:00:02.000Z');
    expect(next.answers['4.2.1']?.['2.2']?.notes).toBe('n');
  });
});
