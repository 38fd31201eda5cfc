/**
 * The data of every page, one builder per page: a route hands a page component ready-made
 * props, and the component only renders them. Pure functions of the catalog, unit-tested in
 * `test/unit/routes.test.ts`.
 */
import { findItem, sectionsOf, type Catalog, type HistoryEntry } from './catalog.ts';
import { CHANGE_KINDS, CHANGE_LABELS, type ChangeKind, type ChangeLabel } from './change-kinds.ts';
import {
  changeChart,
  statusRow,
  timeline,
  type ChangeChart,
  type StatusRow,
  type TimelinePoint,
} from './charts.ts';
import { sectionTitle, t } from './i18n.ts';
import { pairKey } from './ids.ts';
import {
  LEVEL_VALUES,
  type Checklist,
  type Item,
  type Lang,
  type LevelValue,
  type Part,
  type Section,
  type Source,
  type VersionMeta,
} from './model.ts';
import { buildNavTree, changesFromPrevious, type NavTree } from './nav-tree.ts';
import { searchFacets, type Facets } from './search/facets.ts';
import { previousVersion } from './self-check/version-file-builder.ts';
import { sideText } from './diff-parts.ts';
import { evidenceChanges, type EvidenceChange, type ItemDiff } from './version-diff.ts';

/** The home page: the latest version, what changed into it, every version, official sources. */
export interface HomePageData {
  lang: Lang;
  latest: Checklist;
  /** The version before the latest, when there is one. */
  previous?: string | undefined;
  /** Every version id, oldest first. */
  versionIds: string[];
  /** The curated notes on the change into the latest version, when there are some. */
  whatChanged?:
    | {
        overview: string;
        /** One per note, in the notes' order; `item` is absent for an item the latest lacks. */
        changes: { id: string; item?: Item | undefined; summary: string }[];
      }
    | undefined;
  /** Every version, newest first. */
  versions: { meta: VersionMeta; isLatest: boolean }[];
  /** Versions with an audit date on a time line by that date, oldest first. */
  timeline: TimelinePoint[];
  /** The latest version's sources that have a URL. */
  official: Source[];
  /** True for the public edition, whose home page carries the prose about this site. */
  publicEdition: boolean;
}

export function homePage(catalog: Catalog, lang: Lang, publicEdition: boolean): HomePageData {
  const latest = catalog.latest;
  const previous = catalog.versions.at(-2)?.meta.id;
  const notes = previous ? catalog.notes.get(pairKey(previous, latest.meta.id)) : undefined;
  return {
    lang,
    latest,
    previous,
    versionIds: catalog.versions.map((v) => v.meta.id),
    whatChanged: notes && {
      overview: notes.overview[lang],
      changes: notes.notes.map((n) => ({
        id: n.item,
        item: findItem(latest, n.item),
        summary: n.summary[lang],
      })),
    },
    versions: [...catalog.versions]
      .reverse()
      .map((v) => ({ meta: v.meta, isLatest: v.meta.id === latest.meta.id })),
    // Versions whose audit date no source states are listed, but not on the line.
    timeline: timeline(
      catalog.versions.flatMap(({ meta: { id, auditsFrom } }) =>
        auditsFrom ? [{ id, auditsFrom }] : [],
      ),
    ),
    official: latest.meta.sources.filter((s) => s.url),
    publicEdition,
  };
}

/**
 * The sidebar tree of a page of `checklist`, linking to its pinned URLs when `pinned`, with the
 * item the page shows (if any) current and the items changed from the version before marked.
 */
export function navFor(
  catalog: Catalog,
  lang: Lang,
  checklist: Checklist,
  pinned: boolean,
  current?: string,
): NavTree {
  const changes = changesFromPrevious(catalog, checklist.meta.id);
  return buildNavTree(lang, checklist, { current, pinned, changes });
}

/** The item list of the latest version, at `/controls/`. */
export interface ControlsPageData {
  lang: Lang;
  checklist: Checklist;
  /** The sidebar: the latest version's tree, unpinned. */
  nav: NavTree;
}

export function controlsPage(catalog: Catalog, lang: Lang): ControlsPageData {
  return { lang, checklist: catalog.latest, nav: navFor(catalog, lang, catalog.latest, false) };
}

/** A version's overview or item list, at `/v/<version>/…`. */
export interface VersionPageData {
  lang: Lang;
  checklist: Checklist;
  latest: string;
  /** Neighbouring versions, for compare links. */
  previous?: string | undefined;
  next?: string | undefined;
  /** The sidebar: the version's tree, pinned. */
  nav: NavTree;
}

