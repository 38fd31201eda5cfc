import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../data/catalog.ts';
import { changesAtom } from '../../lib/export-data.ts';
import { t } from '../../lib/i18n.ts';
import type { Lang } from '../../lib/model.ts';
import { feedRoutes } from '../../lib/routes.ts';
import { siteTitle } from '../../lib/site-config.ts';
import { baseHref } from '../../lib/urls.ts';

export const getStaticPaths = (async () =>
  feedRoutes((await getCatalog()).languages)) satisfies GetStaticPaths;

export const GET: APIRoute<{ lang: Lang }> = async ({ site, props }) => {
  const root = new URL(baseHref('/'), site).href;
  const title = `${siteTitle(process.env)}: ${t(props.lang, 'compare.feed')}`;
  return new Response(changesAtom(await getCatalog(), props.lang, root, title), {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
  });
};
