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

/**
 * Runs the script at `url` as a classic script (a library its publisher built for browsers,
 * which defines a global) and resolves with the global `name`; rejects, naming the URL, when
 * the script cannot be loaded or does not define it. A global that is already there is
 * returned without loading anything.
 */
export function loadScriptGlobal<T>(url: string, name: string): Promise<T> {
  const scope = globalThis as Record<string, unknown>;
  if (scope[name] !== undefined) return Promise.resolve(scope[name] as T);
  return new Promise<T>((resolve, reject) => {
    const script = el('script', { src: url });
    script.addEventListener('load', () => {
      if (scope[name] === undefined) reject(new Error(`${url} did not define ${name}`));
      else resolve(scope[name] as T);
    });
    script.addEventListener('error', () => {
      script.remove();
      reject(new Error(`${url} could not be loaded`));
    });
    document.head.append(script);
  });
}
