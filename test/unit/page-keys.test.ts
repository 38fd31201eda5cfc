import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { generateBenchContent } from '../../scripts/lib/bench-content.ts';
import { buildCatalog, type Catalog, type HistoryEntry } from '../../src/lib/catalog.ts';
import { compileContent, type RawFile } from '../../src/lib/load.ts';
import type { ChangeNotes, Item } from '../../src/lib/model.ts';
import { latestItemRoutes, pinnedItemRoutes } from '../../src/lib/routes.ts';

const files = generateBenchContent({ items: 60, versions: 3 });
const catalog = buildCatalog(compileContent(files));

/** Every item page's cache key by URL path. */
function keys(c: Catalog, settings = 'settings'): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of latestItemRoutes(c, settings)) {
    out.set(`${r.params.lang ?? 'en'} /controls/${r.params.id}/`, r.cacheKey!);
  }
  for (const r of pinnedItemRoutes(c, settings)) {
    out.set(
      `${r.params.lang ?? 'en'} /v/${r.params.version}/controls/${r.params.id}/`,
      r.cacheKey!,
    );
  }
  return out;
}

/** The content with one item file changed by `edit`. */
function edited(path: string, edit: (item: Item) => void): Catalog {
  return buildCatalog(
    compileContent(
      files.map((f): RawFile => {
        if (f.path !== path) return f;
        const item = parse(f.text) as Item;
        edit(item);
        return { path, text: stringify(item) };
      }),
    ),
  );
}

const changed = (a: Map<string, string>, b: Map<string, string>) =>
  [...a.keys()].filter((page) => a.get(page) !== b.get(page)).sort();

// An item of the latest version whose requirement changed (it has a curated note), so that
// rewording it again keeps the content valid.
const notes = parse(files.find((f) => f.path === 'changes/1.1...1.2.yaml')!.text) as ChangeNotes;
const target = notes.notes.find((n) => n.summary.en === 'The requirement gains a sentence.')!.item;
const latestItems = catalog.latest.items.map((i) => i.id);
const at = latestItems.indexOf(target);

describe('item page cache keys', () => {
  it('are left out in a build that keeps no cache (no settings)', () => {
    const routes = [
      ...latestItemRoutes(catalog, undefined),
      ...pinnedItemRoutes(catalog, undefined),
    ];
    const items = catalog.versions.reduce((n, v) => n + v.items.length, 0);
    expect(routes.length).toBe(catalog.languages.length * (catalog.latest.items.length + items));
    expect(routes.filter((r) => 'cacheKey' in r)).toEqual([]);
    expect(latestItemRoutes(catalog, 's').every((r) => typeof r.cacheKey === 'string')).toBe(true);
  });

  it('are one per page and differ between pages', () => {
    const k = keys(catalog);
    const pages = catalog.versions.reduce(
      (n, v) => n + v.items.length,
      catalog.latest.items.length,
    );
    expect(k.size).toBe(pages * 2);
    expect(new Set(k.values()).size).toBe(k.size);
  });

  it('are the same for the same content and settings', () => {
    expect(keys(buildCatalog(compileContent(files)))).toEqual(keys(catalog));
  });

  it('change on every page when a setting the pages print changes', () => {
    const a = keys(catalog);
    expect(changed(a, keys(catalog, 'other settings'))).toHaveLength(a.size);
  });

  it('change on the pages that show a reworded requirement, and on its neighbours only', () => {
    const after = edited(`versions/1.2/items/${target}.yaml`, (item) => {
      item.requirement.en += ' Again.';
      item.requirement.ja += '再び。';
    });
    const text = (i: Item | undefined) => i?.requirement.en ?? '';
    const shows = (h: HistoryEntry) => text(h.change.after) + text(h.change.before);
    // Pages that show the new text: the item's own pages and the pages whose change history
    // includes the change into 1.2, worked out from the edited catalog.
    const showing = [...keys(after).keys()].filter((page) => {
      const [, version, id] = /\/(?:v\/([^/]+)\/)?controls\/([^/]+)\/$/.exec(page)!;
      const v = version ?? after.latest.meta.id;
      const item = after.version(v).items.find((i) => i.id === id)!;
      return (
        item.requirement.en.endsWith('Again.') ||
        after.history(v, id!).some((h) => shows(h).includes('Again.'))
      );
    });
    expect(showing.length).toBeGreaterThan(4);
    const neighbours = [latestItems[at - 1], latestItems[at + 1]].filter(Boolean);
    const allowed = new Set([
      ...showing,
      ...neighbours.flatMap((id) =>
        ['en', 'ja'].flatMap((l) => [`${l} /controls/${id}/`, `${l} /v/1.2/controls/${id}/`]),
      ),
    ]);
    const diff = changed(keys(catalog), keys(after));
    for (const page of showing) expect(diff).toContain(page);
    for (const page of diff) expect(allowed).toContain(page);
  });

  it("change on every page of a version when an item's title changes (the outline)", () => {
    const after = edited(`versions/1.2/items/${target}.yaml`, (item) => {
      item.title.en += ' again';
      item.title.ja += '（再）';
    });
    const diff = changed(keys(catalog), keys(after));
    const ofLatest = [...keys(catalog).keys()].filter((page) => !/\/v\/1\.[01]\//.test(page));
    for (const page of ofLatest) expect(diff).toContain(page);
  });
});
