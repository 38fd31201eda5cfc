/** Marks the searched words in the main content of the page a search result opened. */
import { markParts, termPattern } from '../../lib/search/highlight.ts';

const SKIP = 'script, style, noscript, textarea, mark, [hidden], [aria-hidden="true"]';

/** Wraps every occurrence of the queries' terms inside `root` in `<mark>`. */
export function highlightPage(queries: string[], root = document.querySelector('main')): number {
  const pattern = termPattern(queries);
  if (!pattern || !root) return 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  let count = 0;
  for (const node of nodes) {
    const parts = markParts(node.data, pattern);
    if (!parts) continue;
    node.replaceWith(
      ...parts.map((p) => {
        if (!p.mark) return document.createTextNode(p.text);
        count++;
        const mark = document.createElement('mark');
        mark.className = 'mce-search-mark';
        mark.textContent = p.text;
        return mark;
      }),
    );
  }
  return count;
}
