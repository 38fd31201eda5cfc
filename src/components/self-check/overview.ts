/**
 * `<mce-self-check-overview>`: progress, the re-review queue, filtered items, review records and
 * the printable report of one version, from the answers in this browser. Export, import, share
 * and carry-over load on first use.
 */
import type { Lang } from '../../lib/model.ts';
import type { ClientKey } from '../../lib/client-strings.ts';
import { itemLabel, sectionLabel, standingLabel } from '../../lib/self-check/labels.ts';
import {
  STATUS_FILTERS,
  filterItems,
  isChanged,
  progress,
  reReviewQueue,
  standingOf,
  type Counts,
  type StatusFilter,
} from '../../lib/self-check/progress.ts';
import { pageStore } from '../../lib/self-check/storage.ts';
import { ASIDE_KEY, own, type Answer } from '../../lib/self-check/types.ts';
import {
  fetchSelfCheckData,
  type DiffRun,
  type ItemData,
  type SelfCheckData,
} from '../../lib/self-check/version-file.ts';
import { elementTranslator, type Translate } from '../../lib/translate.ts';
import { el } from '../dom.ts';
import type { OverviewHost } from './overview-host.ts';
import { undoMessage } from './undo-message.ts';

const transfer = () => import('./transfer.ts');
const workbook = () => import('./workbook-actions.ts');
// The chart is drawn at build time with no answers; the code that redraws it loads on first render.
const statusChart = () => import('../charts/status-chart.ts');

/** An undo button, run by the overview's click handler. */
const undoButton = (label: string) =>
  el('button', { type: 'button', class: 'mce-button', 'data-action': 'undo' }, label);

/** A table with a header row of column titles. */
function table(columns: string[], rows: HTMLElement[]) {
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, ...columns.map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, ...rows),
  );
}

class SelfCheckOverview extends HTMLElement implements OverviewHost {
  store = pageStore();
  t: Translate<ClientKey<'selfCheckOverview'>> = (key) => key;
  pageLang: Lang = 'en';
  base = '/';
  root = '/';
  data: SelfCheckData | undefined;
  #version = '';
  #flash: HTMLElement | undefined;

  find<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  async connectedCallback() {
    const d = this.dataset;
    this.t = elementTranslator(this);
    this.pageLang = d.lang === 'ja' ? 'ja' : 'en';
    this.base = d.base ?? '/';
    this.root = d.root ?? '/';
    this.querySelector('.needs-js')?.remove();
    this.find('.app').hidden = false;
    // Where the focus goes when the control that had it is rebuilt away.
    this.find('.notices').tabIndex = -1;

    const select = this.find<HTMLSelectElement>('select[name="version"]');
    const asked = new URL(location.href).searchParams.get('v');
    const known = [...select.options].map((o) => o.value);
    this.#version = asked && known.includes(asked) ? asked : (d.latest ?? '');
    select.value = this.#version;
    select.addEventListener('change', () => {
      this.#version = select.value;
      const url = new URL(location.href);
      if (this.#version === d.latest) url.searchParams.delete('v');
      else url.searchParams.set('v', this.#version);
      history.replaceState(null, '', url);
      void this.#load();
    });
    this.find('.filters').addEventListener('change', () => this.render());
    this.addEventListener('click', (e) => {
      const b = (e.target as Element).closest<HTMLElement>('[data-action]');
      if (b) void this.#act(b.dataset.action ?? '', b.dataset.pair);
    });
    this.find<HTMLInputElement>('#sc-import').addEventListener('change', async (e) => {
      const input = e.target as HTMLInputElement;
      const file = input.files?.[0];
      input.value = '';
      if (file && /\.xlsx$/i.test(file.name)) await (await workbook()).importWorkbook(this, file);
      else if (file) await (await transfer()).importFile(this, file);
    });
    this.store.subscribe(() => this.render());
    // A share link pasted into this tab changes only the fragment: no page load follows.
    window.addEventListener('hashchange', () => void this.#receiveShare());
    await this.#load();
    await this.#receiveShare();
  }

  async #receiveShare() {
    const { shareValue } = await import('../../lib/self-check/share.ts');
    const shared = shareValue(location.hash);
    if (shared) await (await transfer()).receiveShare(this, shared);
  }

  async #load() {
    try {
      this.data = await fetchSelfCheckData(this.base, this.#version);
    } catch {
      this.data = undefined;
      this.flash(el('p', {}, this.t('selfCheck.data.failed')));
      return;
    }
    this.render();
  }

  async #act(action: string, pair: string | undefined) {
    if (action === 'print') window.print();
    else if (action === 'undo') this.flash(el('p', {}, undoMessage(this.t, this.store.undo())));
    else if (action === 'carry') await this.#carry();
    else if (action === 'workbook-download') await (await workbook()).downloadWorkbook(this);
    else await (await transfer()).act(this, action, pair);
  }

  async #carry() {
    const from = this.data?.carry?.from ?? '';
    let done: Awaited<ReturnType<typeof import('./carry-action.ts').carryInto>>;
    try {
      const { carryInto } = await import('./carry-action.ts');
      done = await carryInto(this.store, this.base, this.#version);
    } catch {
      this.flash(el('p', {}, this.t('selfCheck.carry.failed')));
      return;
    }
    const { summary: r, result } = done;
    if (!result.saved && result.problem !== 'unavailable') return;
    this.flash(
      el(
        'p',
        {},
        this.t('selfCheck.carry.done', {
          from,
          to: this.#version,
          kept: r.kept.length,
          flagged: r.flagged.length,
          reopened: r.reopened.length,
          skipped: r.skipped.length,
        }),
      ),
      undoButton(this.t('selfCheck.undo')),
    );
  }

  flash(...content: (Node | string)[]) {
    const message = el('div', { class: 'notice', tabindex: '-1' }, ...content);
    this.#flash = message;
    this.render();
    const text = [...message.querySelectorAll('p')].map((p) => p.textContent).join(' ');
    this.find('[data-announce]').textContent = text || (message.textContent ?? '');
    message.focus();
  }

  #itemHref(id: string) {
    const v = this.#version;
    const path = v === this.dataset.latest ? `controls/${id}/` : `v/${v}/controls/${id}/`;
    return `${this.root}${path}#self-check`;
  }

