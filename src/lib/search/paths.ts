/** Site paths of the search page and of the search data files (without the base path). */
import type { Lang } from '../model.ts';
import { dataPaths, localize } from '../urls.ts';

/** The full search page in a language. */
export const searchPagePath = (lang: Lang) => localize(lang, '/search/');

/** The quick-jump palette's index. */
export const paletteIndexPath = (lang: Lang) => dataPaths.searchIndex(lang);

/** The index of text added and removed between versions. */
export const changesIndexPath = (lang: Lang) => `/data/changes-index.${lang}.json`;

/** The query parameter that carries the searched words to the page a result opens. */
export const HIGHLIGHT_PARAM = 'highlight';
