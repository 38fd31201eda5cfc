/**
 * Helpers for checks over a whole built site: which HTML files it holds, their URLs, the
 * builds under test, and an HTTP fetch for the crawler.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Fetched } from '../../../src/lib/site-check.ts';
import { contentDir } from '../../../src/lib/site-config.ts';

/** A built site and the base path it was built for. */
export interface Build {
  dist: string;
  base: string;
}

/** The root build, and the one under a sub-path (both made by `npm test`). */
export const ROOT_BUILD: Build = { dist: process.env.MSP_DIST ?? 'dist', base: '/' };
export const BASE_BUILD: Build = {
  dist: process.env.MSP_BASE_DIST ?? 'dist-base',
  base: process.env.MSP_BASE_PATH ?? '/msp/checklist/',
};

/** Origin of the production site (astro.config.mjs `site`): canonical links and sitemap use it. */
export const SITE_ORIGIN = new URL(process.env.SITE_URL || 'https://msp-checklist.example').origin;

/** Throws a helpful error when a build is missing (tests never skip). */
export function requireBuild(build: Build): string {
  const root = resolve(build.dist);
  if (!existsSync(root)) {
    throw new Error(
      `No built site at ${root}: run "npm test", or build it with MSP_OUT_DIR=${build.dist}` +
        (build.base === '/' ? '' : ` MSP_BASE=${build.base}`) +
        ' node scripts/build.ts',
    );
  }
  return root;
}

/** Every HTML file of a build, as paths relative to it with `/`, sorted. */
export async function htmlFiles(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dist, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => !p.startsWith('pagefind/'))
    .sort();
}

/** The site path a file is served at: `controls/x/index.html` → `/controls/x/`. */
export function sitePathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The file a site path is served from, or `undefined` outside the base. */
export function fileOfUrl(url: string, build: Build): string | undefined {
  const { pathname } = new URL(url);
  if (!pathname.startsWith(build.base)) return undefined;
  const rel = decodeURIComponent(pathname.slice(build.base.length));
  return join(build.dist, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
}

/** Version ids of the content the site was built from. */
export async function versionIds(): Promise<string[]> {
  const dir = join(contentDir(process.env), 'versions');
  return (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
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
