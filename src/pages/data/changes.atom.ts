import type { APIRoute } from 'astro';
import { getCatalog } from '../../data/catalog.ts';
import { changesAtom } from '../../lib/export-data.ts';
import { siteTitle } from '../../lib/site-config.ts';
import { withBase } from '../../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const root = new URL(withBase(import.meta.env.BASE_URL, '/'), site).href;
  return new Response(
    changesAtom(await getCatalog(), 'en', root, `${siteTitle(process.env)}: changes`),
    {
      headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
    },
  );
};
