import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/lib/authoring/table-import.ts';
import { splitRequirementCell } from '../../scripts/lib/authoring/requirement-cell.ts';
import { parseCsvTable, readSheets, type NamedTable } from '../../scripts/lib/authoring/table.ts';
import {
  isWorkbookLayout,
  planWorkbookImport,
} from '../../scripts/lib/authoring/workbook-import.ts';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { ContentErrors } from '../../src/lib/content-error.ts';
import { compileContent, type RawFile } from '../../src/lib/load.ts';
import type { Item, VersionMeta } from '../../src/lib/model.ts';
import {
  classifyRow,
  detectSheetLayout,
  sectionIdOf,
  type SheetGrid,
} from '../../src/lib/workbook-layout.ts';

const DIR = join(import.meta.dirname, '../fixtures/workbook');
const sheetsOf = (name: string) => readSheets(name, readFileSync(join(DIR, name)));
const grid = (rows: string[][]): SheetGrid => ({
  name: 'Sheet',
  rows: rows.map((cells, i) => ({ row: i + 1, cells })),
});
const item = (files: RawFile[], id: string) =>
  parseYaml(files.find((f) => f.path.endsWith(`/items/${id}.yaml`))!.text) as Item;
const meta = (files: RawFile[], v: string) =>
  parseYaml(files.find((f) => f.path === `versions/${v}/version.yaml`)!.text) as VersionMeta;
const opts = (version: string, fileName = `self-assessment-${version}.xlsx`) => ({
  version,
  fileName,
  keepWorkbook: fileName,
});

describe('workbook layout', () => {
  it('finds the header row under title rows, with header synonyms and extra columns', () => {
    const layout = detectSheetLayout(
      grid([
        ['A heading\nand a sentence'],
        ['Another title row'],
        ['Control ID', 'Requirement', 'Category', 'Met (Yes/No/N/A)', 'Partner Comments '],
      ]),
    );
    expect(layout).toEqual({
      headerRow: 3,
      columns: { id: 0, requirement: 1, met: 3, response: 4 },
      extra: ['Category'],
    });
  });

  it('names the columns it saw when a table has neither layout', () => {
    const table = parseCsvTable('Key,Name,Text\nA-1,x,y\n');
    expect(isWorkbookLayout([{ ...table, sheet: 'Sheet1' }])).toBe(false);
    expect(() =>
      planImport(table, [], { version: '1.0', fileName: 't.csv', auditsFrom: '2024-01-01' }),
    ).toThrow(/no column for id, .*; the header row has "Key", "Name", "Text"$/);
  });

  it('finds no layout on a prose sheet, nor on a table with a title column', () => {
    expect(detectSheetLayout(grid([['Welcome'], ['Some prose about the workbook.']]))).toBe(
      undefined,
    );
    expect(detectSheetLayout(grid([['ID', 'Title', 'Requirement']]))).toBe(undefined);
  });

  it('classifies section rows, control rows, blank rows and notes', () => {
    const layout = detectSheetLayout(grid([['ID', 'Requirement Description', 'Met?']]))!;
    expect(classifyRow(['Governance  '], layout)).toEqual({ kind: 'section', name: 'Governance' });
    expect(classifyRow([' bus-001 ', 'x'], layout)).toEqual({ kind: 'control', id: 'BUS-001' });
    expect(classifyRow(['', '', ''], layout)).toEqual({ kind: 'blank' });
    expect(classifyRow(['Notes: shared by the team.'], layout)).toEqual({ kind: 'other' });
    expect(classifyRow(['BUS 9', 'text'], layout)).toEqual({ kind: 'other' });
  });

  it('names a section by its part and its name without the parenthetical', () => {
    expect(sectionIdOf('msp-prerequisites', 'Security (identity, logging and data)')).toBe(
      'msp-prerequisites-security',
    );
    expect(sectionIdOf('msp-technical-validation', 'Operations')).toBe(
      'msp-technical-validation-operations',
    );
  });
});

