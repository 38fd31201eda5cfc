/**
 * How the build groups the site's styles and start-up code into files (used by
 * `astro.config.mjs`). Pure functions and Vite plugins; no Astro runtime.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** A library the browser build ships as its publisher built it (`prebuiltScripts`). */
export interface PrebuiltScript {
  /** The specifier the site's code imports with `import()`, e.g. `exceljs`. */
  specifier: string;
  /** The package's file for browsers: a minified UMD script that defines `global`. */
  file: string;
  /** The global the script defines when it runs as a classic script. */
  global: string;
}

/** A node of an ESTree syntax tree, as far as `prebuiltScripts` reads it. */
interface SyntaxNode {
  type: string;
  start: number;
  end: number;
  source?: { type: string; value?: unknown };
}

/** The parts of Vite's plugin interface `prebuiltScripts` uses. */
interface PrebuiltPluginLike {
  name: string;
  apply: 'build';
  enforce: 'post';
  applyToEnvironment(environment: { name: string }): boolean;
  resolveId(source: string): string | undefined;
  load(
    this: { emitFile(file: { type: 'asset'; name: string; source: string }): string },
    id: string,
  ): string | undefined;
  transform(
    this: { parse(code: string): unknown },
    code: string,
    id: string,
  ): { code: string; map: null } | undefined;
}

const PREBUILT = '\0mce-prebuilt:';
const DOM_HELPERS = fileURLToPath(new URL('../../src/components/dom.ts', import.meta.url));

/** Every `import()` of a string in an ESTree tree, in source order. */
function dynamicImports(tree: unknown): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value !== null && typeof value === 'object') {
      const node = value as SyntaxNode;
      if (node.type === 'ImportExpression' && node.source?.type === 'Literal') found.push(node);
      Object.values(value).forEach(visit);
    }
  };
  visit(tree);
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A Vite plugin for the browser build: each library of `scripts` goes into the build as the
 * file its publisher minified, untouched but for its source-map comment (the map is not
 * shipped), and `import(specifier)` becomes a call that runs that file as a classic script and
 * gives the global it defines as the default export (`loadScriptGlobal` in
 * src/components/dom.ts). A load that fails rejects that call only; the next one tries again.
 * Bundled, the minified file was parsed and minified again in every build: for exceljs (0.9 MB)
 * that took 0.4-0.5 s of the bundles phase of every build (four alternating pairs at 413
 * pages). `astro dev` imports the package as usual.
 */
export function prebuiltScripts(scripts: readonly PrebuiltScript[]): PrebuiltPluginLike {
  const bySpecifier = new Map(scripts.map((s) => [s.specifier, s]));
  return {
    name: 'mce-prebuilt-scripts',
    apply: 'build',
    // After TypeScript is stripped, so that the code parses as JavaScript.
    enforce: 'post',
    applyToEnvironment: (environment) => environment.name === 'client',
    resolveId: (source) => (source.startsWith(PREBUILT) ? source : undefined),
    load(id) {
      if (!id.startsWith(PREBUILT)) return undefined;
      const script = bySpecifier.get(id.slice(PREBUILT.length))!;
      const text = readFileSync(script.file, 'utf8');
      const source = text.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
      const ref = this.emitFile({ type: 'asset', name: basename(script.file), source });
      return [
        `import { loadScriptGlobal } from ${JSON.stringify(DOM_HELPERS)};`,
        `const url = import.meta.ROLLUP_FILE_URL_${ref};`,
        `export const load = () =>`,
        `  loadScriptGlobal(url, ${JSON.stringify(script.global)}).then((d) => ({ default: d }));`,
      ].join('\n');
    },
    transform(code, id) {
      if (id.startsWith('\0') || ![...bySpecifier.keys()].some((s) => code.includes(s))) {
        return undefined;
      }
      const calls = dynamicImports(this.parse(code)).filter(
        (node) => typeof node.source?.value === 'string' && bySpecifier.has(node.source.value),
      );
      if (calls.length === 0) return undefined;
      const used = new Map<string, string>();
      let out = '';
      let at = 0;
      for (const node of calls) {
        const specifier = node.source!.value as string;
        const name = used.get(specifier) ?? `__mcePrebuilt${used.size}`;
        used.set(specifier, name);
        out += `${code.slice(at, node.start)}${name}()`;
        at = node.end;
      }
      const imports = [...used].map(
        ([specifier, name]) =>
          `import { load as ${name} } from ${JSON.stringify(PREBUILT + specifier)};`,
      );
      return { code: `${imports.join('\n')}\n${out}${code.slice(at)}`, map: null };
    },
  };
}
