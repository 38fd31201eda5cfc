import { describe, expect, it } from 'vitest';
import { exportDoc, exportJson } from '../../src/lib/self-check/export.ts';
import {
  applyImport,
  previewImport,
  readImport,
  type ImportResult,
} from '../../src/lib/self-check/import-answers.ts';
import { setAnswer } from '../../src/lib/self-check/state.ts';
import {
  EXPORT_FORMAT,
  MAX_IMPORT_BYTES,
  SCHEMA,
  emptyState,
  type SelfCheckState,
} from '../../src/lib/self-check/types.ts';
import type { KnownItems } from '../../src/lib/self-check/validate.ts';

const known: KnownItems = {
  '4.2': { '8.1.10': ['root-mfa'], 'audit-timing': [] },
  '4.2.1': { '8.1.10': ['root-mfa', 'no-root'], 'audit-timing': [] },
};
const HASH = '0123456789abcdef';
const T1 = '2024-05-01T10:00:00.000Z';
const T2 = '2024-05-02T10:00:00.000Z';
const T3 = '2024-05-03T10:00:00.000Z';

function state(entries: [string, string, 'met' | 'partly' | 'not-yet', string][]): SelfCheckState {
  let s = emptyState();
  for (const [version, id, status, now] of entries) {
    s = setAnswer(s, version, id, { status, notes: `${id} ${status}` }, { now, contentHash: HASH });
  }
  return s;
}

const file = (s: SelfCheckState) => exportJson(s, T3);
const doc = (over: Record<string, unknown>) =>
  JSON.stringify({ ...exportDoc(emptyState(), T3), ...over });
const errorOf = (r: ImportResult) => (r.ok ? undefined : r.error);

