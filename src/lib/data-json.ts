/**
 * The one reader of the JSON that a page passes to a custom element in a `data-*` attribute
 * (strings, labels, settings). It needs only the element's `dataset`, so it runs in the
 * browser and in unit tests alike.
 */

/** An element's `data-*` attributes, as `HTMLElement.dataset` gives them. */
export interface DataHost {
  readonly dataset: Readonly<Record<string, string | undefined>>;
}

/** Parses the JSON `data-<name>` attribute of `element` (`{}` when absent). */
export function jsonData<T>(element: DataHost, name: string): T {
  return JSON.parse(element.dataset[name] ?? '{}') as T;
}
