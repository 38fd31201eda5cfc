/**
 * Filling interface strings: the one placeholder syntax, `{name}`, used by `t()` at build time
 * and by custom elements in the browser. No dictionary is imported here, so a custom element
 * downloads only the strings its page passes in `data-strings` (see `clientStrings()`) (or, for
 * elements whose code loads on use, a cached file: `fetched-strings.ts`).
 */
import { jsonData, type DataHost } from './data-json.ts';

/**
 * Values for the `{name}` placeholders of a string: the own property `name` of the object,
 * shown with `String()`. Any object will do (a record of counts, a phrase of a change).
 */
export type Params = object;
/** Interface strings by key, as a page passes them to a custom element. */
export type Strings<K extends string> = Readonly<Record<K, string>>;
/** Looks up the string `key` and fills its placeholders. */
export type Translate<K extends string> = (key: K, params?: Params) => string;

/** `template` with each `{name}` replaced by `params[name]`; a name without a value stays. */
export function format(template: string, params: Params = {}): string {
  // Most strings have no placeholder; a page build calls this a few hundred times.
  if (!template.includes('{')) return template;
  const values = params as Readonly<Record<string, unknown>>;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : placeholder,
  );
}

/** `t()` over the strings a custom element received; a key it did not receive shows as is. */
export function translator<K extends string>(strings: Strings<K>): Translate<K> {
  return (key, params) => format(Object.hasOwn(strings, key) ? strings[key] : key, params);
}

/** `t()` of a custom element, over the JSON of its `data-strings` attribute. */
export function elementTranslator<K extends string>(element: DataHost): Translate<K> {
  return translator(jsonData<Strings<K>>(element, 'strings'));
}
