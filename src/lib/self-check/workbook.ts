/**
 * Self-check answers and the self-assessment workbook, both ways: answers written into the
 * `Met?` and `Partner Response` cells of the right rows (nothing else touched), and a workbook
 * the team filled in read back as answers. Works on exceljs objects, which the caller loads (the
 * library is large, so the page imports it only when it is needed).
 */
import type ExcelJS from 'exceljs';
import { isControlCell, controlRows, type ControlRow, type SheetGrid } from '../workbook-layout.ts';
import type { ItemData, SelfCheckData } from './version-file.ts';
import { isEmptyAnswer } from './state.ts';
import { MAX_NOTE_CHARS, emptyState, own, type Answer, type SelfCheckState } from './types.ts';

/** The values of the `Met?` column. */
export const MET = { yes: 'Yes', no: 'No', na: 'N/A' } as const;
/** The workbook is AWS's English form: what the self-check writes into it is English too. */
export const PARTLY_MARK = 'Partly met.';
export const EVIDENCE_MARK = 'Evidence ready:';

/** What goes into an item's two answer cells. */
export interface AnswerCells {
  met: string;
  response: string;
}

/**
 * The cells of an answer: `Met?` from the status (partly met is No, marked in the response),
 * `Partner Response` from the notes and the ticked evidence. Undefined when unanswered.
 */
export function answerCells(item: ItemData, a: Answer | undefined): AnswerCells | undefined {
  if (!a || isEmptyAnswer(a)) return undefined;
  const met =
    a.status === 'met'
      ? MET.yes
      : a.status === 'na'
        ? MET.na
        : a.status === 'partly' || a.status === 'not-yet'
          ? MET.no
          : '';
  const ready = item.evidence.filter((e) => own(a.evidence, e.key) === true);
  const parts = [
    ...(a.status === 'partly' ? [PARTLY_MARK] : []),
    ...(a.notes.trim() ? [a.notes.trim()] : []),
    ...(ready.length > 0 ? [[EVIDENCE_MARK, ...ready.map((e) => `• ${e.en}`)].join('\n')] : []),
  ];
  return { met, response: parts.join('\n\n') };
}

/** The text of an exceljs cell value (a formula gives its result, rich text its plain text). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : '';
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  return '';
}

/** A worksheet as rows of text; a merged cell's text is read once, from its top-left cell. */
export function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: SheetGrid['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      cells.push(cell.isMerged && cell.master.address !== cell.address ? '' : cellText(cell.value));
    }
    rows.push({ row: n, cells });
  });
  return { name: ws.name, rows };
}

/** Control rows of sheets: control ids, and the ids of `data`'s items (program rules too). */
function rowsOf(grids: readonly SheetGrid[], data: SelfCheckData): ControlRow[] {
  const known = new Set(data.items.map((i) => i.id));
  return controlRows(grids, (text) => isControlCell(text) || known.has(text.trim()));
}

/** What writing answers into a workbook did. */
export interface FillResult {
  /** Rows given an answer. */
  filled: number;
  /** Rows of the version's items left empty (unanswered). */
  empty: number;
  /** Answered items with no row in the workbook. */
  missing: string[];
}

/**
 * Writes the answers of `data.version` into the workbook's `Met?` and `Partner Response` cells,
 * in place: every other cell, style, width and sheet stays as it is, and unanswered rows are
 * not touched.
 */
export function fillWorkbook(
  workbook: ExcelJS.Workbook,
  data: SelfCheckData,
  state: SelfCheckState,
): FillResult {
  const answers = own(state.answers, data.version) ?? {};
  const byId = new Map(data.items.map((i) => [i.id, i]));
  const result: FillResult = { filled: 0, empty: 0, missing: [] };
  const seen = new Set<string>();
  for (const r of rowsOf(workbook.worksheets.map(sheetGrid), data)) {
    const item = byId.get(r.id);
    if (!item) continue;
    seen.add(r.id);
    const cells = answerCells(item, own(answers, r.id));
    const { met, response } = r.layout.columns;
    if (!cells || met === undefined || response === undefined) {
      result.empty++;
      continue;
    }
    const row = workbook.getWorksheet(r.sheet)!.getRow(r.row);
    row.getCell(met + 1).value = cells.met || null;
    row.getCell(response + 1).value = cells.response || null;
    result.filled++;
  }
  for (const item of data.items) {
    if (!seen.has(item.id) && answerCells(item, own(answers, item.id))) {
      result.missing.push(item.id);
    }
  }
  return result;
}

/** A row of a filled workbook that was not read, and why. */
export interface WorkbookProblem {
  code: 'unknownId' | 'met' | 'duplicate' | 'tooLong';
  sheet: string;
  row: number;
  id: string;
  /** The odd value, for `met`. */
  value?: string;
}

/** `Met?` values the reader may have typed, by their plain form. */
const MET_VALUES: Record<string, Answer['status']> = {
  yes: 'met',
  no: 'not-yet',
  'n/a': 'na',
  na: 'na',
};

/**
 * Reads the answers a team wrote into a workbook (`Met?` and `Partner Response`) as a state
 * for the version of `data`. Unknown ids, odd `Met?` values and unusable responses are listed,
 * never guessed; rows with nothing in either cell are skipped.
 */
