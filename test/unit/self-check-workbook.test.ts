import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheets } from '../../scripts/lib/authoring/table.ts';
import { planWorkbookImport } from '../../scripts/lib/authoring/workbook-import.ts';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { compileContent } from '../../src/lib/load.ts';
import { selfCheckData } from '../../src/lib/self-check/version-file-builder.ts';
import { readiness } from '../../src/lib/self-check/readiness.ts';
import type { SelfCheckData } from '../../src/lib/self-check/version-file.ts';
import { emptyState, type Answer, type SelfCheckState } from '../../src/lib/self-check/types.ts';
import {
  answerCells,
  answerTime,
  fillWorkbook,
  generatedWorkbook,
  readWorkbookAnswers,
} from '../../src/lib/self-check/workbook.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/workbook/self-assessment-7.1.xlsx');

const plan = planWorkbookImport(
  await readSheets('self-assessment-7.1.xlsx', readFileSync(FIXTURE)),
  [],
  {
    version: '7.1',
    fileName: 'self-assessment-7.1.xlsx',
    keepWorkbook: 'self-assessment-7.1.xlsx',
  },
);
const catalog = buildCatalog(compileContent(plan.files));
const data: SelfCheckData = selfCheckData(catalog, '7.1');
const itemOf = (id: string) => data.items.find((i) => i.id === id)!;

const answer = (over: Partial<Answer>): Answer => ({
  evidence: {},
  notes: '',
  updatedAt: '2024-06-01T09:00:00.000Z',
  contentHash: 'x',
  ...over,
});
const stateWith = (answers: Record<string, Answer>): SelfCheckState => ({
  ...emptyState(),
  answers: { '7.1': answers },
});
const fixture = async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(FIXTURE) as unknown as ArrayBuffer);
  return wb;
};
/** The row whose first cell is `id`, by a plain scan of every sheet. */
const rowOf = (wb: ExcelJS.Workbook, id: string) => {
  for (const ws of wb.worksheets) {
    for (let r = 1; r <= ws.rowCount; r++) {
      if (ws.getRow(r).getCell(1).value === id) return ws.getRow(r);
    }
  }
  throw new Error(id);
};

describe('answer cells', () => {
  const bus = itemOf('BUS-001');
  it('writes Yes, No and N/A, partly met as No with a mark, and ticked evidence', () => {
    expect(answerCells(bus, answer({ status: 'met' }))).toEqual({ met: 'Yes', response: '' });
    expect(answerCells(bus, answer({ status: 'na', notes: 'Not offered.' }))).toEqual({
      met: 'N/A',
      response: 'Not offered.',
    });
    expect(answerCells(bus, answer({ status: 'not-yet' }))?.met).toBe('No');
    expect(
      answerCells(
        bus,
        answer({
          status: 'partly',
          notes: ' Draft only. ',
          evidence: { [bus.evidence[0]!.key]: true },
        }),
      ),
    ).toEqual({
      met: 'No',
      response: `Partly met.\n\nDraft only.\n\nEvidence ready:\n• ${bus.evidence[0]!.en}`,
    });
  });

  it('leaves an unanswered item empty, and notes without a status in the response only', () => {
    expect(answerCells(bus, undefined)).toBeUndefined();
    expect(answerCells(bus, answer({}))).toBeUndefined();
    expect(answerCells(bus, answer({ notes: 'Asked the owner.' }))).toEqual({
      met: '',
      response: 'Asked the owner.',
    });
  });
});

