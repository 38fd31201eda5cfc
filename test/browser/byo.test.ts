/**
 * A private edition: a spreadsheet imported into a fresh content folder, a next version
 * scaffolded from it, and the site built from that folder under another title, with no code
 * change.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openSite, type Site } from '../../scripts/lib/site-browser.ts';
import { ROOT, runScript } from '../support/run-script.ts';

const TITLE = 'Acme private edition';
const FIXTURES = join(ROOT, 'test/fixtures/import');

let tmp: string;
let site: Site | undefined;

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'msp-byo-'));
  const content = join(tmp, 'content');
  runScript([
    'scripts/import-table.ts',
    `${FIXTURES}/checklist.xlsx`,
    '--map',
    `${FIXTURES}/mapping.json`,
    '--version',
    '1.0',
    '--content',
    content,
    '--audits-from',
    '2024-01-01',
  ]);
  runScript(['scripts/new-version.ts', '1.1', '--content', content, '--audits-from', '2025-01-01']);
  runScript(['scripts/build.ts'], {
    MSP_CONTENT_DIR: content,
    MSP_OUT_DIR: join(tmp, 'dist'),
    MSP_SITE_TITLE: TITLE,
  });
  site = await openSite({ dist: join(tmp, 'dist'), base: '/' });
});

after(async () => {
  await site?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('a private edition built from an imported spreadsheet', () => {
  it('carries its title, its imported controls and the scaffolded version', async () => {
    const page = await site!.newPage();
    await page.goto(site!.url('/'));
    assert.match(await page.title(), new RegExp(`· ${TITLE}$`));
    // The public edition's description of its coverage is not shown on a private edition.
    assert.equal(await page.locator('#edition').count(), 1);
    assert.doesNotMatch((await page.locator('main').textContent()) ?? '', /4\.2 and 4\.2\.1/);

    await page.goto(site!.url('/controls/1.2/'));
    assert.match(await page.title(), /Incident response.*· Acme private edition/);
    assert.equal((await page.locator('h1').textContent())?.trim(), '1.2 Incident response');
    assert.equal(
      (await page.locator('#evidence-runbook').textContent())?.includes('Incident runbook'),
      true,
    );

    // Confidence is named after this edition's own source, not the public edition's.
    const provenance = (await page.locator('.provenance').textContent()) ?? '';
    assert.match(provenance, /stated in “Acme test checklist”/);
    assert.doesNotMatch(provenance, /announcement/);

    await page.goto(site!.url('/ja/v/1.0/controls/1.2/'));
    assert.match((await page.locator('h1').textContent()) ?? '', /インシデント対応/);
    assert.match(
      (await page.locator('.provenance').textContent()) ?? '',
      /「Acme テスト用チェックリスト」に記載/,
    );

    for (const path of [
      '/v/1.1/',
      '/v/1.1/controls/annual-review/',
      '/ja/v/1.1/controls/1.1/',
      '/compare/1.0...1.1/',
    ]) {
      const res = await page.goto(site!.url(path));
      assert.equal(res?.status(), 200, path);
      assert.match(await page.title(), new RegExp(`· ${TITLE}$`), path);
    }

    // The public content is not in this edition.
    const res = await fetch(site!.url('/controls/8.1.10/'));
    assert.equal(res.status, 404);
  });
});
