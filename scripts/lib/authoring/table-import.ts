/**
 * Spreadsheet import: a table with one row per control becomes item files (and a
 * version.yaml when the version is new). Pure: a table and the existing content files in, the
 * files to write and a report of every row it could not use out. `scripts/import-table.ts`
 * reads the spreadsheet and writes the files.
 */
import { compareDotted, sectionOfControl } from '../../../src/lib/ids.ts';
import type { RawFile } from '../../../src/lib/load.ts';
import {
  CONTROL_ID,
  EVIDENCE_KEY,
  RULE_ID,
  SECTION_ID,
  itemSchema,
  type Item,
  type LocalizedText,
  type Section,
} from '../../../src/lib/model.ts';
import { AuthoringError } from './authoring-error.ts';
import { resolveColumns, type Field } from './columns.ts';
import { versionPath } from './content-files.ts';
import { evidenceFromCells } from './evidence-lines.ts';
import {
  MAX_CELL_CHARS,
  checkImportOptions,
  dropAmbiguousIds,
  finishPlan,
  importTarget,
  type ImportOptions,
  type ImportPlan,
  type ImportTarget,
  type RowReport,
} from './import-plan.ts';
import type { Table, TableCell, TableRow } from './table.ts';

export {
  DEFAULT_SOURCE_ID,
  MAX_CELL_CHARS,
  type ImportOptions,
  type ImportPlan,
  type RowReport,
} from './import-plan.ts';

/** `8` → `8.0`; a section id or slug stays as it is; anything else is undefined. */
function sectionId(text: string): string | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return `${t}.0`;
  return SECTION_ID.test(t) ? t : undefined;
}

const split = (text: string, by: RegExp) =>
  text
    .split(by)
    .map((s) => s.trim())
    .filter(Boolean);

/** The header row and the column of every field, or an error naming the missing columns. */
function tableColumns(table: Table, opts: ImportOptions) {
  const headerAt =
    opts.headerRow === undefined ? 0 : table.rows.findIndex((r) => r.row === opts.headerRow);
  const headerRow = table.rows[headerAt];
  if (!headerRow) {
    throw new AuthoringError(
      opts.headerRow === undefined ? 'the table is empty' : `row ${opts.headerRow} is empty`,
    );
  }
  const header = headerRow.cells.map((c) => c.text);
  const { index, ignored } = resolveColumns(header, opts.columns ?? {});
  const required: Field[] = ['id', 'title_en', 'requirement_en'];
  if (!opts.fillJaWithEn) {
    required.push('title_ja', 'requirement_ja');
    if (index.has('evidence_en')) required.push('evidence_ja');
  }
  const missing = required.filter((f) => !index.has(f));
  if (missing.length > 0) {
    const seen = header.filter((h) => h.trim()).map((h) => `"${h.trim()}"`);
    throw new AuthoringError(
      `no column for ${missing.join(', ')} in the header row (row ${headerRow.row}): ` +
        `name them with --col, e.g. --col ${missing[0]}="…"` +
        (missing.some((f) => f.endsWith('_ja')) ? ', or pass --fill-ja-with-en' : '') +
        `; the header row has ${seen.length > 0 ? seen.join(', ') : 'no text'}`,
    );
  }
  const label = (field: Field) => {
    const at = index.get(field);
    return at === undefined ? `column "${field}"` : `column "${header[at]!.trim()}"`;
  };
  return { header, index, ignored, label, dataRows: table.rows.slice(headerAt + 1) };
}

type Columns = ReturnType<typeof tableColumns>;

/** What the rows add up to besides their items: sections met, in order, and their titles. */
interface SectionsSeen {
  order: string[];
  titles: Map<string, { row: number; title: Partial<LocalizedText> }>;
}

