import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../data/catalog.ts';
import { changesAtom } from '../../lib/export-data.ts';
import { t } from '../../lib/i18n.ts';
import type { Lang } from '../../lib/model.ts';
import { siteTitle } from '../../lib/site-config.ts';
import { dataPaths, withBase } from '../../lib/urls.ts';

/** One Atom feed of changes per language, at the paths `dataPaths.feed` gives. */
export const getStaticPaths = (async () =>
  (await getCatalog()).languages.map((lang) => ({
    params: { feed: dataPaths.feed(lang).replace(/^\/data\/|\.atom$/g, '') },
    props: { lang },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ lang: Lang }> = async ({ site, props }) => {
  const root = new URL(withBase(import.meta.env.BASE_URL, '/'), site).href;
  const title = `${siteTitle(process.env)}: ${t(props.lang, 'compare.feed')}`;
  return new Response(changesAtom(await getCatalog(), props.lang, root, title), {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
  });
};
