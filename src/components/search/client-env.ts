/** What client-side search code reads from the page: base path and language. */
import type { Lang } from '../../lib/model.ts';
import { withBase } from '../../lib/urls.ts';

/** The site's base path (`/` or `/docs/`), from `<html data-base>`. */
export function siteBase(): string {
  return document.documentElement.dataset.base || '/';
}

/** The page language, from `<html lang>`. */
export function pageLang(): Lang {
  return document.documentElement.lang === 'ja' ? 'ja' : 'en';
}

/** A site path with the base path. */
export function siteHref(path: string): string {
  return withBase(siteBase(), path);
}