/** The cells of one row as field texts, collecting the reasons a cell cannot be used. */
function rowReader(tableRow: TableRow, columns: Columns, fillJa: boolean) {
  const reasons: string[] = [];
  const notes: string[] = [];
  // Fields whose cell was refused already, so they are not reported as empty too.
  const refused = new Set<Field>();
  const cell = (field: Field): TableCell => {
    const at = columns.index.get(field);
    return at === undefined ? { text: '' } : (tableRow.cells[at] ?? { text: '' });
  };
  const text = (field: Field): string => {
    const c = cell(field);
    if (c.problem) {
      reasons.push(`${columns.label(field)} ${c.problem}`);
      refused.add(field);
      return '';
    }
    if (c.text.length > MAX_CELL_CHARS) {
      reasons.push(
        `${columns.label(field)} holds ${c.text.length.toLocaleString('en')} characters; a cell may hold at most ${MAX_CELL_CHARS.toLocaleString('en')} (was a whole document pasted into it?)`,
      );
      refused.add(field);
      return '';
    }
    return c.text.replace(/\r\n?/g, '\n').trim();
  };
  const localized = (base: 'title' | 'requirement'): LocalizedText => {
    const en = text(`${base}_en`);
    let ja = text(`${base}_ja`);
    if (!en && !refused.has(`${base}_en`)) reasons.push(`${columns.label(`${base}_en`)} is empty`);
    if (!ja && !refused.has(`${base}_ja`)) {
      if (fillJa) ja = en;
      else
        reasons.push(
          `${columns.label(`${base}_ja`)} is empty: write the Japanese text, or pass --fill-ja-with-en`,
        );
    }
    return { en: base === 'title' ? en.replace(/\s*\n\s*/g, ' ') : en, ja };
  };
  return { reasons, notes, refused, cell, text, localized };
}

type Reader = ReturnType<typeof rowReader>;

/** The row's id, with a warning when it was stored as a number. */
function rowId(r: Reader, columns: Columns): string {
  const id = r.text('id');
  if (r.cell('id').numeric && CONTROL_ID.test(id)) {
    r.notes.push(
      `id ${id} was stored as a number, which drops trailing zeros (4.10 reads as 4.1): check it, and format the id column as text`,
    );
  }
  if (!id && !r.refused.has('id')) r.reasons.push(`${columns.label('id')} is empty`);
  else if (!CONTROL_ID.test(id) && !RULE_ID.test(id)) {
    r.reasons.push(
      `id "${id}" is neither a control number such as 8.1.10 nor a lowercase slug such as audit-timing`,
    );
  }
  return id;
}

/** The row's section: from a control's number, else from the section column; and its title. */
function rowSection(
  r: Reader,
  columns: Columns,
  id: string,
  row: number,
  target: ImportTarget,
  seen: SectionsSeen,
  fillJa: boolean,
): string | undefined {
  const sectionText = r.text('section');
  let section: string | undefined;
  if (sectionText) {
    section = sectionId(sectionText);
    if (!section) {
      r.reasons.push(`section "${sectionText}" is not a section id such as 8.0, 8 or program`);
    }
  }
  if (CONTROL_ID.test(id)) {
    const own = sectionOfControl(id);
    if (section && section !== own) {
      r.reasons.push(`section ${section} does not match control ${id}, which belongs in ${own}`);
    }
    section = own;
  } else if (RULE_ID.test(id) && !sectionText && !r.refused.has('section')) {
    r.reasons.push(
      `${columns.label('section')} is empty, and program rules need one (e.g. program)`,
    );
  }
  if (!section) return undefined;
  if (!seen.order.includes(section)) seen.order.push(section);
  if (target.current && !target.current.sections.has(section)) {
    r.reasons.push(`section ${section} is not declared in ${versionPath(target.version)}`);
  }
  const titleEn = r.text('section_title_en');
  const titleJa = r.text('section_title_ja') || (fillJa ? titleEn : '');
  if (titleEn || titleJa) {
    const known = seen.titles.get(section);
    if (!known) {
      seen.titles.set(section, {
        row,
        title: { ...(titleEn && { en: titleEn }), ...(titleJa && { ja: titleJa }) },
      });
    } else if (
      (titleEn && known.title.en && known.title.en !== titleEn) ||
      (titleJa && known.title.ja && known.title.ja !== titleJa)
    ) {
      r.notes.push(`section ${section} has another title on row ${known.row}; that one is used`);
    }
  }
  return section;
}

/** Tags as lowercase slugs, and replaced ids, from their cells. */
function rowTagsAndReplaces(r: Reader): { tags: string[]; replaces: string[] } {
  const tags: string[] = [];
  for (const tag of split(r.text('tags'), /[\s,、;；]+/)) {
    const slug = tag
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    if (!EVIDENCE_KEY.test(slug))
      r.reasons.push(`tag "${tag}" is not made of Latin letters or digits`);
    else if (!tags.includes(slug)) tags.push(slug);
  }
  const replaces = split(r.text('replaces'), /[\s,;、]+/);
  for (const old of replaces) {
    if (!CONTROL_ID.test(old) && !RULE_ID.test(old)) {
      r.reasons.push(`replaces "${old}" is not an item id`);
    }
  }
  return { tags, replaces };
}

