/**
 * `<mce-change-review>`: a "reviewed" mark on one change of a compare page, stored with the
 * self-check (with the content hashes of both versions) and exported as a review record.
 */
import type { ClientKey } from '../../lib/client-strings.ts';
import { setReviewMark } from '../../lib/self-check/state.ts';
import { pageStore } from '../../lib/self-check/storage.ts';
import { own } from '../../lib/self-check/types.ts';
import { elementTranslator } from '../../lib/translate.ts';

class ChangeReview extends HTMLElement {
  #store = pageStore();

  connectedCallback() {
    const label = this.querySelector('label');
    const box = this.querySelector('input');
    if (!label || !box) return;
    label.hidden = false;
    box.addEventListener('change', () => {
      const { pair = '', change = '', fromHash = '', toHash = '' } = this.dataset;
      const mark = box.checked ? { reviewedAt: new Date().toISOString(), fromHash, toHash } : null;
      this.#store.update((state) => setReviewMark(state, pair, change, mark));
    });
    this.#store.subscribe(() => this.render());
    this.render();
  }

  /** Shows the stored mark. */
  render() {
    const { pair = '', change = '', fromHash, toHash, lang } = this.dataset;
    const t = elementTranslator<ClientKey<'changeReview'>>(this);
    const mark = own(own(this.#store.state.reviews, pair), change);
    const box = this.querySelector('input')!;
    box.checked = !!mark;
    box.disabled = this.#store.readOnly;
    const when = this.querySelector('.when')!;
    if (!mark) when.textContent = '';
    else if (mark.fromHash !== fromHash || mark.toHash !== toHash)
      when.textContent = t('selfCheck.review.stale');
    else {
      const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
      when.textContent = t('selfCheck.review.at', {
        date: date.format(new Date(mark.reviewedAt)),
      });
    }
  }
}

customElements.define('mce-change-review', ChangeReview);
