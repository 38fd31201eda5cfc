import { describe, expect, it } from 'vitest';
import { generateBenchContent } from '../../scripts/lib/bench-content.ts';
import { buildCatalog, type Catalog } from '../../src/lib/catalog.ts';
import { compileContent } from '../../src/lib/load.ts';

const catalog = buildCatalog(compileContent(generateBenchContent({ items: 60, versions: 3 })));

describe('item history', () => {
  // The history as a scan of every change of every neighbouring pair, following renumbering.
  function scanned(c: Catalog, version: string, id: string): string[] {
    const vs = c.versions.map((v) => v.meta.id);
    const at = vs.indexOf(version);
    const steps: string[] = [];
    let ids = [id];
    for (let i = at; i > 0 && ids.length > 0; i--) {
      const d = c.diff(vs[i - 1]!, vs[i]!);
      const hits = d.items.filter((x) => x.kind !== 'removed' && ids.includes(x.id));
      steps.unshift(...hits.filter((x) => x.kind !== 'unchanged').map((x) => `${d.to}:${x.id}`));
      ids = hits.flatMap((x) => x.fromIds);
    }
    ids = [id];
    for (let i = at + 1; i < vs.length && ids.length > 0; i++) {
      const d = c.diff(vs[i - 1]!, vs[i]!);
      const hits = d.items.filter((x) => x.fromIds.some((f) => ids.includes(f)));
      steps.push(...hits.filter((x) => x.kind !== 'unchanged').map((x) => `${d.to}:${x.id}`));
      ids = hits.filter((x) => x.kind !== 'removed').map((x) => x.id);
    }
    return steps;
  }

  it('follows every item through renumbering, removal and additions in every version', () => {
    let withHistory = 0;
    for (const v of catalog.versions) {
      for (const item of v.items) {
        const steps = catalog.history(v.meta.id, item.id).map((h) => `${h.diff.to}:${h.change.id}`);
        expect(steps).toEqual(scanned(catalog, v.meta.id, item.id));
        if (steps.length > 0) withHistory++;
      }
    }
    expect(withHistory).toBeGreaterThan(10);
  });
});
