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
