import { describe, expect, it } from 'vitest';
import { generateBenchContent, rewordOneItem } from '../../scripts/lib/bench-content.ts';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { compileContent } from '../../src/lib/load.ts';

describe('generateBenchContent', () => {
  const files = generateBenchContent({ items: 300, versions: 3 });
  const catalog = buildCatalog(compileContent(files));

  it('makes valid versions whose change notes agree with the computed diffs', () => {
    expect(catalog.versions.map((v) => v.meta.id)).toEqual(['1.0', '1.1', '1.2']);
    expect(catalog.versions[0]!.items).toHaveLength(300);
  });

  it('makes every kind of change a release has, both languages of a similar length', () => {
    const counts = catalog.diff('1.0', '1.1').counts;
    for (const kind of ['modified', 'renumbered', 'added', 'removed', 'unchanged'] as const) {
      expect(counts[kind]).toBeGreaterThan(0);
    }
    const item = catalog.latest.items[0]!;
    expect(item.requirement.en.length).toBeGreaterThan(100);
    expect(item.requirement.ja.length).toBeGreaterThan(40);
  });

  it('is deterministic for a seed', () => {
    expect(generateBenchContent({ items: 50, versions: 2 })).toEqual(
      generateBenchContent({ items: 50, versions: 2 }),
    );
  });
});

describe('rewordOneItem', () => {
  it.each([10, 100])(
    'changes one item of the latest version of %i in both languages, and the content stays valid',
    (items) => {
      const files = generateBenchContent({ items, versions: 2 });
      const edit = rewordOneItem(files);
      const before = files.find((f) => f.path === edit.path)!;
      expect(edit.path).toMatch(/^versions\/1\.1\/items\//);
      expect(edit.text).not.toBe(before.text);
      const after = buildCatalog(
        compileContent(files.map((f) => (f.path === edit.path ? edit : f))),
      );
      const id = edit.path.replace(/^.*\/|\.yaml$/g, '');
      const was = buildCatalog(compileContent(files)).latest.items.find((i) => i.id === id)!;
      const now = after.latest.items.find((i) => i.id === id)!;
      expect(now.requirement.en.startsWith(was.requirement.en)).toBe(true);
      expect(now.requirement.en.length).toBeGreaterThan(was.requirement.en.length);
      expect(now.requirement.ja.length).toBeGreaterThan(was.requirement.ja.length);
      expect(now.title).toEqual(was.title);
    },
  );

  it('makes a different text of the same file with each number of edit', () => {
    const files = generateBenchContent({ items: 100, versions: 2 });
    const edits = [0, 1, 2].map((n) => rewordOneItem(files, n));
    expect(new Set(edits.map((e) => e.path)).size).toBe(1);
    expect(new Set(edits.map((e) => e.text)).size).toBe(3);
    expect(rewordOneItem(files, 1)).toEqual(edits[1]);
  });
});
