/** What a page cached by the incremental build depends on besides its own data. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { incrementalBuild, outDir, renderSettings } from '../lib/site-config.ts';

let settings: string | undefined;

/**
 * The build settings pages print, and the names of this build's scripts and stylesheets,
 * which every page links to: the cache key of a page includes them, so a change of code or
 * style that renames any of these files renders every page again. (Astro checks the modules a
 * page imports, but the site's one stylesheet is renamed when any page's style changes.) Read
 * when the pages are generated, after the client build has written its files. `undefined` in
 * a build that keeps no cache.
 */
export function pageSettings(): string | undefined {
  // Without the cache (MSP_INCREMENTAL unset) item pages get no cache key at all.
  if (!incrementalBuild(process.env)) return undefined;
  if (settings === undefined || import.meta.env.DEV) {
    // Astro's default `build.assets` folder.
    const assets = join(outDir(process.env), '_astro');
    const names = existsSync(assets) ? readdirSync(assets).sort() : [];
    settings = JSON.stringify([renderSettings(process.env), names]);
  }
  return settings;
}
