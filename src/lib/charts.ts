/**
 * Geometry and data of the site's small charts, rendered as inline SVG at build time (and the
 * self-check's bars again in the browser): changes per section by meaning on the compare page,
 * answers per section in the self-check, and the versions on a time line on the home page.
 * Pure and free of runtime dependencies, so browser code can import it.
 */
import { CHANGE_LABELS, type ChangeLabel } from './change-kinds.ts';
import { DEFAULT_STATE, serializeState } from './compare-state.ts';
import type { Counts } from './self-check/progress.ts';
import type { VersionDiff } from './version-diff.ts';

/** One part of a bar, as a start and a width in percent of the bar's track. */
export interface Segment<K extends string> {
  key: K;
  value: number;
  x: number;
  width: number;
}

/** Width in percent of a bar of `value` on a track whose full length stands for `max`. */
export function barWidth(value: number, max: number): number {
  return max > 0 ? (Math.min(value, max) / max) * 100 : 0;
}

/**
 * The segments of a stacked bar, in `keys` order, scaled so that the sum of the values fills the
 * track; keys whose value is 0 are left out.
 */
export function stackedBar<K extends string>(
  keys: readonly K[],
  values: Readonly<Record<K, number>>,
): Segment<K>[] {
  const total = keys.reduce((sum, k) => sum + values[k], 0);
  const out: Segment<K>[] = [];
  let x = 0;
  for (const key of keys) {
    const value = values[key];
    if (value <= 0) continue;
    const width = barWidth(value, total);
    out.push({ key, value, x, width });
    x += width;
  }
  return out;
}

/** One section's row of the compare page's chart. */
export interface ChangeChartRow {
  section: string;
  title: string;
  /** Changes in the section carrying each label (a change with two labels counts in both). */
  counts: Record<ChangeLabel, number>;
  /** The compare explorer's query for the section and each label (`?label=…&section=…`). */
  links: Record<ChangeLabel, string>;
}

export interface ChangeChart {
  /** Labels that occur at all, in vocabulary order. */
  labels: ChangeLabel[];
  /** Sections with at least one labelled change, in the order given. */
  rows: ChangeChartRow[];
  /** The largest count: the full length of a bar. */
  max: number;
}

/**
 * Changes per section by meaning (the curated labels). Empty when no change has a label, as for
 * a pair of versions without curated notes.
 */
export function changeChart(
  diff: Pick<VersionDiff, 'items'>,
  sections: readonly { id: string; title: string }[],
): ChangeChart {
  const rows = sections
    .map((s) => {
      const counts = {} as Record<ChangeLabel, number>;
      const links = {} as Record<ChangeLabel, string>;
      for (const label of CHANGE_LABELS) {
        counts[label] = diff.items.filter(
          (d) => d.section === s.id && d.kind !== 'unchanged' && d.note?.labels.includes(label),
        ).length;
        links[label] = serializeState({ ...DEFAULT_STATE, sections: [s.id], labels: [label] });
      }
      return { section: s.id, title: s.title, counts, links };
    })
    .filter((r) => CHANGE_LABELS.some((l) => r.counts[l] > 0));
  const labels = CHANGE_LABELS.filter((l) => rows.some((r) => r.counts[l] > 0));
  const max = Math.max(0, ...rows.flatMap((r) => labels.map((l) => r.counts[l])));
  return { labels, rows, max };
}

/** Where an item of the self-check stands, as the status chart shows it. */
export const STATUS_KEYS = ['met', 'partly', 'not-yet', 'na', 'unanswered'] as const;
export type StatusKey = (typeof STATUS_KEYS)[number];

/** A section's counts as the status chart's values: unanswered is what is left of the total. */
export function statusValues(counts: Counts): Record<StatusKey, number> {
  return {
    met: counts.met,
    partly: counts.partly,
    'not-yet': counts['not-yet'],
    na: counts.na,
    unanswered: counts.total - counts.answered,
  };
}

/** One section's row of the status chart: its title, its values and the bar drawn from them. */
export interface StatusRow {
  title: string;
  values: Record<StatusKey, number>;
  segments: Segment<StatusKey>[];
}

/** The status chart's row of a section titled `title` with the answers `counts`. */
export function statusRow(title: string, counts: Counts): StatusRow {
  const values = statusValues(counts);
  return { title, values, segments: stackedBar(STATUS_KEYS, values) };
}

/** A version on the time line: `x` in percent of the line, from its audits-from date. */
export interface TimelinePoint {
  id: string;
  date: string;
  x: number;
}

/**
 * Versions placed on a line by the date audits start using them, oldest at 0 and newest at
 * 100; points closer than `minGap` percent are pushed apart (keeping their order), so their
 * labels do not overlap.
 */
export function timeline(
  versions: readonly { id: string; auditsFrom: string }[],
  minGap = 20,
): TimelinePoint[] {
  const sorted = [...versions].sort((a, b) => a.auditsFrom.localeCompare(b.auditsFrom));
  if (sorted.length === 0) return [];
  if (sorted.length === 1) return [{ id: sorted[0]!.id, date: sorted[0]!.auditsFrom, x: 0 }];
  const time = sorted.map((v) => Date.parse(`${v.auditsFrom}T00:00:00Z`));
  const first = time[0]!;
  const span = time.at(-1)! - first || 1;
  const gap = Math.min(minGap, 100 / (sorted.length - 1));
  const xs = time.map((t) => ((t - first) / span) * 100);
  // Push forward what is too close to its predecessor, then back from the end, within 0–100.
  for (let i = 1; i < xs.length; i++) xs[i] = Math.max(xs[i]!, xs[i - 1]! + gap);
  xs[xs.length - 1] = 100;
  for (let i = xs.length - 2; i >= 0; i--) xs[i] = Math.min(xs[i]!, xs[i + 1]! - gap);
  return sorted.map((v, i) => ({ id: v.id, date: v.auditsFrom, x: round(xs[i]!) }));
}

const round = (n: number) => Math.round(n * 100) / 100;
