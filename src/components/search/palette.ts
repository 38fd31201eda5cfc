/** The quick-jump palette's behaviour, loaded on first open. */
import type { ClientKey } from '../../lib/client-strings.ts';
import { normalizeQuery } from '../../lib/search/normalize.ts';
import type { PaletteEntry } from '../../lib/search/palette-index.ts';
import { parseRecent, pushRecent, RECENT_KEY } from '../../lib/search/recent.ts';
import { fetchedTranslator } from '../../lib/fetched-strings.ts';
import type { Translate } from '../../lib/translate.ts';
import { siteHref } from './client-env.ts';
import { itemOption, Listbox } from './listbox.ts';
import { loadPalette, type LoadedPalette } from './palette-data.ts';

function readRecent(): string[] {
  try {
    return parseRecent(localStorage.getItem(RECENT_KEY));
  } catch {
    return []; // Storage blocked: no recent items.
  }
}

function remember(id: string): void {
  try {
    localStorage.setItem(RECENT_KEY, JSON.stringify(pushRecent(readRecent(), id)));
  } catch {
    // Storage blocked or full: the palette works without recent items.
  }
}

class Palette {
  #host: HTMLElement;
  #dialog: HTMLDialogElement;
  #input: HTMLInputElement;
  #heading: HTMLElement;
  #listbox: Listbox;
  /** The palette's strings, from the cached strings file, which loads beside the index. */
  #strings: Promise<Translate<ClientKey<'palette'>>>;
  #data: LoadedPalette | undefined;

  constructor(host: HTMLElement) {
    this.#host = host;
    this.#dialog = host.querySelector('dialog')!;
    this.#input = host.querySelector('#palette-q')!;
    this.#heading = host.querySelector('#palette-heading')!;
    this.#strings = fetchedTranslator(host);
    // The index loads beside the strings.
    void loadPalette(host.dataset.index!).catch(() => {});
    this.#listbox = new Listbox(this.#input, host.querySelector('#palette-list')!, (option) =>
      this.#choose(option),
    );
    this.#input.addEventListener('input', () => this.#render());
    // A click on the backdrop (outside the dialog's box) closes it.
    this.#dialog.addEventListener('click', (e) => {
      if (e.target === this.#dialog) this.#dialog.close();
    });
  }

  /** Shows the palette; keeps what was typed if `<mce-palette>` already opened the dialog. */
  async open(): Promise<void> {
    if (!this.#dialog.open) {
      this.#input.value = '';
      this.#dialog.showModal();
    }
    this.#input.focus();
    await this.#render();
  }

  async #render(): Promise<void> {
    const query = this.#input.value;
    const t = await this.#strings;
    if (!this.#data) {
      this.#heading.textContent = t('search.status.loading');
      try {
        this.#data = await loadPalette(this.#host.dataset.index!);
      } catch {
        this.#heading.textContent = t('search.status.error');
        return;
      }
    }
    if (query !== this.#input.value) return; // A newer keystroke renders instead.
    const q = normalizeQuery(query);
    if (!q) {
      const byId = new Map(this.#data.index.entries.map((e) => [e.id, e]));
      const recent = readRecent()
        .map((id) => byId.get(id))
        .filter((e): e is PaletteEntry => e !== undefined);
      this.#heading.textContent = recent.length > 0 ? t('palette.recent') : '';
      this.#listbox.set(recent.map((e, i) => this.#entryOption(e, i)));
      return;
    }
    const hits = this.#data.search(q);
    this.#heading.textContent = t(hits.length > 0 ? 'palette.results' : 'palette.none', {
      q,
    });
    const searchAll = itemOption({
      id: 'palette-search-all',
      href: `${this.#host.dataset.searchPage}?q=${encodeURIComponent(q)}`,
      title: t('palette.searchAll', { q }),
    });
    this.#listbox.set([...hits.map((h, i) => this.#entryOption(h.entry, i)), searchAll]);
  }

  #entryOption(entry: PaletteEntry, i: number): HTMLLIElement {
    return itemOption({
      id: `palette-option-${i}`,
      href: siteHref(entry.path),
      itemId: entry.id,
      showNumber: entry.kind === 'control',
      title: entry.title,
      note: entry.sectionTitle,
    });
  }

  #choose(option: HTMLElement): void {
    if (option.dataset.id) remember(option.dataset.id);
    this.#dialog.close();
    location.assign(option.dataset.href!);
  }
}

const palettes = new WeakMap<HTMLElement, Palette>();

/** Opens the palette of `host`, creating it on first use. */
export function openPalette(host: HTMLElement): Promise<void> {
  let palette = palettes.get(host);
  if (!palette) {
    palette = new Palette(host);
    palettes.set(host, palette);
  }
  return palette.open();
}
