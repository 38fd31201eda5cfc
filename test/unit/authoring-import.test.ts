import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseMappingFile } from '../../scripts/lib/authoring/columns.ts';
import { planImport, type ImportOptions } from '../../scripts/lib/authoring/table-import.ts';
import { parseCsvTable, readTable, type Table } from '../../scripts/lib/authoring/table.ts';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { ContentErrors } from '../../src/lib/content-error.ts';
import { compileContent, type RawFile } from '../../src/lib/load.ts';
import type { Item, VersionMeta } from '../../src/lib/model.ts';
import { SOURCE, itemFile, versionFile } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');
const table = (name: string, sheet?: string) =>
  readTable(name, readFileSync(join(FIXTURES, name)), { sheet });

const opts = (extra: Partial<ImportOptions> = {}): ImportOptions => ({
  version: '1.0',
  fileName: 'test.csv',
  auditsFrom: '2024-01-01',
  source: SOURCE,
  ...extra,
});

const item = (files: RawFile[], id: string) =>
  parseYaml(files.find((f) => f.path.endsWith(`/items/${id}.yaml`))!.text) as Item;
const meta = (files: RawFile[], v = '1.0') =>
  parseYaml(files.find((f) => f.path === `versions/${v}/version.yaml`)!.text) as VersionMeta;

describe('planImport on good rows', () => {
  it('turns every row into an item file and writes a version.yaml with derived sections', async () => {
    const plan = planImport(await table('good.csv'), [], opts());
    expect(plan.skipped).toEqual([]);
    expect(plan.ignoredColumns).toEqual(['Owner']);
    expect(plan.items.map((i) => i.id)).toEqual([
      '1.1.1',
      '1.1.2',
      '1.1.10',
      '2.1',
      'annual-review',
    ]);
    expect(plan.files.map((f) => f.path).sort()).toEqual([
      'versions/1.0/items/1.1.1.yaml',
      'versions/1.0/items/1.1.10.yaml',
      'versions/1.0/items/1.1.2.yaml',
      'versions/1.0/items/2.1.yaml',
      'versions/1.0/items/annual-review.yaml',
      'versions/1.0/version.yaml',
    ]);
    expect(meta(plan.files).sections.map((s) => s.id)).toEqual(['program', '1.0', '2.0']);
    expect(meta(plan.files).supersedes).toBeUndefined();

    const first = item(plan.files, '1.1.1');
    expect(first).toMatchObject({
      kind: 'control',
      section: '1.0',
      title: { en: 'Service catalogue', ja: 'サービスカタログ' },
      tags: ['catalogue', 'pricing'],
      evidence: [
        {
          key: 'service-catalogue-document',
          en: 'Service catalogue document',
          ja: 'サービスカタログの文書',
        },
        { key: 'pricing', en: 'Price list for each service', ja: 'サービスごとの価格表' },
      ],
      provenance: { sources: ['src'], coverage: 'full', confidence: 'S' },
    });
    expect(item(plan.files, '1.1.10').requirement.en).toBe(
      'Routine operations follow written runbooks.\nRunbooks are reviewed every year.',
    );
    expect(item(plan.files, 'annual-review')).toMatchObject({ kind: 'rule', section: 'program' });
  });

  it('writes content that validates and builds a catalog', async () => {
    const plan = planImport(await table('good.csv'), [], opts());
    const catalog = buildCatalog(compileContent(plan.files));
    expect(catalog.latest.items.map((i) => i.id)).toEqual([
      'annual-review',
      '1.1.1',
      '1.1.2',
      '1.1.10',
      '2.1',
    ]);
  });

  it('leaves facts it cannot know as placeholders the content check rejects', async () => {
    const plan = planImport(
      await table('good.csv'),
      [],
      opts({ auditsFrom: undefined, source: undefined }),
    );
    expect(meta(plan.files).auditsFrom).toBe('YYYY-MM-DD');
    expect(meta(plan.files).sources[0]!.publisher).toBe('');
    let errors: string[] = [];
    try {
      compileContent(plan.files);
    } catch (e) {
      errors = (e as ContentErrors).errors.map((x) => `${x.field}: ${x.problem}`);
    }
    expect(errors).toContain('sources[0].publisher: must not be empty');
    expect(errors.some((m) => m.startsWith('auditsFrom:'))).toBe(true);
    expect(plan.nextSteps.join('\n')).toMatch(/Set auditsFrom.*\n.*publisher/);
  });

  it('reads Japanese text from a Shift_JIS file and a BOM-prefixed semicolon file', async () => {
    const sjis = planImport(await table('shift-jis.csv'), [], opts());
    expect(sjis.skipped).toEqual([]);
    expect(item(sjis.files, '4.1')).toMatchObject({
      requirement: { ja: '顧客満足度を測定します（年1回～四半期ごと）。' },
      evidence: [{ key: 'survey-results', en: 'Survey results', ja: '①アンケートの結果' }],
    });
    expect(item(sjis.files, '4.2').title.ja).toBe('ｸﾚｰﾑ対応');

    const bom = planImport(await table('bom.csv'), [], opts());
    expect(bom.columns.id).toBe('Control ID');
    expect(item(bom.files, '5.1').title).toEqual({ en: 'Backups', ja: 'バックアップ' });
  });

  it('uses a mapping file for an XLSX workbook: formulas, rich text, a numeric id', async () => {
    const mapping = parseMappingFile(readFileSync(join(FIXTURES, 'mapping.json'), 'utf8'), 'm');
    const plan = planImport(await table('checklist.xlsx', mapping.sheet), [], {
      ...opts({ fileName: 'checklist.xlsx' }),
      columns: mapping.columns!,
      source: mapping.source,
    });
    expect(plan.skipped).toEqual([]);
    expect(plan.ignoredColumns).toEqual(['Score']);
    expect(plan.warnings).toEqual([
      {
        row: 2,
        id: '1.1',
        reasons: [expect.stringMatching(/stored as a number.*4\.10 reads as 4\.1/)],
      },
    ]);
    expect(item(plan.files, '1.2')).toMatchObject({
      title: { en: 'Incident response' },
      requirement: { en: 'Incidents are handled within the agreed times.' },
      evidence: [{ key: 'runbook', en: 'Incident runbook', ja: 'インシデント対応のランブック' }],
    });
    expect(meta(plan.files).sources[0]!.id).toBe('acme-checklist');
    expect(() => buildCatalog(compileContent(plan.files))).not.toThrow();
  });
});

