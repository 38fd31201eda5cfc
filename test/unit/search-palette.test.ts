/** The quick-jump palette: its index built from the content, and the search over it. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog, type Catalog } from '../../src/lib/catalog.ts';
import { compareItemIds } from '../../src/lib/ids.ts';
import { loadContent } from '../../src/lib/load.ts';
import { LANGS, type Lang } from '../../src/lib/model.ts';
import { foldText } from '../../src/lib/search/normalize.ts';
import { buildPaletteIndex, type PaletteIndex } from '../../src/lib/search/palette-index.ts';
import { createPaletteSearch, PALETTE_LIMIT } from '../../src/lib/search/palette-search.ts';
import { parseRecent, pushRecent, RECENT_MAX } from '../../src/lib/search/recent.ts';
import { itemPath, localize } from '../../src/lib/urls.ts';

let catalog: Catalog;
const indexes = {} as Record<Lang, PaletteIndex>;

beforeAll(async () => {
  catalog = buildCatalog(await loadContent('content'));
  for (const lang of LANGS) indexes[lang] = buildPaletteIndex(catalog, lang);
});

/** Swaps two neighbouring letters in the middle of the longest word: a typing slip. */
function slip(text: string): string {
  const word = text.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
  if (word.length < 6) return text;
  const i = Math.floor(word.length / 2);
  return text.replace(word, word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1));
}

describe('palette index', () => {
  it('lists every item of the latest version once, at its unpinned, localized URL', () => {
    for (const lang of LANGS) {
      const index = indexes[lang];
      expect(index.latest).toBe(catalog.latest.meta.id);
      const latestIds = catalog.latest.items.map((i) => i.id);
      expect(index.entries.map((e) => e.id).slice(0, latestIds.length)).toEqual(
        [...latestIds].sort(compareItemIds),
      );
      for (const entry of index.entries.filter((e) => latestIds.includes(e.id))) {
        expect(entry.path).toBe(localize(lang, itemPath(entry.id)));
        expect(entry.version).toBe(index.latest);
      }
      expect(new Set(index.entries.map((e) => e.id)).size).toBe(index.entries.length);
    }
  });

  it('adds items only older versions have, pinned to the newest version that has them', () => {
    const latestIds = new Set(catalog.latest.items.map((i) => i.id));
    const older = catalog.versions.flatMap((v) => v.items.filter((i) => !latestIds.has(i.id)));
    for (const item of older) {
      const entry = indexes.en.entries.find((e) => e.id === item.id)!;
      expect(entry.path.startsWith('/v/')).toBe(true);
    }
    expect(indexes.en.entries.length).toBe(latestIds.size + new Set(older.map((i) => i.id)).size);
  });

  it('carries titles in both languages and the aliases of both languages', () => {
    for (const item of catalog.latest.items) {
      const en = indexes.en.entries.find((e) => e.id === item.id)!;
      const ja = indexes.ja.entries.find((e) => e.id === item.id)!;
      expect([en.title, en.altTitle]).toEqual([item.title.en, item.title.ja]);
      expect([ja.title, ja.altTitle]).toEqual([item.title.ja, item.title.en]);
      for (const alias of [...item.aliases.en, ...item.aliases.ja, ...item.tags]) {
        expect(en.terms).toContain(alias);
        expect(ja.terms).toContain(alias);
      }
      expect(en.kind).toBe(item.kind);
      expect(en.section).toBe(item.section);
    }
  });

  it('stays small: no requirement or evidence text', () => {
    const json = JSON.stringify(indexes.ja);
    for (const item of catalog.latest.items) expect(json).not.toContain(item.requirement.ja);
  });
});

describe('palette search', () => {
  it('puts every item first for its own id, and an id prefix in id order', () => {
    for (const lang of LANGS) {
      const search = createPaletteSearch(indexes[lang].entries);
      for (const entry of indexes[lang].entries) {
        const hits = search(entry.id);
        expect(hits[0]!.entry.id, entry.id).toBe(entry.id);
        expect(hits[0]!.idMatch).toBe(true);
      }
      const named = search('8.1.1').filter((h) => h.idMatch);
      expect(named.length).toBeGreaterThan(1);
      expect(named.map((h) => h.entry.id)).toEqual(
        [...named.map((h) => h.entry.id)].sort(compareItemIds),
      );
    }
  });

  it('finds every item first by its title, in either language', () => {
    for (const lang of LANGS) {
      const search = createPaletteSearch(indexes[lang].entries);
      for (const entry of indexes[lang].entries) {
        for (const title of [entry.title, entry.altTitle]) {
          // Items may share a title (9.6.1–9.6.3): the first hit must carry it.
          const first = search(title)[0]!.entry;
          expect([first.title, first.altTitle], title).toContain(title);
        }
      }
    }
  });

  it('finds every alias first on an item that has it', () => {
    for (const lang of LANGS) {
      const search = createPaletteSearch(indexes[lang].entries);
      for (const entry of indexes[lang].entries) {
        for (const alias of entry.terms) {
          const first = search(alias)[0]!.entry;
          const texts = [first.id, first.title, first.altTitle, ...first.terms].map(foldText);
          expect(
            texts.some((t) => t.includes(foldText(alias))),
            `${lang} "${alias}" → ${first.id}`,
          ).toBe(true);
        }
      }
    }
  });

  it('forgives a typing slip in an English title', () => {
    const search = createPaletteSearch(indexes.en.entries);
    let checked = 0;
    for (const entry of indexes.en.entries) {
      const typo = slip(entry.title);
      if (typo === entry.title) continue;
      checked++;
      expect(search(typo)[0]!.entry.title, typo).toBe(entry.title);
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('matches several words spread over title and aliases', () => {
    const search = createPaletteSearch(indexes.en.entries);
    let checked = 0;
    for (const entry of indexes.en.entries) {
      const word = entry.title.split(' ').sort((a, b) => b.length - a.length)[0]!;
      const alias = entry.terms.find((t) => !foldText(entry.title).includes(foldText(t)));
      if (!alias) continue;
      checked++;
      const query = `${alias} ${word}`;
      expect(
        search(query).map((h) => h.entry.id),
        query,
      ).toContain(entry.id);
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('returns nothing for an empty query and at most the limit', () => {
    const search = createPaletteSearch(indexes.en.entries);
    expect(search('  ')).toEqual([]);
    // More entries match than the limit allows, so a list cut at the limit is full.
    const withE = indexes.en.entries.filter((e) => foldText(e.title).includes('e'));
    expect(withE.length).toBeGreaterThan(PALETTE_LIMIT);
    expect(search('e').length).toBe(PALETTE_LIMIT);
    expect(search('e', 3).length).toBe(3);
  });
});

describe('recent items', () => {
  it('moves an opened item to the front and keeps at most the maximum', () => {
    let list: string[] = [];
    for (const id of ['a', 'b', 'c', 'a']) list = pushRecent(list, id);
    expect(list).toEqual(['a', 'c', 'b']);
    for (let i = 0; i < 10; i++) list = pushRecent(list, `x${i}`);
    expect(list.length).toBe(RECENT_MAX);
    expect(list[0]).toBe('x9');
  });

  it('ignores stored values that are not a list of ids', () => {
    expect(parseRecent(null)).toEqual([]);
    expect(parseRecent('{oops')).toEqual([]);
    expect(parseRecent('{"a":1}')).toEqual([]);
    expect(parseRecent('["8.1.10", 3, "audit-timing"]')).toEqual(['8.1.10', 'audit-timing']);
  });
});
