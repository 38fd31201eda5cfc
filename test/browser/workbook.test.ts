/**
 * From AWS's self-assessment workbook to a private site and back, in a real browser: the
 * fixture workbook imported with no option, the site built from it (English only), two controls
 * answered, the workbook downloaded with the answers and compared cell by cell with the
 * original; a filled workbook read back into the self-check with preview, merge and undo.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { STORAGE_KEY, type SelfCheckState } from '../../src/lib/self-check/types.ts';
import { openSite, type Site } from '../../scripts/lib/site-browser.ts';
import { ROOT, runScript } from '../support/run-script.ts';
import { axeViolations, describeViolations } from '../support/axe.ts';
import { ROOT_BUILD, requireBuild } from '../support/builds.ts';

const WORKBOOK = join(ROOT, 'test/fixtures/workbook/self-assessment-7.1.xlsx');
const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

let tmp: string;
let site: Site | undefined;

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'msp-workbook-'));
  const content = join(tmp, 'content');
  // The workbook as it came: no option but the version and the folder.
  runScript(['scripts/import-table.ts', WORKBOOK, '--version', '7.1', '--content', content]);
  runScript(['scripts/build.ts'], { MSP_CONTENT_DIR: content, MSP_OUT_DIR: join(tmp, 'dist') });
  site = await openSite({ dist: join(tmp, 'dist'), base: '/' });
});

after(async () => {
  await site?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** The row of the original workbook whose first cell is `id`, found by a plain scan. */
function rowOf(workbook: ExcelJS.Workbook, id: string): { sheet: string; row: number } {
  for (const ws of workbook.worksheets) {
    for (let r = 1; r <= ws.rowCount; r++) {
      if (ws.getRow(r).getCell(1).value === id) return { sheet: ws.name, row: r };
    }
  }
  throw new Error(`no row for ${id}`);
}

async function answer(page: Page, id: string, status: string, notes: string, evidence = 0) {
  await page.goto(site!.url(`/controls/${id}/`));
  await page.locator('mce-self-check-panel').scrollIntoViewIfNeeded();
  await page.locator('mce-self-check-panel form').waitFor();
  await page.check(`mce-self-check-panel input[name="status"][value="${status}"]`);
  const boxes = page.locator('mce-self-check-panel input[name="evidence"]');
  for (let i = 0; i < evidence; i++) await boxes.nth(i).check();
  await page.fill('#self-check-notes', notes);
  await page.locator('#self-check-notes').blur();
}

async function openOverview(page: Page) {
  await page.goto(site!.url('/self-check/'));
  await page.locator('mce-self-check-overview .progress p').first().waitFor();
}

async function download(page: Page): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-action="workbook-download"]'),
  ]);
  const path = join(tmp, `download-${Date.now()}.xlsx`);
  await file.saveAs(path);
  return path;
}

const load = async (path: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
};

describe('a site built from the workbook as it came', () => {
  it('has English pages only, level badges and a level filter', async () => {
    const page = await site!.newPage();
    const res = await page.goto(site!.url('/controls/BUS-001/'));
    assert.equal(res?.status(), 200);
    assert.equal((await page.locator('h1').textContent())?.trim(), 'BUS-001 Service catalogue');
    assert.equal(
      (await page.locator('article .kind .mce-level').textContent())?.trim(),
      'Mandatory',
    );
    assert.equal(await page.locator('link[hreflang]').count(), 0);
    assert.equal(await page.locator('a.lang').count(), 0);
    assert.equal((await fetch(site!.url('/ja/'))).status, 404);
    // The requirement's list stays a list.
    await page.goto(site!.url('/controls/PEOP-001/'));
    assert.deepEqual(
      (await page.locator('#requirement ~ ul li').allTextContents()).map((t) => t.trim()),
      ['at least two engineers per shift', 'a record of renewal dates'],
    );

    await page.goto(site!.url('/controls/'));
    const all = await page.locator('li[data-level]').count();
    const mandatory = await page.locator('li[data-level="mandatory"]').count();
    assert.ok(mandatory > 0 && mandatory < all);
    await page.selectOption('#level-filter', 'mandatory');
    assert.equal(await page.locator('li[data-level]:visible').count(), mandatory);
    assert.match(new URL(page.url()).search, /level=mandatory/);
  });
});