describe('planImport on bad rows', () => {
  it('skips each unusable row with its spreadsheet row number and reason', async () => {
    const plan = planImport(await table('bad-rows.csv'), [], opts());
    expect(plan.items.map((i) => i.id)).toEqual(['3.1']);
    expect(plan.skipped.map((r) => [r.row, r.reasons])).toEqual([
      [3, ['column "id" is empty']],
      [4, [expect.stringMatching(/^id "Eight\.1" is neither a control number/)]],
      [5, [expect.stringMatching(/^column "title_ja" is empty: .*--fill-ja-with-en/)]],
      [7, [expect.stringMatching(/"evidence_en" has 2 line\(s\) but column "evidence_ja" has 1/)]],
      [8, ['id 3.4 is on rows 8, 9']],
      [9, ['id 3.4 is on rows 8, 9']],
      [10, ['section 9.0 does not match control 3.5, which belongs in 3.0']],
      [11, [expect.stringMatching(/column "section" is empty, and program rules need one/)]],
      [12, ['tag "セキュリティ" is not made of Latin letters or digits']],
      [13, [expect.stringMatching(/line 1 \("記録のみ"\) has no English words to make a key/)]],
    ]);
    // The declared sections still come from every row whose section is known.
    expect(meta(plan.files).sections.map((s) => s.id)).toEqual(['3.0']);
  });

  it('fills empty Japanese cells with the English text only when asked', async () => {
    const plan = planImport(await table('bad-rows.csv'), [], opts({ fillJaWithEn: true }));
    expect(plan.skipped.map((r) => r.row)).not.toContain(5);
    expect(item(plan.files, '3.2').title).toEqual({
      en: 'Missing Japanese title',
      ja: 'Missing Japanese title',
    });
  });

  it('refuses huge cells, formulas without a result and error values', async () => {
    const plan = planImport(await table('problems.xlsx'), [], opts());
    expect(plan.items.map((i) => [i.id, i.title.en])).toEqual([
      ['7.1', 'Good row'],
      ['7.5', 'Good row too'],
    ]);
    expect(plan.skipped).toEqual([
      {
        row: 3,
        id: '7.2',
        reasons: [
          'column "requirement_en" holds 21,000 characters; a cell may hold at most 10,000 (was a whole document pasted into it?)',
        ],
      },
      {
        row: 4,
        id: '7.3',
        reasons: [expect.stringMatching(/^column "title_en" is a formula with no saved result/)],
      },
      { row: 5, id: '7.4', reasons: ['column "title_ja" holds the error value #N/A'] },
    ]);
  });
});

