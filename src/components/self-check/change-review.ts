/**
 * `<change-review>`: a "reviewed" mark on one change of a compare page, stored with the
 * self-check (with the content hashes of both versions) and exported as a review record.
 */
import type { ClientKey } from '../../lib/client-strings.ts';
import { setReviewMark } from '../../lib/self-check/state.ts';
import { SelfCheckStore, browserStorage, onOtherTabChange } from '../../lib/self-check/storage.ts';
import { own } from '../../lib/self-check/types.ts';
import { elementTranslator } from '../../lib/translate.ts';

let store: SelfCheckStore | undefined;

class ChangeReview extends HTMLElement {
  connectedCallback() {
    const label = this.querySelector('label');
    const box = this.querySelector('input');
    if (!label || !box) return;
    // One store for every mark on the page.
    if (!store) {
      store = new SelfCheckStore(browserStorage());
      onOtherTabChange(() => {
        store!.reload();
        for (const e of document.querySelectorAll<ChangeReview>('change-review')) e.render();
      });
    }
    label.hidden = false;
    box.addEventListener('change', () => {
      const { pair = '', change = '', fromHash = '', toHash = '' } = this.dataset;
      const mark = box.checked ? { reviewedAt: new Date().toISOString(), fromHash, toHash } : null;
      store!.save(setReviewMark(store!.state, pair, change, mark));
      this.render();
    });
    this.render();
  }

  render() {
    const { pair = '', change = '', fromHash, toHash, lang } = this.dataset;
    const t = elementTranslator<ClientKey<'changeReview'>>(this);
    const mark = own(own(store!.state.reviews, pair), change);
    const box = this.querySelector('input')!;
    box.checked = !!mark;
    box.disabled = store!.readOnly;
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

customElements.define('change-review', ChangeReview);
