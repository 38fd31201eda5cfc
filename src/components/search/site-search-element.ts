/**
 * `<mce-site-search>`: the header search box. Its suggestion code and pagefind load when the box
 * is first focused. Also marks the searched words on a page opened from a search result.
 */
import { HIGHLIGHT_PARAM } from '../../lib/search/paths.ts';

class SiteSearchElement extends HTMLElement {
  connectedCallback(): void {
    const input = this.querySelector('input');
    if (!input) return;
    const start = () => void import('./header-search.ts').then((m) => m.enhanceHeaderSearch(this));
    input.addEventListener('focus', start, { once: true });
    if (document.activeElement === input) start();
  }
}

customElements.define('mce-site-search', SiteSearchElement);

const terms = new URLSearchParams(location.search).getAll(HIGHLIGHT_PARAM);
if (terms.length > 0) void import('./highlight.ts').then((m) => m.highlightPage(terms));