export function versionPage(catalog: Catalog, lang: Lang, checklist: Checklist): VersionPageData {
  const i = catalog.versions.indexOf(checklist);
  return {
    lang,
    checklist,
    latest: catalog.latest.meta.id,
    previous: catalog.versions[i - 1]?.meta.id,
    next: catalog.versions[i + 1]?.meta.id,
    nav: navFor(catalog, lang, checklist, true),
  };
}

/** Everything an item page renders. */
export interface ItemPageData {
  lang: Lang;
  checklist: Checklist;
  item: Item;
  /** The item's section. */
  section: Section;
  /** The part the section belongs to, when the version has parts. */
  part?: Part | undefined;
  /** The version's sources this item's summary rests on, in the item's order (the first is its main source). */
  sources: Source[];
  /** True on the unpinned `/controls/<id>/` URL of the latest version. */
  isLatestUrl: boolean;
  latest: string;
  /** The version answers are carried over from into this one, if any. */
  previousVersion?: string | undefined;
  /** Versions, oldest first, with whether the item (by id) exists in each. */
  versions: { id: string; hasItem: boolean }[];
  history: HistoryEntry[];
  /** The entries of `history` from this version on: changes a reader of this version missed. */
  laterChanges: HistoryEntry[];
  prev?: Item | undefined;
  next?: Item | undefined;
  /** The sidebar: the tree of the page's version, this item current. */
  nav: NavTree;
}

export function itemPage(
  catalog: Catalog,
  lang: Lang,
  checklist: Checklist,
  item: Item,
  isLatestUrl: boolean,
): ItemPageData {
  const index = checklist.items.indexOf(item);
  const v = checklist.meta.id;
  const versionIds = catalog.versions.map((x) => x.meta.id);
  const history = catalog.history(v, item.id);
  const section = checklist.meta.sections.find((s) => s.id === item.section)!;
  return {
    lang,
    checklist,
    item,
    section,
    part: checklist.meta.parts?.find((p) => p.id === section.part),
    // In the item's order: its facts rest on the first (the loader has checked that each exists).
    sources: item.provenance.sources.map((id) => checklist.meta.sources.find((s) => s.id === id)!),
    isLatestUrl,
    latest: catalog.latest.meta.id,
    previousVersion: previousVersion(catalog, v),
    versions: catalog.versions.map((x) => ({ id: x.meta.id, hasItem: !!findItem(x, item.id) })),
    history,
    laterChanges: history.filter((h) => versionIds.indexOf(h.diff.from) >= versionIds.indexOf(v)),
    prev: checklist.items[index - 1],
    next: checklist.items[index + 1],
    nav: navFor(catalog, lang, checklist, !isLatestUrl, item.id),
  };
}

/** The list of compare pages, at `/compare/`. */
export interface CompareIndexPageData {
  lang: Lang;
  /** Every ordered pair of versions, neighbours first, with how many items changed. */
  pairs: { from: string; to: string; changed: number }[];
}

export function compareIndexPage(catalog: Catalog, lang: Lang): CompareIndexPageData {
  return {
    lang,
    pairs: catalog.pairs().map(([from, to]) => {
      const d = catalog.diff(from, to);
      return { from, to, changed: d.items.length - d.counts.unchanged };
    }),
  };
}

/** One change on the compare page, with the same change when editorial edits are ignored. */
export interface CompareChange {
  change: ItemDiff;
  editorialBlind?: ItemDiff | undefined;
}

/** One entry of the evidence to-do list: the item and the entry's text in the page language. */
export interface TodoEntry {
  item: string;
  text: string;
}

/** The diff explorer between two versions, at `/compare/<from>...<to>/`. */
export interface ComparePageData {
  lang: Lang;
  from: string;
  to: string;
  /** Whether `to` is the latest version (item links then use the unpinned URL). */
  toIsLatest: boolean;
  /** The curated overview of the pair, when it has notes. */
  overview?: string | undefined;
  /**
   * Items by kind of change (in `CHANGE_KINDS` order), then changes by curated label (in
   * `CHANGE_LABELS` order); values that occur only.
   */
  counts: [
    { by: 'kind'; entries: { value: ChangeKind; count: number }[] },
    { by: 'label'; entries: { value: ChangeLabel; count: number }[] },
  ];
  /**
   * Evidence entries now required, now accepted, no longer required and changed (editorial rewording left
   * out), lists that have entries only; the text is the newer one, the older for removed.
   */
  todo: { change: EvidenceChange['change']; entries: TodoEntry[] }[];
  /** How many items changed. */
  changeCount: number;
  /** Changed items by section: the newer version's sections, then those only the older has. */
  groups: { id: string; title: string; changes: CompareChange[] }[];
  /** Requirement levels of the changed items (the newer side, else the older), in `LEVEL_VALUES` order. */
  levels: LevelValue[];
  /** Items that did not change, as the newer version has them. */
  unchanged: Item[];
  /** Changes per section of `groups` by curated label, each count linking to the filtered view. */
  chart: ChangeChart;
}

