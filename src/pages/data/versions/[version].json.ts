import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../data/catalog.ts';
import { versionJson } from '../../../lib/export-data.ts';

export const getStaticPaths = (async () =>
  (await getCatalog()).versions.map((v) => ({
    params: { version: v.meta.id },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  Response.json(versionJson((await getCatalog()).version(params.version!)));
