import { describe, expect, it } from 'vitest';
import { generateBenchContent } from '../../scripts/lib/bench-content.ts';
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