describe('the requirement cell', () => {
  it('splits title, level, paragraphs, bullets and the evidence paragraph', () => {
    const cell = [
      'Policy set',
      'Mandatory',
      '',
      'The partner keeps these policies:',
      '• security',
      '- continuity',
      '',
      'They are reviewed every year.',
      '',
      'Evidence must be the policy documents.',
      '• with their approval dates',
    ].join('\n');
    expect(splitRequirementCell(cell)).toEqual({
      title: 'Policy set',
      level: 'mandatory',
      requirement:
        'The partner keeps these policies:\n\n• security\n• continuity\n\nThey are reviewed every year.',
      evidence: ['Evidence must be the policy documents.', 'with their approval dates'],
      problems: [],
      notes: [],
    });
  });

  it('leaves evidence empty when there is no Evidence paragraph', () => {
    const r = splitRequirementCell('Risk register\nRecommended\n\nA register of risks is kept.');
    expect(r.evidence).toEqual([]);
    expect(r.requirement).toBe('A register of risks is kept.');
    expect(r.level).toBe('recommended');
  });

  it('reads extra blank lines, CRLF, trailing spaces and the level in any case', () => {
    const r = splitRequirementCell(
      '\r\n Change approval \r\n  MANDATORY  \r\n\r\n\r\nChanges are approved first.  \r\n\r\n\r\nEvidence of approved changes.\r\n\r\n',
    );
    expect(r).toMatchObject({
      title: 'Change approval',
      level: 'mandatory',
      requirement: 'Changes are approved first.',
      evidence: ['Evidence of approved changes.'],
      notes: [],
    });
  });

  it('keeps a marker other than the two as text, level unstated, with a note', () => {
    const r = splitRequirementCell('Supplier list\nPreferred\n\nSuppliers are listed.');
    expect(r.level).toBe('unstated');
    expect(r.requirement).toBe('Preferred\n\nSuppliers are listed.');
    expect(r.notes).toEqual([
      'line 2 "Preferred" is neither Mandatory nor Recommended: the level is left unstated and the line kept as requirement text',
    ]);
  });

  it('drops a bare "Evidence:" heading in front of its list', () => {
    const r = splitRequirementCell('T\nBonus\n\nDo it.\n\nEvidence:\n• one\n• two');
    expect(r.level).toBe('bonus');
    expect(r.evidence).toEqual(['one', 'two']);
  });

  it('refuses an empty cell and uses the title when only evidence follows it', () => {
    expect(splitRequirementCell(' \n ').problems).toEqual(['is empty']);
    const r = splitRequirementCell('Only a title\nMandatory\n\nEvidence of it.');
    expect(r.requirement).toBe('Only a title');
    expect(r.notes).toEqual([
      'no requirement text between the title and the evidence: the title is used',
    ]);
  });
});

