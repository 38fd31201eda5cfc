/**
 * Page weight: the gzipped bytes a page loads before any interaction, read from the files it
 * references, and the budgets of `budgets.json`. Shared by the weight test and the bench.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileOfUrl, htmlFiles, pageType, sitePathOf, type Build } from './built-site.ts';
import { scanPage, staticImports } from './html-scan.ts';

/** Gzipped size in bytes, as a server with gzip on would send it. */
export function gzipSize(content: string | Uint8Array): number {
  return gzipSync(content).length;
}

/** Gzipped bytes a page loads before any interaction. */
export interface PageWeight {
  /** The HTML document (inline scripts and styles included). */
  html: number;
  /** External stylesheets, plus inline styles (already counted in `html`). */
  css: number;
  /** Scripts with `src`, their static imports and module preloads, plus inline scripts. */
  js: number;
  /** What goes over the wire: the document, external stylesheets and scripts. */
  total: number;
  /** Resolved URLs of the external files counted. */
  files: string[];
  /** References to start-up files that could not be read. */
  missing: string[];
}

/**
 * Weighs a page from the files it references: stylesheets, scripts with `src` and everything
 * they import statically, and module preloads; `import()` loads on use and is not counted.
 * `read` returns a file's content by absolute URL, or `undefined` when it does not exist.
 */
export function pageWeight(
  html: string,
  pageUrl: string,
  read: (url: string) => string | Uint8Array | undefined,
): PageWeight {
  const scan = scanPage(html);
  const origin = new URL(pageUrl).origin;
  const seen = new Set<string>();
  const missing: string[] = [];
  let cssBytes = 0;
  let jsBytes = 0;
  const load = (ref: string, from: string, kind: 'css' | 'js') => {
    const url = new URL(ref, from);
    url.hash = '';
    if (url.origin !== origin || seen.has(url.href)) return;
    seen.add(url.href);
    const content = read(url.href);
    if (content === undefined) {
      missing.push(url.href);
      return;
    }
    const size = gzipSize(content);
    if (kind === 'css') {
      cssBytes += size;
      return;
    }
    jsBytes += size;
    const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
    for (const spec of staticImports(text)) {
      if (/^(\.{0,2}\/|https?:)/.test(spec)) load(spec, url.href, 'js');
    }
  };
  for (const href of scan.stylesheets) load(href, pageUrl, 'css');
  for (const src of [...scan.scripts, ...scan.modulePreloads]) load(src, pageUrl, 'js');
  const htmlBytes = gzipSize(html);
  const inlineCss = scan.inlineStyles.length > 0 ? gzipSize(scan.inlineStyles.join('\n')) : 0;
  const inlineJs = scan.inlineScripts.length > 0 ? gzipSize(scan.inlineScripts.join('\n')) : 0;
  return {
    html: htmlBytes,
    css: cssBytes + inlineCss,
    js: jsBytes + inlineJs,
    total: htmlBytes + cssBytes + jsBytes,
    files: [...seen].filter((u) => !missing.includes(u)),
    missing,
  };
}

/** Budgets in KB (1,024 bytes) gzipped; any field may be omitted. */
export interface Budget {
  html?: number;
  css?: number;
  js?: number;
  total?: number;
}

/** The budgets file (`budgets.json`): a default and per-type overrides. */
export interface Budgets {
  default: Budget;
  pages: Record<string, Budget>;
}

/** The budget that applies to a page type: its own fields over the default. */
export function budgetFor(budgets: Budgets, type: string): Budget {
  return { ...budgets.default, ...budgets.pages[type] };
}

/** Each way a page's weight exceeds its budget, as a sentence. */
export function overBudget(weight: PageWeight, budget: Budget): string[] {
  const out: string[] = [];
  for (const key of ['html', 'css', 'js', 'total'] as const) {
    const limit = budget[key];
    if (limit === undefined) continue;
    const kb = weight[key] / 1024;
    if (kb > limit) out.push(`${key} ${kb.toFixed(1)} KB > ${limit} KB`);
  }
  return out;
}

export interface WeighedPage extends PageWeight {
  type: string;
  /** Site path below the base. */
  path: string;
}

/** Weighs every HTML page of a build (the origin is a placeholder: files are read from disk). */
export async function weighBuild(build: Build): Promise<WeighedPage[]> {
  const origin = 'http://site.invalid';
  const read = (url: string) => {
    const file = fileOfUrl(url, build);
    return file && existsSync(file) ? readFileSync(file) : undefined;
  };
  const out: WeighedPage[] = [];
  for (const file of await htmlFiles(build.dist)) {
    const path = sitePathOf(file);
    const url = `${origin}${build.base}${path.slice(1)}`;
    const html = await readFile(join(build.dist, file), 'utf8');
    out.push({ ...pageWeight(html, url, read), type: pageType(path), path });
  }
  return out;
}

/** The heaviest page of each type, by total. */
export function heaviestByType(pages: WeighedPage[]): WeighedPage[] {
  const byType = new Map<string, WeighedPage>();
  for (const p of pages) {
    if ((byType.get(p.type)?.total ?? -1) < p.total) byType.set(p.type, p);
  }
  return [...byType.values()].sort((a, b) => a.type.localeCompare(b.type));
}
