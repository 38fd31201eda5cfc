/**
 * Checks on a built site, shared by the browser tests and the benchmark: an HTML scanner that
 * finds references and ids, a crawler that resolves every internal link and `#anchor`, page
 * types, and page weight (gzipped bytes a page loads before interaction).
 * Pure apart from gzip: pages and files come in through callbacks.
 */
import { gzipSync } from 'node:zlib';

/** A start tag: lowercase name, attributes (entities decoded), and raw text for script/style. */
export interface StartTag {
  name: string;
  attrs: Record<string, string>;
  /** Content of `<script>` and `<style>` elements. */
  text?: string;
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes character references (numeric, and the named ones that occur in attributes). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Start tags of an HTML document in order, skipping comments, doctypes and end tags. */
export function scanTags(html: string): StartTag[] {
  const tags: StartTag[] = [];
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (!/[a-zA-Z]/.test(html[i + 1] ?? '')) {
      // End tag, doctype, processing instruction or a stray `<` in text.
      const end = /[/!?]/.test(html[i + 1] ?? '') ? html.indexOf('>', i) : i;
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    let j = i + 1;
    while (j < html.length && !/[\s/>]/.test(html[j]!)) j++;
    const name = html.slice(i + 1, j).toLowerCase();
    const attrs: Record<string, string> = {};
    for (;;) {
      while (j < html.length && /[\s/]/.test(html[j]!)) j++;
      if (j >= html.length || html[j] === '>') break;
      const nameStart = j;
      while (j < html.length && !/[\s/>=]/.test(html[j]!)) j++;
      const attr = html.slice(nameStart, j).toLowerCase();
      while (j < html.length && /\s/.test(html[j]!)) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < html.length && /\s/.test(html[j]!)) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          value = html.slice(j + 1, end === -1 ? html.length : end);
          j = end === -1 ? html.length : end + 1;
        } else {
          const start = j;
          while (j < html.length && !/[\s>]/.test(html[j]!)) j++;
          value = html.slice(start, j);
        }
      }
      if (!(attr in attrs)) attrs[attr] = decodeEntities(value);
    }
    i = j + 1;
    const tag: StartTag = { name, attrs };
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      const end = close === -1 ? html.length : close;
      tag.text = html.slice(i, end);
      i = end;
    }
    tags.push(tag);
  }
  return tags;
}

/** A URL-valued attribute of an element: what the crawler follows. */
export interface Reference {
  /** `a[href]`, `link[href]`, `script[src]`… */
  via: string;
  /** The attribute value as written. */
  value: string;
}

/** What a page declares: anchor targets, references, and what it loads at start. */
export interface PageScan {
  /** Every `id`, and every `name` of an `<a>`: valid `#fragments` of the page. */
  ids: Set<string>;
  references: Reference[];
  /** `link[rel=stylesheet]` hrefs. */
  stylesheets: string[];
  /**
   * Scripts with `src` (`async` and `defer` ones too: all run at start) and the static imports
   * of inline modules.
   */
  scripts: string[];
  /** `link[rel=modulepreload]` hrefs. */
  modulePreloads: string[];
  /** Text of inline JavaScript (module or classic; data blocks excluded). */
  inlineScripts: string[];
  /** Text of inline `<style>` elements. */
  inlineStyles: string[];
}

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
// Link relations that name an origin or a hint, not a resource that must exist.
const NON_RESOURCE_RELS = new Set(['preconnect', 'dns-prefetch', 'me', 'author', 'external']);