  #label(item: ItemData) {
    return itemLabel(item, this.pageLang);
  }

  #standing(a: Answer | undefined) {
    return standingLabel(this.t, standingOf(a));
  }

  /** Shows the stored answers of the chosen version, step by step. */
  render() {
    // Parts are rebuilt; a focused control that is rebuilt hands the focus to the message.
    const focused = this.contains(document.activeElement) ? document.activeElement : null;
    this.#renderNotices();
    this.#renderUndo();
    for (const b of this.querySelectorAll<HTMLButtonElement>(
      '[data-action^="export"], [data-action="workbook-download"], #sc-import',
    )) {
      b.disabled = !this.data;
    }
    this.#renderReviews();
    const data = this.data;
    if (data) {
      const answers = own(this.store.state.answers, this.#version) ?? {};
      this.#renderProgress(data);
      void this.#renderReadiness(data);
      this.#renderQueue(data, answers);
      this.#renderList(data, answers);
      this.#renderReport(data, answers);
    }
    if (focused instanceof HTMLElement && !focused.isConnected) {
      (this.#flash?.isConnected ? this.#flash : this.find('.notices')).focus();
    } else if (focused instanceof HTMLElement && document.activeElement !== focused) {
      focused.focus();
    }
  }

  #renderNotices() {
    const t = this.t;
    const store = this.store;
    const notices: HTMLElement[] = [];
    const problems = new Set([store.loadProblem, store.saveProblem]);
    for (const p of problems) {
      if (p)
        notices.push(el('p', { class: 'notice' }, t(`selfCheck.problem.${p}`, { key: ASIDE_KEY })));
    }
    if (this.#flash) notices.push(this.#flash);
    const carry = this.data?.carry;
    const version = this.#version;
    if (
      carry &&
      !own(store.state.carried, version) &&
      Object.keys(own(store.state.answers, carry.from) ?? {}).length > 0 &&
      !store.readOnly
    ) {
      notices.push(
        el(
          'div',
          { class: 'notice' },
          el('p', {}, t('selfCheck.carry.offer', { from: carry.from, to: version })),
          el(
            'button',
            { type: 'button', class: 'mce-button', 'data-action': 'carry' },
            t('selfCheck.carry.button', { from: carry.from }),
          ),
        ),
      );
    }
    this.find('.notices').replaceChildren(...notices);
  }

  /** The undo button, while the last import, merge or carry-over still has something to undo. */
  #renderUndo() {
    const info = this.store.undoInfo();
    this.find('.undo').replaceChildren(
      ...(info ? [undoButton(this.t('selfCheck.undo.last', { when: this.#date(info.at) }))] : []),
    );
    if (!info) for (const b of this.querySelectorAll('.notices [data-action="undo"]')) b.remove();
  }

  #renderProgress(data: SelfCheckData) {
    const t = this.t;
    const { overall, sections } = progress(data, this.store.state);
    const chartRows = sections.map(({ section, counts: c }) => ({
      title: this.#sectionLabel(section),
      counts: c,
    }));
    void statusChart().then((m) => m.updateStatusChart(this, chartRows));
    const counts = (c: Counts) => ({ ...c, notYet: c['not-yet'] });
    this.find('.progress').replaceChildren(
      el(
        'p',
        {},
        el('strong', {}, `${t('selfCheck.progress.overall')}: `),
        t('selfCheck.progress.answered', overall),
      ),
      el('progress', {
        max: String(overall.total),
        value: String(overall.answered),
        'aria-label': t('selfCheck.progress.answered', overall),
      }),
      el('p', {}, t('selfCheck.progress.breakdown', counts(overall))),
      table(
        [
          t('selfCheck.progress.section'),
          t('selfCheck.progress.answeredCol'),
          t('selfCheck.progress.readyCol'),
        ],
        sections.map(({ section, counts: c }) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, this.#sectionLabel(section)),
            el('td', {}, `${c.answered} / ${c.total}`),
            el('td', {}, `${c.met + c.na} / ${c.total}`),
          ),
        ),
      ),
    );
  }

  /** Mandatory items met per part and section, and the workbook actions' introduction. */
  async #renderReadiness(data: SelfCheckData) {
    const t = this.t;
    // The readiness view loads on first render: it is not needed before the overview's data.
    const { renderReadiness } = await import('./readiness-view.ts');
    renderReadiness(this.find('.readiness'), data, this.store.state, {
      t,
      label: (item) => this.#label(item),
      href: (id) => this.#itemHref(id),
      sectionLabel: (section) => this.#sectionLabel(section),
      partLabel: (part) => part.title[this.pageLang] || part.title.en,
    });
    this.find('.workbook-intro').textContent = data.workbook
      ? t('selfCheck.workbook.intro')
      : `${t('selfCheck.workbook.intro')} ${t('selfCheck.workbook.introGenerated')}`;
  }

  #renderQueue(data: SelfCheckData, answers: Record<string, Answer>) {
    this.find('.queue-section').hidden = !data.carry;
    const queue = reReviewQueue(data, this.store.state);
    this.find('.queue').replaceChildren(
      ...(queue.length === 0
        ? [el('p', {}, this.t('selfCheck.queue.empty'))]
        : queue.map((item) => this.#queueItem(item, own(answers, item.id)))),
    );
  }

  #renderList(data: SelfCheckData, answers: Record<string, Answer>) {
    const t = this.t;
    const carry = data.carry;
    const filters = this.find<HTMLFormElement>('.filters');
    const changedBox = filters.querySelector<HTMLInputElement>('[name="changed"]')!;
    filters.querySelector<HTMLElement>('.changed-filter')!.hidden = !carry;
    const status = filters.querySelector<HTMLSelectElement>('[name="status"]')!.value;
    const shown = filterItems(data, this.store.state, {
      status: (STATUS_FILTERS as readonly string[]).includes(status)
        ? (status as StatusFilter)
        : 'open',
      changedOnly: !!carry && changedBox.checked,
    });
    this.find('.count').textContent =
      shown.length === 0
        ? t('selfCheck.list.empty')
        : t('selfCheck.list.count', { shown: shown.length, total: data.items.length });
    this.find('.items').replaceChildren(
      ...shown.map((item) => this.#listItem(data, item, own(answers, item.id))),
    );
  }

  #listItem(data: SelfCheckData, item: ItemData, a: Answer | undefined) {
    const t = this.t;
    const badges = [el('span', { class: 'badge status' }, this.#standing(a))];
    if (a?.review === 'editorial')
      badges.push(el('span', { class: 'badge' }, t('selfCheck.badge.editorial')));
    if (isChanged(data, item.id)) {
      badges.push(
        el('span', { class: 'badge' }, t('selfCheck.badge.changed', { v: this.#version })),
      );
    }
    if (item.evidence.length > 0) {
      const done = item.evidence.filter((e) => own(a?.evidence, e.key) === true).length;
      badges.push(
        el(
          'span',
          { class: 'badge' },
          t('selfCheck.badge.evidence', { done, total: item.evidence.length }),
        ),
      );
    }
    return el(
      'li',
      { 'data-item': item.id },
      el('a', { href: this.#itemHref(item.id) }, this.#label(item)),
      ...badges,
    );
  }

  #renderReport(data: SelfCheckData, answers: Record<string, Answer>) {
    const t = this.t;
    const { sections } = progress(data, this.store.state);
    this.find('.report-meta').textContent = t('selfCheck.report.meta', {
      v: this.#version,
      date: this.#date(new Date().toISOString()),
    });
    const row = (item: ItemData) => {
      const a = own(answers, item.id);
      const ready = item.evidence.filter((e) => own(a?.evidence, e.key) === true);
      return el(
        'tr',
        {},
        el('th', { scope: 'row' }, this.#label(item)),
        el('td', {}, this.#standing(a)),
        el('td', {}, item.evidence.length ? `${ready.length}/${item.evidence.length}` : '–'),
        el('td', { class: 'user-text' }, a?.notes ?? ''),
      );
    };
    this.find('.report-body').replaceChildren(
      ...sections.map(({ section }) =>
        el(
          'section',
          {},
          el('h3', {}, this.#sectionLabel(section)),
          table(
            [
              t('selfCheck.col.item'),
              t('selfCheck.col.status'),
              t('selfCheck.col.evidence'),
              t('selfCheck.col.notes'),
            ],
            data.items.filter((i) => i.section === section.id).map(row),
          ),
        ),
      ),
    );
  }

  #queueItem(item: ItemData, a: Answer | undefined) {
    const t = this.t;
    const change = this.data?.carry?.changes[item.id];
    const diffLine = (runs: DiffRun[]) =>
      el(
        'p',
        {},
        ...runs.map(([op, text]) =>
          op === '='
            ? text
            : el(op === '+' ? 'ins' : 'del', { class: op === '+' ? 'mce-ins' : 'mce-del' }, text),
        ),
      );
    return el(
      'article',
      { 'data-item': item.id },
      el('h3', {}, el('a', { href: this.#itemHref(item.id) }, this.#label(item))),
      ...(change?.labels.length
        ? [
            el(
              'p',
              {},
              ...change.labels.map((l) =>
                el('span', { class: 'badge' }, t(`label.${l}` as ClientKey<'selfCheckOverview'>)),
              ),
            ),
          ]
        : []),
      ...(change?.summary ? [el('p', {}, change.summary[this.pageLang])] : []),
      ...(change?.reason
        ? [el('p', {}, el('strong', {}, `${t('change.why')}: `), change.reason[this.pageLang])]
        : []),
      ...(change?.fields ?? [])
        .filter((f) => f.field !== 'tags')
        .flatMap((f) => [
          el('p', {}, el('strong', {}, t(`field.${f.field}`)), f.key ? ` (${f.key})` : ''),
          diffLine(f.diff[this.pageLang]),
        ]),
      ...(a?.previous ?? []).flatMap((p) => [
        el(
          'p',
          {},
          el('strong', {}, t('selfCheck.carry.previous', { v: p.version, id: p.id })),
          `: ${t(`selfCheck.status.${p.status ?? 'unanswered'}`)}`,
        ),
        ...(p.notes ? [el('p', { class: 'user-text' }, p.notes)] : []),
      ]),
      el('p', {}, el('a', { href: this.#itemHref(item.id) }, t('selfCheck.queue.answer'))),
    );
  }

  #renderReviews() {
    const t = this.t;
    const pairs = Object.entries(this.store.state.reviews).filter(([, m]) => Object.keys(m).length);
    this.find('.reviews').replaceChildren(
      ...(pairs.length === 0
        ? [el('p', {}, t('selfCheck.reviews.none'))]
        : pairs.map(([pair, marks]) =>
            el(
              'p',
              { class: 'actions' },
              t('selfCheck.reviews.count', { pair, n: Object.keys(marks).length }),
              ...(['json', 'csv'] as const).map((kind) =>
                el(
                  'button',
                  {
                    type: 'button',
                    class: 'mce-button',
                    'data-action': `review-${kind}`,
                    'data-pair': pair,
                  },
                  t(`selfCheck.reviews.${kind}`),
                ),
              ),
            ),
          )),
    );
  }

  #sectionLabel(section: SelfCheckData['sections'][number]) {
    return sectionLabel(section, this.pageLang, this.t);
  }

  #date(iso: string) {
    return new Intl.DateTimeFormat(this.pageLang, {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(iso));
  }
}

customElements.define('mce-self-check-overview', SelfCheckOverview);
