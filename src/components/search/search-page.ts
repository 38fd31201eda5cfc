/**
 * `<mce-search-page>`: the full search page. Reads its state from the URL, searches as the
 * reader types or changes a filter, and keeps the URL in step so a search can be shared.
 */
import {
  searchChanges,
  snippet,
  type ChangeMatch,
  type ChangesIndex,
} from '../../lib/search/changes-index.ts';
import type { ClientKey } from '../../lib/client-strings.ts';
import { normalizeQuery } from '../../lib/search/normalize.ts';
import type { PaletteHit } from '../../lib/search/palette-search.ts';
import {
  FILTER_NAMES,
  parseSearchState,
  searchStateParams,
  type SearchState,
} from '../../lib/search/query-state.ts';
import {
  excerptParts,
  findsItem,
  withHighlight,
  type SiteHit,
} from '../../lib/search/site-hits.ts';
import { jsonData } from '../../lib/data-json.ts';
import { elementTranslator, type Translate } from '../../lib/translate.ts';
import { el } from '../dom.ts';
import { siteBase, siteHref } from './client-env.ts';
import { searchSite } from './pagefind-client.ts';

type Labels = Record<'section' | 'kind' | 'label' | 'change', Record<string, string>>;

const DEBOUNCE_MS = 200;
/** Changed texts shown per change. */
const TEXTS_SHOWN = 3;
/** Characters of context around a match in a changed text. */
const SNIPPET_RADIUS = 60;

function link(href: string, ...children: (Node | string)[]): HTMLAnchorElement {
  return el('a', { href }, ...children);
}

function excerpt(html: string, className: string): HTMLElement {
  return el(
    'span',
    { class: className },
    ...excerptParts(html).map((p) => (p.mark ? el('mark', {}, p.text) : p.text)),
  );
}

class SearchPageElement extends HTMLElement {
  #t!: Translate<ClientKey<'searchPage'>>;
  #labels!: Labels;
  #form!: HTMLFormElement;
  #status!: HTMLElement;
  #results!: HTMLElement;
  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #changes: Promise<ChangesIndex> | undefined;

