/**
 * Exact ids first: id matching and query normalisation, checked over every id in the content.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog, type Catalog } from '../../src/lib/catalog.ts';
import { compareItemIds, CONTROL_ID } from '../../src/lib/ids.ts';
import { loadContent } from '../../src/lib/load.ts';
import { idsFirst, matchIds, parseIdQuery } from '../../src/lib/search/id-match.ts';
import { highlightTerms, normalizeQuery } from '../../src/lib/search/normalize.ts';

let catalog: Catalog;
let ids: string[];
let controls: string[];
let rules: string[];

beforeAll(async () => {
  catalog = buildCatalog(await loadContent('content'));
  ids = [...new Set(catalog.versions.flatMap((v) => v.items.map((i) => i.id)))];
  controls = ids.filter((id) => CONTROL_ID.test(id));
  rules = ids.filter((id) => !CONTROL_ID.test(id));
});

/** `8.1.10` typed on a Japanese keyboard: full-width digits and full stop. */
const fullWidth = (s: string) =>
  s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/\./g, '．');

/** Every proper dotted beginning of a control number: `8.1.10` → `8`, `8.1`. */
const ancestors = (id: string) =>
  id
    .split('.')
    .slice(0, -1)
    .map((_, i, parts) => parts.slice(0, i + 1).join('.'));

describe('query normalisation', () => {
  it('reads full-width digits and punctuation as ASCII', () => {
    expect(normalizeQuery('８．１．１０')).toBe('8.1.10');
    expect(normalizeQuery('　ＭＦＡ　')).toBe('MFA');
  });

  it('reads Japanese punctuation typed between digits as dots', () => {
    expect(normalizeQuery('8。1。10')).toBe('8.1.10');
    expect(normalizeQuery('8・1・11')).toBe('8.1.11');
    expect(normalizeQuery('はい。いいえ')).toBe('はい。いいえ');
  });

  it('collapses runs of spaces', () => {
    expect(normalizeQuery('  case \t  study ')).toBe('case study');
  });

  it('highlights whole words, longest first, leaving out single Latin characters', () => {
    expect(highlightTerms('root a user')).toEqual(['root', 'user']);
    expect(highlightTerms('MFA multi-factor')).toEqual(['multi-factor', 'MFA']);
    expect(highlightTerms('日')).toEqual(['日']);
  });
});

describe('exact ids first, over every id in the content', () => {
  it('has ids of both kinds to check', () => {
    expect(controls.length).toBeGreaterThan(5);
    expect(rules.length).toBeGreaterThan(2);
  });

  it('puts every id first for the id itself, full-width, and after a word such as "control"', () => {
    for (const id of ids) {
      expect(matchIds(id, ids)[0], id).toBe(id);
      if (CONTROL_ID.test(id)) {
        expect(matchIds(fullWidth(id), ids)[0], fullWidth(id)).toBe(id);
        expect(matchIds(`control ${id}`, ids)[0]).toBe(id);
        expect(matchIds(`コントロール${id}`, ids)[0]).toBe(id);
      }
    }
  });

  it('names every item below a dotted beginning, in id order, and nothing that does not start with it', () => {
    for (const id of controls) {
      for (const prefix of ancestors(id)) {
        const found = matchIds(prefix, ids);
        expect(found, prefix).toContain(id);
        for (const below of ids.filter((x) => x.startsWith(`${prefix}.`))) {
          expect(found, prefix).toContain(below);
        }
        expect(found.every((x) => x.startsWith(prefix))).toBe(true);
        expect(found).toEqual([...found].sort(compareItemIds));
        // With a trailing dot, only the items below it.
        const below = matchIds(`${prefix}.`, ids);
        expect(below).toContain(id);
        expect(below.every((x) => x.startsWith(`${prefix}.`))).toBe(true);
      }
    }
  });

  it('reads an unfinished last number as the beginning of one: 8.1.1 leads to 8.1.10 and 8.1.11', () => {
    for (const id of controls) {
      const last = id.split('.').pop()!;
      if (last.length < 2) continue;
      const typing = id.slice(0, -1);
      const found = matchIds(typing, ids);
      expect(found, typing).toContain(id);
      // No unrelated number: each match starts with what was typed.
      expect(found.every((x) => x.startsWith(typing))).toBe(true);
    }
    const found = matchIds('8.1.1', ids);
    expect(found).toEqual(controls.filter((x) => x.startsWith('8.1.1')).sort(compareItemIds));
    expect(found.length).toBeGreaterThan(0);
  });

  it('puts every program rule first for its slug, typed with spaces too', () => {
    for (const id of rules) {
      expect(matchIds(id, ids)).toEqual([id]);
      expect(matchIds(id.replace(/-/g, ' ').toUpperCase(), ids)[0]).toBe(id);
    }
  });

  it('does not read a single topic word as a rule id', () => {
    for (const id of rules.filter((r) => r.includes('-'))) {
      expect(matchIds(id.split('-')[0]!, ids)).not.toContain(id);
    }
    for (const q of ['MFA', 'CMDB', '多要素認証', 'ソーシャルエンジニアリング', '', 'case']) {
      expect(matchIds(q, ids), q).toEqual([]);
    }
  });

  it('parses what an id query asks for', () => {
    expect(parseIdQuery('8.1.')).toEqual({ kind: 'control', parts: ['8', '1'], below: true });
    expect(parseIdQuery('#9.13.3')).toEqual({
      kind: 'control',
      parts: ['9', '13', '3'],
      below: false,
    });
    expect(parseIdQuery('Audit Timing')).toEqual({ kind: 'rule', slug: 'audit-timing' });
    expect(parseIdQuery('root user MFA?')).toBeUndefined();
    expect(parseIdQuery('多要素認証')).toBeUndefined();
  });
});

describe('idsFirst', () => {
  const hits = (list: string[]) => list.map((id) => ({ id }));

  it('moves the named ids to the top in id order and keeps the rest in place', () => {
    const ordered = idsFirst(hits(['9.13.3', '8.1.11', 'x', '8.1.10', '4.1.2']), '8.1.1', (h) =>
      h.id === 'x' ? undefined : h.id,
    );
    expect(ordered.map((h) => h.id)).toEqual(['8.1.10', '8.1.11', '9.13.3', 'x', '4.1.2']);
  });

  it('leaves the order alone when the query names no id', () => {
    const list = hits(['9.13.3', '8.1.11']);
    expect(idsFirst(list, 'CMDB', (h) => h.id)).toEqual(list);
  });

  it('puts every item of the content first for its own id, whatever the order of the hits', () => {
    const shuffled = hits([...ids].reverse());
    for (const id of ids) {
      expect(idsFirst(shuffled, id, (h) => h.id)[0]!.id).toBe(id);
    }
  });
});
