/**
 * URL builders for the public URL contract. Every link of a page goes through `href` (or
 * `baseHref` for files that are not per language), which adds the configured base path, so the
 * site can be served from a sub-path.
 */
import { pairKey } from './ids.ts';
import type { Lang } from './model.ts';
import { basePath } from './site-config.ts';

/** Joins the base path (`/` or `/docs/`) and a site path (`/controls/8.1.10/`). */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${b}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The site path of a page in a language: `/controls/` → `/ja/controls/` for Japanese. */
export function localize(lang: Lang, path: string): string {
  return lang === 'en' ? path : `/${lang}${path}`;
}

/** The URL of a page in a language, base path included: `/controls/` → `/msp/ja/controls/`. */
export function href(lang: Lang, path: string): string {
  return withBase(basePath(), localize(lang, path));
}

/**
 * The URL of a site path as it stands, base path included: for files that are the same in
 * every language (data, icons) and for paths already localized.
 */
export function baseHref(path: string): string {
  return withBase(basePath(), path);
}

/** Strips the language prefix from a site path. */
export function unlocalize(path: string): { lang: Lang; path: string } {
  const m = /^\/ja(\/.*)$/.exec(path);
  return m ? { lang: 'ja', path: m[1]! } : { lang: 'en', path };
}

/** Path of an item page; `version` pins it to a version, `undefined` means the latest. */
export function itemPath(id: string, version?: string): string {
  return version ? `/v/${version}/controls/${id}/` : `/controls/${id}/`;
}

/** Path of the item list of a version (`undefined`: latest). */
export function listPath(version?: string): string {
  return version ? `/v/${version}/controls/` : '/controls/';
}

/** Path of a version's overview page. */
export function versionPath(version: string): string {
  return `/v/${version}/`;
}

/** Path of the compare explorer for a pair of versions. */
export function comparePath(from: string, to: string): string {
  return `/compare/${pairKey(from, to)}/`;
}

/** Anchor of one item's change on the compare page. */
export function changeAnchor(id: string): string {
  return `change-${id}`;
}

/** Path of the machine-readable data files. */
export const dataPaths = {
  version: (v: string) => `/data/versions/${v}.json`,
  diff: (from: string, to: string) => `/data/diffs/${pairKey(from, to)}.json`,
  csv: (from: string, to: string) => `/data/diffs/${pairKey(from, to)}.csv`,
  feed: (lang: Lang) => (lang === 'ja' ? '/data/changes.ja.atom' : '/data/changes.atom'),
  /** The quick-jump palette's index of items. */
  paletteIndex: (lang: Lang) => `/data/palette.${lang}.json`,
  /** The index of text added and removed between versions, for the search page. */
  changesIndex: (lang: Lang) => `/data/changes-index.${lang}.json`,
  /** Interface strings of the elements whose code loads on use (`FILE_STRINGS`). */
  clientStrings: (lang: Lang) => `/data/strings.${lang}.json`,
  /** The workbook a version was imported from, when the edition keeps it. */
  workbook: (v: string) => `/data/workbooks/${v}.xlsx`,
} as const;