describe('planImport set-up errors', () => {
  const csv = (text: string): Table => parseCsvTable(text);

  it('names the columns it cannot find, with the flag that fixes it', () => {
    expect(() => planImport(csv('Key,Title\n1.1,x\n'), [], opts())).toThrow(
      /no column for id, requirement_en, title_ja, requirement_ja in the header row \(row 1\): name them with --col, e.g. --col id="…", or pass --fill-ja-with-en/,
    );
  });

  it('reads the header from a given row', () => {
    const t = csv('Acme checklist\n\nid,title,requirement\n9.1,T,R\n');
    const plan = planImport(t, [], opts({ headerRow: 3, fillJaWithEn: true }));
    expect(plan.items.map((i) => i.id)).toEqual(['9.1']);
    expect(() => planImport(t, [], opts({ headerRow: 2 }))).toThrow(/row 2 is empty/);
  });

  it('rejects a malformed version id or date', () => {
    expect(() => planImport(csv('id\n'), [], opts({ version: 'v1' }))).toThrow(/not a version id/);
    expect(() => planImport(csv('id\n'), [], opts({ auditsFrom: '1/4/2024' }))).toThrow(
      /--audits-from/,
    );
  });
});

describe('planImport into existing content', () => {
  const rows = 'id,title,requirement\n8.1.2,Title,Requirement\n2.1,Other,Other\n';
  const existing = () => [
    versionFile('1.0'),
    itemFile('1.0', '8.1.2'),
    itemFile('1.0', 'audit-timing'),
  ];

  it('keeps version.yaml, lists the files it would replace, and skips undeclared sections', () => {
    const plan = planImport(
      parseCsvTable(rows),
      existing(),
      opts({ fillJaWithEn: true, source: 'src' }),
    );
    expect(plan.createsVersion).toBe(false);
    expect(plan.files.map((f) => f.path)).toEqual(['versions/1.0/items/8.1.2.yaml']);
    expect(plan.overwrites).toEqual(['versions/1.0/items/8.1.2.yaml']);
    expect(plan.skipped).toEqual([
      { row: 3, id: '2.1', reasons: ['section 2.0 is not declared in versions/1.0/version.yaml'] },
    ]);
    expect(plan.nextSteps[0]).toMatch(/keeps 1 item\(s\) the table does not have \(audit-timing\)/);
  });

  it('needs a source the existing version lists', () => {
    expect(() =>
      planImport(parseCsvTable(rows), existing(), opts({ fillJaWithEn: true, source: 'other' })),
    ).toThrow(/lists no source "other".*\(src\)/);
  });

  it('makes a newer version supersede the latest, with a change-notes file for the pair', async () => {
    const first = planImport(await table('good.csv'), [], opts());
    const second = planImport(await table('good.csv'), first.files, opts({ version: '1.1' }));
    expect(meta(second.files, '1.1').supersedes).toBe('1.0');
    const notes = second.files.find((f) => f.path === 'changes/1.0...1.1.yaml');
    expect(parseYaml(notes!.text)).toMatchObject({ from: '1.0', to: '1.1', notes: [] });
    const catalog = buildCatalog(compileContent([...first.files, ...second.files]));
    expect(catalog.diff('1.0', '1.1').counts.unchanged).toBe(5);
  });
});
