import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../data/catalog.ts';
import { workbookPath } from '../../../lib/load.ts';
import { contentDir } from '../../../lib/site-config.ts';

/** The workbook each version was imported from, as kept in the content folder. */
export const getStaticPaths = (async () =>
  (await getCatalog()).versions
    .filter((v) => v.meta.workbook)
    .map((v) => ({
      params: { version: v.meta.id },
      props: { file: workbookPath(v.meta.id, v.meta.workbook!) },
    }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: string }> = async ({ props }) =>
  new Response(await readFile(join(resolve(contentDir(process.env)), props.file)), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
  });