/** One table row as an item, or the reasons it cannot be one. */
function rowItem(
  tableRow: TableRow,
  columns: Columns,
  target: ImportTarget,
  seen: SectionsSeen,
  fillJa: boolean,
): { id: string; item?: Item; reasons: string[]; notes: string[] } {
  const r = rowReader(tableRow, columns, fillJa);
  const id = rowId(r, columns);
  const section = rowSection(r, columns, id, tableRow.row, target, seen, fillJa);
  const title = r.localized('title');
  const requirement = r.localized('requirement');
  const ev = evidenceFromCells({
    en: r.text('evidence_en'),
    ja: r.text('evidence_ja'),
    enLabel: columns.index.has('evidence_en') ? columns.label('evidence_en') : 'evidence_en',
    jaLabel: columns.index.has('evidence_ja') ? columns.label('evidence_ja') : 'evidence_ja',
    fillJaWithEn: fillJa,
  });
  r.reasons.push(...ev.problems);
  const { tags, replaces } = rowTagsAndReplaces(r);
  const candidate = {
    id,
    kind: CONTROL_ID.test(id) ? 'control' : 'rule',
    section: section ?? '',
    title,
    requirement,
    evidence: ev.evidence,
    tags,
    aliases: {
      en: split(r.text('aliases_en'), /\n|[,;、；]/),
      ja: split(r.text('aliases_ja'), /\n|[,;、；]/),
    },
    ...(replaces.length > 0 && { replaces }),
    provenance: target.provenance,
  };
  if (r.reasons.length > 0) return { id, reasons: r.reasons, notes: r.notes };
  const parsed = itemSchema.safeParse(candidate);
  if (parsed.success) return { id, item: parsed.data, reasons: [], notes: r.notes };
  const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  return { id, reasons, notes: r.notes };
}

/** Program-rule sections first in the order met, then numbered sections in number order. */
function orderSections(ids: readonly string[]): string[] {
  const slugs = ids.filter((id) => !/^\d/.test(id));
  const numbered = ids.filter((id) => /^\d/.test(id)).sort(compareDotted);
  return [...slugs, ...numbered];
}

/** Sections for a new version.yaml, titled where both languages are given. */
function newSections(seen: SectionsSeen, warnings: RowReport[]): Section[] {
  for (const [id, { row, title }] of seen.titles) {
    if (!title.en || !title.ja) {
      warnings.push({
        row,
        reasons: [`section ${id} has a title in one language only, so none is written`],
      });
    }
  }
  return orderSections(seen.order).map((id) => {
    const t = seen.titles.get(id)?.title;
    return { id, ...(t?.en && t.ja && { title: { en: t.en, ja: t.ja } }), confidence: 'S' };
  });
}

/** Turns a table into content files for one version; throws `AuthoringError` on a bad set-up. */
export function planImport(
  table: Table,
  existing: readonly RawFile[],
  opts: ImportOptions,
): ImportPlan {
  checkImportOptions(opts);
  const fillJa = opts.fillJaWithEn ?? false;
  const columns = tableColumns(table, opts);
  const target = importTarget(existing, opts);

  const skipped: RowReport[] = [];
  const warnings: RowReport[] = [];
  const made: { report: Omit<RowReport, 'reasons'>; item: Item }[] = [];
  const rowsById = new Map<string, string[]>();
  const seen: SectionsSeen = { order: [], titles: new Map() };
  for (const tableRow of columns.dataRows) {
    const { id, item, reasons, notes } = rowItem(tableRow, columns, target, seen, fillJa);
    if (id) rowsById.set(id, [...(rowsById.get(id) ?? []), String(tableRow.row)]);
    const report = { row: tableRow.row, ...(id && { id }) };
    if (item) made.push({ report, item });
    if (reasons.length > 0) skipped.push({ ...report, reasons });
    if (notes.length > 0) warnings.push({ ...report, reasons: notes });
  }
  const items = dropAmbiguousIds(made, rowsById, skipped, warnings);

  return finishPlan(existing, opts, {
    target,
    items,
    sections: target.current ? [] : newSections(seen, warnings),
    skipped,
    warnings,
    columns: Object.fromEntries(
      [...columns.index]
        .sort((a, b) => a[1] - b[1])
        .map(([f, at]) => [f, columns.header[at]!.trim()]),
    ),
    ignoredColumns: columns.ignored,
  });
}
