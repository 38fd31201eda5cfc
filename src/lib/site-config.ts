/** Build-time settings read from the environment, so a private edition needs no code change. */

/** Folder holding the checklist content (`MSP_CONTENT_DIR`, default `content`). */
export function contentDir(env: Record<string, string | undefined>): string {
  return env.MSP_CONTENT_DIR || 'content';
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
  return import.meta.env?.BASE_URL ?? '/';
}
