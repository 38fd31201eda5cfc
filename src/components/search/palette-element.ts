/**
 * `<mce-palette>`: opens the quick-jump palette with Ctrl/Cmd+K (outside multi-line text), with
 * `/` (outside text fields) or with its button. The palette's code, its index and fuse.js load
 * on first open.
 */
function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || !!target.closest('input, textarea, select'))
  );
}

/** Multi-line text, where Ctrl+K is an editing key (delete to the end of the line). */
function isMultilineText(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || !!target.closest('textarea'))
  );
}

class PaletteElement extends HTMLElement {
  #onKey = (e: KeyboardEvent) => {
    const modK =
      (e.ctrlKey || e.metaKey) &&
      !e.altKey &&
      !e.shiftKey &&
      e.key.toLowerCase() === 'k' &&
      !isMultilineText(e.target);
    const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTextField(e.target);
    if (!modK && !slash) return;
    e.preventDefault();
    this.open();
  };

  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('.palette-open');
    if (button) {
      const kbd = button.querySelector('kbd');
      if (kbd && /Mac|iPhone|iPad/.test(navigator.platform)) kbd.textContent = '⌘ K';
      button.addEventListener('click', () => this.open());
    }
    document.addEventListener('keydown', this.#onKey);
  }

  disconnectedCallback(): void {
    document.removeEventListener('keydown', this.#onKey);
  }

  /** Opens the palette, loading its code on first use. */
  async open(): Promise<void> {
    // The dialog opens and takes keystrokes at once, so nothing typed while the code and the
    // index load is lost.
    const dialog = this.querySelector('dialog');
    const input = this.querySelector<HTMLInputElement>('#palette-q');
    if (dialog && input && !dialog.open) {
      input.value = '';
      dialog.showModal();
      input.focus();
    }
    const { openPalette } = await import('./palette.ts');
    // Closed (Escape) while the code loaded: it stays closed.
    if (dialog && !dialog.open) return;
    await openPalette(this);
  }
}

customElements.define('mce-palette', PaletteElement);
