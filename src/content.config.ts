import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { resolve } from 'node:path';
import { buildCatalog } from './lib/catalog.ts';
import { loadContent } from './lib/load.ts';
import { changeNotesSchema, itemSchema, versionMetaSchema } from './lib/model.ts';
import { contentDir } from './lib/site-config.ts';

const dir = resolve(contentDir(process.env));

// Both collections come from one validated read of the content folder: the catalog check
// (curated notes against computed diffs) must pass before anything is stored.
let bundle: ReturnType<typeof loadContent> | undefined;
function validatedContent() {
  bundle ??= loadContent(dir).then((b) => {
    buildCatalog(b);
    return b;
  });
  return bundle;
}

/** Every checklist version, complete: metadata and items in reading order. */
const versions = defineCollection({
  loader: {
    name: 'checklist-versions',
    load: async ({ store }) => {
      store.clear();
      for (const v of (await validatedContent()).versions) {
        store.set({ id: v.meta.id, data: { meta: v.meta, items: v.items } });
      }
    },
  },
  schema: z.object({
    /** Version metadata from `version.yaml`. */
    meta: versionMetaSchema,
    /** The version's items in reading order. */
    items: z.array(itemSchema),
  }),
});

/** Curated change notes, one entry per version pair (`4.2...4.2.1`). */
const changeNotes = defineCollection({
  loader: {
    name: 'checklist-change-notes',
    load: async ({ store }) => {
      store.clear();
      for (const n of (await validatedContent()).notes) {
        store.set({ id: `${n.from}...${n.to}`, data: n });
      }
    },
  },
  schema: changeNotesSchema,
});

export const collections = { versions, changeNotes };
