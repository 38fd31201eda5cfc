import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../data/catalog.ts';
import { pairRoutes } from '../../../lib/routes.ts';
import { diffJson } from '../../../lib/export-data.ts';

export const getStaticPaths = (async () => pairRoutes(await getCatalog())) satisfies GetStaticPaths;

export const GET: APIRoute<{ from: string; to: string }> = async ({ props }) =>
  Response.json(diffJson((await getCatalog()).diff(props.from, props.to)));
