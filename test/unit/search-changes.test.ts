/** "Search in what changed": the index of added and removed text, and the search over it. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog, type Catalog } from '../../src/lib/catalog.ts';
import { compareItemIds } from '../../src/lib/ids.ts';
import { loadContent } from '../../src/lib/load.ts';
import { LANGS, type Lang } from '../../src/lib/model.ts';
import {
  buildChangesIndex,
  foldKeepingLength,
  searchChanges,
  snippet,
  type ChangesIndex,
} from '../../src/lib/search/changes-index.ts';
import { changeAnchor, comparePath, localize } from '../../src/lib/urls.ts';

let catalog: Catalog;
const indexes = {} as Record<Lang, ChangesIndex>;
let pair: [string, string];

beforeAll(async () => {
  catalog = buildCatalog(await loadContent('content'));
  for (const lang of LANGS) indexes[lang] = buildChangesIndex(catalog, lang);
  pair = catalog.pairs()[0]!;
});

describe('changes index', () => {
  it('has one entry per changed item of each neighbouring pair, linking to its change', () => {
    const diff = catalog.diff(...pair);
    const changed = diff.items.filter((d) => d.kind !== 'unchanged').map((d) => d.id);
    for (const lang of LANGS) {
      const entries = indexes[lang].entries.filter((e) => e.from === pair[0] && e.to === pair[1]);
      expect(entries.map((e) => e.id)).toEqual([...changed].sort(compareItemIds));
      for (const e of entries) {
        expect(e.path).toBe(localize(lang, `${comparePath(...pair)}#${changeAnchor(e.id)}`));
      }
    }
  });

  it('keeps the whole text of each changed side, with runs that are exactly the changed words', () => {
    for (const lang of LANGS) {
      const diff = catalog.diff(...pair);
      for (const e of indexes[lang].entries) {
        const d = diff.items.find((x) => x.id === e.id)!;
        const changedText = d.fields
          .filter((f) => f.field !== 'tags')
          .flatMap((f) => f.diff[lang].filter((p) => p.op !== '=').map((p) => p.text.trim()))
          .filter(Boolean);
        const runs = e.texts.flatMap((t) => t.runs.map(([s, end]) => t.text.slice(s, end).trim()));
        expect(runs.sort()).toEqual(changedText.sort());
      }
    }
  });

  it('finds every changed run again from its own words', () => {
    for (const lang of LANGS) {
      for (const e of indexes[lang].entries) {
        for (const t of e.texts) {
          for (const [s, end] of t.runs) {
            const query = t.text.slice(s, end).trim().slice(0, 40);
            const found = searchChanges(indexes[lang], query);
            expect(
              found.map((m) => m.entry.id),
              `${lang} "${query}"`,
            ).toContain(e.id);
          }
        }
      }
    }
  });
});

describe('change search', () => {
  it('finds the 8.1.10 change first for "Control Tower", in both languages', () => {
    for (const lang of LANGS) {
      const [first] = searchChanges(indexes[lang], 'Control Tower');
      expect(first!.entry.id).toBe('8.1.10');
      expect(first!.texts[0]!.text.side).toBe('added');
    }
  });

  it('finds the audit-timing change first for "10 business days" and "10営業日"', () => {
    expect(searchChanges(indexes.en, '10 business days')[0]!.entry.id).toBe('audit-timing');
    expect(searchChanges(indexes.ja, '10営業日')[0]!.entry.id).toBe('audit-timing');
    const removed = searchChanges(indexes.en, '5 business days')[0]!;
    expect(removed.entry.id).toBe('audit-timing');
    expect(removed.texts[0]!.text.side).toBe('removed');
  });

  it('needs the match to touch changed text: words kept in both versions do not count', () => {
    // "root user" is in 8.1.10's requirement before and after; the change added other words.
    const phrase = 'protected with multi-factor';
    for (const version of pair) {
      const item = catalog.version(version).items.find((i) => i.id === '8.1.10')!;
      expect(item.requirement.en, version).toContain(phrase);
    }
    const kept = searchChanges(indexes.en, phrase);
    expect(kept.map((m) => m.entry.id)).not.toContain('8.1.10');
  });

  it('puts the changes an id query names first, in id order', () => {
    const found = searchChanges(indexes.en, '8.1');
    const named = found.filter((m) => m.idMatch).map((m) => m.entry.id);
    expect(named.length).toBeGreaterThan(0);
    expect(named).toEqual([...named].sort(compareItemIds));
    expect(found.slice(0, named.length).every((m) => m.idMatch)).toBe(true);
  });

  it('applies the filters', () => {
    const all = searchChanges(indexes.en, 'the');
    expect(all.length).toBeGreaterThan(1);
    const tightened = searchChanges(indexes.en, 'the', { label: 'tightened' });
    expect(tightened.length).toBeGreaterThan(0);
    expect(tightened.length).toBeLessThan(all.length);
    expect(tightened.every((m) => m.entry.labels.includes('tightened'))).toBe(true);
    expect(searchChanges(indexes.en, 'the', { version: pair[0] })).toEqual([]);
    const rules = searchChanges(indexes.en, 'the', { kind: 'rule' });
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((m) => m.entry.itemKind === 'rule')).toBe(true);
  });

  it('returns nothing for an empty query or words no change holds', () => {
    expect(searchChanges(indexes.en, ' ')).toEqual([]);
    expect(searchChanges(indexes.en, 'zebra crossing')).toEqual([]);
  });
});

describe('snippets', () => {
  it('cut a window around the match, marking changed runs and hits', () => {
    const [m] = searchChanges(indexes.en, 'Control Tower');
    const parts = snippet(m!.texts[0]!, 30);
    const text = parts.map((p) => p.text).join('');
    expect(text).toContain('Control Tower');
    expect(
      parts
        .filter((p) => p.hit)
        .map((p) => p.text)
        .join(''),
    ).toBe('Control Tower');
    expect(parts.some((p) => p.changed && !p.hit)).toBe(true);
    expect(parts[0]!.text).toBe('…');
    expect(text.length).toBeLessThan(m!.texts[0]!.text.text.length + 2);
  });

  it('fold text without moving any character', () => {
    const text = 'ＡＢＣ（MFA）ｶﾞ Control';
    expect(foldKeepingLength(text).length).toBe(text.length);
    expect(foldKeepingLength(text)).toContain('abc(mfa)');
  });
});
