import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../data/catalog.ts';
import type { Lang } from '../../lib/model.ts';
import { langDataRoutes } from '../../lib/routes.ts';
import { buildPaletteIndex } from '../../lib/search/palette-index.ts';

export const getStaticPaths = (async () =>
  langDataRoutes((await getCatalog()).languages)) satisfies GetStaticPaths;

export const GET: APIRoute<{ lang: Lang }> = async ({ props }) =>
  Response.json(buildPaletteIndex(await getCatalog(), props.lang));
