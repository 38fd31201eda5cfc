/**
 * `<self-check-panel>`: the self-check of one item on its page. Server-rendered controls,
 * wired here; saves on every change, follows other tabs, and loads the carry-over code only
 * when the reader asks for it.
 */
import { fmt } from '../../lib/self-check/format.ts';
import {
  answerOf,
  confirmAnswer,
  setAnswer,
  type AnswerPatch,
} from '../../lib/self-check/state.ts';
import { SelfCheckStore, browserStorage, onOtherTabChange } from '../../lib/self-check/storage.ts';
import { ASIDE_KEY, MAX_NOTE_CHARS, own, type Status } from '../../lib/self-check/types.ts';
import { hasMarkup } from '../../lib/self-check/validate.ts';
import { button, el } from './dom.ts';
import type { PanelStrings } from './panel-strings.ts';

class SelfCheckPanel extends HTMLElement {
  #store = new SelfCheckStore(browserStorage());
  #s = {} as PanelStrings;
  /** A message about the last carry-over or undo, until the next one. */
  #flash: HTMLElement | undefined;
  #notesProblem: 'notes.markup' | 'notes.tooLong' | undefined;

  connectedCallback() {
    const form = this.querySelector('form');
    if (!form) return;
    this.#s = JSON.parse(this.dataset.strings ?? '{}') as PanelStrings;
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
      ? 'notes.markup'
      : text.length > MAX_NOTE_CHARS
        ? 'notes.tooLong'
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
        fmt(this.#s['carry.done'], {
          from: previous,
          to: version,
          kept: summary.kept.length,
          flagged: summary.flagged.length,
          reopened: summary.reopened.length,
          skipped: summary.skipped.length,
        }),
        ' ',
        button(this.#s.undo, () => this.#undo()),
      );
    } catch {
      // A failed save is reported by the status line; otherwise the data did not load.
      this.#flash = this.#store.saveProblem ? undefined : el('p', {}, this.#s['carry.failed']);
    }
    this.#render();
  }

  #undo() {
    this.#flash = this.#store.undo() ? undefined : el('p', {}, this.#s['undo.done']);
    this.#render();
  }

  /** Shows the stored answer; `saved` announces the outcome of a change. */
  #render(saved = false) {
    const s = this.#s;
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
      line.textContent = s[`problem.${failed}`];
    } else if (this.#notesProblem) {
      line.textContent = fmt(s[this.#notesProblem], { max: MAX_NOTE_CHARS });
    } else if (saved) line.textContent = s.saved;

    const notices: HTMLElement[] = [];
    const notice = (...children: (Node | string)[]) =>
      notices.push(el('div', { class: 'notice' }, ...children));
    if (store.loadProblem) {
      notice(el('p', {}, fmt(s[`problem.${store.loadProblem}`], { key: ASIDE_KEY })));
    }
    if (this.#flash) notice(this.#flash);
    const hasPrevious =
      previous && Object.keys(own(store.state.answers, previous) ?? {}).length > 0;
    if (hasPrevious && !own(store.state.carried, version) && !store.readOnly) {
      notice(
        el('p', {}, fmt(s['carry.offer'], { from: previous, to: version })),
        button(fmt(s['carry.button'], { from: previous }), () => void this.#carry()),
      );
    }
    const confirm = () => {
      store.save(confirmAnswer(store.state, version, item, this.#at()));
      this.#render(true);
    };
    if (answer?.review === 'reopened' && !answer.status) {
      notice(
        el('p', {}, fmt(s['carry.reopened'], { to: version })),
        ...(answer.previous ?? []).flatMap((p) => [
          el(
            'p',
            {},
            el('strong', {}, fmt(s['carry.previous'], { v: p.version, id: p.id })),
            `: ${s[`status.${p.status ?? 'unanswered'}`]}`,
          ),
          ...(p.notes
            ? [
                el('p', {}, `${s['carry.previousNotes']}:`),
                el('p', { class: 'user-text' }, p.notes),
              ]
            : []),
        ]),
        el('p', {}, el('a', { href: '#changes' }, s['carry.seeChange'])),
      );
    } else if (answer?.review === 'editorial') {
      notice(
        el('p', {}, fmt(s['carry.editorial'], { from: answer.carriedFrom ?? '' })),
        button(s['carry.confirm'], confirm),
      );
    } else if (answer && answer.contentHash !== hash && !answer.review) {
      notice(el('p', {}, s['carry.stale']), button(s['carry.confirm'], confirm));
    }
    this.querySelector('.notices')!.replaceChildren(...notices);
  }
}

customElements.define('self-check-panel', SelfCheckPanel);
