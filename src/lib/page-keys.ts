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

type HistoryEntries = ItemPageData['history'];
const changes = (h: HistoryEntries) =>
  h.map((e) => [e.diff.from, e.diff.to, sharedDigest(e.change)]);
const same = <T>(value: T) => value;

/**
 * How each field of `ItemPageData` enters an item page's key: the version as its outline, each
 * history entry as the pair and the change it shows, shared objects by their digest. A field
 * added to `ItemPageData` must be added here: this fails to compile until it is.
 */
const KEY_PARTS: { [F in keyof Required<ItemPageData>]: (value: ItemPageData[F]) => unknown } = {
  lang: same,
  checklist: outlineDigest,
  item: sharedDigest,
  section: same,
  part: same,
  sources: same,
  isLatestUrl: same,
  latest: same,
  previousVersion: same,
  versions: same,
  history: changes,
  laterChanges: changes,
  prev: (item) => item && sharedDigest(item),
  next: (item) => item && sharedDigest(item),
  // The tree lists one section's items on large versions, so it is small there.
  nav: digestOf,
};

/**
 * The cache key of an item page: its data (every field of `ItemPageData`, as `KEY_PARTS` says)
 * and the build settings the page prints (`settings`, e.g. the site title).
 */
export function itemPageKey(data: ItemPageData, settings: string): string {
  const part = <F extends keyof ItemPageData>(field: F) => KEY_PARTS[field](data[field]);
  return digestOf([settings, ...(Object.keys(KEY_PARTS) as (keyof ItemPageData)[]).map(part)]);
}
