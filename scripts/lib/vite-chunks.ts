/**
 * How the build groups the site's styles and start-up code into files (used by
 * `astro.config.mjs`). Pure functions and a Vite plugin; no Astro runtime.
 */

/**
 * Components whose styles only their own page types use. Their CSS stays in a file of those
 * pages; the styles of every other component and stylesheet go into one `site` file, which an
 * item page loads alone and every other page shares. A component missing from this list costs
 * an item page its bytes, never a missing style.
 */
export const PAGE_STYLE_COMPONENTS = [
  'ComparePage',
  'CompareExplorer',
  'ChangeChart',
  'SelfCheckOverview',
  'StatusChart',
  'SearchPage',
  'HomePage',
  'VersionTimeline',
  'VersionPage',
  'VersionFacts',
  'ItemList',
  'LevelFilter',
] as const;

const pageStyle = new RegExp(`/(${PAGE_STYLE_COMPONENTS.join('|')})\\.astro\\?`);
const styleModule = /\.css($|\?)|[?&]type=style/;

/**
 * Rolldown `manualChunks` for the prerender build: the chunk a style module belongs to, `site`
 * unless it is a page type's own (`PAGE_STYLE_COMPONENTS`); other modules are left to the
 * default chunking. One file for the item page's styles rather than the eight Astro would make
 * (one per shared component), because gzip compresses one file of 17 KB far better than eight
 * small ones: 4.1 KB against 5.8 KB.
 */
export function styleChunk(id: string): string | undefined {
  if (!styleModule.test(id)) return undefined;
  return pageStyle.test(id) ? undefined : 'site';
}

const PRELOAD_HELPER = '\0vite/preload-helper.js';

interface ChunkLike {
  type: string;
  fileName: string;
  viteMetadata?: { importedCss: Set<string> };
}

/** The parts of Vite's plugin interface `smallClientBundles` uses. */
interface PluginLike {
  name: string;
  enforce: 'pre';
  applyToEnvironment(environment: { name: string }): boolean;
  configEnvironment(name: string):
    | {
        build: {
          modulePreload: false;
          rolldownOptions: { optimization: { inlineConst: { mode: 'all' } } };
        };
      }
    | undefined;
  load(id: string): string | undefined;
  generateBundle(
    this: { error(message: string): never },
    options: unknown,
    bundle: Record<string, ChunkLike>,
  ): void;
}

/**
 * A Vite plugin for the browser build, which keeps the code every page runs at start small.
 * - `import()` loads a chunk and nothing else. Vite wraps each `import()` in a helper (0.85 KB
 *   gzipped) that preloads the chunk's imports and its stylesheets. The site's code-split chunks
 *   are small and load on a reader's action, and none has a stylesheet of its own (styles are
 *   per page), so preloading is off and the helper is a plain call. The build fails, naming the
 *   chunk, if a chunk ever gets a stylesheet the plain helper would not load.
 * - Constants are copied where they are used, so that start-up code can name a storage key
 *   without taking in the module that defines every other one.
 */
export function smallClientBundles(): PluginLike {
  return {
    name: 'mce-small-client-bundles',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.name === 'client',
    configEnvironment: (name) =>
      name === 'client'
        ? {
            build: {
              modulePreload: false,
              rolldownOptions: { optimization: { inlineConst: { mode: 'all' } } },
            },
          }
        : undefined,
    load: (id) =>
      id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();' : undefined,
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && (chunk.viteMetadata?.importedCss.size ?? 0) > 0) {
          this.error(
            `${chunk.fileName} imports a stylesheet, which a plain import() would not load: ` +
              'put the styles in a component (see smallClientBundles in scripts/lib/vite-chunks.ts)',
          );
        }
      }
    },
  };
}