export function comparePage(
  catalog: Catalog,
  lang: Lang,
  from: string,
  to: string,
): ComparePageData {
  const diff = catalog.diff(from, to);
  const blindById = new Map(catalog.editorialBlindDiff(from, to).items.map((d) => [d.id, d]));
  const changes = diff.items.filter((d) => d.kind !== 'unchanged');
  const toSections = catalog.version(to).meta.sections;
  const sections = [
    ...toSections,
    ...catalog.version(from).meta.sections.filter((s) => !toSections.some((x) => x.id === s.id)),
  ];
  const todo = evidenceChanges(diff);
  const groups = sections
    .map((s) => ({
      id: s.id,
      title: sectionTitle(lang, s),
      changes: changes
        .filter((c) => c.section === s.id)
        .map((change) => ({ change, editorialBlind: blindById.get(change.id) })),
    }))
    .filter((g) => g.changes.length > 0);
  return {
    lang,
    from,
    to,
    toIsLatest: to === catalog.latest.meta.id,
    overview: catalog.notes.get(pairKey(from, to))?.overview[lang],
    counts: [
      {
        by: 'kind',
        entries: CHANGE_KINDS.map((value) => ({ value, count: diff.counts[value] })).filter(
          (c) => c.count > 0,
        ),
      },
      {
        by: 'label',
        entries: CHANGE_LABELS.map((value) => ({
          value,
          count: changes.filter((c) => c.note?.labels.includes(value)).length,
        })).filter((c) => c.count > 0),
      },
    ],
    todo: (['added', 'accepted', 'removed', 'reworded'] as const)
      .map((change) => ({
        change,
        entries: todo[change].map((e) => ({
          item: e.item,
          text: sideText(e.field.diff[lang], change === 'removed' ? 'before' : 'after'),
        })),
      }))
      .filter((list) => list.entries.length > 0),
    changeCount: changes.length,
    groups,
    levels: LEVEL_VALUES.filter((l) => changes.some((c) => (c.after ?? c.before)?.level === l)),
    unchanged: diff.items.filter((d) => d.kind === 'unchanged').map((d) => d.after!),
    chart: changeChart(diff, groups),
  };
}

/** The full search page: its filter choices and the labels results show, by value. */
export interface SearchPageData {
  lang: Lang;
  facets: Facets;
  labels: Record<'section' | 'kind' | 'label' | 'change', Record<string, string>>;
}

export function searchPage(catalog: Catalog, lang: Lang): SearchPageData {
  const facets = searchFacets(catalog, lang);
  const byValue = (options: Facets[keyof Facets]) =>
    Object.fromEntries(options.map((o) => [o.value, o.label]));
  return {
    lang,
    facets,
    labels: {
      section: byValue(facets.section),
      kind: byValue(facets.kind),
      label: byValue(facets.label),
      change: Object.fromEntries(CHANGE_KINDS.map((k) => [k, t(lang, `kind.${k}`)])),
    },
  };
}

/** The self-check overview: the versions a reader can answer. */
export interface SelfCheckPageData {
  lang: Lang;
  /** Every version, oldest first. */
  versions: string[];
  latest: string;
  /**
   * The status chart as it stands before answers are read: every section of the latest version
   * that has items, all of them unanswered. The browser redraws it from the reader's answers.
   */
  statusChart: StatusRow[];
}

export function selfCheckPage(catalog: Catalog, lang: Lang): SelfCheckPageData {
  return {
    lang,
    versions: catalog.versions.map((v) => v.meta.id),
    latest: catalog.latest.meta.id,
    statusChart: sectionsOf(catalog.latest)
      .filter((section) => section.items.length > 0)
      .map((section) => {
        const total = section.items.length;
        return statusRow(sectionTitle(lang, section), {
          total,
          answered: 0,
          met: 0,
          partly: 0,
          'not-yet': 0,
          na: 0,
        });
      }),
  };
}
