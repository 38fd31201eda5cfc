/**
 * The narrow screens' menu: opens `<mce-site-menu>` as a modal panel holding the header's links
 * and controls (moved in while it is open) and the sidebar. The rest of the page is inert, Tab
 * wraps around inside the panel, Escape or the close button closes it, and focus returns to the
 * menu button.
 */
import type { SiteMenu } from './elements.ts';

let close: (() => void) | undefined;

/** Opens the menu panel (nothing happens when it is open already). */
export function open(menu: SiteMenu) {
  if (close) return;
  const button = document.querySelector<HTMLElement>(`[aria-controls="${menu.id}"]`);
  const slot = menu.querySelector('[data-menu-slot]');
  const undo: (() => void)[] = [];

  // The header's links and controls, back in their place on close.
  for (const part of document.querySelectorAll<HTMLElement>('.site-header .wide-only')) {
    const { parentElement: parent, nextSibling: next } = part;
    slot?.append(part);
    undo.push(() => parent?.insertBefore(part, next));
  }
  for (let node: Element = menu; node.parentElement && node !== document.body;) {
    for (const sibling of node.parentElement.children) {
      if (sibling !== node && sibling instanceof HTMLElement && !sibling.inert) {
        sibling.inert = true;
        undo.push(() => (sibling.inert = false));
      }
    }
    node = node.parentElement;
  }
  const attrs = { role: 'dialog', 'aria-modal': 'true', 'aria-label': menu.dataset.label ?? '' };
  for (const [name, value] of Object.entries(attrs)) menu.setAttribute(name, value);
  menu.toggleAttribute('data-open', true);
  document.documentElement.toggleAttribute('data-menu-open', true);
  button?.setAttribute('aria-expanded', 'true');

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') shut();
    else if (e.key === 'Tab') wrapFocus(menu, e);
  };
  const closeButton = menu.querySelector<HTMLElement>('[data-close]');
  const wide = matchMedia(`(min-width: ${menu.dataset.wide})`);
  const shut = () => {
    close?.();
    button?.focus();
  };
  menu.addEventListener('keydown', onKey);
  closeButton?.addEventListener('click', shut);
  // A panel left open when the window widens would keep the page inert.
  wide.addEventListener('change', shut);
  close = () => {
    for (const step of undo.reverse()) step();
    for (const name of [...Object.keys(attrs), 'data-open']) menu.removeAttribute(name);
    document.documentElement.removeAttribute('data-menu-open');
    button?.setAttribute('aria-expanded', 'false');
    menu.removeEventListener('keydown', onKey);
    closeButton?.removeEventListener('click', shut);
    wide.removeEventListener('change', shut);
    close = undefined;
  };
  closeButton?.focus();
  menu.reveal();
}

/** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
function wrapFocus(menu: HTMLElement, e: KeyboardEvent) {
  const controls = [
    ...menu.querySelectorAll<HTMLElement>('a[href], button, input, select, summary'),
  ].filter((el) => el.checkVisibility());
  const edge = e.shiftKey ? controls[0] : controls.at(-1);
  if (document.activeElement !== edge) return;
  e.preventDefault();
  (e.shiftKey ? controls.at(-1) : controls[0])?.focus();
}
