/**
 * The builds the browser tests run against (both made by `npm test`), and what they were built
 * from. Tests never skip: a missing build is a failure that says how to make it.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Build } from '../../scripts/lib/built-site.ts';
import { contentDir } from '../../src/lib/site-config.ts';

/** The root build, and the one under a sub-path (both made by `npm test`). */
export const ROOT_BUILD: Build = { dist: process.env.MSP_DIST ?? 'dist', base: '/' };
export const BASE_BUILD: Build = {
  dist: process.env.MSP_BASE_DIST ?? 'dist-base',
  base: process.env.MSP_BASE_PATH ?? '/msp/checklist/',
};

/** Origin of the production site (astro.config.mjs `site`): canonical links and sitemap use it. */
export const SITE_ORIGIN = new URL(process.env.SITE_URL || 'https://msp-checklist.example').origin;

/** Throws a helpful error when a build is missing (tests never skip). */
export function requireBuild(build: Build): string {
  const root = resolve(build.dist);
  if (!existsSync(root)) {
    throw new Error(
      `No built site at ${root}: run "npm test", or build it with MSP_OUT_DIR=${build.dist}` +
        (build.base === '/' ? '' : ` MSP_BASE=${build.base}`) +
        ' node scripts/build.ts',
    );
  }
  return root;
}

/** Version ids of the content the site was built from. */
export async function versionIds(): Promise<string[]> {
  const dir = join(contentDir(process.env), 'versions');
  return (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}
