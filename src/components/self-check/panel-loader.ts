/**
 * Loads the code of `<mce-self-check-panel>` (panel.ts) when it is needed. A reader with
 * answers stored gets it as the panel comes near the viewport, to see them. On a first visit
 * nothing is stored to show: the form works at once (`data-fresh`), and the code loads on the
 * first focus or press in it (panel.ts then saves what the form holds), or when
 * another tab stores answers.
 */
const panel = document.querySelector<HTMLElement>('mce-self-check-panel');
if (panel) {
  let observer: IntersectionObserver | undefined;
  const load = () => {
    observer?.disconnect();
    void import('./panel.ts');
  };
  if (hasStoredAnswers(panel.dataset.storageKey ?? '')) {
    observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && load(),
      { rootMargin: '600px 0px' },
    );
    observer.observe(panel);
  } else {
    panel.setAttribute('data-fresh', '');
    window.addEventListener('storage', load, { once: true });
  }
  panel.addEventListener('focusin', load, { once: true });
  panel.addEventListener('pointerdown', load, { once: true });
}

/** True when answers are stored, or when storage cannot be read (the panel says why). */
function hasStoredAnswers(key: string): boolean {
  try {
    return localStorage.getItem(key) !== null;
  } catch {
    return true;
  }
}
