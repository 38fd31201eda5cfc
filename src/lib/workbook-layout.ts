/**
 * The layout of AWS's self-assessment workbook, as the importer and the self-check read it: on
 * each part sheet, title rows, then a header row `ID | Requirement Description | Met? | Partner
 * Response`, then section rows (a name alone in the first column) and control rows (`BUS-001`).
 * Pure and free of any spreadsheet library: callers hand in sheets as rows of cell text.
 */
import { CODED_ID, CONTROL_ID } from './ids.ts';

/** A row of a sheet: the 1-based number a spreadsheet shows, and the text of each cell. */
export interface GridRow {
  row: number;
  cells: string[];
}

/** A sheet as rows of text (rows that hold nothing may be left out). */
export interface SheetGrid {
  name: string;
  rows: GridRow[];
}

/** The header text of the four columns, as a fresh workbook names them. */
export const WORKBOOK_HEADERS = {
  id: 'ID',
  requirement: 'Requirement Description',
  met: 'Met?',
  response: 'Partner Response',
} as const;

export type WorkbookColumn = keyof typeof WORKBOOK_HEADERS;

/** Where a sheet's header row is and which column holds what (0-based indexes). */
export interface SheetLayout {
  headerRow: number;
  columns: { id: number; requirement: number; met?: number; response?: number };
  /** Headers of the other columns, left as they are. */
  extra: string[];
}

/** Header text in a comparable form: `Title (EN)` → `title_en`, `Met?` → `met`. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

// Header names seen in workbooks of different generations and in copies teams made of them.
const HEADER_KEYS: Record<WorkbookColumn, (key: string) => boolean> = {
  id: (k) => ['id', 'control_id', 'requirement_id', 'item_id', 'ref', 'reference'].includes(k),
  requirement: (k) =>
    [
      'requirement_description',
      'requirement',
      'requirements',
      'description',
      'control_description',
      'requirement_text',
    ].includes(k),
  met: (k) => k === 'met' || k.startsWith('met_') || ['requirement_met', 'compliant'].includes(k),
  response: (k) =>
    k.startsWith('partner_response') ||
    ['response', 'partner_comments', 'partner_comment', 'partner_notes', 'comments'].includes(k),
};

// A separate title column means the older, column-mapped layout, not this one.
const TITLE_KEYS = new Set(['title', 'name', 'control_title', 'control_name', 'title_en']);

/** How many rows from the top the header row may be (title rows come first). */
const HEADER_SEARCH_ROWS = 15;

/** The column each header names, by the first header that names it. */
function headerColumns(cells: readonly string[]): Partial<Record<WorkbookColumn, number>> {
  const found: Partial<Record<WorkbookColumn, number>> = {};
  cells.forEach((cell, at) => {
    const key = headerKey(cell);
    if (!key) return;
    for (const column of Object.keys(HEADER_KEYS) as WorkbookColumn[]) {
      if (found[column] === undefined && HEADER_KEYS[column](key)) {
        found[column] = at;
        return;
      }
    }
  });
  return found;
}

/**
 * The layout of one sheet: the first row near the top that names an id column and a
 * requirement column (and no separate title column). Undefined for a sheet without one, such
 * as a sheet of prose.
 */
export function detectSheetLayout(sheet: SheetGrid): SheetLayout | undefined {
  for (const r of sheet.rows) {
    if (r.row > HEADER_SEARCH_ROWS) break;
    const found = headerColumns(r.cells);
    if (found.id === undefined || found.requirement === undefined) continue;
    if (r.cells.some((c) => TITLE_KEYS.has(headerKey(c)))) return undefined;
    const used = new Set(Object.values(found));
    return {
      headerRow: r.row,
      columns: {
        id: found.id,
        requirement: found.requirement,
        ...(found.met !== undefined && { met: found.met }),
        ...(found.response !== undefined && { response: found.response }),
      },
      extra: r.cells.filter((c, at) => c.trim() && !used.has(at)).map((c) => c.trim()),
    };
  }
  return undefined;
}

/** A control id as a cell holds it: trimmed; a coded id in capitals (`bus-001` → `BUS-001`). */
export function cellId(text: string): string {
  const t = text.normalize('NFKC').trim();
  return CODED_ID.test(t.toUpperCase()) ? t.toUpperCase() : t;
}

/** True when a cell holds a control id of either scheme. */
export function isControlCell(text: string): boolean {
  const id = cellId(text);
  return CODED_ID.test(id) || CONTROL_ID.test(id);
}

/** What a row below the header is. */
export type RowKind =
  | { kind: 'blank' }
  | { kind: 'section'; name: string }
  | { kind: 'control'; id: string }
  | { kind: 'other' };

/** Longest text read as a section name; a longer lone cell is a note, not a section. */
const MAX_SECTION_NAME = 80;

/**
 * Classifies a row below the header: a control (an id in the id column), a section (a short
 * name alone in the first column), blank, or something else (a note, a stray value). `isId`
 * says what counts as an id (default: a control id of either scheme).
 */
export function classifyRow(
  cells: readonly string[],
  layout: SheetLayout,
  isId: (text: string) => boolean = isControlCell,
): RowKind {
  const filled = cells.map((c, at) => ({ at, text: c.trim() })).filter((c) => c.text);
  if (filled.length === 0) return { kind: 'blank' };
  const idText = cells[layout.columns.id] ?? '';
  if (isId(idText)) return { kind: 'control', id: cellId(idText) };
  if (filled.length === 1 && filled[0]!.at === 0) {
    const name = filled[0]!.text.replace(/\s+/g, ' ');
    if (name.length <= MAX_SECTION_NAME && !/[.。:：]$/.test(name))
      return { kind: 'section', name };
  }
  return { kind: 'other' };
}

/** A lowercase slug of a name: `MSP Technical Validation` → `msp-technical-validation`. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The part id of a sheet (`MSP Prerequisites` → `msp-prerequisites`). */
export function partIdOf(sheetName: string): string {
  return slugOf(sheetName) || 'part';
}

/**
 * The section id of a section row in a part: the part id, then the name without a trailing
 * parenthetical (`Security (…)` in `msp-prerequisites` → `msp-prerequisites-security`).
 */
export function sectionIdOf(partId: string, name: string): string {
  const base = slugOf(name.replace(/\s*[(（].*$/su, '')) || slugOf(name) || 'section';
  return `${partId}-${base}`;
}

/** A control row found in a workbook: where it is, and the columns it answers in. */
export interface ControlRow {
  sheet: string;
  row: number;
  id: string;
  layout: SheetLayout;
}

/** Every control row of every sheet that has the layout, in workbook order. */
export function controlRows(
  sheets: readonly SheetGrid[],
  isId: (text: string) => boolean = isControlCell,
): ControlRow[] {
  const out: ControlRow[] = [];
  for (const sheet of sheets) {
    const layout = detectSheetLayout(sheet);
    if (!layout) continue;
    for (const r of sheet.rows) {
      if (r.row <= layout.headerRow) continue;
      const kind = classifyRow(r.cells, layout, isId);
      if (kind.kind === 'control') out.push({ sheet: sheet.name, row: r.row, id: kind.id, layout });
    }
  }
  return out;
}
