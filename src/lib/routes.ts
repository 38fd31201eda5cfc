/**
 * Static paths for every route, in every language. Route files call these so they stay thin.
 * The language is a rest parameter: `undefined` for English at the root, `ja` under `/ja/`.
 */
import type { Catalog, HistoryEntry } from './catalog.ts';
import { findItem } from './catalog.ts';
import { LANGS, type Checklist, type Item, type Lang } from './model.ts';
import { itemPageKey } from './page-keys.ts';

/** The `[...lang]` parameter for a language. */
export const langParam = (lang: Lang): string | undefined => (lang === 'en' ? undefined : lang);

/** Language of a `[...lang]` parameter. */
export function langOf(param: string | undefined): Lang {
  const lang = param ?? 'en';
  if (!(LANGS as readonly string[]).includes(lang)) throw new Error(`unknown language ${lang}`);
  return lang as Lang;
}

/** One route per language, with extra props. */
export function perLang<P>(props: P) {
  return LANGS.map((lang) => ({ params: { lang: langParam(lang) }, props: { ...props, lang } }));
}

/** Everything an item page renders. */
export interface ItemPageData {
  lang: Lang;
  checklist: Checklist;
  item: Item;
  /** True on the unpinned `/controls/<id>/` URL of the latest version. */
  isLatestUrl: boolean;
  latest: string;
  /** Versions, oldest first, with whether the item (by id) exists in each. */
  versions: { id: string; hasItem: boolean }[];
  history: HistoryEntry[];
  prev?: Item | undefined;
  next?: Item | undefined;
}

function itemPage(
  catalog: Catalog,
  lang: Lang,
  checklist: Checklist,
  item: Item,
  isLatestUrl: boolean,
): ItemPageData {
  const index = checklist.items.indexOf(item);
  return {
    lang,
    checklist,
    item,
    isLatestUrl,
    latest: catalog.latest.meta.id,
    versions: catalog.versions.map((v) => ({ id: v.meta.id, hasItem: !!findItem(v, item.id) })),
    history: catalog.history(checklist.meta.id, item.id),
    prev: checklist.items[index - 1],
    next: checklist.items[index + 1],
  };
}

/** An item page's route entry; `settings` are the build settings it prints (`renderSettings`). */
function itemRoute<P>(params: P, props: ItemPageData, settings: string) {
  return { params, props, cacheKey: itemPageKey(props, settings) };
}

/** `/controls/<id>/` for each item of the latest version. */
export function latestItemRoutes(catalog: Catalog, settings: string) {
  return LANGS.flatMap((lang) =>
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
export function pinnedItemRoutes(catalog: Catalog, settings: string) {
  return LANGS.flatMap((lang) =>
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

/** `/v/<version>/…` pages that list a version's items. */
export function versionRoutes(catalog: Catalog) {
  return LANGS.flatMap((lang) =>
    catalog.versions.map((v, i) => ({
      params: { lang: langParam(lang), version: v.meta.id },
      props: {
        lang,
        checklist: v,
        latest: catalog.latest.meta.id,
        previous: catalog.versions[i - 1]?.meta.id,
        next: catalog.versions[i + 1]?.meta.id,
      },
    })),
  );
}

/** Props of a compare page. */
export interface CompareRouteProps {
  lang: Lang;
  from: string;
  to: string;
}

/** `/compare/<from>...<to>/` for every ordered pair of versions. */
export function compareRoutes(catalog: Catalog) {
  return LANGS.flatMap((lang) =>
    catalog.pairs().map(([from, to]) => ({
      params: { lang: langParam(lang), pair: `${from}...${to}` },
      props: { lang, from, to } satisfies CompareRouteProps,
    })),
  );
}

/** `<from>...<to>` data files for every ordered pair of versions. */
export function pairRoutes(catalog: Catalog) {
  return catalog.pairs().map(([from, to]) => ({
    params: { pair: `${from}...${to}` },
    props: { from, to },
  }));
}
