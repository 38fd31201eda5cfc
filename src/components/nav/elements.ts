/**
 * The layout's custom elements. What runs at start is small; the menu panel and the contents'
 * reading marker load on first use (`import()`):
 * - `<mce-site-menu>`: the sidebar, scrolled to the current item; on narrow screens the menu
 *   button opens it as a panel (menu-panel.ts);
 * - `<mce-toc>`: "On this page"; where it is shown, it marks the section being read
 *   (toc-follow.ts);
 * - `<mce-theme-select>`: the theme choice, kept in localStorage.
 */
import { THEME_KEY, parseTheme } from '../../lib/theme.ts';

export class SiteMenu extends HTMLElement {
  connectedCallback() {
    this.reveal();
    document
      .querySelector(`[aria-controls="${this.id}"]`)
      ?.addEventListener('click', () => void import('./menu-panel.ts').then((m) => m.open(this)));
  }

  /** Scrolls the element (not the page) so that the current item is in view. */
  reveal() {
    const current = this.querySelector('[aria-current="page"]');
    if (!current) return;
    const box = this.getBoundingClientRect();
    const at = current.getBoundingClientRect();
    if (at.top < box.top || at.bottom > box.bottom) {
      this.scrollTop += at.top - box.top - box.height / 3;
    }
  }
}

class TableOfContents extends HTMLElement {
  connectedCallback() {
    const shown = matchMedia(`(min-width: ${this.dataset.wide})`);
    const follow = () => void import('./toc-follow.ts').then((m) => m.follow(this));
    if (shown.matches) follow();
    else shown.addEventListener('change', follow, { once: true });
  }
}

/** The theme `<select>`: applies and remembers the choice. */
class ThemeSelect extends HTMLElement {
  connectedCallback() {
    const select = this.querySelector('select');
    if (!select || select.onchange) return;
    const root = document.documentElement;
    select.value = parseTheme(root.dataset.theme);
    select.onchange = () => {
      const theme = parseTheme(select.value);
      if (theme === 'auto') delete root.dataset.theme;
      else root.dataset.theme = theme;
      try {
        if (theme === 'auto') localStorage.removeItem(THEME_KEY);
        else localStorage.setItem(THEME_KEY, theme);
      } catch {
        // Storage may be blocked: the choice then holds for this page only.
      }
    };
  }
}

customElements.define('mce-site-menu', SiteMenu);
customElements.define('mce-toc', TableOfContents);
customElements.define('mce-theme-select', ThemeSelect);
