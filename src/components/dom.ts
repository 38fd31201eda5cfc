/**
 * DOM helpers shared by the site's custom elements. Text only ever goes in as text: a string
 * child becomes a text node, never HTML.
 */

/** A new element with attributes and children (strings become text nodes, never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** A button that runs `onClick`. */
export function button(label: string, onClick: () => void, attrs: Record<string, string> = {}) {
  const b = el('button', { type: 'button', class: 'mce-button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** Loads of `loadScriptGlobal` under way, by URL. */
const loading = new Map<string, Promise<unknown>>();

/**
 * Runs the script at `url` as a classic script (a library its publisher built for browsers,
 * which defines a global) and resolves with the global `name`; rejects, naming the URL, when
 * the script cannot be loaded or does not define it. A global that is already there is
 * returned without loading anything, and calls made while the script loads share that load; a
 * call after a failure tries again.
 */
export function loadScriptGlobal<T>(url: string, name: string): Promise<T> {
  const scope = globalThis as Record<string, unknown>;
  if (scope[name] !== undefined) return Promise.resolve(scope[name] as T);
  let load = loading.get(url);
  if (!load) {
    load = new Promise<unknown>((resolve, reject) => {
      const script = el('script', { src: url });
      script.addEventListener('load', () => {
        if (scope[name] === undefined) reject(new Error(`${url} did not define ${name}`));
        else resolve(scope[name]);
      });
      script.addEventListener('error', () => {
        script.remove();
        reject(new Error(`${url} could not be loaded`));
      });
      document.head.append(script);
    }).finally(() => loading.delete(url));
    loading.set(url, load);
  }
  return load as Promise<T>;
}
