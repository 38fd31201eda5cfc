/**
 * The link crawler of the browser tests: resolves every internal reference of a built site
 * served over HTTP (links, `#anchors`, stylesheets, scripts and their imports, CSS `url()`,
 * sitemap entries) and reports the ones that fail. Pure apart from `httpFetch`: pages come in
 * through the `fetch` callback.
 */
import { decodeEntities, scanPage, staticImports } from '../../scripts/lib/html-scan.ts';

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

/** GET without following redirects, for the crawler. */
export async function httpFetch(url: string): Promise<Fetched> {
  const res = await fetch(url, { redirect: 'manual' });
  const contentType = res.headers.get('content-type') ?? '';
  const body = /html|css|javascript|xml/.test(contentType)
    ? await res.text()
    : (await res.arrayBuffer(), '');
  return {
    status: res.status,
    contentType,
    body,
    location: res.headers.get('location') ?? undefined,
  };
}
