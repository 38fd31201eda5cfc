/**
 * The sidebar's tree of one version: parts (when the version has them), sections and items, with
 * the current item, which items changed in this version and each item's requirement level.
 * Pure: the sidebar component renders it as it is.
 */
import type { Catalog } from './catalog.ts';
import type { ChangeKind } from './change-kinds.ts';
import { sectionTitle } from './i18n.ts';
import type { Item, Lang, LocalizedText, Section } from './model.ts';
import { itemPath, listPath } from './urls.ts';

/**
 * What the tree reads of a version. `meta.parts`, `section.part` and `item.level` are optional:
 * the tree groups sections into parts and badges items only where the content has them.
 * Sections without items are left out.
 */
export interface NavSource {
  meta: {
    id: string;
    /** Parts in reading order, each grouping the sections that name it in `part`. */
    parts?: readonly { id: string; title?: LocalizedText | undefined }[] | undefined;
    sections: readonly (Section & { part?: string | undefined })[];
  };
  items: readonly (Pick<Item, 'id' | 'kind' | 'section' | 'title'> & {
    /** Requirement level, when the source states one. */
    level?: string | undefined;
  })[];
}

/** How an item changed in this version, for its marker. */
export type NavChange = 'added' | 'changed';

export interface NavItem {
  id: string;
  /** The id is shown before the title for numbered controls only. */
  showId: boolean;
  title: string;
  /** Site path, without base and language. */
  path: string;
  current: boolean;
  change?: NavChange | undefined;
  /** True for items whose requirement level is mandatory. */
  mandatory: boolean;
}

export interface NavSection {
  id: string;
  title: string;
  /** Open when it holds the current item. */
  open: boolean;
  /** Undefined when the tree is too large to list every section's items (see `path`). */
  items?: NavItem[] | undefined;
  /**
   * In a version too large to list every item, the current section's items around the current
   * one are listed: how many are left out before and after them (the sidebar links to `path`).
   */
  omitted?: { before: number; after: number } | undefined;
  /** Where the section's items are listed; the sidebar links there when `items` is left out. */
  path: string;
}

export interface NavPart {
  /** Undefined for the one implicit part of a version without parts. */
  id?: string | undefined;
  title?: string | undefined;
  open: boolean;
  sections: NavSection[];
}

export interface NavTree {
  version: string;
  /** The item list of this version. */
  listPath: string;
  parts: NavPart[];
}

/**
 * Above this many items, only the current section lists its items and the others link to the
 * item list: every page carries the tree, so a tree of thousands of items would make the whole
 * build grow with the square of its size.
 */
export const FULL_TREE_LIMIT = 200;

/**
 * In a version above `FULL_TREE_LIMIT`, the current section lists this many items on each side
 * of the current one: a section of hundreds of items would otherwise weigh down every page.
 */
export const SECTION_WINDOW = 10;

export interface NavOptions {
  /** Id of the item the page shows. */
  current?: string | undefined;
  /** Link to the pinned URLs of this version (`/v/<version>/…`) instead of the latest ones. */
  pinned: boolean;
  /** Items that changed from the previous version, by id (new id), with their kind. */
  changes?: ReadonlyMap<string, ChangeKind> | undefined;
}

const changeOf = (kind: ChangeKind | undefined): NavChange | undefined =>
  kind === undefined || kind === 'unchanged' || kind === 'removed'
    ? undefined
    : kind === 'added'
      ? 'added'
      : 'changed';

type SourceItem = NavSource['items'][number];

/** A version's items by section and by id, made once: every page of the version asks. */
const groupings = new WeakMap<
  NavSource['items'],
  { bySection: Map<string, SourceItem[]>; byId: Map<string, SourceItem> }
>();

function grouped(source: NavSource) {
  let g = groupings.get(source.items);
  if (!g) {
    const bySection = new Map<string, SourceItem[]>();
    for (const i of source.items) {
      const list = bySection.get(i.section);
      if (list) list.push(i);
      else bySection.set(i.section, [i]);
    }
    g = { bySection, byId: new Map(source.items.map((i) => [i.id, i])) };
    groupings.set(source.items, g);
  }
  return g;
}

/** The sidebar tree of a version in a language. */
export function buildNavTree(lang: Lang, source: NavSource, options: NavOptions): NavTree {
  const pin = options.pinned ? source.meta.id : undefined;
  const full = source.items.length <= FULL_TREE_LIMIT;
  const { bySection, byId } = grouped(source);
  const currentSection =
    options.current === undefined ? undefined : byId.get(options.current)?.section;
  const sections = source.meta.sections
    .filter((s) => bySection.has(s.id))
    .map((s) => {
      const open = s.id === currentSection;
      const all = bySection.get(s.id)!;
      const at = all.findIndex((i) => i.id === options.current);
      // Every item when the tree is small; around the current one in a large version.
      const [from, to] = full
        ? [0, all.length]
        : [Math.max(0, at - SECTION_WINDOW), at + SECTION_WINDOW + 1];
      const node: NavSection = {
        id: s.id,
        title: sectionTitle(lang, s),
        open,
        path: `${listPath(pin)}#section-${s.id}`,
        items:
          full || open
            ? all.slice(from, to).map((i) => ({
                id: i.id,
                showId: i.kind === 'control',
                title: i.title[lang],
                path: itemPath(i.id, pin),
                current: i.id === options.current,
                change: changeOf(options.changes?.get(i.id)),
                mandatory: i.level === 'mandatory',
              }))
            : undefined,
        omitted:
          !full && open && (from > 0 || to < all.length)
            ? { before: from, after: Math.max(0, all.length - to) }
            : undefined,
      };
      return { part: s.part, node };
    });
  const declared = source.meta.parts ?? [];
  const inPart = (part: string | undefined) =>
    sections.filter((s) => s.part === part).map((s) => s.node);
  const parts: NavPart[] =
    declared.length === 0
      ? [{ open: true, sections: sections.map((s) => s.node) }]
      : [
          ...declared.map((p) => {
            const own = inPart(p.id);
            return {
              id: p.id,
              title: p.title?.[lang] ?? p.id,
              open: own.some((s) => s.open),
              sections: own,
            };
          }),
          // Sections that name no declared part stay in the tree, after the parts.
          {
            open: true,
            sections: sections
              .filter((s) => !declared.some((p) => p.id === s.part))
              .map((s) => s.node),
          },
        ].filter((p) => p.sections.length > 0);
  return { version: source.meta.id, listPath: listPath(pin), parts };
}

const changeCache = new WeakMap<Catalog, Map<string, Map<string, ChangeKind>>>();

/**
 * Kinds of change of a version's items from the version before it, by id (empty for the first
 * version); computed once per catalog and version, as every page of the version asks for it.
 */
export function changesFromPrevious(catalog: Catalog, version: string): Map<string, ChangeKind> {
  const cached = changeCache.get(catalog) ?? new Map<string, Map<string, ChangeKind>>();
  changeCache.set(catalog, cached);
  let changes = cached.get(version);
  if (!changes) {
    const at = catalog.versions.findIndex((v) => v.meta.id === version);
    const previous = catalog.versions[at - 1];
    const items = previous ? catalog.diff(previous.meta.id, version).items : [];
    changes = new Map(items.filter((d) => d.kind !== 'removed').map((d) => [d.id, d.kind]));
    cached.set(version, changes);
  }
  return changes;
}
