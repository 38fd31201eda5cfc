/**
 * Import of AWS's self-assessment workbook as it comes, with no option to set: every part sheet
 * becomes a part, its section rows sections, its control rows items (the requirement cell split
 * into title, level, requirement and evidence). Sheets of prose are skipped. Pure: sheets and
 * the existing content files in, the plan out (see `import-plan.ts`).
 */
import { parse as parseYaml } from 'yaml';
import { compareVersionIds } from '../../../src/lib/ids.ts';
import type { RawFile } from '../../../src/lib/load.ts';
import {
  LEVEL_VALUES,
  contentSchemas,
  type Item,
  type LevelValue,
  type LocalizedText,
  type Part,
  type Section,
} from '../../../src/lib/model.ts';
import {
  classifyRow,
  detectSheetLayout,
  partIdOf,
  sectionIdOf,
  type SheetGrid,
  type SheetLayout,
} from '../../../src/lib/workbook-layout.ts';
import { keyFromText } from './evidence-lines.ts';
import {
  MAX_CELL_CHARS,
  checkImportOptions,
  dropAmbiguousIds,
  finishPlan,
  importTarget,
  itemIdsOf,
  type FoundSummary,
  type ImportOptions,
  type ImportPlan,
  type ImportTarget,
  type RowReport,
} from './import-plan.ts';
import { splitRequirementCell } from './requirement-cell.ts';
import type { NamedTable, TableRow } from './table.ts';

/** A sheet as the layout functions read it: cell text only. */
const gridOf = (sheet: NamedTable): SheetGrid => ({
  name: sheet.sheet,
  rows: sheet.rows.map((r) => ({ row: r.row, cells: r.cells.map((c) => c.text) })),
});

/** True when some sheet has the self-assessment layout (an ID and a requirement column). */
export function isWorkbookLayout(sheets: readonly NamedTable[]): boolean {
  return sheets.some((s) => detectSheetLayout(gridOf(s)) !== undefined);
}

/** Everything read from the sheets, before ambiguous ids are dropped. */
interface SheetsRead {
  parts: Part[];
  sections: Section[];
  made: { report: Omit<RowReport, 'reasons'>; item: Item }[];
  rowsById: Map<string, string[]>;
  skipped: RowReport[];
  warnings: RowReport[];
  found: FoundSummary;
  /** Rows whose Met? or Partner Response holds an answer. */
  answered: number;
  columns: Record<string, string>;
  extra: Set<string>;
}

/** A text in the edition's languages: English, and Japanese only when filled from it. */
function texts(en: string, fillJa: boolean): LocalizedText {
  return { en, ja: fillJa ? en : '' };
}

/** Makes an id unique among `taken` by a `-2`, `-3` suffix. */
function unique(id: string, taken: Set<string>): string {
  let out = id;
  for (let n = 2; taken.has(out); n++) out = `${id}-${n}`;
  taken.add(out);
  return out;
}

// "Evidence must be", "Evidence of", "Evidence may include": words every entry starts with.
const EVIDENCE_LEAD =
  /^evidence\s+(?:(?:must|may|should|shall|can)\s+(?:be|include|show)\s+|of\s+|that\s+|showing\s+)?/i;

/**
 * Evidence entries with keys made of their first meaningful words after the lead ("Evidence
 * must be a link to…" → `link-public-page…`); a repeated key gets `-2`, `-3`.
 */
function evidenceEntries(texts: readonly string[]): { key: string; en: string }[] {
  const taken = new Set<string>();
  return texts.map((text, i) => {
    const base =
      keyFromText(text.replace(EVIDENCE_LEAD, '')) ?? keyFromText(text) ?? `evidence-${i + 1}`;
    return { key: unique(base, taken), en: text };
  });
}

/** One control row as an item, or the reasons it cannot be one. */
function controlItem(
  row: TableRow,
  id: string,
  section: string | undefined,
  layout: SheetLayout,
  target: ImportTarget,
  fillJa: boolean,
): { item?: Item; reasons: string[]; notes: string[] } {
  if (!section) return { reasons: ['a control before any section row'], notes: [] };
  const cell = row.cells[layout.columns.requirement] ?? { text: '' };
  if (cell.problem) return { reasons: [`Requirement Description ${cell.problem}`], notes: [] };
  if (cell.text.length > MAX_CELL_CHARS) {
    return {
      reasons: [
        `Requirement Description holds ${cell.text.length.toLocaleString('en')} characters; a cell may hold at most ${MAX_CELL_CHARS.toLocaleString('en')}`,
      ],
      notes: [],
    };
  }
  const split = splitRequirementCell(cell.text);
  const reasons = split.problems.map((p) => `Requirement Description ${p}`);
  if (reasons.length > 0) return { reasons, notes: split.notes };
  const candidate = {
    id,
    kind: 'control',
    section,
    level: split.level,
    title: texts(split.title, fillJa),
    requirement: texts(split.requirement, fillJa),
    evidence: evidenceEntries(split.evidence).map((e) => ({ ...e, ja: fillJa ? e.en : '' })),
    provenance: target.provenance,
  };
  const parsed = contentSchemas(target.languages).item.safeParse(candidate);
  if (parsed.success) return { item: parsed.data, reasons: [], notes: split.notes };
  return {
    reasons: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    notes: split.notes,
  };
}

