/**
 * `<mce-self-check-panel>`: the self-check of one item on its page. Server-rendered controls,
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
import { pageStore, type SaveResult } from '../../lib/self-check/storage.ts';
import { ASIDE_KEY, MAX_NOTE_CHARS, own, type Status } from '../../lib/self-check/types.ts';
import { fetchedTranslator } from '../../lib/fetched-strings.ts';
import { formPatch, pendingKey } from '../../lib/self-check/pending-answers.ts';
import { translator, type Strings, type Translate } from '../../lib/translate.ts';
import { button, el } from '../dom.ts';
import { undoMessage } from './undo-message.ts';

class SelfCheckPanel extends HTMLElement {
  #store = pageStore();
  /** The panel's strings, once their file has arrived; nothing is written out before. */
  #strings: Translate<ClientKey<'selfCheckPanel'>> | undefined;
  /** A message about the last carry-over, confirmation or undo, until the next one. */
  #flash: HTMLElement | undefined;
  #notesTooLong = false;
  /** Whether the last change of this panel was kept (for the status line). */
  #lastSave: SaveResult | undefined;

  connectedCallback() {
    const form = this.querySelector('form');
    if (!form) return;
    void fetchedTranslator<ClientKey<'selfCheckPanel'>>(this).then((t) => {
      this.#strings = t;
      this.#render();
    });
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('change', (e) => this.#onChange(e.target as HTMLInputElement));
    this.#notes().addEventListener('input', () => this.#saveNotes());
    this.#store.subscribe(() => this.#render());
    const typed = this.#saveEarlyInput(form);
    this.#render();
    // Notes too long to save stay in the form, as typed, with the message.
    if (typed !== undefined) this.#notes().value = typed;
  }

  /**
   * Saves what the reader chose and typed before this code arrived (panel-loader.ts), in one
   * change, before any render sets the form to the stored answer; returns notes too long to save,
   * to keep them in the form. On a first visit nothing is stored, so the form's choices are the
   * change. A page back from the browser's back-forward cache may have had its answer stored
   * meanwhile (kept when the page was left, taken in by another page): then the form is saved
   * whole, as the reader sees it. Either way the kept copy is dropped: the panel saves from now.
   */
  #saveEarlyInput(form: HTMLFormElement): string | undefined {
    if (!this.dataset.touched) return undefined;
    delete this.dataset.touched;
    const { version = '', item = '' } = this.dataset;
    const controls = [...form.elements] as HTMLInputElement[];
    let early: AnswerPatch;
    if (answerOf(this.#store.state, version, item)) {
      const status = controls.find((c) => c.name === 'status' && c.checked)?.value;
      early = {
        status: !status || status === 'unanswered' ? null : (status as Status),
        evidence: Object.fromEntries(
          controls.filter((c) => c.name === 'evidence').map((c) => [c.value, c.checked]),
        ),
        notes: this.#notes().value,
      };
    } else early = formPatch(controls) ?? {};
    try {
      localStorage.removeItem(pendingKey(version, item));
    } catch {
      // Storage refused: nothing was kept there.
    }
    let typed: string | undefined;
    if ((early.notes?.length ?? 0) > MAX_NOTE_CHARS) {
      this.#notesTooLong = true;
      typed = early.notes;
      delete early.notes;
    }
    if (Object.keys(early).length > 0) this.#save(early);
    return typed;
  }

  /** The panel's strings; keys stand for them until the strings file has arrived. */
  get #t(): Translate<ClientKey<'selfCheckPanel'>> {
    return (
      this.#strings ??
      translator<ClientKey<'selfCheckPanel'>>({} as Strings<ClientKey<'selfCheckPanel'>>)
    );
  }

  #notes() {
    return this.querySelector('textarea')!;
  }

  #at() {
    return { now: new Date().toISOString(), contentHash: this.dataset.hash ?? '' };
  }

  #save(patch: AnswerPatch) {
    const { version = '', item = '' } = this.dataset;
    this.#lastSave = this.#store.update((state) =>
      setAnswer(state, version, item, patch, this.#at()),
    );
    this.#renderStatusLine();
  }

  #onChange(target: HTMLInputElement) {
    if (target.name === 'status') {
      this.#save({ status: target.value === 'unanswered' ? null : (target.value as Status) });
    } else if (target.name === 'evidence') {
      this.#save({ evidence: { [target.value]: target.checked } });
    }
  }

  #saveNotes() {
    const text = this.#notes().value;
    this.#notesTooLong = text.length > MAX_NOTE_CHARS;
    if (this.#notesTooLong) this.#render();
    else this.#save({ notes: text });
  }

  /** Shows `message` above the form, announces it and moves the focus to it. */
  #show(message: string, ...extra: Node[]) {
    this.#flash = el('div', { tabindex: '-1' }, el('p', {}, message), ...extra);
    this.#render();
    const live = this.querySelector('[data-announce]');
    if (live) live.textContent = message;
    this.#flash.focus();
  }

  async #carry() {
    const { version = '', previous = '', base = '/' } = this.dataset;
    let done: Awaited<ReturnType<typeof import('./carry-action.ts').carryInto>>;
    try {
      const { carryInto } = await import('./carry-action.ts');
      done = await carryInto(this.#store, base, version);
    } catch {
      this.#show(this.#t('selfCheck.carry.failed'));
      return;
    }
    const { summary, result } = done;
    if (!result.saved && result.problem !== 'unavailable') return;
    this.#show(
      this.#t('selfCheck.carry.done', {
        from: previous,
        to: version,
        kept: summary.kept.length,
        flagged: summary.flagged.length,
        reopened: summary.reopened.length,
        skipped: summary.skipped.length,
      }),
      button(this.#t('selfCheck.undo'), () => this.#undo(), { 'data-undo': '' }),
    );
  }

  #undo() {
    const info = this.#store.undo();
    this.#show(undoMessage(this.#t, info));
  }

  #confirm() {
    const { version = '', item = '' } = this.dataset;
    this.#lastSave = this.#store.update((state) => confirmAnswer(state, version, item, this.#at()));
    this.#show(this.#t('selfCheck.confirm.done'));
  }

  async #download() {
    const [{ exportJson }, { download }] = await Promise.all([
      import('../../lib/self-check/export.ts'),
      import('./download.ts'),
    ]);
    const now = new Date().toISOString();
    download(
      `self-check-${now.slice(0, 10)}.json`,
      exportJson(this.#store.state, now),
      'application/json',
    );
  }

  /** Shows what is stored (with this page's unsaved changes) and what went wrong. */
  #render() {
    const store = this.#store;
    const { version = '', item = '' } = this.dataset;
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
    this.#renderStatusLine();
    this.#renderNotices();
  }

  #renderStatusLine() {
    const t = this.#strings;
    if (!t) return;
    const store = this.#store;
    const line = this.querySelector('.saved')!;
    const failed = store.saveProblem;
    if (this.#notesTooLong)
      line.textContent = t('selfCheck.notes.tooLong', { max: MAX_NOTE_CHARS });
    else if (failed === 'quota' || failed === 'invalid')
      line.textContent = t(`selfCheck.problem.${failed}`);
    else if (failed === 'unavailable') {
      line.textContent = store.persistent
        ? t('selfCheck.problem.unavailable')
        : t('selfCheck.saved.pageOnly');
    } else if (this.#lastSave?.saved) line.textContent = t('selfCheck.saved');
  }

  #renderNotices() {
    const t = this.#strings;
    if (!t) return;
    const store = this.#store;
    const { version = '', hash = '', previous, item = '' } = this.dataset;
    const answer = answerOf(store.state, version, item);
    const notices: HTMLElement[] = [];
    const notice = (...children: (Node | string)[]) =>
      notices.push(el('div', { class: 'notice' }, ...children));
    // Without storage the answers live in this page: they can be downloaded from it.
    const blocked = !store.persistent || store.saveProblem === 'unavailable';
    const problem = blocked ? 'unavailable' : store.loadProblem;
    if (problem) {
      notice(
        el('p', {}, t(`selfCheck.problem.${problem}`, { key: ASIDE_KEY })),
        ...(blocked ? [button(t('selfCheck.export.json'), () => void this.#download())] : []),
      );
    }
    if (this.#flash) {
      // An undo button that has nothing left to undo goes.
      const undo = this.#flash.querySelector<HTMLElement>('[data-undo]');
      if (undo && !store.undoInfo()) undo.remove();
      notice(this.#flash);
    }
    const hasPrevious =
      previous && Object.keys(own(store.state.answers, previous) ?? {}).length > 0;
    if (hasPrevious && !own(store.state.carried, version) && !store.readOnly) {
      notice(
        el('p', {}, t('selfCheck.carry.offer', { from: previous, to: version })),
        button(t('selfCheck.carry.button', { from: previous }), () => void this.#carry()),
      );
    }
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
        button(t('selfCheck.carry.confirm'), () => this.#confirm()),
      );
    } else if (answer && answer.contentHash !== hash && !answer.review) {
      notice(
        el('p', {}, t('selfCheck.carry.stale')),
        button(t('selfCheck.carry.confirm'), () => this.#confirm()),
      );
    }
    const box = this.querySelector<HTMLElement>('.notices')!;
    const focused = box.contains(document.activeElement) ? document.activeElement : null;
    box.replaceChildren(...notices);
    // A node moved back in place keeps the focus it had.
    if (focused instanceof HTMLElement && focused.isConnected) focused.focus();
  }
}

customElements.define('mce-self-check-panel', SelfCheckPanel);