// Reading workbooks takes seconds on a busy machine: room beyond vitest's 5 s default.
describe('the workbook with answers', { timeout: 30_000 }, () => {
  it('fills the two cells of the answered rows only and round-trips through read-back', async () => {
    const wb = await fixture();
    const gov = itemOf('GOV-002');
    const state = stateWith({
      'BUS-001': answer({ status: 'met', notes: 'On the intranet.' }),
      'GOV-002': answer({
        status: 'partly',
        notes: 'Monthly from May.',
        evidence: { [gov.evidence[0]!.key]: true },
      }),
    });
    expect(fillWorkbook(wb, data, state)).toEqual({ filled: 2, empty: 17, missing: [] });
    expect(rowOf(wb, 'BUS-001').getCell(3).value).toBe('Yes');
    expect(rowOf(wb, 'BUS-001').getCell(4).value).toBe('On the intranet.');
    expect(rowOf(wb, 'GOV-002').getCell(3).value).toBe('No');
    // Unanswered rows keep the cell as the fresh workbook has it.
    expect(rowOf(wb, 'BUS-002').getCell(3).value).toBe('');

    const back = readWorkbookAnswers(wb, data, '2024-07-01T00:00:00.000Z');
    expect(back.problems).toEqual([]);
    expect(back.state.answers['7.1']).toEqual({
      'BUS-001': {
        status: 'met',
        evidence: {},
        notes: 'On the intranet.',
        updatedAt: '2024-07-01T00:00:00.000Z',
        contentHash: itemOf('BUS-001').hash,
      },
      'GOV-002': {
        status: 'partly',
        evidence: { [gov.evidence[0]!.key]: true },
        notes: 'Monthly from May.',
        updatedAt: '2024-07-01T00:00:00.000Z',
        contentHash: gov.hash,
      },
    });
  });

  it('lists unknown ids, odd Met? values and duplicates, guesses nothing, and keeps a response as written', async () => {
    const wb = await fixture();
    rowOf(wb, 'BUS-001').getCell(3).value = ' yes ';
    rowOf(wb, 'BUS-002').getCell(3).value = 'Maybe';
    rowOf(wb, 'OPS-001').getCell(3).value = 'NA';
    rowOf(wb, 'OPS-002').getCell(4).value = 'See <b>this</b>';
    const ws = wb.getWorksheet('MSP Technical Validation')!;
    const unknown = ws.addRow(['OPS-099', 'x', 'Yes']);
    const twice = ws.addRow(['OPS-001', 'x', 'No']);
    const { state, problems } = readWorkbookAnswers(wb, data, '2024-07-01T00:00:00.000Z');
    expect(Object.keys(state.answers['7.1']!)).toEqual(['BUS-001', 'OPS-001', 'OPS-002']);
    expect(state.answers['7.1']!['OPS-001']!.status).toBe('na');
    // What the team wrote is kept as written, angle brackets included; it is shown as text.
    expect(state.answers['7.1']!['OPS-002']!.notes).toBe('See <b>this</b>');
    const at = (id: string) => rowOf(wb, id).number;
    expect(problems).toEqual([
      { code: 'met', sheet: ws.name, row: at('BUS-002'), id: 'BUS-002', value: 'Maybe' },
      { code: 'unknownId', sheet: ws.name, row: unknown.number, id: 'OPS-099' },
      { code: 'duplicate', sheet: ws.name, row: twice.number, id: 'OPS-001' },
    ]);
  });

  it('makes a workbook of the same columns for an edition without one', async () => {
    const version = { items: catalog.version('7.1').items };
    const noKept: SelfCheckData = { ...data };
    delete noKept.workbook;
    const wb = generatedWorkbook(ExcelJS.Workbook, noKept, version.items);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'MSP Prerequisites',
      'MSP Technical Validation',
    ]);
    expect(wb.worksheets[1]!.getRow(2).values).toEqual([
      undefined,
      'ID',
      'Requirement Description',
      'Met?',
      'Partner Response',
    ]);
    const state = stateWith({ 'SEC-001': answer({ status: 'met' }) });
    expect(fillWorkbook(wb, noKept, state).filled).toBe(1);
    const back = readWorkbookAnswers(wb, noKept, '2024-07-01T00:00:00.000Z');
    expect(Object.keys(back.state.answers['7.1']!)).toEqual(['SEC-001']);
    expect(String(rowOf(wb, 'SEC-001').getCell(2).value)).toMatch(
      /^Least privilege\nMandatory\n\n/,
    );
  });
});

describe('readiness', () => {
  it('counts mandatory controls met per part and section, and lists open mandatory first', () => {
    const state = stateWith({
      'BUSP-001': answer({ status: 'met' }),
      'BUSP-002': answer({ status: 'not-yet' }),
      'SECP-002': answer({ status: 'na' }),
    });
    const r = readiness(data, state);
    expect(r.hasLevels).toBe(true);
    const pre = r.parts[0]!;
    expect(pre.part?.id).toBe('msp-prerequisites');
    expect(pre.sections.map((s) => [s.section.id, s.mandatory, s.all])).toEqual([
      ['msp-prerequisites-business', { met: 1, total: 1 }, { met: 1, total: 2 }],
      ['msp-prerequisites-people', { met: 0, total: 1 }, { met: 0, total: 1 }],
      ['msp-prerequisites-security', { met: 0, total: 1 }, { met: 1, total: 2 }],
    ]);
    expect(pre.mandatory).toEqual({ met: 1, total: 3 });
    const levels = r.open.map((i) => i.level);
    expect(levels.indexOf('recommended')).toBe(levels.lastIndexOf('mandatory') + 1);
    expect(r.open.map((i) => i.id)).not.toContain('BUSP-001');
    expect(r.open.map((i) => i.id)).not.toContain('SECP-002');
  });
});

describe('answerTime', () => {
  const now = Date.UTC(2026, 11, 3, 12, 0, 0);
  it("dates a workbook's answers by the file, never later than now", () => {
    expect(answerTime(Date.UTC(2026, 10, 1), now)).toBe('2026-11-01T00:00:00.000Z');
    // A file from the future, from before 1970, with no time or one no Date can hold.
    for (const bad of [Date.UTC(2999, 0, 1), Date.UTC(12000, 0, 1), 8.64e15 + 1, 0, -1, NaN]) {
      expect(answerTime(bad, now), String(bad)).toBe('2026-12-03T12:00:00.000Z');
    }
  });
});
