/**
 * Interface strings from a file rather than the page: for elements whose code loads on use, so
 * that every page need not carry their strings (`FILE_STRINGS`, `dataPaths.clientStrings`). Its
 * own module, so that the code every page runs at start does not include it.
 */
import { translator, type Strings, type Translate } from './translate.ts';
import type { DataHost } from './data-json.ts';

/**
 * `t()` of a custom element, over the strings file its `data-strings-src` attribute names (one
 * file per language, cached across pages). When the file cannot be read, keys stand for the
 * strings: the element still works.
 */
export async function fetchedTranslator<K extends string>(
  element: DataHost,
): Promise<Translate<K>> {
  const src = element.dataset.stringsSrc;
  try {
    if (!src) throw new Error('no data-strings-src');
    const response = await fetch(src);
    if (!response.ok) throw new Error(`${src}: ${response.status}`);
    return translator((await response.json()) as Strings<K>);
  } catch (e) {
    console.error(e);
    return translator({} as Strings<K>);
  }
}