describe('readImport', () => {
  it('round-trips an export losslessly', () => {
    const s = state([
      ['4.2', '8.1.10', 'met', T1],
      ['4.2.1', 'audit-timing', 'partly', T2],
    ]);
    s.reviews['4.2...4.2.1'] = { '8.1.10': { reviewedAt: T2, fromHash: HASH, toHash: '' } };
    s.carried['4.2.1'] = { from: '4.2', at: T2 };
    expect(readImport(file(s), known)).toEqual({ ok: true, state: s });
  });

  it('refuses a file that is too large', () => {
    const big = doc({ padding: 'x'.repeat(MAX_IMPORT_BYTES) });
    expect(errorOf(readImport(big, known))).toEqual({ code: 'too-large' });
    // Counted in bytes: 400 000 three-byte characters exceed the limit.
    expect(errorOf(readImport(`"${'あ'.repeat(400_000)}"`, known))).toEqual({ code: 'too-large' });
  });

  it.each([['{"format":'], ['not json'], [''], ['<html></html>']])('refuses non-JSON %j', (t) => {
    expect(errorOf(readImport(t, known))).toEqual({ code: 'not-json' });
  });

  it.each([
    ['an array', '[]'],
    ['a number', '42'],
    ['another format', JSON.stringify({ format: 'something-else', schema: 1 })],
    ['no format', JSON.stringify({ schema: 1, answers: {}, reviews: {}, carried: {} })],
    ['no schema', JSON.stringify({ format: EXPORT_FORMAT, answers: {} })],
  ])('calls %s foreign', (_, text) => {
    expect(errorOf(readImport(text, known))).toEqual({ code: 'foreign' });
  });

  it('refuses a file from a newer schema', () => {
    expect(errorOf(readImport(doc({ schema: SCHEMA + 1 }), known))).toEqual({ code: 'newer' });
  });

  const answer = {
    status: 'met',
    evidence: {},
    notes: '',
    updatedAt: T1,
    contentHash: HASH,
  };
  it.each([
    ['a status that does not exist', { status: 'done' }, 'wrong-type', 'answers.4.2.8.1.10.status'],
    ['notes that are not text', { notes: 42 }, 'wrong-type', 'answers.4.2.8.1.10.notes'],
    [
      'evidence given as a list',
      { evidence: ['root-mfa'] },
      'wrong-type',
      'answers.4.2.8.1.10.evidence',
    ],
    [
      'an evidence value that is not true/false',
      { evidence: { 'root-mfa': 'yes' } },
      'wrong-type',
      'answers.4.2.8.1.10.evidence.root-mfa',
    ],
    [
      'an unknown evidence key',
      { evidence: { 'no-root': true } },
      'unknown-evidence',
      'answers.4.2.8.1.10.evidence.no-root',
    ],
    [
      'a date that is not a date',
      { updatedAt: 'yesterday' },
      'wrong-type',
      'answers.4.2.8.1.10.updatedAt',
    ],
    [
      'a malformed content hash',
      { contentHash: 'abc' },
      'wrong-type',
      'answers.4.2.8.1.10.contentHash',
    ],
    ['an unknown field', { score: 3 }, 'unexpected-field', 'answers.4.2.8.1.10.score'],
    [
      'notes that are too long',
      { notes: 'x'.repeat(20_001) },
      'too-long',
      'answers.4.2.8.1.10.notes',
    ],
  ])('refuses %s', (_, over, code, path) => {
    const text = doc({ answers: { '4.2': { '8.1.10': { ...answer, ...over } } } });
    const error = errorOf(readImport(text, known));
    expect(error).toMatchObject({ code: 'invalid' });
    expect(error && 'issues' in error && error.issues).toContainEqual({ code, path });
  });

  it.each([
    ['an unknown item id', { '4.2': { '9.9.9': answer } }, 'unknown-item', 'answers.4.2.9.9.9'],
    ['an unknown version', { '9.0': { '8.1.10': answer } }, 'unknown-version', 'answers.9.0'],
    [
      'an item id of another version',
      { '4.2': { 'case-studies': answer } },
      'unknown-item',
      'answers.4.2.case-studies',
    ],
  ])('refuses %s', (_, answers, code, path) => {
    const error = errorOf(readImport(doc({ answers }), known));
    expect(error && 'issues' in error && error.issues).toContainEqual({ code, path });
  });

  it('refuses a review mark on an unknown change', () => {
    const reviews = { '4.2...4.2.1': { '7.7.7': { reviewedAt: T1, fromHash: '', toHash: '' } } };
    const error = errorOf(readImport(doc({ reviews }), known));
    expect(error && 'issues' in error && error.issues).toContainEqual({
      code: 'unknown-item',
      path: 'reviews.4.2...4.2.1.7.7.7',
    });
  });

  it.each([
    [
      'at the top',
      `{"__proto__":{"polluted":true},"format":"${EXPORT_FORMAT}","schema":1}`,
      '__proto__',
    ],
    ['among versions', doc({ answers: JSON.parse('{"__proto__":{}}') }), 'answers.__proto__'],
    [
      'in an answer',
      doc({ answers: { '4.2': { '8.1.10': JSON.parse('{"__proto__":{"status":"met"}}') } } }),
      'answers.4.2.8.1.10.__proto__',
    ],
    [
      'named constructor',
      doc({ answers: { '4.2': { constructor: answer } } }),
      'answers.4.2.constructor',
    ],
    ['named prototype', doc({ reviews: { prototype: {} } }), 'reviews.prototype'],
  ])('refuses a __proto__-style key %s', (_, text, path) => {
    const r = readImport(text, known);
    expect(errorOf(r)).toEqual({ code: 'invalid', issues: [{ code: 'proto-key', path }] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('accepts angle brackets that are not markup', () => {
    const notes = 'RTO < 4 h and RPO > 1 h; a->b';
    const r = readImport(doc({ answers: { '4.2': { '8.1.10': { ...answer, notes } } } }), known);
    expect(r.ok && r.state.answers['4.2']!['8.1.10']!.notes).toBe(notes);
  });

  it.each([
    'use <account-id> here',
    'x<y and z>w',
    'ok <img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '<Principal>, <bucket-name>, a < b',
  ])('keeps notes exactly as written: %j', (notes) => {
    const previous = [{ ...answer, version: '4.1', id: '8.1.10', notes: `then: ${notes}` }];
    const text = doc({ answers: { '4.2': { '8.1.10': { ...answer, notes, previous } } } });
    const r = readImport(text, known);
    expect(r.ok && r.state.answers['4.2']!['8.1.10']!.notes).toBe(notes);
    expect(r.ok && r.state.answers['4.2']!['8.1.10']!.previous![0]!.notes).toBe(`then: ${notes}`);
  });

  it('refuses nesting deeper than the limit with a message, without exhausting the stack', () => {
    const depth = 200_000;
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const text = doc({ answers: { '4.2': { '8.1.10': { ...answer, notes: '@' } } } }).replace(
      '"@"',
      deep,
    );
    expect(text.length).toBeGreaterThan(2 * depth);
    const error = errorOf(readImport(text, known));
    expect(error).toMatchObject({ code: 'invalid' });
    expect(error && 'issues' in error && error.issues[0]!.code).toBe('too-deep');
  });

  it('sets dates later than the import time to the import time', () => {
    const future = '9999-12-31T00:00:00.000Z';
    const previous = [{ ...answer, version: '4.1', id: '8.1.10', updatedAt: future }];
    const text = doc({
      answers: { '4.2': { '8.1.10': { ...answer, updatedAt: future, previous } } },
      reviews: { '4.2...4.2.1': { '8.1.10': { reviewedAt: future, fromHash: '', toHash: '' } } },
      carried: { '4.2.1': { from: '4.2', at: future } },
    });
    const r = readImport(text, known, { now: T2 });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.state.answers['4.2']!['8.1.10']!.updatedAt).toBe(T2);
    expect(r.state.answers['4.2']!['8.1.10']!.previous![0]!.updatedAt).toBe(T2);
    expect(r.state.reviews['4.2...4.2.1']!['8.1.10']!.reviewedAt).toBe(T2);
    expect(r.state.carried['4.2.1']!.at).toBe(T2);
    // Earlier dates stay as they are.
    expect(readImport(file(state([['4.2', '8.1.10', 'met', T1]])), known, { now: T2 })).toEqual({
      ok: true,
      state: state([['4.2', '8.1.10', 'met', T1]]),
    });
    // A reader's later change wins a merge over the clamped answer.
    const mine = state([['4.2', '8.1.10', 'partly', T3]]);
    expect(applyImport(mine, r.state, 'merge').answers['4.2']!['8.1.10']!.status).toBe('partly');
  });

  it('refuses a date that is not a calendar date', () => {
    const text = doc({
      answers: { '4.2': { '8.1.10': { ...answer, updatedAt: '2024-13-45T10:00:00Z' } } },
    });
    expect(errorOf(readImport(text, known))).toMatchObject({ code: 'invalid' });
  });
});

describe('a share or import that brings no answer changes', () => {
  it("leaves the reader's carry-over records alone, so the carry-over offer stays", () => {
    const mine = state([['4.2', '8.1.10', 'met', T1]]);
    const theirs = emptyState();
    theirs.carried['4.2.1'] = { from: '4.2', at: T2 };
    expect(previewImport(mine, theirs, 'merge')).toEqual({ rows: [], reviews: 0 });
    expect(applyImport(mine, theirs, 'merge')).toEqual(mine);
  });
});

describe('previewImport and applyImport', () => {
  const local = state([
    ['4.2', '8.1.10', 'met', T2],
    ['4.2', 'audit-timing', 'partly', T2],
  ]);
  const incoming = state([
    ['4.2', '8.1.10', 'not-yet', T3], // newer: replaces
    ['4.2', 'audit-timing', 'met', T1], // older: local kept on merge
    ['4.2.1', '8.1.10', 'met', T1], // new
  ]);

  it('merge: adds new answers and keeps the newer of two', () => {
    expect(previewImport(local, incoming, 'merge')).toEqual({
      rows: [
        { version: '4.2', id: '8.1.10', change: 'updated' },
        { version: '4.2', id: 'audit-timing', change: 'kept' },
        { version: '4.2.1', id: '8.1.10', change: 'added' },
      ],
      reviews: 0,
    });
    const merged = applyImport(local, incoming, 'merge');
    expect(merged.answers['4.2']!['8.1.10']!.status).toBe('not-yet');
    expect(merged.answers['4.2']!['audit-timing']!.status).toBe('partly');
    expect(merged.answers['4.2.1']!['8.1.10']!.status).toBe('met');
  });

  it('replace: takes the file as it is and lists what goes', () => {
    const only = state([['4.2.1', '8.1.10', 'met', T1]]);
    expect(previewImport(local, only, 'replace').rows).toEqual([
      { version: '4.2.1', id: '8.1.10', change: 'added' },
      { version: '4.2', id: '8.1.10', change: 'removed' },
      { version: '4.2', id: 'audit-timing', change: 'removed' },
    ]);
    expect(applyImport(local, only, 'replace')).toEqual(only);
  });

  it('lists nothing for identical answers and changes nothing', () => {
    expect(previewImport(local, local, 'merge')).toEqual({ rows: [], reviews: 0 });
    expect(applyImport(local, local, 'merge')).toEqual(local);
  });

  it('merges review marks by time', () => {
    const a = emptyState();
    a.reviews['4.2...4.2.1'] = { '8.1.10': { reviewedAt: T1, fromHash: HASH, toHash: HASH } };
    const b = structuredClone(a);
    b.reviews['4.2...4.2.1']!['8.1.10']!.reviewedAt = T2;
    b.reviews['4.2...4.2.1']!['audit-timing'] = { reviewedAt: T1, fromHash: '', toHash: HASH };
    expect(previewImport(a, b, 'merge').reviews).toBe(2);
    expect(applyImport(a, b, 'merge').reviews).toEqual(b.reviews);
    expect(applyImport(b, a, 'merge').reviews).toEqual(b.reviews);
  });

  it('leaves both inputs untouched', () => {
    const l = structuredClone(local);
    const i = structuredClone(incoming);
    applyImport(local, incoming, 'merge');
    expect(local).toEqual(l);
    expect(incoming).toEqual(i);
  });
});
