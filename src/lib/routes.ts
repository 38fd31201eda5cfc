/**
 * Static paths for every route, in every language, with the page's data as props (built in
 * `page-data.ts`). Route files call these so they stay a few lines long.
 * The language is a rest parameter: `undefined` for English at the root, `ja` under `/ja/`.
 */
import type { Catalog } from './catalog.ts';
import { pairKey } from './ids.ts';
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
} from './page-data.ts';
import { dataPaths } from './urls.ts';

/** The `[...lang]` parameter for a language. */
export const langParam = (lang: Lang): string | undefined => (lang === 'en' ? undefined : lang);

/** One route per language, with the props a builder makes for that language. */
function perLang<P>(props: (lang: Lang) => P) {
  return LANGS.map((lang) => ({ params: { lang: langParam(lang) }, props: props(lang) }));
}

/** `/`: the home page. `publicEdition` is `isPublicEdition` of the build's settings. */
export const homeRoutes = (catalog: Catalog, publicEdition: boolean) =>
  perLang((lang) => homePage(catalog, lang, publicEdition));

/** `/controls/`: the latest version's items. */
export const controlsRoutes = (catalog: Catalog) => perLang((lang) => controlsPage(catalog, lang));

/** `/compare/`: the list of compare pages. */
export const compareIndexRoutes = (catalog: Catalog) =>
  perLang((lang) => compareIndexPage(catalog, lang));

/** `/search/`: the full search page. */
export const searchRoutes = (catalog: Catalog) => perLang((lang) => searchPage(catalog, lang));

/** `/self-check/`: the self-check overview. */
export const selfCheckRoutes = (catalog: Catalog) =>
  perLang((lang) => selfCheckPage(catalog, lang));

/** `/controls/<id>/` for each item of the latest version. */
export function latestItemRoutes(catalog: Catalog) {
  return LANGS.flatMap((lang) =>
    catalog.latest.items.map((item) => ({
      params: { lang: langParam(lang), id: item.id },
      props: itemPage(catalog, lang, catalog.latest, item, true),
    })),
  );
}

/** `/v/<version>/controls/<id>/` for each item of every version. */
export function pinnedItemRoutes(catalog: Catalog) {
  return LANGS.flatMap((lang) =>
    catalog.versions.flatMap((v) =>
      v.items.map((item) => ({
        params: { lang: langParam(lang), version: v.meta.id, id: item.id },
        props: itemPage(catalog, lang, v, item, false),
      })),
    ),
  );
}

/** `/v/<version>/…` pages of every version: its overview and its item list. */
export function versionRoutes(catalog: Catalog) {
  return LANGS.flatMap((lang) =>
    catalog.versions.map((v) => ({
      params: { lang: langParam(lang), version: v.meta.id },
      props: versionPage(catalog, lang, v),
    })),
  );
}

/** `/compare/<from>...<to>/` for every ordered pair of versions. */
export function compareRoutes(catalog: Catalog) {
  return LANGS.flatMap((lang) =>
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

/** `<lang>` data files: one per language. */
export const langDataRoutes = () => LANGS.map((lang) => ({ params: { lang }, props: { lang } }));

/** The Atom feed of changes in each language, at the path `dataPaths.feed` gives. */
export const feedRoutes = () =>
  LANGS.map((lang) => ({
    params: { feed: dataPaths.feed(lang).replace(/^\/data\/|\.atom$/g, '') },
    props: { lang },
  }));
