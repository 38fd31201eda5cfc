/** The site path of the search page (without the base path); its data files are `dataPaths`. */
import type { Lang } from '../model.ts';
import { localize } from '../urls.ts';

/** The full search page in a language. */
export const searchPagePath = (lang: Lang) => localize(lang, '/search/');

/** The query parameter that carries the searched words to the page a result opens. */
export const HIGHLIGHT_PARAM = 'highlight';