/** Where a part sheet's reading stands: the part, and the section rows met. */
interface PartReading {
  sheet: string;
  partId: string;
  summary: FoundSummary['parts'][number];
  /** A section row met; it becomes a section once a control follows it. */
  pending?: { id: string; name: string; row: number } | undefined;
  /** The section controls go into. */
  open?: Section | undefined;
}

/** A section row with no control under it is not a section: it is listed and dropped. */
function dropPending(p: PartReading, read: SheetsRead): void {
  if (!p.pending) return;
  read.warnings.push({
    sheet: p.sheet,
    row: p.pending.row,
    reasons: [`"${p.pending.name}" has no control under it, so it is not a section`],
  });
  p.pending = undefined;
}

/** The section row met last becomes the section the next controls go into. */
function openPending(p: PartReading, read: SheetsRead, taken: Set<string>, fillJa: boolean) {
  if (!p.pending) return;
  p.open = {
    id: unique(p.pending.id, taken),
    title: texts(p.pending.name, fillJa),
    confidence: 'S',
    part: p.partId,
  };
  read.sections.push(p.open);
  p.summary.sections.push({ id: p.open.id, title: p.pending.name, items: 0 });
  p.pending = undefined;
}

/** One control row into `read`: its item, or why it has none, and what is worth a look. */
function readControlRow(
  row: TableRow,
  id: string,
  p: PartReading,
  layout: SheetLayout,
  context: { target: ImportTarget; fillJa: boolean },
  read: SheetsRead,
): void {
  read.rowsById.set(id, [...(read.rowsById.get(id) ?? []), `${row.row} of "${p.sheet}"`]);
  const answered = [layout.columns.met, layout.columns.response].some(
    (at) => at !== undefined && row.cells[at]?.text.trim(),
  );
  if (answered) read.answered++;
  const made = controlItem(row, id, p.open?.id, layout, context.target, context.fillJa);
  const report = { sheet: p.sheet, row: row.row, id };
  if (made.item) {
    read.made.push({ report, item: made.item });
    p.summary.sections.at(-1)!.items++;
    read.found.levels[made.item.level]++;
  }
  if (made.reasons.length > 0) read.skipped.push({ ...report, reasons: made.reasons });
  if (made.notes.length > 0) read.warnings.push({ ...report, reasons: made.notes });
}

/** Records which header each column was read from, and the headers left aside. */
function recordColumns(sheet: NamedTable, layout: SheetLayout, read: SheetsRead): void {
  const header = sheet.rows.find((r) => r.row === layout.headerRow)!;
  for (const [field, at] of Object.entries(layout.columns)) {
    read.columns[field] ??= header.cells[at]?.text.trim() ?? '';
  }
  layout.extra.forEach((h) => read.extra.add(h));
}

/** Reads one part sheet into `read`. */
function readPartSheet(
  sheet: NamedTable,
  layout: SheetLayout,
  context: { target: ImportTarget; fillJa: boolean },
  read: SheetsRead,
  taken: { parts: Set<string>; sections: Set<string> },
): void {
  const partId = unique(partIdOf(sheet.sheet), taken.parts);
  read.parts.push({ id: partId, title: texts(sheet.sheet, context.fillJa) });
  const p: PartReading = {
    sheet: sheet.sheet,
    partId,
    summary: { id: partId, title: sheet.sheet, sections: [] },
  };
  read.found.parts.push(p.summary);
  recordColumns(sheet, layout, read);
  const grid = gridOf(sheet);
  sheet.rows.forEach((row, i) => {
    if (row.row <= layout.headerRow) return;
    const kind = classifyRow(grid.rows[i]!.cells, layout);
    if (kind.kind === 'section') {
      dropPending(p, read);
      p.pending = { id: sectionIdOf(partId, kind.name), name: kind.name, row: row.row };
    } else if (kind.kind === 'other') {
      const text = row.cells.map((c) => c.text.trim()).find(Boolean) ?? '';
      read.warnings.push({
        sheet: sheet.sheet,
        row: row.row,
        reasons: [`not a control or section row ("${text.slice(0, 60)}"): left out`],
      });
    } else if (kind.kind === 'control') {
      openPending(p, read, taken.sections, context.fillJa);
      readControlRow(row, kind.id, p, layout, context, read);
    }
  });
  dropPending(p, read);
}