describe('answers back into the workbook', () => {
  it('fills Met? and Partner Response of the answered rows and changes nothing else', async () => {
    const page = await site!.newPage();
    await answer(page, 'BUS-001', 'met', 'Catalogue kept on the intranet.', 1);
    await answer(page, 'GOV-002', 'partly', 'Reviewed twice this year.');
    await openOverview(page);
    // Readiness: BUS-001 is the only mandatory control of its section, and it is met.
    const row = page.locator('.readiness tr', { hasText: 'Business' }).nth(1);
    assert.match((await row.textContent()) ?? '', /1 \/ 1/);
    assert.equal(
      await page.locator('.readiness ul.open li').first().getAttribute('data-level'),
      'mandatory',
    );

    const original = await load(WORKBOOK);
    const filled = await load(await download(page));
    const bus = rowOf(original, 'BUS-001');
    const gov = rowOf(original, 'GOV-002');
    const evidence = (await (await fetch(site!.url('/data/versions/7.1.json'))).json()).items.find(
      (i: { id: string }) => i.id === 'BUS-001',
    ).evidence[0].en as string;
    const expected = new Map<string, string>([
      [`${bus.sheet}!C${bus.row}`, 'Yes'],
      [
        `${bus.sheet}!D${bus.row}`,
        `Catalogue kept on the intranet.\n\nEvidence ready:\n• ${evidence}`,
      ],
      [`${gov.sheet}!C${gov.row}`, 'No'],
      [`${gov.sheet}!D${gov.row}`, 'Partly met.\n\nReviewed twice this year.'],
    ]);

    assert.deepEqual(
      filled.worksheets.map((w) => w.name),
      original.worksheets.map((w) => w.name),
    );
    const differences: string[] = [];
    for (const ws of original.worksheets) {
      const out = filled.getWorksheet(ws.name)!;
      assert.deepEqual(out.model.merges, ws.model.merges, `merges of ${ws.name}`);
      const columns = Math.max(ws.columnCount, out.columnCount);
      for (let c = 1; c <= columns; c++) {
        assert.equal(out.getColumn(c).width, ws.getColumn(c).width, `width ${ws.name} ${c}`);
      }
      for (let r = 1; r <= Math.max(ws.rowCount, out.rowCount); r++) {
        assert.equal(out.getRow(r).height, ws.getRow(r).height, `height ${ws.name} row ${r}`);
        for (let c = 1; c <= columns; c++) {
          const a = ws.getRow(r).getCell(c);
          const b = out.getRow(r).getCell(c);
          const key = `${ws.name}!${a.address}`;
          assert.deepEqual(b.style, a.style, `style of ${key}`);
          const want = expected.get(key) ?? a.value;
          if (JSON.stringify(b.value) !== JSON.stringify(want)) differences.push(key);
          if (expected.has(key)) expected.delete(key);
        }
      }
    }
    assert.deepEqual(differences, []);
    assert.deepEqual([...expected.keys()], [], 'every answer cell was compared');
  });

  it('reads a filled workbook back through preview, merge and undo, listing odd rows', async () => {
    const writer = await site!.newPage();
    await answer(writer, 'OPS-001', 'na', 'Alerts go to the customer desk.');
    await openOverview(writer);
    const path = await download(writer);
    // The team went on in Excel: an odd Met? value and a row of an id the version lacks.
    const wb = await load(path);
    const ops2 = rowOf(wb, 'OPS-002');
    const sheet = wb.getWorksheet(ops2.sheet)!;
    sheet.getRow(ops2.row).getCell(3).value = 'Maybe';
    const extra = sheet.addRow(['OPS-099', 'Not in the version\nMandatory\n\nText.', 'Yes', '']);
    await wb.xlsx.writeFile(path);

    const page = await site!.newPage();
    await openOverview(page);
    await page.setInputFiles('#sc-import', path);
    const problems = page.locator('[data-workbook-problems] li');
    await problems.first().waitFor();
    assert.deepEqual(await problems.allTextContents(), [
      `sheet “${ops2.sheet}”, row ${ops2.row} (OPS-002): Met? holds “Maybe”, which is not Yes, No or N/A`,
      `sheet “${ops2.sheet}”, row ${extra.number}: OPS-099 is not a control of version 7.1`,
    ]);
    // The preview names the one added answer and shows what the file holds for it.
    const added = await page.locator('.preview [data-change="added"] li').allTextContents();
    assert.equal(added.length, 1);
    assert.match(added[0]!, /\(7\.1 · OPS-001\)/);
    assert.match(added[0]!, /Alerts go to the customer desk\./);
    await page.click('.preview [data-apply]');
    const state = (await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key)!),
      STORAGE_KEY,
    )) as SelfCheckState;
    assert.equal(state.answers['7.1']?.['OPS-001']?.status, 'na');
    assert.equal(state.answers['7.1']?.['OPS-001']?.notes, 'Alerts go to the customer desk.');
    assert.equal(state.answers['7.1']?.['OPS-002'], undefined);
    await page.click('.notice button:has-text("Undo")');
    const undone = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
    assert.equal(JSON.parse(undone ?? '{"answers":{}}').answers['7.1']?.['OPS-001'], undefined);
  });

  it('lists the first rows of a workbook with very many odd ones, counts the rest and keeps the answers', async () => {
    const page = await site!.newPage();
    await answer(page, 'OPS-001', 'met', 'Kept.');
    await openOverview(page);
    const path = await download(page);
    const before = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
    const wb = await load(path);
    const ops1 = rowOf(wb, 'OPS-001');
    const sheet = wb.getWorksheet(ops1.sheet)!;
    const odd = 100_000;
    for (let i = 0; i < odd; i++)
      sheet.addRow([`ZZZ-${i % 10_000}`, 'Not in the version', 'Yes', '']);
    await wb.xlsx.writeFile(path);
    await page.setInputFiles('#sc-import', path);
    const result = page.locator('.import-result');
    await result.locator('[data-workbook-problems]').waitFor({ timeout: 120_000 });
    const problems = await result.locator('[data-workbook-problems] li').count();
    assert.equal(problems, 50);
    const text = (await result.textContent()) ?? '';
    assert.ok(text.includes(`Rows left out (${odd})`), text.slice(0, 200));
    assert.ok(text.includes(`…and ${odd - problems} more rows.`), text.slice(-200));
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), before);
  });

  it('keeps the overview with parts and readiness free of axe violations, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await site!.newPage({ colorScheme });
      await answer(page, 'SEC-001', 'met', 'Reviewed in March.');
      await openOverview(page);
      await page.locator('.readiness table').waitFor();
      for (const path of ['/self-check/', '/controls/', '/controls/SEC-001/']) {
        if (path !== '/self-check/') await page.goto(site!.url(path), { waitUntil: 'load' });
        const violations = await axeViolations(page);
        assert.equal(
          violations.length,
          0,
          `${path} (${colorScheme}):\n${describeViolations(violations)}`,
        );
      }
    }
  });

  it('downloads a workbook that a spreadsheet program opens (LibreOffice, headless)', async () => {
    assert.ok(
      existsSync(SOFFICE),
      `No LibreOffice at ${SOFFICE}: apt-get install -y libreoffice-calc-nogui`,
    );
    const page = await site!.newPage();
    await answer(page, 'PLAT-001', 'met', 'Templates live in the platform repository.');
    await openOverview(page);
    const path = await download(page);
    const out = join(tmp, 'libreoffice');
    // Every sheet as CSV (UTF-8, comma, quoted): LibreOffice 7.2+ takes -1 for "all sheets".
    const r = spawnSync(
      SOFFICE,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${join(tmp, 'lo-profile')}`,
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        '--outdir',
        out,
        path,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    assert.equal(r.status, 0, `soffice failed:\n${r.stdout}\n${r.stderr}`);
    const name = basename(path, '.xlsx');
    const rows = parseCsv(
      await readFile(join(out, `${name}-MSP Technical Validation.csv`), 'utf8'),
      { relax_column_count: true },
    ) as string[][];
    const plat = rows.find((row) => row[0] === 'PLAT-001');
    assert.deepEqual(plat?.slice(2, 4), ['Yes', 'Templates live in the platform repository.']);
    assert.equal(rows[1]?.join('|'), 'ID|Requirement Description|Met?|Partner Response');
  });

  it('loads exceljs only when the workbook is asked for', async () => {
    const page = await site!.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await openOverview(page);
    assert.equal(scripts.filter((u) => /exceljs/.test(u)).length, 0);
    await download(page);
    assert.equal(scripts.filter((u) => /exceljs/.test(u)).length, 1);
  });
});

it('keeps the workbook beside the version and serves it as it was', async () => {
  const kept = await readFile(join(tmp, 'content/versions/7.1/self-assessment-7.1.xlsx'));
  assert.deepEqual(kept, await readFile(WORKBOOK));
  const served = Buffer.from(
    await (await fetch(site!.url('/data/workbooks/7.1.xlsx'))).arrayBuffer(),
  );
  assert.deepEqual(served, kept);
});

describe('the public edition, which keeps no workbook', () => {
  let pub: Site | undefined;
  before(async () => {
    requireBuild(ROOT_BUILD);
    pub = await openSite({ dist: ROOT_BUILD.dist, base: ROOT_BUILD.base });
  });
  after(() => pub?.close());

  it('downloads a workbook of the same columns, with the answer in its row', async () => {
    const page = await pub!.newPage();
    await page.goto(pub!.url('/controls/3.3.3/'));
    await page.locator('mce-self-check-panel').scrollIntoViewIfNeeded();
    await page.locator('mce-self-check-panel form').waitFor();
    await page.check('mce-self-check-panel input[name="status"][value="met"]');
    await page.goto(pub!.url('/self-check/'));
    await page.locator('mce-self-check-overview .readiness table').waitFor();
    // 3.3.3 and 3.3.4 are the mandatory controls of section 3.0: one of two is met.
    const row = page.locator('.readiness tr', { hasText: '3.0' });
    assert.match((await row.textContent()) ?? '', /1 \/ 2/);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-action="workbook-download"]'),
    ]);
    const path = join(tmp, 'public.xlsx');
    await file.saveAs(path);
    const wb = await load(path);
    const ws = wb.worksheets[0]!;
    assert.deepEqual((ws.getRow(2).values as unknown[]).slice(1), [
      'ID',
      'Requirement Description',
      'Met?',
      'Partner Response',
    ]);
    const { row: at } = rowOf(wb, '3.3.3');
    assert.equal(ws.getRow(at).getCell(3).value, 'Yes');
    assert.match(
      String(ws.getRow(at).getCell(2).value),
      /^No AWS account shared between customers\nMandatory\n/,
    );
    assert.equal(ws.getRow(rowOf(wb, '3.3.4').row).getCell(3).value, null);
  });
});
