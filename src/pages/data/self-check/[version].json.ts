import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../data/catalog.ts';
import { versionDataRoutes } from '../../../lib/routes.ts';
import { selfCheckData } from '../../../lib/self-check/version-file-builder.ts';

export const getStaticPaths = (async () =>
  versionDataRoutes(await getCatalog())) satisfies GetStaticPaths;

export const GET: APIRoute<{ version: string }> = async ({ props }) =>
  Response.json(selfCheckData(await getCatalog(), props.version));
