/**
 * Spreadsheets as plain tables of text cells, with the row numbers a spreadsheet shows.
 * CSV goes through csv-parse (after the bytes are decoded: UTF-8 with or without a BOM,
 * UTF-16 with a BOM, or Shift_JIS as Excel writes it in Japan); XLSX through exceljs.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AuthoringError } from './authoring-error.ts';

/** One cell as text, or the reason its value cannot be used. */
export interface TableCell {
  text: string;
  /** Why the cell has no usable text (an error value, a formula never calculated). */
  problem?: string;
  /** True when the spreadsheet stored the value as a number (`4.10` reads back as `4.1`). */
  numeric?: boolean;
}

/** A row with the 1-based number a spreadsheet shows for it. */
export interface TableRow {
  row: number;
  cells: TableCell[];
}

/** A sheet: every row that holds something, in order. */
export interface Table {
  rows: TableRow[];
  /** The encoding a CSV file was read in (`utf-8`, `shift_jis`…); absent for XLSX. */
  encoding?: string;
  /** The sheet an XLSX table was read from. */
  sheet?: string;
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/**
 * Decodes a text file. A byte-order mark decides; without one the text must be valid UTF-8,
 * or else valid Shift_JIS (Windows code page 932, as Excel saves "CSV" on Japanese Windows).
 * `encoding` forces any encoding `TextDecoder` knows.
 */
export function decodeText(
  bytes: Uint8Array,
  encoding?: string,
): { text: string; encoding: string } {
  const strict = (label: string) => {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(label, { fatal: true });
    } catch {
      throw new AuthoringError(`unknown encoding "${label}"`);
    }
    return decoder.decode(bytes);
  };
  if (encoding) {
    try {
      return { text: strict(encoding), encoding };
    } catch (e) {
      if (e instanceof AuthoringError) throw e;
      throw new AuthoringError(`the file is not valid ${encoding}`);
    }
  }
  for (const [bom, label] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return { text: strict(label), encoding: label };
  }
  try {
    return { text: strict('utf-8'), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: the other encoding spreadsheets commonly write in Japan.
  }
  try {
    return { text: strict('shift_jis'), encoding: 'shift_jis' };
  } catch {
    throw new AuthoringError(
      'the file is neither UTF-8 nor Shift_JIS: save it as "CSV UTF-8" or name its encoding with --encoding',
    );
  }
}

/** The delimiter its header line uses most: tab, semicolon or comma. */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (d: string) => firstLine.split(d).length - 1;
  return ['\t', ';', ','].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

const isBlank = (cells: TableCell[]) => cells.every((c) => c.text.trim() === '' && !c.problem);

/** Parses decoded CSV (or TSV) text; rows are numbered as a spreadsheet would show them. */
export function parseCsvTable(text: string): Table {
  let records: string[][];
  try {
    records = parseCsv(text, {
      bom: true,
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (e) {
    throw new AuthoringError(`not a readable CSV file: ${(e as Error).message}`);
  }
  const rows: TableRow[] = [];
  records.forEach((record, i) => {
    const cells = record.map((text) => ({ text }));
    if (!isBlank(cells)) rows.push({ row: i + 1, cells });
  });
  return { rows };
}

/**
 * The text of an exceljs cell value: a formula gives its saved result, rich text its plain
 * text, a hyperlink its label, a date its ISO form. Error values and formulas Excel never
 * calculated have no text, only a problem.
 */
export function cellValueText(value: ExcelJS.CellValue): TableCell {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: String(value), numeric: true };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) {
    const iso = value.toISOString();
    return { text: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso };
  }
  if ('error' in value) return { text: '', problem: `holds the error value ${value.error}` };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('hyperlink' in value) {
    const label: unknown = value.text;
    return typeof label === 'string' ? { text: label } : cellValueText(label as ExcelJS.CellValue);
  }
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined || value.result === null) {
      return {
        text: '',
        problem: 'is a formula with no saved result (open the file in Excel and save it again)',
      };
    }
    return cellValueText(value.result as ExcelJS.CellValue);
  }
  return { text: '', problem: 'holds a value of a kind the importer does not read' };
}

/**
 * The rows of a worksheet that hold something. A merged cell's text is read once, from its
 * top-left cell: the other cells of the merge are empty.
 */
function worksheetRows(worksheet: ExcelJS.Worksheet): TableRow[] {
  const rows: TableRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: TableCell[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      const merged = cell.isMerged && cell.master.address !== cell.address;
      cells.push(merged ? { text: '' } : cellValueText(cell.value));
    }
    if (!isBlank(cells)) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as Node's Buffer; a Uint8Array view of the same bytes works.
    await workbook.xlsx.load(data as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (e) {
    throw new AuthoringError(`not a readable XLSX file: ${(e as Error).message}`);
  }
  return workbook;
}

/** Reads one sheet of an XLSX workbook (by name, or the first one). */
export async function readXlsxTable(
  data: ArrayBuffer | Uint8Array,
  sheet?: string,
): Promise<Table> {
  const workbook = await loadWorkbook(data);
  const names = workbook.worksheets.map((w) => w.name);
  const worksheet = sheet ? workbook.getWorksheet(sheet) : workbook.worksheets[0];
  if (!worksheet) {
    throw new AuthoringError(
      sheet
        ? `no sheet named "${sheet}" (the workbook has ${names.map((n) => `"${n}"`).join(', ')})`
        : 'the workbook has no sheet',
    );
  }
  return { rows: worksheetRows(worksheet), sheet: worksheet.name };
}

/** A named sheet of a workbook, or a CSV file read as one sheet. */
export interface NamedTable extends Table {
  sheet: string;
}

/**
 * Every sheet of a table file: each sheet of an XLSX workbook, or a CSV file as one sheet named
 * after the file (`MSP Prerequisites.csv` → `MSP Prerequisites`).
 */
export async function readSheets(
  fileName: string,
  data: Uint8Array,
  { encoding }: { encoding?: string | undefined } = {},
): Promise<NamedTable[]> {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'xlsx' || ext === 'xlsm') {
    const workbook = await loadWorkbook(data);
    return workbook.worksheets.map((w) => ({ rows: worksheetRows(w), sheet: w.name }));
  }
  const table = await readTable(fileName, data, { encoding });
  const base = fileName.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, '');
  return [{ ...table, sheet: base }];
}

/** Reads a table file by its extension: `.csv`, `.tsv`, `.txt` or `.xlsx`. */
export async function readTable(
  fileName: string,
  data: Uint8Array,
  { sheet, encoding }: { sheet?: string | undefined; encoding?: string | undefined } = {},
): Promise<Table> {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'xlsx' || ext === 'xlsm') return readXlsxTable(data, sheet);
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') {
    const decoded = decodeText(data, encoding);
    return { ...parseCsvTable(decoded.text), encoding: decoded.encoding };
  }
  if (ext === 'xls') {
    throw new AuthoringError(
      'old .xls workbooks are not read: save the file as .xlsx or CSV UTF-8',
    );
  }
  throw new AuthoringError(`cannot read "${fileName}": give a .csv, .tsv or .xlsx file`);
}
