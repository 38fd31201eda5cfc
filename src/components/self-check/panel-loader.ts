/**
 * Loads the code of `<mce-self-check-panel>` (panel.ts) when it is needed. A reader with answers
 * stored gets it as the panel nears the viewport, to see them. On a first visit there is nothing
 * to show: the form works at once (`data-fresh`), and the code loads on the first focus or change
 * in it, or when another tab stores answers. A change made before the code has arrived marks
 * the panel `data-touched`: the panel then saves what its form holds, and a page left first
 * keeps it in storage for the next page's store (pending-answers.ts).
 */
import { pendingAnswer, pendingKey } from '../../lib/self-check/pending-answers.ts';
import { STORAGE_KEY } from '../../lib/self-check/types.ts';

const panel = document.querySelector<HTMLElement>('mce-self-check-panel');
const form = panel?.querySelector('form');
if (panel && form) {
  let observer: IntersectionObserver | undefined;
  const load = () => {
    observer?.disconnect();
    void import('./panel.ts');
  };
  const { version = '', item = '' } = panel.dataset;
  if (hasStored(pendingKey(version, item))) {
    observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && load(),
      { rootMargin: '600px 0px' },
    );
    observer.observe(panel);
  } else {
    panel.setAttribute('data-fresh', '');
    addEventListener('storage', (e) => e.key === STORAGE_KEY && load());
  }
  panel.addEventListener('focusin', load, { once: true });
  // A change loads the code too: a control can change without taking the focus (a click in
  // some browsers, a script's click, some assistive technology).
  const touch = () => {
    if (panel.matches(':defined')) return;
    panel.dataset.touched = String(Date.now());
    load();
  };
  form.addEventListener('change', touch);
  form.addEventListener('input', touch);
  addEventListener('pagehide', () => {
    const pending = pendingAnswer(panel.dataset, form.elements as Iterable<HTMLInputElement>);
    try {
      if (pending) localStorage.setItem(pending[0], JSON.stringify(pending[1]));
    } catch {
      // Storage refused: the store would have refused the answer too.
    }
  });
}

/**
 * True when answers are stored, or this item's answer is kept from a page left before its code
 * arrived (`pending`), or when storage cannot be read (the panel says why).
 */
function hasStored(pending: string): boolean {
  try {
    return (localStorage.getItem(STORAGE_KEY) ?? localStorage.getItem(pending)) !== null;
  } catch {
    return true;
  }
}
