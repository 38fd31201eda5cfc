/**
 * Keyboard and pointer behaviour of a combobox's listbox: focus stays in the input, the arrows
 * move the active option (`aria-activedescendant`), Enter or a click chooses it.
 */
export class Listbox {
  #input: HTMLInputElement;
  #list: HTMLElement;
  #options: HTMLElement[] = [];
  #active = -1;

  constructor(
    input: HTMLInputElement,
    list: HTMLElement,
    onChoose: (option: HTMLElement, event: Event) => void,
  ) {
    this.#input = input;
    this.#list = list;
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (this.#options.length === 0) return;
        e.preventDefault();
        this.move(e.key === 'ArrowDown' ? 1 : -1);
      } else if (e.key === 'Enter' && this.active) {
        e.preventDefault();
        onChoose(this.active, e);
      }
    });
    list.addEventListener('click', (e) => {
      const option = (e.target as Element).closest<HTMLElement>('[role="option"]');
      if (option) onChoose(option, e);
    });
    // Keep focus in the input when an option is pressed.
    list.addEventListener('mousedown', (e) => e.preventDefault());
  }

  /** The active option, if any. */
  get active(): HTMLElement | undefined {
    return this.#options[this.#active];
  }

  /** Replaces the options; the first becomes active when `activateFirst`. */
  set(options: HTMLElement[], activateFirst = true): void {
    this.#list.replaceChildren(...options);
    this.#options = options;
    this.#select(activateFirst && options.length > 0 ? 0 : -1);
  }

  /** Moves the active option by `delta`, wrapping around. */
  move(delta: number): void {
    const n = this.#options.length;
    if (n === 0) return;
    this.#select(this.#active < 0 ? (delta > 0 ? 0 : n - 1) : (this.#active + delta + n) % n);
  }

  #select(index: number): void {
    this.#active = index;
    this.#options.forEach((o, i) => o.setAttribute('aria-selected', String(i === index)));
    const option = this.active;
    if (option) {
      this.#input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      this.#input.removeAttribute('aria-activedescendant');
    }
  }
}

/** What an option shows: the item number (controls only), the title and a muted note. */
export interface ItemOption {
  /** Element id, for `aria-activedescendant`. */
  id: string;
  href: string;
  itemId?: string | undefined;
  showNumber?: boolean;
  title: string;
  note?: string | undefined;
}

/** An option of a search listbox (styled by options.css). */
export function itemOption(o: ItemOption): HTMLLIElement {
  const li = document.createElement('li');
  li.id = o.id;
  li.className = 'mce-option';
  li.setAttribute('role', 'option');
  li.dataset.href = o.href;
  if (o.itemId) li.dataset.id = o.itemId;
  if (o.itemId && o.showNumber) li.append(span('mce-id', o.itemId));
  li.append(span('mce-option-title', o.title));
  if (o.note) li.append(span('mce-option-note', o.note));
  return li;
}

function span(className: string, text: string): HTMLSpanElement {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}
