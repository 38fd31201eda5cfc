import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../../data/catalog.ts';
import { selfCheckData } from '../../../lib/self-check/version-file-builder.ts';

export const getStaticPaths = (async () =>
  (await getCatalog()).versions.map((v) => ({
    params: { version: v.meta.id },
    props: { version: v.meta.id },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ version: string }> = async ({ props }) =>
  Response.json(selfCheckData(await getCatalog(), props.version));
