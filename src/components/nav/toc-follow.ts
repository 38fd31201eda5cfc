/**
 * Marks the link of "On this page" whose section is being read with `aria-current`: the last
 * one whose heading has passed the top third of the window, or the last link of all once the
 * end of the page is in view.
 */
export function follow(toc: HTMLElement) {
  const links = [...toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
  const targets = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
  let atEnd = false;
  const update = () => {
    const line = innerHeight / 3;
    let current = 0;
    targets.forEach((t, i) => {
      // Hidden sections (no box) are not being read.
      if (t && t.getClientRects().length > 0 && t.getBoundingClientRect().top < line) current = i;
    });
    if (atEnd) current = links.length - 1;
    links.forEach((a, i) => {
      if (i === current) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    });
  };
  const headings = new IntersectionObserver(update, { rootMargin: '0px 0px -66% 0px' });
  for (const t of targets) if (t) headings.observe(t);
  const footer = document.querySelector('body > footer');
  if (footer) {
    new IntersectionObserver((entries) => {
      atEnd = entries.some((e) => e.isIntersecting);
      update();
    }).observe(footer);
  }
  update();
}
