/**
 * Machine-readable forms of the content for tools: JSON of a version and of a diff, CSV of
 * the changes, and an Atom feed of changes. Pure functions; the data routes call them.
 */
import type { Catalog } from './catalog.ts';
import type { Checklist, Lang } from './model.ts';
import { t, type UiKey } from './i18n.ts';
import { itemLabel } from './labels.ts';
import { LANGS } from './model.ts';
import { sideText } from './diff-parts.ts';
import { changeAnchor, comparePath, localize } from './urls.ts';
import type { VersionDiff } from './version-diff.ts';

/** Schema version of the JSON files; bumped on any incompatible change. */
export const DATA_FORMAT = 1;

/** A version as JSON: metadata and items in reading order. */
export function versionJson(checklist: Checklist) {
  return { format: DATA_FORMAT, version: checklist.meta, items: checklist.items };
}

/** A diff as JSON: every item with its kind, field changes (per-language runs) and note. */
export function diffJson(diff: VersionDiff) {
  return {
    format: DATA_FORMAT,
    from: diff.from,
    to: diff.to,
    counts: diff.counts,
    items: diff.items.map((d) => ({
      id: d.id,
      kind: d.kind,
      fromIds: d.fromIds,
      toIds: d.toIds,
      section: d.section,
      substantive: d.substantive,
      note: d.note ?? null,
      fields: d.fields.map((f) => ({
        field: f.field,
        key: f.key ?? null,
        change: f.change,
        editorial: f.editorial,
        diff: f.diff,
      })),
    })),
  };
}

/** Quotes a CSV cell; a cell that a spreadsheet would run as a formula is prefixed with `'`. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

const CSV_COLUMNS = [
  'from',
  'to',
  'item',
  'kind',
  'labels',
  'section',
  'field',
  'evidence_key',
  'change',
  'editorial',
  'before_en',
  'after_en',
  'before_ja',
  'after_ja',
  'summary_en',
  'summary_ja',
] as const;

/** One CSV row per changed field (one per item for structural changes), with a header row. */
export function diffCsv(diff: VersionDiff): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const d of diff.items) {
    if (d.kind === 'unchanged') continue;
    const base = [diff.from, diff.to, d.id, d.kind, d.note?.labels.join(' ') ?? '', d.section];
    const note = [d.note?.summary.en ?? '', d.note?.summary.ja ?? ''];
    if (d.fields.length === 0) {
      rows.push([...base, '', '', d.kind, 'false', '', '', '', '', ...note]);
      continue;
    }
    for (const f of d.fields) {
      const sides = LANGS.flatMap((l) => [
        sideText(f.diff[l], 'before'),
        sideText(f.diff[l], 'after'),
      ]);
      rows.push([...base, f.field, f.key ?? '', f.change, String(f.editorial), ...sides, ...note]);
    }
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * An Atom feed with one entry per changed item between neighbouring versions, newest version
 * first. `siteUrl` is the absolute URL of the site root, base path included, ending in `/`.
 */
export function changesAtom(catalog: Catalog, lang: Lang, siteUrl: string, title: string): string {
  const abs = (path: string) => new URL(localize(lang, path).replace(/^\//, ''), siteUrl).href;
  const entries: string[] = [];
  let newest = '1970-01-01';
  for (let i = catalog.versions.length - 1; i > 0; i--) {
    const from = catalog.versions[i - 1]!.meta.id;
    const to = catalog.versions[i]!.meta;
    // A version with no known date keeps the feed's earliest date rather than inventing one.
    const updated = `${to.released ?? to.auditsFrom ?? '1970-01-01'}T00:00:00Z`;
    if (updated > newest) newest = updated;
    for (const d of catalog.diff(from, to.id).items) {
      if (d.kind === 'unchanged') continue;
      const item = d.after ?? d.before!;
      const link = abs(`${comparePath(from, to.id)}#${changeAnchor(d.id)}`);
      const labels = d.note?.labels.map((l) => t(lang, `label.${l}` as UiKey));
      const label = labels
        ? t(lang, 'feed.entryLabels', { labels: labels.join(t(lang, 'feed.labelSeparator')) })
        : '';
      entries.push(
        [
          '  <entry>',
          `    <id>${xml(link)}</id>`,
          `    <title>${xml(`${t(lang, 'feed.entryTitle', { from, to: to.id, item: itemLabel({ ...item, id: d.id }, lang) })}${label}`)}</title>`,
          `    <link rel="alternate" href="${xml(link)}"/>`,
          `    <updated>${updated}</updated>`,
          `    <summary>${xml(d.note?.summary[lang] ?? t(lang, `kind.${d.kind}` as UiKey))}</summary>`,
          '  </entry>',
        ].join('\n'),
      );
    }
  }
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `  <id>${xml(abs('/compare/'))}</id>`,
    `  <title>${xml(title)}</title>`,
    `  <link rel="alternate" href="${xml(abs('/compare/'))}"/>`,
    `  <updated>${newest.length === 10 ? `${newest}T00:00:00Z` : newest}</updated>`,
    '  <author><name>MSP Checklist Explorer</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
