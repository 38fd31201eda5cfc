import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuthoringError } from '../../scripts/lib/authoring/authoring-error.ts';
import {
  fieldOfHeader,
  headerKey,
  parseColumnFlags,
  parseMappingFile,
  resolveColumns,
} from '../../scripts/lib/authoring/columns.ts';
import {
  evidenceFromCells,
  keyFromText,
  splitEvidenceLines,
} from '../../scripts/lib/authoring/evidence-lines.ts';
import {
  cellValueText,
  decodeText,
  parseCsvTable,
  readTable,
} from '../../scripts/lib/authoring/table.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const texts = (row: { cells: { text: string }[] } | undefined) => row?.cells.map((c) => c.text);

describe('decodeText', () => {
  it('reads UTF-8 and drops a byte-order mark', () => {
    const plain = new TextEncoder().encode('id,タイトル');
    expect(decodeText(plain)).toEqual({ text: 'id,タイトル', encoding: 'utf-8' });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeText(withBom)).toEqual({ text: 'id,タイトル', encoding: 'utf-8' });
  });

  it('falls back to Shift_JIS when the bytes are not UTF-8', () => {
    // 日本 in Shift_JIS.
    const bytes = new Uint8Array([0x93, 0xfa, 0x96, 0x7b]);
    expect(decodeText(bytes)).toEqual({ text: '日本', encoding: 'shift_jis' });
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xe5, 0x65]);
    expect(decodeText(bytes)).toEqual({ text: 'A日', encoding: 'utf-16le' });
  });

  it('honours a forced encoding and rejects bytes that do not fit it', () => {
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9]);
    expect(decodeText(latin1, 'windows-1252').text).toBe('café');
    expect(() => decodeText(latin1, 'utf-8')).toThrow(/not valid utf-8/);
    expect(() => decodeText(latin1, 'klingon')).toThrow(/unknown encoding "klingon"/);
  });

  it('says what to do when the bytes are neither UTF-8 nor Shift_JIS', () => {
    expect(() => decodeText(new Uint8Array([0x41, 0xfd]))).toThrow(
      /neither UTF-8 nor Shift_JIS.*--encoding/,
    );
  });
});

describe('parseCsvTable', () => {
  it('numbers rows as a spreadsheet does: blank lines count, multi-line cells do not', () => {
    const table = parseCsvTable('id,title\n1.1,"two\nlines"\n\n1.2,b\n');
    expect(table.rows.map((r) => r.row)).toEqual([1, 2, 4]);
    expect(texts(table.rows[1])).toEqual(['1.1', 'two\nlines']);
  });

  it('finds the delimiter from the header line', () => {
    expect(texts(parseCsvTable('a;b\n"x,y";z\n').rows[1])).toEqual(['x,y', 'z']);
    expect(texts(parseCsvTable('a\tb\nx,y\tz\n').rows[1])).toEqual(['x,y', 'z']);
  });

  it('reports a malformed file as an authoring error', () => {
    expect(() => parseCsvTable('a,b\n"unclosed,x\n')).toThrow(AuthoringError);
  });
});

