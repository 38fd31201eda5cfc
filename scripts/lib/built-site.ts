/**
 * What a built site holds, read from its folder: its HTML files, the site path of each and the
 * file behind a URL, and the type of a page. Shared by the browser tests and the bench.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A built site and the base path it was built for. */
export interface Build {
  dist: string;
  base: string;
}

/**
 * Every HTML file of a build, as paths relative to it with `/`, sorted; pagefind's folder is
 * not looked into. The folders are read one by one: Node's recursive `readdir` took 0.3 s at
 * 4,000 pages where this takes 0.04 s.
 */
export async function htmlFiles(dist: string): Promise<string[]> {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const e of readdirSync(join(dist, folder), { withFileTypes: true })) {
      const path = folder === '' ? e.name : `${folder}/${e.name}`;
      if (e.isDirectory() && path !== 'pagefind') walk(path);
      else if (e.isFile() && e.name.endsWith('.html')) files.push(path);
    }
  };
  walk('');
  return files.sort();
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