function relsOf(tag: StartTag): string[] {
  return (tag.attrs.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** URLs of a `srcset` attribute. */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** Scans an HTML document for ids, references and start-up resources. */
export function scanPage(html: string): PageScan {
  const scan: PageScan = {
    ids: new Set(),
    references: [],
    stylesheets: [],
    scripts: [],
    modulePreloads: [],
    inlineScripts: [],
    inlineStyles: [],
  };
  const ref = (via: string, value: string | undefined) => {
    if (value !== undefined && value.trim() !== '')
      scan.references.push({ via, value: value.trim() });
  };
  for (const tag of scanTags(html)) {
    const { name, attrs } = tag;
    if (attrs.id) scan.ids.add(attrs.id);
    if (name === 'a' && attrs.name) scan.ids.add(attrs.name);
    switch (name) {
      case 'a':
      case 'area':
        ref(`${name}[href]`, attrs.href);
        break;
      case 'link': {
        const rels = relsOf(tag);
        if (rels.some((r) => NON_RESOURCE_RELS.has(r))) break;
        ref(`link[rel=${rels.join(' ')}]`, attrs.href);
        if (attrs.href && rels.includes('stylesheet')) scan.stylesheets.push(attrs.href);
        if (attrs.href && rels.includes('modulepreload')) scan.modulePreloads.push(attrs.href);
        break;
      }
      case 'script': {
        const type = (attrs.type ?? '').toLowerCase();
        if (!JS_TYPES.has(type)) break;
        if (attrs.src !== undefined) {
          ref('script[src]', attrs.src);
          scan.scripts.push(attrs.src);
        } else if (tag.text?.trim()) {
          scan.inlineScripts.push(tag.text);
          // An inline module's static imports load at start like a script with `src`.
          if (type === 'module') {
            for (const spec of staticImports(tag.text)) {
              ref('script[type=module] import', spec);
              scan.scripts.push(spec);
            }
          }
        }
        break;
      }
      case 'style':
        if (tag.text?.trim()) scan.inlineStyles.push(tag.text);
        break;
      case 'img':
      case 'source':
      case 'iframe':
      case 'video':
      case 'audio':
      case 'track':
      case 'embed':
        ref(`${name}[src]`, attrs.src);
        for (const u of srcsetUrls(attrs.srcset ?? '')) ref(`${name}[srcset]`, u);
        break;
      case 'object':
        ref('object[data]', attrs.data);
        break;
      case 'form':
        ref('form[action]', attrs.action);
        break;
      case 'use':
        ref('use[href]', attrs.href ?? attrs['xlink:href']);
        break;
      case 'meta': {
        const refresh = /^\s*\d+\s*[;,]\s*url\s*=\s*['"]?([^'"]+)/i.exec(attrs.content ?? '');
        if ((attrs['http-equiv'] ?? '').toLowerCase() === 'refresh' && refresh) {
          ref('meta[http-equiv=refresh]', refresh[1]);
        }
        break;
      }
    }
  }
  return scan;
}

/** Specifiers of a JavaScript module's static imports and re-exports (not `import()`). */
export function staticImports(js: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{},\s]*?\s*from\s*)?(["'])([^"'\n]+)\1/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(js))) out.push(m[2]!);
  return [...new Set(out)];
}

/** `url(…)` references of a stylesheet (data: URLs excluded). */
export function cssUrls(css: string): string[] {
  const out: string[] = [];
  const re = /url\(\s*(["']?)([^"')]+)\1\s*\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(css))) if (!m[2]!.startsWith('data:')) out.push(m[2]!.trim());
  return out;
}

/** `<loc>` entries of a sitemap or sitemap index. */
export function sitemapLocs(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g)].map((m) => decodeEntities(m[1]!));
}

/** Where a reference points. */
export type LinkTarget =
  | { internal: false }
  | {
      internal: true;
      /** Absolute URL on the served origin, without fragment (query kept). */
      url: string;
      /** Decoded fragment, `undefined` when the reference has none. */
      fragment: string | undefined;
    };

/**
 * Resolves a reference against the page URL. It is internal when it is on the served origin or
 * on one of `siteOrigins` (the production origin used by canonical links and the sitemap),
 * which is mapped onto the served origin.
 */
export function resolveReference(
  value: string,
  pageUrl: string,
  { siteOrigins = [] }: { siteOrigins?: string[] } = {},
): LinkTarget {
  let url: URL;
  try {
    url = new URL(value, pageUrl);
  } catch {
    // An unparsable reference is still a link of the page: report it as a broken internal one.
    return { internal: true, url: `${value}`, fragment: undefined };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { internal: false };
  const served = new URL(pageUrl).origin;
  if (url.origin !== served) {
    if (!siteOrigins.includes(url.origin)) return { internal: false };
    url = new URL(`${url.pathname}${url.search}${url.hash}`, served);
  }
  let fragment: string | undefined;
  if (url.hash !== '' || value.endsWith('#')) {
    try {
      fragment = decodeURIComponent(url.hash.slice(1));
    } catch {
      fragment = url.hash.slice(1);
    }
  }
  url.hash = '';
  return { internal: true, url: url.href, fragment };
}

/** A resource as the crawler fetched it. */
export interface Fetched {
  status: number;
  /** The `content-type` header, or `''`. */
  contentType: string;
  body: string;
  /** The `location` header of a redirect. */
  location?: string | undefined;
}

/** A reference that does not resolve. */
export interface LinkProblem {
  /** The page (or stylesheet, script, sitemap) holding the reference. */
  page: string;
  via: string;
  /** The reference as written. */
  link: string;
  problem: string;
}

export interface CrawlOptions {
  /** URLs to start from (pages, sitemaps). Each must answer 200. */
  seeds: string[];
  /** Absolute URL of the site root, base path included: every internal reference stays in it. */
  root: string;
  /** Fetches a URL without following redirects. */
  fetch: (url: string) => Promise<Fetched>;
  /** Production origins to treat as the served one (`https://msp-checklist.example`). */
  siteOrigins?: string[];
  /**
   * URLs that must answer 404 with an HTML page (the site's not-found page), whose references
   * are checked like any page's.
   */
  notFoundProbes?: string[];
  /** Requests in flight at once. */
  concurrency?: number;
}

export interface CrawlResult {
  /** HTML pages that answered 200, sorted. */
  pages: string[];
  /** Every URL fetched, with its status. */
  statuses: Map<string, number>;
  problems: LinkProblem[];
}

const isHtml = (f: Fetched) => /\bhtml\b/i.test(f.contentType);
const isCss = (f: Fetched) => /\bcss\b/i.test(f.contentType);
const isJs = (f: Fetched) => /\bjavascript\b/i.test(f.contentType);
const isXml = (f: Fetched) => /\bxml\b/i.test(f.contentType);
// The fragment `top` (and the empty one) scroll to the top of any page (HTML standard).
const ALWAYS_VALID_FRAGMENTS = new Set(['', 'top']);

const withoutQuery = (url: string) => url.replace(/[?#].*$/, '');

/**
 * Crawls every internal reference reachable from the seeds and reports those that fail: a status
 * other than 200 (redirects included: link to the final URL), a fragment with no matching id on
 * the target page, or a URL outside the site root.
 */
export async function crawl(options: CrawlOptions): Promise<CrawlResult> {
  const { root, siteOrigins = [], concurrency = 8 } = options;
  const rootUrl = new URL(root);
  const probes = new Set(options.notFoundProbes ?? []);
  const fetched = new Map<string, Fetched>();
  const ids = new Map<string, Set<string>>();
  const found: { page: string; via: string; link: string; url: string; fragment?: string }[] = [];
  const queue: string[] = [];
  const queued = new Set<string>();
  const problems: LinkProblem[] = [];

  const enqueue = (url: string) => {
    const key = withoutQuery(url);
    if (queued.has(key)) return;
    queued.add(key);
    queue.push(url);
  };
  const refer = (page: string, via: string, link: string) => {
    const target = resolveReference(link, page, { siteOrigins });
    if (!target.internal) return;
    let parsed: URL | undefined;
    try {
      parsed = new URL(target.url);
    } catch {
      problems.push({ page, via, link, problem: 'not a valid URL' });
      return;
    }
    if (parsed.origin !== rootUrl.origin || !parsed.pathname.startsWith(rootUrl.pathname)) {
      problems.push({ page, via, link, problem: `outside the site root ${rootUrl.pathname}` });
      return;
    }
    found.push({
      page,
      via,
      link,
      url: target.url,
      ...(target.fragment !== undefined ? { fragment: target.fragment } : {}),
    });
    enqueue(target.url);
  };

  const visit = async (url: string) => {
    const res = await options.fetch(url);
    fetched.set(withoutQuery(url), res);
    const ok = res.status === 200 || (probes.has(url) && res.status === 404);
    if (!ok) return;
    if (isHtml(res)) {
      const scan = scanPage(res.body);
      ids.set(withoutQuery(url), scan.ids);
      for (const r of scan.references) refer(url, r.via, r.value);
    } else if (isCss(res)) {
      for (const u of cssUrls(res.body)) refer(url, 'css url()', u);
    } else if (isJs(res)) {
      for (const u of staticImports(res.body)) refer(url, 'js import', u);
    } else if (isXml(res)) {
      for (const u of sitemapLocs(res.body)) refer(url, 'sitemap <loc>', u);
    }
  };

  for (const s of [...options.seeds, ...probes]) enqueue(s);
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) await visit(url);
  };
  // Workers stop when the queue is empty; new work may arrive while others are still fetching.
  while (queue.length > 0) {
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  const describe = (f: Fetched) =>
    f.status >= 300 && f.status < 400
      ? `redirects (${f.status}) to ${f.location ?? '?'}: link to the final URL`
      : `answers ${f.status}`;
  for (const s of options.seeds) {
    const res = fetched.get(withoutQuery(s))!;
    if (res.status !== 200)
      problems.push({ page: '(start)', via: 'seed', link: s, problem: describe(res) });
  }
  for (const p of probes) {
    const res = fetched.get(withoutQuery(p))!;
    if (res.status !== 404 || !isHtml(res)) {
      problems.push({
        page: '(start)',
        via: 'not-found probe',
        link: p,
        problem: `expected a 404 HTML page, got ${res.status} ${res.contentType}`,
      });
    }
  }
  for (const f of found) {
    const res = fetched.get(withoutQuery(f.url))!;
    // The not-found page may link to its own fragments (`#main`).
    const selfOnProbe = probes.has(f.url) && f.page === f.url;
    if (res.status !== 200 && !selfOnProbe) {
      problems.push({ page: f.page, via: f.via, link: f.link, problem: describe(res) });
      continue;
    }
    if (f.fragment === undefined || ALWAYS_VALID_FRAGMENTS.has(f.fragment)) continue;
    const targetIds = ids.get(withoutQuery(f.url));
    if (targetIds && !targetIds.has(f.fragment)) {
      problems.push({
        page: f.page,
        via: f.via,
        link: f.link,
        problem: `no element with id "${f.fragment}" on ${withoutQuery(f.url)}`,
      });
    }
  }
  const pages = [...fetched]
    .filter(([url, f]) => f.status === 200 && isHtml(f) && !probes.has(url))
    .map(([url]) => url)
    .sort();
  const statuses = new Map([...fetched].map(([url, f]) => [url, f.status]));
  return { pages, statuses, problems };
}

/**
 * The type of a page, from its path below the base: the path with the language prefix dropped and
 * the variable segments named (`/ja/v/4.2/controls/8.1.10/` → `/v/<version>/controls/<id>/`).
 * New pages get a type of their own without any change here.
 */
export function pageType(sitePath: string): string {
  if (/(^|\/)404(\.html|\/)?$/.test(sitePath)) return '404';
  const path = sitePath.replace(/index\.html$/, '').replace(/^\/ja(?=\/|$)/, '') || '/';
  const segments = path.split('/').filter(Boolean);
  const named = segments.map((s, i) => {
    const prev = segments[i - 1];
    if (prev === 'v') return '<version>';
    if (prev === 'controls') return '<id>';
    if (prev === 'compare') return '<pair>';
    return s;
  });
  return named.length === 0 ? '/' : `/${named.join('/')}/`;
}

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
