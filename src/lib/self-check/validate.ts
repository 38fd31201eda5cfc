/**
 * Validation of self-check data from outside the running page: localStorage (which other
 * code, extensions or an older tab may have written), imported files and share links.
 * The result is always a freshly built object holding only the known fields.
 */
import { ITEM_ID, VERSION_ID } from '../ids.ts';
import {
  MAX_DEPTH,
  MAX_NOTE_CHARS,
  SCHEMA,
  STATUSES,
  type Answer,
  type CarryRecord,
  type PreviousAnswer,
  type ReviewMark,
  type SelfCheckState,
  type Status,
} from './types.ts';

// Item and version ids come from ids.ts, which has no zod for client code to pull in.
/** An evidence key as the content gives it. */
export const EVIDENCE_KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** An item's content hash (hash.ts). */
export const HASH = /^[0-9a-f]{16}$/;
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** Keys that would reach an object's prototype if copied naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** What the catalog holds: item ids per version, each with its evidence keys. */
export type KnownItems = Record<string, Record<string, readonly string[]>>;

export type IssueCode =
  | 'proto-key'
  | 'wrong-type'
  | 'unexpected-field'
  | 'unknown-version'
  | 'unknown-item'
  | 'unknown-evidence'
  | 'too-deep'
  | 'too-long';

/** One problem, with the JSON path where it is (`answers.4.2.8.1.10.notes`). */
export interface Issue {
  code: IssueCode;
  path: string;
}

export interface CheckOptions {
  /** When given, versions, item ids and evidence keys must exist in it. */
  known?: KnownItems;
  /** When given (an import's time), later dates are set to it so they cannot win every merge. */
  notAfter?: string;
}

export type CheckResult = { ok: true; state: SelfCheckState } | { ok: false; issues: Issue[] };

const MAX_ISSUES = 5;

/** What walking a parsed value found: nothing wrong, a forbidden key, or nesting too deep. */
export type TreeProblem = { code: 'proto-key' | 'too-deep'; path: string } | undefined;

/**
 * The first `__proto__`, `constructor` or `prototype` key anywhere in `value`, or the first
 * place nested deeper than `maxDepth`. Walks with an explicit stack, so no input can exhaust
 * the call stack.
 */
export function inspectTree(value: unknown, maxDepth = MAX_DEPTH): TreeProblem {
  const stack: [unknown, string, number][] = [[value, '', 0]];
  while (stack.length > 0) {
    const [node, path, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= maxDepth) return { code: 'too-deep', path };
    const keys = Object.keys(node);
    // Pushed in reverse so the first key is looked at first.
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const here = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return { code: 'proto-key', path: here };
      stack.push([(node as Record<string, unknown>)[key], here, depth + 1]);
    }
  }
  return undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a whole state of the current schema (migrate older data first). */
