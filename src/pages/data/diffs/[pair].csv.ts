import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../data/catalog.ts';
import { pairRoutes } from '../../../lib/routes.ts';
import { diffCsv } from '../../../lib/export-data.ts';

export const getStaticPaths = (async () => pairRoutes(await getCatalog())) satisfies GetStaticPaths;

export const GET: APIRoute<{ from: string; to: string }> = async ({ props }) =>
  new Response(diffCsv((await getCatalog()).diff(props.from, props.to)), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
