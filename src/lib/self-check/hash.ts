/**
 * A small, stable content hash of an item: what a self-check answer was given on. It covers the
 * text a partner answers against (title, requirement and evidence, in every language) and
 * nothing else, so tags or provenance edits do not make answers look stale.
 */
import type { Item } from '../model.ts';

/** FNV-1a over UTF-16 code units, 32 bits, from a given offset basis. */
function fnv1a(text: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** 16 hex digits: two 32-bit FNV-1a hashes with different offset bases. */
export function hashText(text: string): string {
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return hex(fnv1a(text, 0x811c9dc5)) + hex(fnv1a(text, 0x050c5d1f));
}

type HashedText = Pick<Item, 'title' | 'requirement' | 'evidence'>;

// A build hashes an item on every page that shows it.
const hashes = new WeakMap<HashedText, string>();

/** The content hash of an item (kept per item object: items are not changed once loaded). */
export function contentHash(item: HashedText): string {
  let hash = hashes.get(item);
  if (hash === undefined) {
    hash = hashText(
      JSON.stringify([
        item.title.en,
        item.title.ja,
        item.requirement.en,
        item.requirement.ja,
        // An entry that is only accepted differs from a required one; the hashes of entries
        // without the mark stay as they were, so answers to them are not asked again.
        item.evidence.map((e) =>
          e.accepted ? [e.key, e.en, e.ja, 'accepted'] : [e.key, e.en, e.ja],
        ),
      ]),
    );
    hashes.set(item, hash);
  }
  return hash;
}