export function checkState(value: unknown, opts: CheckOptions = {}): CheckResult {
  const issues: Issue[] = [];
  const fail = (code: IssueCode, path: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ code, path });
  };
  const problem = inspectTree(value);
  if (problem) return { ok: false, issues: [problem] };
  const { known, notAfter } = opts;
  const latest = notAfter === undefined ? Infinity : Date.parse(notAfter);

  /** The object's entries when it is a plain object with only `fields` (when given). */
  const fieldsOf = (v: unknown, path: string, fields?: readonly string[]) => {
    if (!isRecord(v)) {
      fail('wrong-type', path);
      return undefined;
    }
    if (fields) {
      for (const k of Object.keys(v))
        if (!fields.includes(k)) fail('unexpected-field', `${path}.${k}`);
    }
    return v;
  };
  const str = (v: unknown, path: string, pattern?: RegExp) => {
    if (typeof v !== 'string' || (pattern && !pattern.test(v))) {
      fail('wrong-type', path);
      return '';
    }
    return v;
  };
  const notes = (v: unknown, path: string) => {
    const text = str(v, path);
    if (text.length > MAX_NOTE_CHARS) fail('too-long', path);
    return text;
  };
  const date = (v: unknown, path: string) => {
    const text = str(v, path, DATE);
    if (!text) return text;
    const time = Date.parse(text);
    if (Number.isNaN(time)) fail('wrong-type', path);
    return time > latest ? notAfter! : text;
  };
  const status = (v: unknown, path: string): Status | undefined => {
    if (v === undefined) return undefined;
    if (!(STATUSES as readonly unknown[]).includes(v)) fail('wrong-type', path);
    return v as Status;
  };
  const evidence = (v: unknown, path: string, keys: readonly string[] | undefined) => {
    const out: Record<string, boolean> = {};
    const map = fieldsOf(v, path);
    if (!map) return out;
    for (const [k, checked] of Object.entries(map)) {
      if (!EVIDENCE_KEY.test(k) || typeof checked !== 'boolean') fail('wrong-type', `${path}.${k}`);
      else if (keys && !keys.includes(k)) fail('unknown-evidence', `${path}.${k}`);
      else out[k] = checked;
    }
    return out;
  };

  const ANSWER_FIELDS = [
    'status',
    'evidence',
    'notes',
    'updatedAt',
    'contentHash',
    'review',
    'carriedFrom',
    'previous',
  ] as const;
  const PREVIOUS_FIELDS = [
    'version',
    'id',
    'status',
    'evidence',
    'notes',
    'updatedAt',
    'contentHash',
  ];

  const previous = (v: unknown, path: string): PreviousAnswer | undefined => {
    const p = fieldsOf(v, path, PREVIOUS_FIELDS);
    if (!p) return undefined;
    const version = str(p['version'], `${path}.version`, VERSION_ID);
    const id = str(p['id'], `${path}.id`, ITEM_ID);
    const s = status(p['status'], `${path}.status`);
    return {
      version,
      id,
      ...(s ? { status: s } : {}),
      // The earlier version's keys may differ from today's: only their shape is checked.
      evidence: evidence(p['evidence'], `${path}.evidence`, undefined),
      notes: notes(p['notes'], `${path}.notes`),
      updatedAt: date(p['updatedAt'], `${path}.updatedAt`),
      contentHash: str(p['contentHash'], `${path}.contentHash`, HASH),
    };
  };

  const answer = (v: unknown, path: string, keys: readonly string[] | undefined): Answer => {
    const a = fieldsOf(v, path, ANSWER_FIELDS) ?? {};
    const s = status(a['status'], `${path}.status`);
    const out: Answer = {
      ...(s ? { status: s } : {}),
      evidence: evidence(a['evidence'], `${path}.evidence`, keys),
      notes: notes(a['notes'], `${path}.notes`),
      updatedAt: date(a['updatedAt'], `${path}.updatedAt`),
      contentHash: str(a['contentHash'], `${path}.contentHash`, HASH),
    };
    const review = a['review'];
    if (review !== undefined) {
      if (review === 'editorial' || review === 'reopened') out.review = review;
      else fail('wrong-type', `${path}.review`);
    }
    if (a['carriedFrom'] !== undefined) {
      out.carriedFrom = str(a['carriedFrom'], `${path}.carriedFrom`, VERSION_ID);
    }
    if (a['previous'] !== undefined) {
      const list = a['previous'];
      if (!Array.isArray(list)) fail('wrong-type', `${path}.previous`);
      else {
        out.previous = list
          .map((p, i) => previous(p, `${path}.previous.${i}`))
          .filter((p): p is PreviousAnswer => !!p);
      }
    }
    return out;
  };

  const root = fieldsOf(value, '', ['schema', 'answers', 'reviews', 'carried']);
  if (!root) return { ok: false, issues };
  if (root['schema'] !== SCHEMA) fail('wrong-type', 'schema');

  const state: SelfCheckState = { schema: SCHEMA, answers: {}, reviews: {}, carried: {} };
  const versionKnown = (v: string, path: string) => {
    if (!VERSION_ID.test(v)) fail('wrong-type', path);
    else if (known && !Object.hasOwn(known, v)) fail('unknown-version', path);
    else return true;
    return false;
  };

  for (const [version, items] of Object.entries(fieldsOf(root['answers'], 'answers') ?? {})) {
    const path = `answers.${version}`;
    if (!versionKnown(version, path)) continue;
    const byId: Record<string, Answer> = {};
    for (const [id, a] of Object.entries(fieldsOf(items, path) ?? {})) {
      const keys = known?.[version]?.[id];
      if (!ITEM_ID.test(id)) fail('wrong-type', `${path}.${id}`);
      else if (known && !keys) fail('unknown-item', `${path}.${id}`);
      else byId[id] = answer(a, `${path}.${id}`, keys);
    }
    state.answers[version] = byId;
  }

  for (const [pair, marks] of Object.entries(fieldsOf(root['reviews'], 'reviews') ?? {})) {
    const path = `reviews.${pair}`;
    const [from = '', to = '', extra] = pair.split('...');
    if (extra !== undefined || !versionKnown(from, path) || !versionKnown(to, path)) continue;
    const byId: Record<string, ReviewMark> = {};
    for (const [id, m] of Object.entries(fieldsOf(marks, path) ?? {})) {
      const here = `${path}.${id}`;
      if (!ITEM_ID.test(id)) fail('wrong-type', here);
      else if (known && !known[from]?.[id] && !known[to]?.[id]) fail('unknown-item', here);
      else {
        const r = fieldsOf(m, here, ['reviewedAt', 'fromHash', 'toHash']) ?? {};
        const hashOrEmpty = (v: unknown, p: string) => (v === '' ? '' : str(v, p, HASH));
        byId[id] = {
          reviewedAt: date(r['reviewedAt'], `${here}.reviewedAt`),
          fromHash: hashOrEmpty(r['fromHash'], `${here}.fromHash`),
          toHash: hashOrEmpty(r['toHash'], `${here}.toHash`),
        };
      }
    }
    state.reviews[pair] = byId;
  }

  for (const [to, c] of Object.entries(fieldsOf(root['carried'], 'carried') ?? {})) {
    const path = `carried.${to}`;
    if (!versionKnown(to, path)) continue;
    const r = fieldsOf(c, path, ['from', 'at']) ?? {};
    const record: CarryRecord = {
      from: str(r['from'], `${path}.from`, VERSION_ID),
      at: date(r['at'], `${path}.at`),
    };
    state.carried[to] = record;
  }

  return issues.length > 0 ? { ok: false, issues } : { ok: true, state };
}
