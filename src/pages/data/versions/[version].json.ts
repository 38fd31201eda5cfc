import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../data/catalog.ts';
import { versionJson } from '../../../lib/export-data.ts';
import { versionDataRoutes } from '../../../lib/routes.ts';

export const getStaticPaths = (async () =>
  versionDataRoutes(await getCatalog())) satisfies GetStaticPaths;

export const GET: APIRoute<{ version: string }> = async ({ props }) =>
  Response.json(versionJson((await getCatalog()).version(props.version)));
