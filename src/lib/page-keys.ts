/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page that
 * returns a `cacheKey` from `getStaticPaths()` is rendered again only when its key or its code
 * changed since the last build. A key must therefore change whenever anything the page shows
 * changes. Astro tracks the code; these keys cover the data.
 */
import { createHash } from 'node:crypto';
import type { Checklist } from './model.ts';
import type { ItemPageData } from './page-data.ts';

/** Digest of a JSON value. */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

const digests = new WeakMap<object, string>();

/** `digestOf` an object that many pages share (an item, a change), computed once. */
function sharedDigest(value: object): string {
  let digest = digests.get(value);
  if (digest === undefined) {
    digest = digestOf(value);
    digests.set(value, digest);
  }
  return digest;
}

const outlines = new WeakMap<Checklist, string>();

/**
 * Digest of a version's metadata and outline: its sections, sources and each item's id, kind,
 * section and title. Any page of the version may show these (breadcrumbs, neighbours, a table
 * of contents); item texts are in the key of the item's own page. Computed once per version.
 */
function outlineDigest(checklist: Checklist): string {
  let digest = outlines.get(checklist);
  if (digest === undefined) {
    digest = digestOf({
      meta: checklist.meta,
      items: checklist.items.map((i) => [i.id, i.kind, i.section, i.title]),
    });
    outlines.set(checklist, digest);
  }
  return digest;
}

/**
 * The cache key of an item page: its data (every field of `ItemPageData`, with the version as
 * its outline, each history entry as the pair and the change it shows, and the sidebar tree as
 * it is drawn) and the build settings the page prints (`settings`, e.g. the site title).
 */
export function itemPageKey(data: ItemPageData, settings: string): string {
  const {
    lang,
    checklist,
    item,
    section,
    part,
    sources,
    isLatestUrl,
    latest,
    previousVersion,
    versions,
    history,
    laterChanges,
    prev,
    next,
    nav,
    ...rest
  } = data;
  // A field added to ItemPageData must be added to the key: this fails to compile until it is.
  const unkeyed: Record<string, never> = rest;
  const changes = (h: typeof history) =>
    h.map((e) => [e.diff.from, e.diff.to, sharedDigest(e.change)]);
  return digestOf([
    settings,
    lang,
    outlineDigest(checklist),
    sharedDigest(item),
    section,
    part,
    sources,
    isLatestUrl,
    latest,
    previousVersion,
    versions,
    changes(history),
    changes(laterChanges),
    prev && sharedDigest(prev),
    next && sharedDigest(next),
    // The tree lists one section's items on large versions, so it is small there.
    digestOf(nav),
    unkeyed,
  ]);
}
