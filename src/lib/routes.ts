/**
 * Static paths for every route, in every language of the edition, with the page's data as props (built in
 * `page-data.ts`). Route files call these so they stay a few lines long.
 * The language is a rest parameter: `undefined` for English at the root, `ja` under `/ja/`.
 */
import type { Catalog } from './catalog.ts';
import { pairKey } from './ids.ts';
import { workbookPath } from './load.ts';
import { LANGS, type Lang } from './model.ts';
import {
  compareIndexPage,
  comparePage,
  controlsPage,
  homePage,
  itemPage,
  searchPage,
  selfCheckPage,
  versionPage,
  type ItemPageData,
} from './page-data.ts';
import { itemPageKey } from './page-keys.ts';
import { dataPaths } from './urls.ts';

/** The `[...lang]` parameter for a language. */
export const langParam = (lang: Lang): string | undefined => (lang === 'en' ? undefined : lang);

/** One route per language of the edition, with the props a builder makes for that language. */
function perLang<P>(catalog: Catalog, props: (lang: Lang) => P) {
  return catalog.languages.map((lang) => ({
    params: { lang: langParam(lang) },
    props: props(lang),
  }));
}

/** `/`: the home page. `publicEdition` is `isPublicEdition` of the build's settings. */
export const homeRoutes = (catalog: Catalog, publicEdition: boolean) =>
  perLang(catalog, (lang) => homePage(catalog, lang, publicEdition));

/** `/controls/`: the latest version's items. */
export const controlsRoutes = (catalog: Catalog) =>
  perLang(catalog, (lang) => controlsPage(catalog, lang));

/** `/compare/`: the list of compare pages. */
export const compareIndexRoutes = (catalog: Catalog) =>
  perLang(catalog, (lang) => compareIndexPage(catalog, lang));

/** `/search/`: the full search page. */
export const searchRoutes = (catalog: Catalog) =>
  perLang(catalog, (lang) => searchPage(catalog, lang));

/** `/self-check/`: the self-check overview. */
export const selfCheckRoutes = (catalog: Catalog) =>
  perLang(catalog, (lang) => selfCheckPage(catalog, lang));

/**
 * An item page's route entry, with its cache key for the incremental build; `settings` are the
 * build settings it prints (`pageSettings`), `undefined` in a build that keeps no cache (the
 * key would go unread).
 */
function itemRoute<P>(params: P, props: ItemPageData, settings: string | undefined) {
  return settings === undefined
    ? { params, props }
    : { params, props, cacheKey: itemPageKey(props, settings) };
}

/** `/controls/<id>/` for each item of the latest version. */
export function latestItemRoutes(catalog: Catalog, settings: string | undefined) {
  return catalog.languages.flatMap((lang) =>
    catalog.latest.items.map((item) =>
      itemRoute(
        { lang: langParam(lang), id: item.id },
        itemPage(catalog, lang, catalog.latest, item, true),
        settings,
      ),
    ),
  );
}

/** `/v/<version>/controls/<id>/` for each item of every version. */
export function pinnedItemRoutes(catalog: Catalog, settings: string | undefined) {
  return catalog.languages.flatMap((lang) =>
    catalog.versions.flatMap((v) =>
      v.items.map((item) =>
        itemRoute(
          { lang: langParam(lang), version: v.meta.id, id: item.id },
          itemPage(catalog, lang, v, item, false),
          settings,
        ),
      ),
    ),
  );
}

/** `/v/<version>/…` pages of every version: its overview and its item list. */
export function versionRoutes(catalog: Catalog) {
  return catalog.languages.flatMap((lang) =>
    catalog.versions.map((v) => ({
      params: { lang: langParam(lang), version: v.meta.id },
      props: versionPage(catalog, lang, v),
    })),
  );
}

/** `/compare/<from>...<to>/` for every ordered pair of versions. */
export function compareRoutes(catalog: Catalog) {
  return catalog.languages.flatMap((lang) =>
    catalog.pairs().map(([from, to]) => ({
      params: { lang: langParam(lang), pair: pairKey(from, to) },
      props: comparePage(catalog, lang, from, to),
    })),
  );
}

/** `<from>...<to>` data files for every ordered pair of versions. */
export function pairRoutes(catalog: Catalog) {
  return catalog.pairs().map(([from, to]) => ({
    params: { pair: pairKey(from, to) },
    props: { from, to },
  }));
}

/** `<version>` data files for every version. */
export function versionDataRoutes(catalog: Catalog) {
  return catalog.versions.map((v) => ({
    params: { version: v.meta.id },
    props: { version: v.meta.id },
  }));
}

/** `<version>` workbook files for every version that keeps the workbook it was imported from. */
export function workbookRoutes(catalog: Catalog) {
  return catalog.versions
    .filter((v) => v.meta.workbook)
    .map((v) => ({
      params: { version: v.meta.id },
      props: { file: workbookPath(v.meta.id, v.meta.workbook!) },
    }));
}

/** `<lang>` data files: one per language of the edition (`catalog.languages`). */
export const langDataRoutes = (languages: readonly Lang[] = LANGS) =>
  languages.map((lang) => ({ params: { lang }, props: { lang } }));

/** The Atom feed of changes in each language, at the path `dataPaths.feed` gives. */
export const feedRoutes = (languages: readonly Lang[] = LANGS) =>
  languages.map((lang) => ({
    params: { feed: dataPaths.feed(lang).replace(/^\/data\/|\.atom$/g, '') },
    props: { lang },
  }));
