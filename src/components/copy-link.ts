/**
 * `<mce-copy-link>`: a button that copies the page URL with the element's fragment, shown only
 * with JavaScript (CopyLink.astro renders it). Its one string, the confirmation, is the page's
 * `data-copy-done` (on `<html>`, once for the page's buttons, of which an item page has six):
 * code that every page runs at start carries no translation code.
 */

/** A button that copies the page URL with a fragment; shown only with JavaScript. */
class CopyLink extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    if (!button || this.querySelector('[role="status"]')) return;
    // The live region that announces the copy is made here: without JavaScript the button
    // is hidden, so the pages need not carry it.
    const status = document.createElement('span');
    status.className = 'status mce-visually-hidden';
    status.setAttribute('role', 'status');
    this.append(status);
    button.addEventListener('click', async () => {
      const url = new URL(location.href);
      url.hash = this.dataset.anchor ?? '';
      url.search = '';
      try {
        await navigator.clipboard.writeText(url.href);
        status.textContent = document.documentElement.dataset.copyDone ?? '';
        button.dataset.copied = '';
        setTimeout(() => {
          status.textContent = '';
          delete button.dataset.copied;
        }, 2000);
      } catch {
        // Clipboard refused (insecure context or permissions): follow the link instead.
        location.hash = url.hash;
      }
    });
  }
}
customElements.define('mce-copy-link', CopyLink);