export function readWorkbookAnswers(
  workbook: ExcelJS.Workbook,
  data: SelfCheckData,
  updatedAt: string,
): { state: SelfCheckState; problems: WorkbookProblem[] } {
  const byId = new Map(data.items.map((i) => [i.id, i]));
  const grids = workbook.worksheets.map(sheetGrid);
  // Each row's cells by sheet and row number: a workbook may have a hundred thousand rows.
  const cellsAt = new Map(
    grids.map((g) => [g.name, new Map(g.rows.map((x) => [x.row, x.cells]))] as const),
  );
  const state = emptyState();
  const answers: Record<string, Answer> = {};
  const problems: WorkbookProblem[] = [];
  for (const r of rowsOf(grids, data)) {
    const cells = cellsAt.get(r.sheet)!.get(r.row)!;
    const at = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
    const metText = at(r.layout.columns.met);
    const response = at(r.layout.columns.response).replace(/\r\n?/g, '\n');
    if (!metText && !response) continue;
    const where = { sheet: r.sheet, row: r.row, id: r.id };
    const item = byId.get(r.id);
    if (!item) {
      problems.push({ code: 'unknownId', ...where });
      continue;
    }
    if (Object.hasOwn(answers, r.id)) {
      problems.push({ code: 'duplicate', ...where });
      continue;
    }
    const key = metText.toLowerCase().replace(/\s+/g, '');
    if (metText && !Object.hasOwn(MET_VALUES, key)) {
      problems.push({ code: 'met', ...where, value: metText });
      continue;
    }
    const answer = answerFromCells(item, MET_VALUES[key], response, updatedAt);
    if (answer.notes.length > MAX_NOTE_CHARS) {
      problems.push({ code: 'tooLong', ...where });
      continue;
    }
    answers[r.id] = answer;
  }
  if (Object.keys(answers).length > 0) state.answers[data.version] = answers;
  return { state, problems };
}

/**
 * An answer from its two cells: the status from `Met?` (No with the partly mark reads as partly
 * met), evidence ticked where the response lists an entry's text under the evidence mark, and
 * the rest of the response as notes.
 */
function answerFromCells(
  item: ItemData,
  status: Answer['status'],
  response: string,
  updatedAt: string,
): Answer {
  let notes = response;
  let partly = false;
  if (notes.startsWith(PARTLY_MARK)) {
    partly = true;
    notes = notes.slice(PARTLY_MARK.length);
  }
  const evidence: Record<string, boolean> = {};
  const mark = notes.lastIndexOf(EVIDENCE_MARK);
  if (mark >= 0) {
    const listed = notes
      .slice(mark + EVIDENCE_MARK.length)
      .split('\n')
      .map((l) => l.replace(/^\s*•\s*/, '').trim())
      .filter(Boolean);
    const matched = item.evidence.filter((e) => listed.includes(e.en) || listed.includes(e.ja));
    // The block is ours only when every line names an entry; otherwise it is the team's text.
    if (matched.length === listed.length && listed.length > 0) {
      for (const e of matched) evidence[e.key] = true;
      notes = notes.slice(0, mark);
    }
  }
  return {
    ...(status && { status: partly && status === 'not-yet' ? 'partly' : status }),
    evidence,
    notes: notes.trim(),
    updatedAt,
    contentHash: item.hash,
  };
}

/** An item of a version, as `/data/versions/<v>.json` has it (the fields the workbook needs). */
export interface VersionItem {
  id: string;
  section: string;
  level: string;
  title: { en: string };
  requirement: { en: string };
  evidence: { en: string }[];
}

const LEVEL_WORDS: Record<string, string> = {
  mandatory: 'Mandatory',
  recommended: 'Recommended',
  bonus: 'Bonus',
};

/** The requirement cell of an item, in the workbook's layout. */
export function requirementCell(item: VersionItem): string {
  const lines = [item.title.en];
  if (LEVEL_WORDS[item.level]) lines.push(LEVEL_WORDS[item.level]!);
  lines.push('', item.requirement.en);
  if (item.evidence.length > 0) lines.push('', ...item.evidence.map((e) => e.en));
  return lines.join('\n');
}

/**
 * A workbook of the self-assessment layout for an edition that keeps none: one sheet per part
 * (or one sheet), a title row, the header `ID | Requirement Description | Met? | Partner
 * Response`, a row per section and per item. Answers are filled in by `fillWorkbook`.
 */
export function generatedWorkbook(
  Workbook: typeof ExcelJS.Workbook,
  data: SelfCheckData,
  items: readonly VersionItem[],
): ExcelJS.Workbook {
  const workbook = new Workbook();
  workbook.creator = 'MSP Checklist Explorer';
  const groups = data.parts?.length
    ? data.parts.map((p) => ({
        name: p.title.en,
        sections: data.sections.filter((s) => s.part === p.id),
      }))
    : [{ name: `Checklist ${data.version}`, sections: data.sections }];
  for (const g of groups) {
    const ws = workbook.addWorksheet(g.name.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
    [14, 90, 10, 60].forEach((w, i) => (ws.getColumn(i + 1).width = w));
    ws.mergeCells('A1:D1');
    ws.getCell('A1').value = `Self-assessment, version ${data.version}\n${g.name}`;
    ws.getCell('A1').font = { bold: true, size: 14 };
    ws.getCell('A1').alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(1).height = 36;
    const header = ws.addRow(['ID', 'Requirement Description', 'Met?', 'Partner Response']);
    header.font = { bold: true };
    for (const s of g.sections) {
      const sectionItems = items.filter((i) => i.section === s.id);
      if (sectionItems.length === 0) continue;
      ws.addRow([s.title?.en ?? s.id]).font = { bold: true };
      ws.addRow([]);
      for (const item of sectionItems) {
        ws.addRow([item.id, requirementCell(item)]).alignment = { wrapText: true, vertical: 'top' };
      }
    }
  }
  return workbook;
}

/**
 * When the workbook's answers were given: the file's time, but never later than now (an
 * answer from the future would win every later merge) and now when the file has no usable time.
 */
export function answerTime(lastModified: number, now: number): string {
  const ok = Number.isFinite(lastModified) && lastModified > 0 && lastModified <= now;
  return new Date(ok ? lastModified : now).toISOString();
}
