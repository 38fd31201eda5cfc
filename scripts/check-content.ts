/**
 * Validates a content folder without building the site: `npm run check:content [-- <dir>]`.
 * Exits 1 and lists every problem (file, item, field) when the content is wrong.
 */
import { resolve } from 'node:path';
import { buildCatalog } from '../src/lib/catalog.ts';
import { ContentErrors } from '../src/lib/content-error.ts';
import { loadContent } from '../src/lib/load.ts';
import { contentDir } from '../src/lib/site-config.ts';

const dir = resolve(process.argv[2] ?? contentDir(process.env));
try {
  const catalog = buildCatalog(await loadContent(dir));
  for (const v of catalog.versions) {
    console.log(`✓ ${v.meta.id}: ${v.items.length} items in ${v.meta.sections.length} sections`);
  }
  for (const [from, to] of catalog.pairs()) {
    const d = catalog.diff(from, to);
    const changed = d.items.filter((i) => i.kind !== 'unchanged').length;
    console.log(`✓ ${from} → ${to}: ${changed} changed items`);
  }
} catch (e) {
  if (e instanceof ContentErrors) {
    console.error(`Content in ${dir} is not valid.\n${e.message}`);
    process.exit(1);
  }
  throw e;
}
