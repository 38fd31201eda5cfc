/** The site's one query of the content collections; every page takes its data from here. */
import { getCollection } from 'astro:content';
import { buildCatalog, type Catalog } from '../lib/catalog.ts';
import { compareVersionIds } from '../lib/ids.ts';

let catalog: Promise<Catalog> | undefined;

/** The catalog of all versions and diffs, built once per build (per request in dev). */
export function getCatalog(): Promise<Catalog> {
  // In `astro dev` content can change between requests: build the catalog afresh each time.
  if (import.meta.env.DEV) catalog = undefined;
  catalog ??= (async () => {
    const [versions, notes, edition] = await Promise.all([
      getCollection('versions'),
      getCollection('changeNotes'),
      getCollection('edition'),
    ]);
    return buildCatalog({
      edition: edition[0]!.data,
      versions: versions.map((v) => v.data).sort((a, b) => compareVersionIds(a.meta.id, b.meta.id)),
      notes: notes.map((n) => n.data),
    });
  })();
  return catalog;
}