/** Titles of the previous version's items, by id, read from its item files. */
function previousTitles(existing: readonly RawFile[], previous: string): Map<string, string> {
  const titles = new Map<string, string>();
  for (const id of itemIdsOf(existing, previous)) {
    const file = existing.find((f) => f.path === `versions/${previous}/items/${id}.yaml`);
    try {
      const raw = parseYaml(file?.text ?? '') as { title?: { en?: unknown } } | null;
      if (typeof raw?.title?.en === 'string') titles.set(id, raw.title.en);
    } catch {
      // An unreadable file links nothing; the content check reports it.
    }
  }
  return titles;
}

const sameTitle = (a: string, b: string) =>
  a.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase() ===
  b.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * A new id whose title is that of exactly one id the previous version had and this one has
 * not continues it: its item `replaces` the old id, so the diff shows it renumbered.
 */
function linkRenumbered(
  read: SheetsRead,
  existing: readonly RawFile[],
  target: ImportTarget,
): void {
  const previous = target.versions.filter((v) => compareVersionIds(v, target.version) < 0).at(-1);
  if (!previous) return;
  const before = previousTitles(existing, previous);
  const ids = new Set(read.made.map((m) => m.item.id));
  const gone = [...before].filter(([id]) => !ids.has(id));
  const fresh = read.made.filter((m) => !before.has(m.item.id));
  for (const m of fresh) {
    const matches = gone.filter(([, title]) => sameTitle(title, m.item.title.en));
    if (matches.length !== 1) continue;
    const [old, title] = matches[0]!;
    const others = fresh.filter((f) => sameTitle(f.item.title.en, title));
    if (others.length !== 1) continue;
    m.item.replaces = [old];
    read.warnings.push({
      ...m.report,
      reasons: [
        `takes the place of ${old} of ${previous} (same title): written as replaces: ["${old}"], so the diff shows it renumbered; remove it if the two are not the same control`,
      ],
    });
  }
}

function emptyRead(): SheetsRead {
  return {
    parts: [],
    sections: [],
    made: [],
    rowsById: new Map(),
    skipped: [],
    warnings: [],
    found: {
      parts: [],
      levels: Object.fromEntries(LEVEL_VALUES.map((l) => [l, 0])) as Record<LevelValue, number>,
      sheets: [],
    },
    answered: 0,
    columns: {},
    extra: new Set(),
  };
}

/** Into a version that exists, only controls of the sections its version.yaml declares. */
function refuseUndeclaredSections(read: SheetsRead, declared: Set<string>, version: string) {
  for (const m of read.made) {
    if (!declared.has(m.item.section)) {
      read.skipped.push({
        ...m.report,
        reasons: [`section ${m.item.section} is not declared in versions/${version}/version.yaml`],
      });
    }
  }
  read.made = read.made.filter((m) => declared.has(m.item.section));
}

/**
 * Turns the sheets of a self-assessment workbook (or CSV files of its sheets) into content
 * files for one version; throws `AuthoringError` on a bad set-up. `keepWorkbook` names the XLSX
 * file to keep beside the version, for the self-check to write answers into.
 */
export function planWorkbookImport(
  sheets: readonly NamedTable[],
  existing: readonly RawFile[],
  opts: ImportOptions & { keepWorkbook?: string | undefined },
): ImportPlan {
  checkImportOptions(opts);
  const fillJa = opts.fillJaWithEn ?? false;
  const target = importTarget(existing, opts, {
    english: true,
    // The layout is that of the workbook AWS hands to partners.
    knownSource: {
      title: {
        en: `AWS self-assessment workbook ${opts.fileName}`,
        ja: `AWS のセルフアセスメントのワークブック ${opts.fileName}`,
      },
      publisher: 'AWS',
    },
  });
  const read = emptyRead();
  const taken = { parts: new Set<string>(), sections: new Set<string>() };
  for (const sheet of sheets) {
    const layout = detectSheetLayout(gridOf(sheet));
    if (!layout) {
      read.found.sheets.push({
        name: sheet.sheet,
        skipped: 'no header row with ID and Requirement Description (a sheet of prose)',
      });
      continue;
    }
    read.found.sheets.push({ name: sheet.sheet });
    readPartSheet(sheet, layout, { target, fillJa }, read, taken);
  }
  if (target.current) refuseUndeclaredSections(read, target.current.sections, opts.version);
  linkRenumbered(read, existing, target);
  if (read.answered > 0) {
    read.warnings.push({
      row: 0,
      reasons: [
        `${read.answered} row(s) have Met? or Partner Response filled in: answers are not content, so they are not imported here; choose the workbook in the self-check to read them`,
      ],
    });
  }
  const sheetOrder = ['', ...sheets.map((s) => s.sheet)];
  const items = dropAmbiguousIds(read.made, read.rowsById, read.skipped, read.warnings, sheetOrder);
  return finishPlan(existing, opts, {
    target,
    items,
    sections: read.sections,
    parts: read.parts,
    skipped: read.skipped,
    warnings: read.warnings,
    columns: read.columns,
    ignoredColumns: [...read.extra],
    found: read.found,
    unknownDates: true,
    ...(opts.keepWorkbook && !target.current && { workbook: opts.keepWorkbook }),
  });
}
