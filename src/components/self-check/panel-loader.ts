/**
 * Loads the code of `<mce-self-check-panel>` (panel.ts) when the panel comes near the viewport
 * or gets focus, so a reader who only reads the requirement downloads none of it. Not later,
 * on first use: a status clicked just before leaving the page would be lost while the code
 * loads.
 */
const panel = document.querySelector('mce-self-check-panel');
if (panel) {
  const load = () => {
    observer.disconnect();
    void import('./panel.ts');
  };
  const observer = new IntersectionObserver(
    (entries) => entries.some((e) => e.isIntersecting) && load(),
    { rootMargin: '600px 0px' },
  );
  observer.observe(panel);
  panel.addEventListener('focusin', load, { once: true });
}
