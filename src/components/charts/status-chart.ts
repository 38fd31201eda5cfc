/**
 * Redraws the self-check's status chart (StatusChart.astro) from the reader's answers. The
 * overview calls `updateStatusChart` each time it renders its progress.
 */
import { STATUS_KEYS, statusRow } from '../../lib/charts.ts';
import type { Counts } from '../../lib/self-check/progress.ts';
import { el } from '../dom.ts';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string>): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** Replaces the rows of the chart in `root` (titles are text, never HTML). */
export function updateStatusChart(
  root: ParentNode,
  sections: readonly { title: string; counts: Counts }[],
): void {
  const body = root.querySelector('[data-status-chart] tbody');
  if (!body) return;
  body.replaceChildren(
    ...sections.map(({ title, counts }) => {
      const { values, segments } = statusRow(title, counts);
      const bar = svg('svg', { class: 'bar', 'aria-hidden': 'true', width: '100%', height: '10' });
      for (const g of segments) {
        bar.append(
          svg('rect', {
            class: `fill-${g.key}`,
            x: `${g.x}%`,
            width: `${g.width}%`,
            height: '10',
          }),
        );
      }
      return el(
        'tr',
        {},
        el('th', { scope: 'row' }, title, bar),
        ...STATUS_KEYS.map((k) => el('td', {}, String(values[k]))),
      );
    }),
  );
}
