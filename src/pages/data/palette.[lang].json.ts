import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../data/catalog.ts';
import { langOf } from '../../lib/routes.ts';
import { buildPaletteIndex } from '../../lib/search/palette-index.ts';

export const getStaticPaths = (async () =>
  (await getCatalog()).languages.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  Response.json(buildPaletteIndex(await getCatalog(), langOf(params.lang)));
