// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { createRequire } from 'node:module';
import { buildPhases } from './scripts/lib/build-phases.ts';
import { prebuiltScripts, smallClientBundles, styleChunk } from './scripts/lib/vite-chunks.ts';
import { incrementalBuild, outDir } from './src/lib/site-config.ts';

export default defineConfig({
  // Absolute URLs (canonical, sitemap, feed) use SITE_URL; links inside the site are relative
  // to `base`, so the same build can be served from a sub-path (MSP_BASE=/docs/).
  site: process.env.SITE_URL || 'https://msp-checklist.example',
  base: process.env.MSP_BASE || '/',
  outDir: outDir(process.env),
  trailingSlash: 'always',
  // Scoped styles select a class (same specificity as the default attribute) and cost fewer
  // bytes in every element of a component.
  scopedStyleStrategy: 'class',
  // MSP_PHASES_FILE (set by `npm run bench`) receives the time of each phase of the build.
  integrations: [
    mdx(),
    sitemap(),
    ...(process.env.MSP_PHASES_FILE ? [buildPhases(process.env.MSP_PHASES_FILE)] : []),
  ],
  // Styles in cached stylesheets, not inline in every page: a second page costs no CSS at all,
  // and 4,000 pages are 20 MB smaller (5.2 KB a page). An item page loads one stylesheet, which
  // the other pages share; they add their own (styleChunk).
  // Four pages rendered at a time: the writing of one overlaps the rendering of the next
  // (a build of 4,000 pages takes a fifth less time than one page at a time).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  // With MSP_INCREMENTAL=1, a rebuild renders only the item pages whose data or code changed
  // (their cache keys: src/lib/page-keys.ts) and copies the others from the last build. Off by
  // default: writing that cache makes a build from scratch 30-45% slower at 4,000 pages.
  experimental: { incrementalBuild: incrementalBuild(process.env) },
  // No script inlined into pages either (the copy-link element was repeated in each one): every
  // script is a cached file.
  vite: {
    // An incremental build writes into the last one's output (scripts/build.ts keeps it only
    // when that build finished, and removes what this one does not make).
    build: { assetsInlineLimit: 0, emptyOutDir: !incrementalBuild(process.env) },
    plugins: [
      smallClientBundles(),
      // exceljs (the workbook actions, loaded on first use) as the package publishes it, in its
      // build without polyfills: what its other build adds (Promise, Symbol, Object.values,
      // Array#includes and such, ES2015-2018, and a generator runtime that this one does not
      // call) is in every browser the site supports. The file is 85 KB smaller than that build
      // (20 KB gzipped), and 67 KB smaller than the same build bundled and minified again.
      prebuiltScripts([
        {
          specifier: 'exceljs',
          file: createRequire(import.meta.url).resolve('exceljs/dist/exceljs.bare.min.js'),
          global: 'ExcelJS',
        },
      ]),
    ],
    environments: {
      prerender: { build: { rolldownOptions: { output: { manualChunks: styleChunk } } } },
    },
  },
});
