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
  /** `<self-check-panel>`: messages of an item's self-check. */
  selfCheckPanel: [
    'selfCheck.saved',
    'selfCheck.notes.markup',
    'selfCheck.notes.tooLong',
    'selfCheck.problem.',
    'selfCheck.carry.',
    'selfCheck.undo',
    'selfCheck.status.',
  ],
  /** `<self-check-overview>` and the exports and report it makes. */
  selfCheckOverview: ['selfCheck.', 'label.', 'field.', 'section.untitled', 'change.why'],
  /** `<change-review>`: the review mark of a change. */
  changeReview: ['selfCheck.review.'],
  /** `<compare-explorer>`: the count of shown changes. */
  compareExplorer: ['compare.shown'],
  /** `<copy-link>`: the confirmation. */
  copyLink: ['copy.done'],
} as const;

/** The keys the custom element `E` receives. */
export type ClientKey<E extends keyof typeof CLIENT_STRINGS> = KeysWith<
  (typeof CLIENT_STRINGS)[E][number]
>;