  connectedCallback(): void {
    this.#t = elementTranslator(this);
    this.#labels = jsonData<Labels>(this, 'labels');
    this.#form = this.querySelector('form')!;
    this.#status = this.querySelector('.search-status')!;
    this.#results = this.querySelector('.search-results')!;
    this.#fillForm(parseSearchState(new URLSearchParams(location.search)));
    this.#form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.#update();
    });
    this.#form.addEventListener('change', (e) => {
      // The query box reports a change on blur too; typing already searched.
      if ((e.target as HTMLInputElement).name !== 'q') void this.#update();
    });
    this.#form.querySelector('[name="q"]')!.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.#update(), DEBOUNCE_MS);
    });
    void this.#run(this.#state());
  }

  #fillForm(state: SearchState): void {
    const f = this.#form.elements;
    (f.namedItem('q') as HTMLInputElement).value = state.q;
    for (const radio of this.#form.querySelectorAll<HTMLInputElement>('[name="mode"]')) {
      radio.checked = radio.value === state.mode;
    }
    for (const name of FILTER_NAMES) {
      const select = f.namedItem(name) as HTMLSelectElement;
      const value = state.filters[name] ?? '';
      // A value the page does not offer (an old shared link) falls back to "any".
      select.value = [...select.options].some((o) => o.value === value) ? value : '';
    }
  }

  #state(): SearchState {
    return parseSearchState(new URLSearchParams(new FormData(this.#form) as never));
  }

  async #update(): Promise<void> {
    clearTimeout(this.#timer);
    const state = this.#state();
    const query = searchStateParams(state).toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}`);
    await this.#run(state);
  }

  async #run(state: SearchState): Promise<void> {
    const mine = ++this.#seq;
    const q = normalizeQuery(state.q);
    this.#results.setAttribute('aria-busy', 'true');
    if (!q) {
      this.#show(mine, this.#t('search.status.empty'), []);
      return;
    }
    this.#status.textContent = this.#t('search.status.loading');
    try {
      if (state.mode === 'changes') {
        const matches = searchChanges(await this.#changesIndex(), q, state.filters);
        const key = matches.length === 1 ? 'search.changes.count.one' : 'search.changes.count';
        this.#show(
          mine,
          matches.length > 0
            ? this.#t(key, { n: matches.length, q })
            : this.#t('search.changes.none', { q }),
          matches.map((m) => this.#changeItem(m)),
        );
        return;
      }
      const hits = await searchSite(siteBase(), q, state.filters);
      // When no item page holds the words (a typo, a word the pages do not use), the items
      // whose titles and aliases come closest lead, before any other page.
      const closest = findsItem(hits, q) ? [] : await this.#closest(q);
      const n = hits.length + closest.length;
      let status = this.#t('search.status.none', { q });
      if (closest.length > 0) status = this.#t('search.status.closest', { q });
      else if (n > 0)
        status = this.#t(n === 1 ? 'search.status.count.one' : 'search.status.count', { n, q });
      const shown = new Set(closest.map((h) => h.entry.id));
      this.#show(mine, status, [
        ...closest.map((h) => this.#closestItem(h)),
        ...hits.filter((h) => !h.id || !shown.has(h.id)).map((h) => this.#hitItem(h, q)),
      ]);
    } catch {
      this.#show(mine, this.#t('search.status.error'), []);
    }
  }

  #show(seq: number, status: string, items: HTMLElement[]): void {
    if (seq !== this.#seq) return; // A newer search is running.
    this.#status.textContent = status;
    this.#results.replaceChildren(...items);
    this.#results.removeAttribute('aria-busy');
  }

  #changesIndex(): Promise<ChangesIndex> {
    this.#changes ??= fetch(this.dataset.changesIndex!).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json() as Promise<ChangesIndex>;
    });
    this.#changes.catch(() => {
      this.#changes = undefined;
    });
    return this.#changes;
  }

  async #closest(q: string): Promise<PaletteHit[]> {
    const { loadPalette } = await import('./palette-data.ts');
    return (await loadPalette(this.dataset.paletteIndex!)).search(q, 5);
  }

  /** A result: its heading links to `href`; `data-url` and `data-id` name what it is. */
  #result(
    url: string,
    href: string,
    id: string | undefined,
    kind: string | undefined,
    title: string,
  ): HTMLLIElement {
    const li = el('li', { class: 'hit' });
    li.dataset.url = url;
    if (id) li.dataset.id = id;
    const number = id && kind === 'control' ? [el('span', { class: 'mce-id' }, id), ' '] : [];
    li.append(el('h2', {}, link(href, ...number, title)));
    return li;
  }

  #hitItem(hit: SiteHit, q: string): HTMLElement {
    const li = this.#result(hit.url, withHighlight(hit.url, q), hit.id, hit.kind, hit.title);
    const meta = [
      hit.kind && this.#labels.kind[hit.kind],
      hit.version && this.#t('search.result.version', { v: hit.version }),
      hit.section && this.#labels.section[hit.section],
    ].filter((x): x is string => !!x);
    if (meta.length > 0 || hit.idMatch) {
      const p = el('p', { class: 'hit-meta' }, meta.join(' · '));
      if (hit.idMatch)
        p.append(' ', el('span', { class: 'badge' }, this.#t('search.result.idMatch')));
      li.append(p);
    }
    li.append(el('p', {}, excerpt(hit.excerpt, 'hit-excerpt')));
    if (hit.subResults.length > 0) {
      const subs = el('ul', { class: 'hit-subs' });
      subs.setAttribute('aria-label', this.#t('search.result.sections'));
      for (const sub of hit.subResults.slice(0, 3)) {
        subs.append(
          el(
            'li',
            {},
            link(withHighlight(sub.url, q), sub.title),
            ' ',
            excerpt(sub.excerpt, 'sub-excerpt'),
          ),
        );
      }
      li.append(subs);
    }
    if (hit.otherVersions.length > 0) {
      const p = el('p', { class: 'hit-meta' }, `${this.#t('search.result.otherVersions')}: `);
      hit.otherVersions.forEach((o, i) => {
        if (i > 0) p.append(', ');
        p.append(link(withHighlight(o.url, q), o.version));
      });
      li.append(p);
    }
    return li;
  }

  #changeItem(m: ChangeMatch): HTMLElement {
    const e = m.entry;
    const li = this.#result(siteHref(e.path), siteHref(e.path), e.id, e.itemKind, e.title);
    const meta = [
      this.#t('search.result.pair', { from: e.from, to: e.to }),
      this.#labels.change[e.change],
      ...e.labels.map((l) => this.#labels.label[l]),
    ].filter((x): x is string => !!x);
    const p = el('p', { class: 'hit-meta' }, meta.join(' · '));
    if (m.idMatch) p.append(' ', el('span', { class: 'badge' }, this.#t('search.result.idMatch')));
    li.append(p);
    if (e.summary) li.append(el('p', {}, e.summary));
    for (const t of m.texts.slice(0, TEXTS_SHOWN)) {
      const field = t.text.field.split(':')[0]!;
      const side = this.#t(
        t.text.side === 'added' ? 'search.result.added' : 'search.result.removed',
        {
          v: t.text.side === 'added' ? e.to : e.from,
        },
      );
      const Tag = t.text.side === 'added' ? 'ins' : 'del';
      const cls = t.text.side === 'added' ? 'mce-ins' : 'mce-del';
      const parts = snippet(t, SNIPPET_RADIUS).map((part) => {
        const text = part.hit ? el('mark', {}, part.text) : part.text;
        return part.changed ? el(Tag, { class: cls }, text) : text;
      });
      li.append(
        el(
          'p',
          { class: 'change-text' },
          el(
            'span',
            { class: 'change-side' },
            `${side} · ${this.#t(`field.${field}` as ClientKey<'searchPage'>)}`,
          ),
          ...parts,
        ),
      );
    }
    return li;
  }

  #closestItem(h: PaletteHit): HTMLElement {
    const e = h.entry;
    const li = this.#result(siteHref(e.path), siteHref(e.path), e.id, e.kind, e.title);
    li.append(
      el(
        'p',
        { class: 'hit-meta' },
        [
          this.#labels.kind[e.kind],
          this.#t('search.result.version', { v: e.version }),
          e.sectionTitle,
        ]
          .filter(Boolean)
          .join(' · '),
      ),
    );
    return li;
  }
}

customElements.define('mce-search-page', SearchPageElement);