// Reading workbooks takes seconds on a busy machine: room beyond vitest's 5 s default.
describe('planWorkbookImport', { timeout: 30_000 }, () => {
  it('recognises the workbook and writes a whole English edition', async () => {
    const sheets = await sheetsOf('self-assessment-7.1.xlsx');
    expect(isWorkbookLayout(sheets)).toBe(true);
    const plan = planWorkbookImport(sheets, [], opts('7.1'));
    expect(plan.skipped).toEqual([]);
    expect(plan.found!.sheets).toEqual([
      {
        name: 'Introduction',
        skipped: 'no header row with ID and Requirement Description (a sheet of prose)',
      },
      { name: 'MSP Prerequisites' },
      { name: 'MSP Technical Validation' },
    ]);
    expect(plan.found!.parts.map((p) => [p.id, p.sections.map((s) => s.items)])).toEqual([
      ['msp-prerequisites', [2, 1, 2]],
      ['msp-technical-validation', [2, 1, 2, 3, 2, 4]],
    ]);
    expect(plan.found!.levels).toEqual({ mandatory: 11, recommended: 8, bonus: 0, unstated: 0 });
    expect(plan.keepWorkbookAt).toBe('versions/7.1/self-assessment-7.1.xlsx');
    expect(plan.files.find((f) => f.path === 'edition.yaml')?.text).toMatch(/languages: \["en"\]/);

    const m = meta(plan.files, '7.1');
    expect(m.parts?.map((p) => p.title)).toEqual([
      { en: 'MSP Prerequisites' },
      { en: 'MSP Technical Validation' },
    ]);
    expect(m.workbook).toBe('self-assessment-7.1.xlsx');
    expect(m.auditsFrom).toBeUndefined();
    expect(m.sections.filter((s) => s.part === 'msp-prerequisites').map((s) => s.id)).toEqual([
      'msp-prerequisites-business',
      'msp-prerequisites-people',
      'msp-prerequisites-security',
    ]);
    expect(item(plan.files, 'PEOP-001')).toEqual({
      id: 'PEOP-001',
      kind: 'control',
      section: 'msp-prerequisites-people',
      level: 'mandatory',
      title: { en: 'Trained delivery staff' },
      requirement: {
        en: 'Engineers who run customer environments hold current cloud training:\n\n• at least two engineers per shift\n• a record of renewal dates',
      },
      evidence: [
        {
          key: 'training-register-exported-learning-system',
          en: 'Evidence may be a training register exported from the learning system.',
        },
      ],
      tags: [],
      aliases: { en: [] },
      provenance: {
        sources: ['imported-table'],
        confidence: 'S',
        basis: 'stated',
        coverage: 'full',
        note: { en: 'Imported from self-assessment-7.1.xlsx.' },
      },
    });
    // The written files compile as they are: a whole edition, no placeholder to fill in.
    const bundle = compileContent(plan.files);
    expect(bundle.edition.languages).toEqual(['en']);
    expect(bundle.versions[0]!.items.map((i) => i.id).slice(0, 6)).toEqual([
      'BUSP-001',
      'BUSP-002',
      'PEOP-001',
      'SECP-001',
      'SECP-002',
      'BUS-001',
    ]);
  });

  it('reads the CSV files of the sheets into the same items', async () => {
    const csvs: NamedTable[] = [];
    for (const name of ['MSP Prerequisites.csv', 'MSP Technical Validation.csv']) {
      csvs.push(...(await sheetsOf(name)));
    }
    const fromCsv = planWorkbookImport(csvs, [], opts('7.1', 'sheets.csv'));
    const fromXlsx = planWorkbookImport(
      await sheetsOf('self-assessment-7.1.xlsx'),
      [],
      opts('7.1'),
    );
    expect(fromCsv.skipped).toEqual([]);
    const strip = (i: Item) => ({ ...i, provenance: undefined });
    expect(fromCsv.items.map(strip)).toEqual(fromXlsx.items.map(strip));
  });

  it('reads the variations of real copies and reports each row it cannot use', async () => {
    const plan = planWorkbookImport(await sheetsOf('variations.xlsx'), [], opts('1.0'));
    expect(plan.columns).toEqual({
      id: 'Control ID',
      requirement: 'Requirement',
      met: 'Met (Yes/No/N/A)',
      response: 'Partner Comments',
    });
    expect(plan.ignoredColumns).toEqual(['Category']);
    expect(plan.items.map((i) => [i.id, i.section, i.level])).toEqual([
      ['GOV-001', 'technical-validation-governance', 'mandatory'],
      ['GOV-002', 'technical-validation-governance', 'recommended'],
      ['GOV-003', 'technical-validation-governance', 'unstated'],
      ['GOV-004', 'technical-validation-governance', 'mandatory'],
      ['SEC-001', 'technical-validation-security', 'mandatory'],
    ]);
    const gov4 = plan.items.find((i) => i.id === 'GOV-004')!;
    expect(gov4.requirement.en).toBe(
      'The partner keeps these policies:\n\n• security\n• continuity\n• acceptable use',
    );
    expect(gov4.evidence.map((e) => e.en)).toEqual([
      'the policy documents',
      'their approval dates',
    ]);
    expect(plan.items[0]!.requirement.en).toBe('Changes are approved first.');
    const where = (r: { sheet?: string; row: number; id?: string }) =>
      `${r.sheet} ${r.row} ${r.id ?? ''}`.trim();
    expect(plan.skipped.map((r) => `${where(r)}: ${r.reasons.join('; ')}`)).toEqual([
      'Technical Validation  12 SEC-002: id SEC-002 is on rows 12 of "Technical Validation ", 13 of "Technical Validation "',
      'Technical Validation  13 SEC-002: id SEC-002 is on rows 12 of "Technical Validation ", 13 of "Technical Validation "',
    ]);
    expect(plan.warnings.map((r) => `${where(r)}: ${r.reasons.join('; ')}`)).toEqual([
      'Technical Validation  7 GOV-003: line 2 "Preferred" is neither Mandatory nor Recommended: the level is left unstated and the line kept as requirement text',
      'Technical Validation  14: "Operations" has no control under it, so it is not a section',
      'Technical Validation  16: not a control or section row ("BUS 9"): left out',
      'Technical Validation  17: not a control or section row ("Notes: this copy was shared by the partner team."): left out',
    ]);
    const m = meta(plan.files, '1.0');
    expect(m.sections.map((s) => [s.id, s.title?.en])).toEqual([
      ['technical-validation-governance', 'Governance'],
      ['technical-validation-security', 'Security (identity and access, logging)'],
    ]);
  });

  it('diffs two imported versions: a control reworded, one added, one renumbered', async () => {
    const first = planWorkbookImport(await sheetsOf('self-assessment-7.0.xlsx'), [], opts('7.0'));
    const second = planWorkbookImport(
      await sheetsOf('self-assessment-7.1.xlsx'),
      first.files,
      opts('7.1'),
    );
    expect(item(second.files, 'PLAT-004').replaces).toEqual(['PLAT-003']);
    expect(meta(second.files, '7.1').supersedes).toBe('7.0');
    const files = [...first.files, ...second.files];
    let errors: string[] = [];
    try {
      buildCatalog(compileContent(files));
    } catch (e) {
      errors = (e as ContentErrors).errors.map((x) => x.message);
    }
    expect(errors).toEqual([
      'changes/7.0...7.1.yaml · item GOV-002: modified from 7.0 to 7.1 (requirement) but no change note',
      'changes/7.0...7.1.yaml · item PLAT-004: renumbered from 7.0 to 7.1 (structure) but no change note',
      'changes/7.0...7.1.yaml · item OPS-004: added from 7.0 to 7.1 (structure) but no change note',
    ]);
    const notes = parseYaml(files.find((f) => f.path === 'changes/7.0...7.1.yaml')!.text) as {
      notes: unknown[];
    };
    notes.notes = ['GOV-002', 'PLAT-004', 'OPS-004'].map((id) => ({
      item: id,
      labels: ['clarified'],
      summary: { en: `About ${id}.` },
      reason: { en: 'Test.' },
      sources: ['imported-table'],
    }));
    const noted = files.map((f) =>
      f.path === 'changes/7.0...7.1.yaml' ? { ...f, text: JSON.stringify(notes) } : f,
    );
    const diff = buildCatalog(compileContent(noted)).diff('7.0', '7.1');
    const changed = diff.items.filter((d) => d.kind !== 'unchanged');
    expect(changed.map((d) => [d.id, d.kind, d.fromIds])).toEqual([
      ['GOV-002', 'modified', ['GOV-002']],
      ['PLAT-004', 'renumbered', ['PLAT-003']],
      ['OPS-004', 'added', []],
    ]);
    expect(changed[0]!.fields.map((f) => f.field)).toEqual(['requirement']);
    // 19 controls in 7.1, three of them changed.
    expect(diff.counts.unchanged).toBe(16);
  });

  it('asks for --fill-ja-with-en when the folder is an edition in two languages', async () => {
    const sheets = await sheetsOf('self-assessment-7.1.xlsx');
    const bilingual: RawFile[] = [{ path: 'edition.yaml', text: 'languages: ["en", "ja"]\n' }];
    expect(() => planWorkbookImport(sheets, bilingual, opts('7.1'))).toThrow(
      /in English and Japanese, and the workbook is in English only: pass --fill-ja-with-en/,
    );
    const filled = planWorkbookImport(sheets, bilingual, { ...opts('7.1'), fillJaWithEn: true });
    expect(item(filled.files, 'BUS-001').title).toEqual({
      en: 'Service catalogue',
      ja: 'Service catalogue',
    });
    expect(compileContent([...bilingual, ...filled.files]).edition.languages).toEqual(['en', 'ja']);
  });
});
