/**
 * The interface strings each custom element receives in its `data-strings`, chosen by key
 * prefix (a whole key is a prefix of itself). A page passes `clientStrings(lang, <list>)`;
 * the element reads them with `elementTranslator()` and is typed by `ClientKey<'<name>'>`.
 */
import type { KeysWith } from './i18n.ts';

export const CLIENT_STRINGS = {
  /** `<mce-search-page>`: status lines and result details. */
  searchPage: ['search.status.', 'search.changes.', 'search.result.', 'field.'],
  /** `<mce-site-search>`: the header box's suggestions. */
  siteSearch: [
    'search.header.all',
    'search.status.loading',
    'search.status.none',
    'search.status.error',
  ],
  /** `<mce-palette>`: the quick-jump palette. */
  palette: [
    'palette.recent',
    'palette.results',
    'palette.none',
    'palette.searchAll',
    'search.status.loading',
    'search.status.error',
  ],
  /**
   * `<mce-self-check-panel>`: messages of an item's self-check (saved, or kept in the page
   * only), its confirmation and undo, and the download offered when storage is blocked.
   */
  selfCheckPanel: [
    'selfCheck.saved',
    'selfCheck.notes.tooLong',
    'selfCheck.problem.',
    'selfCheck.carry.',
    'selfCheck.confirm.',
    'selfCheck.undo',
    'selfCheck.status.',
    'selfCheck.export.json',
  ],
  /** `<mce-self-check-overview>` and the exports, imports and report it makes. */
  selfCheckOverview: [
    'selfCheck.',
    'label.',
    'field.',
    'level.mandatory',
    'section.untitled',
    'change.why',
  ],
  /** `<mce-change-review>`: the review mark of a change. */
  changeReview: ['selfCheck.review.'],
  /** `<mce-level-filter>`: the count of shown items. */
  levelFilter: ['level.shown'],
  /** `<mce-compare-explorer>`: the count of shown changes. */
  compareExplorer: ['compare.shown'],
} as const;

/**
 * The strings served as one cached file per language (`dataPaths.clientStrings`) instead of in
 * each page's `data-strings`: those of elements whose code loads on use, which every item page
 * would otherwise carry whole. Read with `fetchedTranslator()`.
 */
export const FILE_STRINGS = [
  ...CLIENT_STRINGS.selfCheckPanel,
  ...CLIENT_STRINGS.siteSearch,
  ...CLIENT_STRINGS.palette,
] as const;

/** The keys the custom element `E` receives. */
export type ClientKey<E extends keyof typeof CLIENT_STRINGS> = KeysWith<
  (typeof CLIENT_STRINGS)[E][number]
>;
