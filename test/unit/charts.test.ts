import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import {
  STATUS_KEYS,
  barWidth,
  changeChart,
  stackedBar,
  statusValues,
  timeline,
} from '../../src/lib/charts.ts';
import { isShown, parseState } from '../../src/lib/compare-state.ts';
import { loadContent } from '../../src/lib/load.ts';

describe('bars', () => {
  it('scales a bar to the largest value, and an empty scale to nothing', () => {
    expect(barWidth(3, 4)).toBe(75);
    expect(barWidth(4, 4)).toBe(100);
    expect(barWidth(0, 4)).toBe(0);
    expect(barWidth(2, 0)).toBe(0);
  });

  it('stacks segments in key order, leaving out zeros, filling the track', () => {
    const segments = stackedBar(['a', 'b', 'c', 'd'] as const, { a: 1, b: 0, c: 2, d: 1 });
    expect(segments.map((s) => [s.key, s.value, s.x, s.width])).toEqual([
      ['a', 1, 0, 25],
      ['c', 2, 25, 50],
      ['d', 1, 75, 25],
    ]);
    expect(stackedBar(['a'] as const, { a: 0 })).toEqual([]);
  });

  it('counts what is not answered from the total', () => {
    const values = statusValues({ total: 9, answered: 5, met: 2, partly: 1, 'not-yet': 1, na: 1 });
    expect(values).toEqual({ met: 2, partly: 1, 'not-yet': 1, na: 1, unanswered: 4 });
    expect(STATUS_KEYS.reduce((sum, k) => sum + values[k], 0)).toBe(9);
  });
});

const catalog = buildCatalog(await loadContent('content'));
const diff = catalog.diff('4.2', '4.2.1');
const sections = catalog.version('4.2.1').meta.sections.map((s) => ({ id: s.id, title: s.id }));

describe('changeChart', () => {
  const chart = changeChart(diff, sections);

  it('counts each section’s changes by label, a change with two labels in both', () => {
    for (const row of chart.rows) {
      for (const label of chart.labels) {
        const expected = diff.items.filter(
          (d) => d.section === row.section && d.note?.labels.includes(label),
        ).length;
        expect(row.counts[label], `${row.section} ${label}`).toBe(expected);
      }
    }
    const labelled = diff.items.filter((d) => (d.note?.labels.length ?? 0) > 0);
    expect(new Set(chart.rows.map((r) => r.section))).toEqual(
      new Set(labelled.map((d) => d.section)),
    );
    expect(chart.max).toBe(Math.max(...chart.rows.flatMap((r) => Object.values(r.counts))));
  });

  it('links each bar to the compare view showing exactly those changes', () => {
    for (const row of chart.rows) {
      for (const label of chart.labels) {
        const state = parseState(row.links[label]);
        expect(state.sections).toEqual([row.section]);
        expect(state.labels).toEqual([label]);
        const shown = diff.items.filter(
          (d) =>
            d.kind !== 'unchanged' &&
            isShown(
              {
                kind: d.kind,
                labels: d.note?.labels ?? [],
                section: d.section,
                substantive: d.substantive,
              },
              state,
            ),
        );
        expect(shown.length).toBe(row.counts[label]);
      }
    }
  });

  it('keeps the order of the sections given, and is empty without labelled changes', () => {
    const order = sections
      .map((s) => s.id)
      .filter((id) => chart.rows.some((r) => r.section === id));
    expect(chart.rows.map((r) => r.section)).toEqual(order);
    const unlabelled = {
      items: diff.items.map((d) => {
        const copy = { ...d };
        delete copy.note;
        return copy;
      }),
    };
    expect(changeChart(unlabelled, sections)).toEqual({ labels: [], rows: [], max: 0 });
  });
});

describe('timeline', () => {
  it('places versions by date, oldest first, at both ends of the line', () => {
    const points = timeline([
      { id: '2.0', auditsFrom: '2024-01-01' },
      { id: '1.0', auditsFrom: '2020-01-01' },
      { id: '1.5', auditsFrom: '2023-01-01' },
    ]);
    expect(points.map((p) => p.id)).toEqual(['1.0', '1.5', '2.0']);
    expect(points[0]!.x).toBe(0);
    expect(points[2]!.x).toBe(100);
    // 2023 is three quarters of the way from 2020 to 2024, less the days of the leap years.
    const expected =
      ((Date.UTC(2023, 0, 1) - Date.UTC(2020, 0, 1)) /
        (Date.UTC(2024, 0, 1) - Date.UTC(2020, 0, 1))) *
      100;
    expect(points[1]!.x).toBeCloseTo(expected, 1);
  });

  it('pushes apart versions too close for their labels, keeping their order', () => {
    const points = timeline(
      [
        { id: 'a', auditsFrom: '2020-01-01' },
        { id: 'b', auditsFrom: '2020-01-02' },
        { id: 'c', auditsFrom: '2020-01-03' },
        { id: 'd', auditsFrom: '2030-01-01' },
      ],
      20,
    );
    const xs = points.map((p) => p.x);
    expect(xs[0]).toBe(0);
    expect(xs[3]).toBe(100);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(20);
  });

  it('puts a single version at the start, and draws nothing for none', () => {
    expect(timeline([{ id: '1.0', auditsFrom: '2020-01-01' }])).toEqual([
      { id: '1.0', date: '2020-01-01', x: 0 },
    ]);
    expect(timeline([])).toEqual([]);
  });
});
