import { describe, expect, it } from 'vitest';
import { budgetFor, gzipSize, overBudget, pageWeight } from '../../scripts/lib/page-weight.ts';

describe('pageWeight and budgets', () => {
  const files: Record<string, string> = {
    'http://s.test/_astro/a.css': 'body{color:red}',
    'http://s.test/_astro/p.js': 'import"./shared.js";const l=()=>import("./lazy.js");',
    'http://s.test/_astro/shared.js': 'export const s=1;'.repeat(50),
    'http://s.test/_astro/lazy.js': 'x'.repeat(100000),
  };
  const html = `<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/p.js"></script><script type="module" src="/_astro/gone.js"></script><script>let i=1</script>`;
  const w = pageWeight(html, 'http://s.test/controls/x/', (u) => files[u]);

  it('counts stylesheets, scripts and their static imports, not lazy imports', () => {
    expect(w.files).toEqual([
      'http://s.test/_astro/a.css',
      'http://s.test/_astro/p.js',
      'http://s.test/_astro/shared.js',
    ]);
    expect(w.missing).toEqual(['http://s.test/_astro/gone.js']);
    expect(w.css).toBe(gzipSize(files['http://s.test/_astro/a.css']!));
    expect(w.js).toBe(
      gzipSize(files['http://s.test/_astro/p.js']!) +
        gzipSize(files['http://s.test/_astro/shared.js']!) +
        gzipSize('let i=1'),
    );
    expect(w.total).toBe(w.html + w.css + w.js - gzipSize('let i=1'));
  });

  it('applies per-type budgets over the default and reports each excess', () => {
    const budgets = { default: { total: 100, js: 50 }, pages: { '/controls/<id>/': { js: 0.1 } } };
    expect(budgetFor(budgets, '/controls/<id>/')).toEqual({ total: 100, js: 0.1 });
    expect(overBudget(w, budgetFor(budgets, '/controls/<id>/'))).toEqual([
      expect.stringMatching(/^js \d+\.\d KB > 0\.1 KB$/),
    ]);
    expect(overBudget(w, budgetFor(budgets, '/'))).toEqual([]);
  });
});
