/**
 * `<self-check-panel>`: the self-check of one item on its page. Server-rendered controls,
 * wired here; saves on every change, follows other tabs, and loads the carry-over code only
 * when the reader asks for it.
 */
import type { ClientKey } from '../../lib/client-strings.ts';
import {
  answerOf,
  confirmAnswer,
  setAnswer,
  type AnswerPatch,
} from '../../lib/self-check/state.ts';
import { SelfCheckStore, browserStorage, onOtherTabChange } from '../../lib/self-check/storage.ts';
import { ASIDE_KEY, MAX_NOTE_CHARS, own, type Status } from '../../lib/self-check/types.ts';
import { hasMarkup } from '../../lib/self-check/validate.ts';
import { elementTranslator, type Translate } from '../../lib/translate.ts';
import { button, el } from './dom.ts';

class SelfCheckPanel extends HTMLElement {
  #store = new SelfCheckStore(browserStorage());
  #t!: Translate<ClientKey<'selfCheckPanel'>>;
  /** A message about the last carry-over or undo, until the next one. */
  #flash: HTMLElement | undefined;
  #notesProblem: 'selfCheck.notes.markup' | 'selfCheck.notes.tooLong' | undefined;

  connectedCallback() {
    const form = this.querySelector('form');
    if (!form) return;
    this.#t = elementTranslator(this);
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('change', (e) => this.#onChange(e.target as HTMLInputElement));
    this.#notes().addEventListener('input', () => this.#saveNotes());
    onOtherTabChange(() => {
      this.#store.reload();
      this.#render();
    });
    this.#render();
  }

  #notes() {
    return this.querySelector('textarea')!;
  }

  #at() {
    return { now: new Date().toISOString(), contentHash: this.dataset.hash ?? '' };
  }

  #save(patch: AnswerPatch) {
    const { version = '', item = '' } = this.dataset;
    this.#store.save(setAnswer(this.#store.state, version, item, patch, this.#at()));
  }

  #onChange(target: HTMLInputElement) {
    if (target.name === 'status') {
      this.#save({ status: target.value === 'unanswered' ? null : (target.value as Status) });
    } else if (target.name === 'evidence') {
      this.#save({ evidence: { [target.value]: target.checked } });
    } else return;
    this.#render(true);
  }

  #saveNotes() {
    const text = this.#notes().value;
    this.#notesProblem = hasMarkup(text)
      ? 'selfCheck.notes.markup'
      : text.length > MAX_NOTE_CHARS
        ? 'selfCheck.notes.tooLong'
        : undefined;
    if (!this.#notesProblem) this.#save({ notes: text });
    this.#render(true);
  }

  async #carry() {
    const { version = '', previous = '', base = '/' } = this.dataset;
    try {
      const { carryInto } = await import('./carry-action.ts');
      const summary = await carryInto(this.#store, base, version);
      this.#flash = el(
        'p',
        {},
        this.#t('selfCheck.carry.done', {
          from: previous,
          to: version,
          kept: summary.kept.length,
          flagged: summary.flagged.length,
          reopened: summary.reopened.length,
          skipped: summary.skipped.length,
        }),
        ' ',
        button(this.#t('selfCheck.undo'), () => this.#undo()),
      );
    } catch {
      // A failed save is reported by the status line; otherwise the data did not load.
      this.#flash = this.#store.saveProblem
        ? undefined
        : el('p', {}, this.#t('selfCheck.carry.failed'));
    }
    this.#render();
  }

  #undo() {
    this.#flash = this.#store.undo() ? undefined : el('p', {}, this.#t('selfCheck.undo.done'));
    this.#render();
  }

  /** Shows the stored answer; `saved` announces the outcome of a change. */
  #render(saved = false) {
    const t = this.#t;
    const store = this.#store;
    const { version = '', item = '', hash = '', previous } = this.dataset;
    const answer = answerOf(store.state, version, item);

    const status = answer?.status ?? 'unanswered';
    for (const input of this.querySelectorAll('input, textarea')) {
      const field = input as HTMLInputElement;
      field.disabled = store.readOnly;
      if (field.name === 'status') field.checked = field.value === status;
      if (field.name === 'evidence') field.checked = own(answer?.evidence, field.value) === true;
    }
    // Never rewrite the notes while the reader types in them.
    const notes = this.#notes();
    if (document.activeElement !== notes) notes.value = answer?.notes ?? '';

    // A failed save is told here; what reading storage found is told in a notice below.
    const failed = store.saveProblem;
    const line = this.querySelector('.saved')!;
    if ((failed === 'quota' || failed === 'unavailable') && failed !== store.loadProblem) {
      line.textContent = t(`selfCheck.problem.${failed}`);
    } else if (this.#notesProblem) {
      line.textContent = t(this.#notesProblem, { max: MAX_NOTE_CHARS });
    } else if (saved) line.textContent = t('selfCheck.saved');

    const notices: HTMLElement[] = [];
    const notice = (...children: (Node | string)[]) =>
      notices.push(el('div', { class: 'notice' }, ...children));
    if (store.loadProblem) {
      notice(el('p', {}, t(`selfCheck.problem.${store.loadProblem}`, { key: ASIDE_KEY })));
    }
    if (this.#flash) notice(this.#flash);
    const hasPrevious =
      previous && Object.keys(own(store.state.answers, previous) ?? {}).length > 0;
    if (hasPrevious && !own(store.state.carried, version) && !store.readOnly) {
      notice(
        el('p', {}, t('selfCheck.carry.offer', { from: previous, to: version })),
        button(t('selfCheck.carry.button', { from: previous }), () => void this.#carry()),
      );
    }
    const confirm = () => {
      store.save(confirmAnswer(store.state, version, item, this.#at()));
      this.#render(true);
    };
    if (answer?.review === 'reopened' && !answer.status) {
      notice(
        el('p', {}, t('selfCheck.carry.reopened', { to: version })),
        ...(answer.previous ?? []).flatMap((p) => [
          el(
            'p',
            {},
            el('strong', {}, t('selfCheck.carry.previous', { v: p.version, id: p.id })),
            `: ${t(`selfCheck.status.${p.status ?? 'unanswered'}`)}`,
          ),
          ...(p.notes
            ? [
                el('p', {}, `${t('selfCheck.carry.previousNotes')}:`),
                el('p', { class: 'user-text' }, p.notes),
              ]
            : []),
        ]),
        el('p', {}, el('a', { href: '#changes' }, t('selfCheck.carry.seeChange'))),
      );
    } else if (answer?.review === 'editorial') {
      notice(
        el('p', {}, t('selfCheck.carry.editorial', { from: answer.carriedFrom ?? '' })),
        button(t('selfCheck.carry.confirm'), confirm),
      );
    } else if (answer && answer.contentHash !== hash && !answer.review) {
      notice(
        el('p', {}, t('selfCheck.carry.stale')),
        button(t('selfCheck.carry.confirm'), confirm),
      );
    }
    this.querySelector('.notices')!.replaceChildren(...notices);
  }
}

customElements.define('self-check-panel', SelfCheckPanel);
