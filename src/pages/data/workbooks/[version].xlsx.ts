import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../data/catalog.ts';
import { workbookRoutes } from '../../../lib/routes.ts';
import { contentDir } from '../../../lib/site-config.ts';

export const getStaticPaths = (async () =>
  workbookRoutes(await getCatalog())) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: string }> = async ({ props }) =>
  new Response(await readFile(join(resolve(contentDir(process.env)), props.file)), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
  });