describe('readTable', () => {
  it('reads a Shift_JIS CSV with CRLF line ends, including CP932 characters', async () => {
    const table = await readTable('shift-jis.csv', fixture('shift-jis.csv'));
    expect(table.encoding).toBe('shift_jis');
    expect(texts(table.rows[0])).toEqual([
      'ID',
      'セクション',
      'Title',
      'タイトル',
      'Requirement',
      '要件',
      'Evidence',
      'エビデンス',
    ]);
    expect(texts(table.rows[1])).toContain('顧客満足度を測定します（年1回～四半期ごと）。');
    expect(texts(table.rows[1])).toContain('①アンケートの結果');
    expect(texts(table.rows[2])).toContain('ｸﾚｰﾑ対応');
  });

  it('keeps a UTF-8 byte-order mark out of the first header', async () => {
    const table = await readTable('bom.csv', fixture('bom.csv'));
    expect(table.rows[0]!.cells[0]!.text).toBe('Control ID');
    expect(texts(table.rows[1])).toContain('Customer data is backed up daily; copies are tested.');
  });

  it('reads a named XLSX sheet: formula results, rich text, hyperlink labels', async () => {
    const table = await readTable('checklist.xlsx', fixture('checklist.xlsx'), {
      sheet: 'Checklist',
    });
    expect(table.sheet).toBe('Checklist');
    expect(table.rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    const [, first, second] = table.rows;
    expect(first!.cells[0]).toEqual({ text: '1.1', numeric: true });
    expect(first!.cells[8]).toEqual({ text: '4', numeric: true });
    expect(texts(second)!.slice(2, 7)).toEqual([
      'Incident response',
      'インシデント対応',
      'Incidents are handled within the agreed times.',
      '合意した時間内にインシデントに対応します。',
      'runbook: Incident runbook',
    ]);
  });

  it('reads the first sheet by default and names the sheets when one is missing', async () => {
    const data = fixture('checklist.xlsx');
    expect((await readTable('checklist.xlsx', data)).sheet).toBe('Read me');
    await expect(readTable('checklist.xlsx', data, { sheet: 'Nope' })).rejects.toThrow(
      /no sheet named "Nope" \(the workbook has "Read me", "Checklist"\)/,
    );
  });

  it('marks error values and formulas without a saved result', async () => {
    const table = await readTable('problems.xlsx', fixture('problems.xlsx'));
    const cell = (row: number, col: number) => table.rows.find((r) => r.row === row)!.cells[col]!;
    expect(cell(4, 1).problem).toMatch(/formula with no saved result/);
    expect(cell(5, 2).problem).toMatch(/error value #N\/A/);
    expect(cell(6, 1)).toEqual({ text: 'Good row too' });
    expect(cell(3, 3).text).toHaveLength(21_000);
  });

  it('refuses files it cannot read', async () => {
    await expect(readTable('old.xls', new Uint8Array())).rejects.toThrow(/save the file as .xlsx/);
    await expect(readTable('notes.pdf', new Uint8Array())).rejects.toThrow(
      /\.csv, \.tsv or \.xlsx/,
    );
    await expect(readTable('broken.xlsx', fixture('good.csv'))).rejects.toThrow(
      /not a readable XLSX file/,
    );
  });
});

describe('cellValueText', () => {
  it('turns every kind of exceljs value into text', () => {
    expect(cellValueText(null)).toEqual({ text: '' });
    expect(cellValueText('x')).toEqual({ text: 'x' });
    expect(cellValueText(8.1)).toEqual({ text: '8.1', numeric: true });
    expect(cellValueText(true)).toEqual({ text: 'TRUE' });
    expect(cellValueText(new Date('2024-04-01T00:00:00Z'))).toEqual({ text: '2024-04-01' });
    expect(
      cellValueText({ richText: [{ text: 'a' }, { text: 'b', font: { bold: true } }] }),
    ).toEqual({ text: 'ab' });
    expect(cellValueText({ sharedFormula: 'A1', result: 'shared' })).toEqual({ text: 'shared' });
    expect(cellValueText({ formula: 'A1', result: { error: '#REF!' } }).problem).toMatch(/#REF!/);
    expect(
      cellValueText({ text: { richText: [{ text: 'label' }] }, hyperlink: 'https://x' } as never),
    ).toEqual({ text: 'label' });
  });
});

describe('columns', () => {
  it('recognises common header names and their language', () => {
    expect(headerKey('  Title (EN) ')).toBe('title_en');
    expect(fieldOfHeader('Control ID')).toBe('id');
    expect(fieldOfHeader('Title')).toBe('title_en');
    expect(fieldOfHeader('Title (Japanese)')).toBe('title_ja');
    expect(fieldOfHeader('タイトル')).toBe('title_ja');
    expect(fieldOfHeader('要件（英語）')).toBe('requirement_en');
    expect(fieldOfHeader('Section title (JA)')).toBe('section_title_ja');
    expect(fieldOfHeader('Owner')).toBeUndefined();
    expect(fieldOfHeader('id_ja')).toBeUndefined();
  });

  it('prefers named columns and lists the columns nobody uses', () => {
    const header = ['No.', 'Control ID', 'Title', 'タイトル', 'Owner'];
    const { index, ignored } = resolveColumns(header, { id: 'no.' });
    expect(index.get('id')).toBe(0);
    expect(index.get('title_en')).toBe(2);
    expect(index.get('title_ja')).toBe(3);
    expect(ignored).toEqual(['Control ID', 'Owner']);
  });

  it('names the header when a named column is missing or two columns compete', () => {
    expect(() => resolveColumns(['id', 'Title'], { title_ja: 'Titre' })).toThrow(
      /no column "Titre" \(for title_ja\).*"id", "Title"/,
    );
    expect(() => resolveColumns(['Title', 'Name'], {})).toThrow(
      /two columns could be title_en \("Title" and "Name"\)/,
    );
  });

  it('parses --col flags and rejects unknown fields', () => {
    expect(parseColumnFlags(['id=Control ID', 'title_ja = タイトル '])).toEqual({
      id: 'Control ID',
      title_ja: 'タイトル',
    });
    expect(() => parseColumnFlags(['name=Title'])).toThrow(/unknown field "name"/);
    expect(() => parseColumnFlags(['id'])).toThrow(/field=Header/);
  });

  it('validates a mapping file and names the bad keys', () => {
    const mapping = parseMappingFile(
      readFileSync(join(FIXTURES, 'mapping.json'), 'utf8'),
      'mapping.json',
    );
    expect(mapping.columns?.id).toBe('No.');
    expect(() => parseMappingFile('{"columns":{"colour":"x"}}', 'm.json')).toThrow(
      /m\.json is not a valid mapping file:\n {2}columns: unknown key "colour" \(fields: id, section,/,
    );
    expect(() => parseMappingFile('{', 'm.json')).toThrow(/m\.json is not valid JSON/);
  });
});

describe('evidence lines', () => {
  it('splits lines, strips list markers and reads key prefixes', () => {
    expect(
      splitEvidenceLines(
        '- First\r\n\n・二つ目\n* design-docs: Design documents\nhttps://example.com/x',
      ),
    ).toEqual([
      { text: 'First' },
      { text: '二つ目' },
      { key: 'design-docs', text: 'Design documents' },
      { text: 'https://example.com/x' },
    ]);
    expect(splitEvidenceLines('-10% fewer incidents')).toEqual([{ text: '-10% fewer incidents' }]);
  });

  it('derives keys from the first meaningful English words', () => {
    expect(keyFromText('Design documents for the monitoring solution')).toBe(
      'design-documents-monitoring-solution',
    );
    expect(keyFromText('Évaluation of the Café’s records')).toBe('evaluation-cafe-s-records');
    expect(keyFromText('記録のみ')).toBeUndefined();
    expect(keyFromText('a'.repeat(80))).toHaveLength(48);
  });

  const cells = (en: string, ja: string, fillJaWithEn = false) =>
    evidenceFromCells({ en, ja, enLabel: 'EN', jaLabel: 'JA', fillJaWithEn });

  it('pairs lines by position, or by key when every Japanese line names one', () => {
    expect(cells('Logs\nlogs', 'ログ\nログ（小文字）').evidence).toEqual([
      { key: 'logs', en: 'Logs', ja: 'ログ' },
      { key: 'logs-2', en: 'logs', ja: 'ログ（小文字）' },
    ]);
    expect(cells('a-key: Alpha\nb-key: Beta', 'b-key: ベータ\na-key: アルファ').evidence).toEqual([
      { key: 'a-key', en: 'Alpha', ja: 'アルファ' },
      { key: 'b-key', en: 'Beta', ja: 'ベータ' },
    ]);
  });

  it('reports lines that do not pair up, repeated keys and missing Japanese', () => {
    expect(cells('One\nTwo', 'ひとつ').problems).toEqual([
      'EN has 2 line(s) but JA has 1: lines pair up by position, or by "key: " prefixes',
    ]);
    expect(cells('k: One\nk: Two', 'ひとつ\nふたつ').problems).toEqual([
      'evidence key "k" is used twice',
    ]);
    expect(cells('a: One', 'b: ひとつ').problems).toEqual([
      'JA has key "b" that no English line has',
      'JA has no line with key "a"',
    ]);
    expect(cells('One', '').problems[0]).toMatch(/JA is empty.*--fill-ja-with-en/);
    expect(cells('One', '', true).evidence).toEqual([{ key: 'one', en: 'One', ja: 'One' }]);
    expect(cells('', 'ひとつ').problems[0]).toMatch(/JA has 1 line\(s\) but EN is empty/);
  });
});
