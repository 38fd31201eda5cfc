import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog } from './lib/catalog.ts';
import { ContentErrors } from './lib/content-error.ts';
import { pairKey } from './lib/ids.ts';
import type { ContentBundle } from './lib/load.ts';
import { checkKeptWorkbooks, compileContent, readContentFiles } from './lib/load.ts';
import { changeNotesSchema, editionSchema, itemSchema, versionMetaSchema } from './lib/model.ts';
import { contentDir } from './lib/site-config.ts';
import { withParsedYaml, yamlCacheFile } from './lib/yaml-cache.ts';

const dir = resolve(contentDir(process.env));

// Both collections come from one validated read of the content folder: the catalog check
// (curated notes against computed diffs) must pass before anything is stored. Files whose text
// is unchanged since the last build are not parsed again (a cache in Astro's cacheDir, one per
// content folder).
let bundle: Promise<ContentBundle> | undefined;
function validatedContent(cacheDir: URL): Promise<ContentBundle> {
  const cache = yamlCacheFile(fileURLToPath(cacheDir), dir);
  bundle ??= readContentFiles(dir)
    .then((files) => withParsedYaml(files, cache))
    .then(async (files) => {
      const b = compileContent(files);
      await checkKeptWorkbooks(dir, b);
      buildCatalog(b);
      return b;
    })
    .catch((e: unknown) => {
      // A plain error, so the build prints every problem: Astro shows only the first entry of
      // an error that carries an `errors` list.
      if (e instanceof ContentErrors)
        throw new Error(`Content in ${dir} is not valid: ${e.message}`);
      throw e;
    });
  return bundle;
}

/** One entry of a collection, as a loader stores it. */
interface Entry {
  id: string;
  data: Record<string, unknown>;
}

/**
 * A loader that fills a collection from the validated content folder and, in `astro dev`,
 * fills it again when a content file changes (a bad edit is logged, the last good data stays).
 * Entries carry a digest of their data: an unchanged entry is not stored again, so a build
 * where nothing changed leaves the data store as it was.
 */
function contentLoader(name: string, entries: (content: ContentBundle) => Entry[]): Loader {
  return {
    name,
    load: async ({ store, watcher, logger, generateDigest, config }) => {
      const sync = async () => {
        const content = await validatedContent(config.cacheDir);
        const ids = new Set<string>();
        for (const { id, data } of entries(content)) {
          ids.add(id);
          store.set({ id, data, digest: generateDigest(data) });
        }
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      };
      await sync();
      watcher?.add(dir);
      watcher?.on('all', (_event, path) => {
        if (path !== dir && !path.startsWith(dir + sep)) return;
        bundle = undefined;
        sync().catch((e: unknown) => logger.error(e instanceof Error ? e.message : String(e)));
      });
    },
  };
}

/** Every checklist version, complete: metadata and items in reading order. */
const versions = defineCollection({
  loader: contentLoader('checklist-versions', (content) =>
    content.versions.map((v) => ({ id: v.meta.id, data: { meta: v.meta, items: v.items } })),
  ),
  schema: z.object({
    /** Version metadata from `version.yaml`. */
    meta: versionMetaSchema,
    /** The version's items in reading order. */
    items: z.array(itemSchema),
  }),
});

/** Curated change notes, one entry per version pair (`4.2...4.2.1`). */
const changeNotes = defineCollection({
  loader: contentLoader('checklist-change-notes', (content) =>
    content.notes.map((n) => ({ id: pairKey(n.from, n.to), data: n })),
  ),
  schema: changeNotesSchema,
});

/** The edition: one entry, the languages the content is written in. */
const edition = defineCollection({
  loader: contentLoader('checklist-edition', (content) => [
    { id: 'edition', data: content.edition },
  ]),
  schema: editionSchema,
});

export const collections = { versions, changeNotes, edition };
