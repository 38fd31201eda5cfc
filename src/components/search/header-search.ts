/** Suggestions under the header search box, from pagefind; loaded when the box is focused. */
import type { ClientKey } from '../../lib/client-strings.ts';
import { normalizeQuery } from '../../lib/search/normalize.ts';
import type { PaletteEntry } from '../../lib/search/palette-index.ts';
import { findsItem, withHighlight, type SiteHit } from '../../lib/search/site-hits.ts';
import { fetchedTranslator } from '../../lib/fetched-strings.ts';
import { siteBase, siteHref } from './client-env.ts';
import { itemOption, Listbox } from './listbox.ts';
import { loadPagefind, searchSite } from './pagefind-client.ts';

/** Suggestions shown; the last option always opens the full results. */
const SHOWN = 6;
const DEBOUNCE_MS = 120;

/** Turns the header form into a combobox with suggestions. */
export function enhanceHeaderSearch(host: HTMLElement): void {
  if (host.dataset.enhanced) return;
  host.dataset.enhanced = '';
  const form = host.querySelector('form')!;
  const input = host.querySelector('input')!;
  const popup = host.querySelector<HTMLElement>('.site-search-popup')!;
  const status = host.querySelector<HTMLElement>('.site-search-status')!;
  const list = host.querySelector<HTMLElement>('[role="listbox"]')!;
  // The strings file is cached; it arrives while pagefind loads.
  const strings = fetchedTranslator<ClientKey<'siteSearch'>>(host);
  const base = siteBase();

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');

  const show = (open: boolean) => {
    popup.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
  };
  // Enter without an active suggestion submits the form: the full search page.
  const listbox = new Listbox(input, list, (option) => {
    show(false);
    location.assign(option.dataset.href!);
  });

  const option = (hit: SiteHit, q: string) =>
    itemOption({
      id: '',
      href: withHighlight(hit.url, q),
      itemId: hit.id,
      showNumber: hit.kind === 'control',
      title: hit.title,
      note: hit.version,
    });
  const entryOption = (entry: PaletteEntry) =>
    itemOption({
      id: '',
      href: siteHref(entry.path),
      itemId: entry.id,
      showNumber: entry.kind === 'control',
      title: entry.title,
      note: entry.version,
    });

  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    const query = input.value;
    const q = normalizeQuery(query);
    const mine = ++seq;
    if (!q) {
      listbox.set([]);
      show(false);
      return;
    }
    const t = await strings;
    if (mine !== seq) return;
    status.textContent = t('search.status.loading');
    show(true);
    let hits: SiteHit[];
    let closest: PaletteEntry[] = [];
    try {
      hits = await searchSite(base, q);
      // Only near misses in the full text (a typo): the closest items by title and alias lead.
      if (!findsItem(hits, q)) {
        const { loadPalette } = await import('./palette-data.ts');
        closest = (await loadPalette(host.dataset.paletteIndex!)).search(q, 3).map((h) => h.entry);
      }
    } catch {
      if (mine === seq) status.textContent = t('search.status.error');
      return;
    }
    if (mine !== seq) return; // A newer query is on its way.
    status.textContent = hits.length + closest.length > 0 ? '' : t('search.status.none', { q });
    const closestIds = new Set(closest.map((e) => e.id));
    const options = [
      ...closest.map((e) => entryOption(e)),
      ...hits.filter((h) => !h.id || !closestIds.has(h.id)).map((h) => option(h, q)),
    ].slice(0, SHOWN);
    options.forEach((o, i) => (o.id = `site-search-option-${i}`));
    const all = itemOption({
      id: 'site-search-all',
      href: `${form.action}?q=${encodeURIComponent(q)}`,
      title: t('search.header.all', { q }),
    });
    listbox.set([...options, all], false);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !popup.hidden) {
      e.preventDefault();
      show(false);
    } else if (e.key === 'ArrowDown' && popup.hidden && input.value.trim()) {
      void run();
    }
  });
  host.addEventListener('focusout', (e) => {
    if (!host.contains(e.relatedTarget as Node | null)) show(false);
  });
  // Start fetching pagefind while the reader types the first word.
  void loadPagefind(base).catch(() => {});
  if (input.value.trim()) void run();
}
