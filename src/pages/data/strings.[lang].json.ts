import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../data/catalog.ts';
import { FILE_STRINGS } from '../../lib/client-strings.ts';
import { clientStrings } from '../../lib/i18n.ts';
import type { Lang } from '../../lib/model.ts';
import { langDataRoutes } from '../../lib/routes.ts';

export const getStaticPaths = (async () =>
  langDataRoutes((await getCatalog()).languages)) satisfies GetStaticPaths;

export const GET: APIRoute<{ lang: Lang }> = ({ props }) =>
  Response.json(clientStrings(props.lang, FILE_STRINGS));
