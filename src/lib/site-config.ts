/** Build-time settings read from the environment, so a private edition needs no code change. */

/** Folder holding the checklist content (`MSP_CONTENT_DIR`, default `content`). */
export function contentDir(env: Record<string, string | undefined>): string {
  return env.MSP_CONTENT_DIR || 'content';
}

/** Folder the build writes the site to (`MSP_OUT_DIR`, default `dist`). */
export function outDir(env: Record<string, string | undefined>): string {
  return env.MSP_OUT_DIR || 'dist';
}

/**
 * Whether the build keeps a cache of rendered item pages for the next one (`MSP_INCREMENTAL=1`):
 * worth it for repeated builds of one content folder, a cost for a build that runs once.
 */
export function incrementalBuild(env: Record<string, string | undefined>): boolean {
  return env.MSP_INCREMENTAL === '1';
}

/** Site title shown in the header and `<title>` (`MSP_SITE_TITLE`). */
export function siteTitle(env: Record<string, string | undefined>): string {
  return env.MSP_SITE_TITLE || 'MSP Checklist Explorer';
}

/**
 * Whether this build is the public edition, made from the repository's own `content` folder.
 * The home page's description of what the site covers is written for that edition only.
 */
export function isPublicEdition(env: Record<string, string | undefined>): boolean {
  return contentDir(env).replace(/\/+$/, '') === 'content';
}

/**
 * The path the site is served under (`/` or `/msp/checklist/`): Astro's `base`, which
 * `MSP_BASE` sets. Outside Vite (plain Node scripts) there is no base, so the root.
 */
export function basePath(): string {
  // Vite writes the value in place of `import.meta.env.BASE_URL`. A bare `import.meta.env`
  // (`?.` after it, say) would make Astro write in every environment variable whose name is
  // in this file, which changes the module, and so every page's cache key, from one shell to
  // the next.
  try {
    return import.meta.env.BASE_URL;
  } catch {
    return '/';
  }
}

/**
 * The settings here that pages print, as one string: part of each page's cache key, so a
 * change of title, edition or base path renders every page again.
 */
export function renderSettings(env: Record<string, string | undefined>): string {
  return JSON.stringify([siteTitle(env), isPublicEdition(env), env.MSP_BASE ?? '']);
}
