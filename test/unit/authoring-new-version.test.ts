import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readContentFolder, writeContentFiles } from '../../scripts/lib/authoring/content-files.ts';
import { planNewVersion } from '../../scripts/lib/authoring/new-version.ts';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { ContentErrors } from '../../src/lib/content-error.ts';
import { loadContent } from '../../src/lib/load.ts';
import { itemFile, versionFile } from './helpers.ts';

const ROOT = join(import.meta.dirname, '../..');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'msp-new-version-'));
  await cp(join(ROOT, 'content'), dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('planNewVersion', () => {
  it('makes a version 9.9 from 4.2.1 that validates and shows up with zero changes', async () => {
    const plan = planNewVersion(await readContentFolder(dir), {
      version: '9.9',
      from: '4.2.1',
      auditsFrom: '2030-01-01',
    });
    await writeContentFiles(dir, plan.files);

    const catalog = buildCatalog(await loadContent(dir));
    expect(catalog.versions.map((v) => v.meta.id)).toEqual(['4.2', '4.2.1', '9.9']);
    expect(catalog.latest.meta).toMatchObject({
      id: '9.9',
      supersedes: '4.2.1',
      auditsFrom: '2030-01-01',
    });
    const old = catalog.version('4.2.1');
    expect(catalog.latest.items).toEqual(old.items);
    expect(catalog.latest.meta.sections).toEqual(old.meta.sections);
    const diff = catalog.diff('4.2.1', '9.9');
    expect(diff.counts.unchanged).toBe(old.items.length);
    expect(diff.items.every((d) => d.kind === 'unchanged')).toBe(true);
    expect(catalog.notes.get('4.2.1...9.9')?.notes).toEqual([]);
    expect(catalog.pairs()).toContainEqual(['4.2', '9.9']);
    // Histories reach back through the copy to the real changes.
    expect(catalog.history('9.9', 'audit-timing').map((h) => h.diff.to)).toEqual(['4.2.1']);
  });

  it('takes the edits an author makes next, each with its note', async () => {
    const plan = planNewVersion(await readContentFolder(dir), {
      version: '9.9',
      auditsFrom: '2030-01-01',
    });
    await writeContentFiles(dir, plan.files);
    const items = join(dir, 'versions/9.9/items');
    const edit = async (file: string, change: (data: Record<string, unknown>) => void) => {
      const data = parseYaml(await readFile(join(items, file), 'utf8')) as Record<string, unknown>;
      change(data);
      await writeFile(join(items, file), stringify(data));
    };
    // Reworded in both languages; 4.1.2 renumbered to 4.1.3; 2.1 removed.
    // The new wording keeps the words the item's aliases stand on.
    await edit('8.1.10.yaml', (d) => {
      d.requirement = {
        en: 'A stricter rule: multi-factor authentication (MFA) on the root user of every AWS account, including accounts created with AWS Organizations or AWS Control Tower.',
        ja: 'より厳しい規定です。AWS OrganizationsやAWS Control Towerで作成したものを含め、すべてのAWSアカウントのルートユーザーを多要素認証（MFA）で保護します。',
      };
    });
    await edit('4.1.2.yaml', (d) => {
      d.id = '4.1.3';
      d.replaces = ['4.1.2'];
    });
    await rename(join(items, '4.1.2.yaml'), join(items, '4.1.3.yaml'));
    await rm(join(items, '2.1.yaml'));

    const problems = await loadContent(dir)
      .then(buildCatalog)
      .catch((e: unknown) => (e as ContentErrors).errors.map((x) => `${x.item}: ${x.problem}`));
    expect(problems).toEqual([
      expect.stringMatching(/^4\.1\.3: renumbered from 4\.2\.1 to 9\.9 .* but no change note$/),
      expect.stringMatching(
        /^8\.1\.10: modified from 4\.2\.1 to 9\.9 \(requirement\) but no change note$/,
      ),
      expect.stringMatching(/^2\.1: removed from 4\.2\.1 to 9\.9 .* but no change note$/),
    ]);

    const notesFile = join(dir, 'changes/4.2.1...9.9.yaml');
    const notes = parseYaml(await readFile(notesFile, 'utf8')) as { notes: unknown[] };
    const note = (item: string) => ({
      item,
      labels: ['editorial'],
      summary: { en: 'Test.', ja: 'テストです。' },
      reason: { en: 'Test.', ja: 'テストです。' },
      sources: ['aws-jp-blog-4-2-1'],
    });
    // A removed item is noted under its old id; the others under their new one.
    notes.notes = [note('4.1.3'), note('8.1.10'), note('2.1')];
    await writeFile(notesFile, stringify(notes));
    const diff = buildCatalog(await loadContent(dir)).diff('4.2.1', '9.9');
    expect(
      diff.items.filter((d) => d.kind !== 'unchanged').map((d) => `${d.id}:${d.kind}`),
    ).toEqual(['4.1.3:renumbered', '8.1.10:modified', '2.1:removed']);
  });

  it('replaces the summary, drops the release date and keeps the rest of version.yaml', () => {
    const plan = planNewVersion(
      [versionFile('1.0', { released: '2020-01-01' }), itemFile('1.0', '8.1.2')],
      { version: '1.1' },
    );
    const meta = parseYaml(plan.files[0]!.text) as Record<string, unknown>;
    expect(plan.from).toBe('1.0');
    expect(meta).not.toHaveProperty('released');
    expect(meta).toMatchObject({
      id: '1.1',
      supersedes: '1.0',
      summary: { en: 'Version 1.1 of the checklist.', ja: 'チェックリストのバージョン1.1です。' },
      sources: [{ id: 'src' }],
    });
    expect(Object.keys(meta).slice(0, 3)).toEqual(['id', 'auditsFrom', 'supersedes']);
    expect(plan.files.map((f) => f.path)).toEqual([
      'versions/1.1/version.yaml',
      'versions/1.1/items/8.1.2.yaml',
      'changes/1.0...1.1.yaml',
    ]);
  });

  it('writes a date placeholder that the content check rejects when no date is given', async () => {
    const plan = planNewVersion(await readContentFolder(dir), { version: '9.9' });
    await writeContentFiles(dir, plan.files);
    expect(plan.nextSteps[0]).toMatch(/Set auditsFrom in versions\/9\.9\/version\.yaml/);
    const error = await loadContent(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentErrors);
    expect((error as ContentErrors).errors[0]).toMatchObject({
      file: 'versions/9.9/version.yaml',
      field: 'auditsFrom',
    });
  });

  it('refuses ids that are taken, malformed or not after the latest, and old versions', async () => {
    const files = await readContentFolder(dir);
    expect(() => planNewVersion(files, { version: '4.2.1' })).toThrow(/exists already/);
    expect(() => planNewVersion(files, { version: 'v5' })).toThrow(/not a version id/);
    expect(() => planNewVersion(files, { version: '4.1' })).toThrow(/must sort after 4\.2\.1/);
    expect(() => planNewVersion(files, { version: '5.0', from: '4.2' })).toThrow(
      /4\.2 is not the latest version \(4\.2\.1\)/,
    );
    expect(() => planNewVersion(files, { version: '5.0', from: '3.0' })).toThrow(
      /no version 3\.0 to copy/,
    );
    expect(() => planNewVersion([], { version: '1.0' })).toThrow(/no version to start from/);
  });

  it('refuses to overwrite change notes that exist already', async () => {
    const files = await readContentFolder(dir);
    const notes = { path: 'changes/4.2.1...5.0.yaml', text: 'from: "4.2.1"\n' };
    expect(() => planNewVersion([...files, notes], { version: '5.0' })).toThrow(
      /exist already and are never overwritten: changes\/4\.2\.1\.\.\.5\.0\.yaml/,
    );
  });
});

describe('writeContentFiles', () => {
  it('never replaces a file unless told to', async () => {
    const file = { path: 'versions/4.2/version.yaml', text: 'replaced' };
    await expect(writeContentFiles(dir, [file])).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(join(dir, file.path), 'utf8')).not.toBe('replaced');
    await writeContentFiles(dir, [file], { overwrite: true });
    expect(await readFile(join(dir, file.path), 'utf8')).toBe('replaced');
  });
});

// Each test starts Node two or three times; a busy machine needs more than the default 5 s.
describe('the command-line scripts', { timeout: 30_000 }, () => {
  const run = (script: string, args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  it('version:new creates a version once and then refuses', () => {
    const first = run('new-version.ts', ['5.0', '--content', dir, '--audits-from', '2030-01-01']);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Created version 5\.0 .* from 4\.2\.1[\s\S]*Next:/);
    const again = run('new-version.ts', ['5.0', '--content', dir]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/version 5\.0 exists already/);
  });

  it('import reports skipped rows, and replaces existing files only with --force', async () => {
    const table = join(ROOT, 'test/fixtures/import/bad-rows.csv');
    const args = [table, '--version', '7.0', '--content', dir, '--audits-from', '2030-01-01'];
    const first = run('import-table.ts', args);
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/Rows not imported \(10\):\n {2}row 3: column "id" is empty/);
    expect(first.stdout).toMatch(/Wrote 1 item\(s\) from 11 row\(s\) into version 7\.0/);
    const written = join(dir, 'versions/7.0/items/3.1.yaml');
    await writeFile(written, 'edited by hand');

    const refused = run('import-table.ts', args);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /Nothing written: 1 file\(s\) exist already .*\(versions\/7\.0\/items\/3\.1\.yaml\)/,
    );
    expect(await readFile(written, 'utf8')).toBe('edited by hand');

    const forced = run('import-table.ts', [...args, '--force']);
    expect(forced.stdout).toMatch(/Wrote 1 item/);
    expect(await readFile(written, 'utf8')).toMatch(/^id: "3\.1"/);
  });

  it('import --dry-run writes nothing', async () => {
    const table = join(ROOT, 'test/fixtures/import/good.csv');
    const r = run('import-table.ts', [table, '--version', '7.0', '--content', dir, '--dry-run']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Dry run: would write 5 item\(s\) from 5 row\(s\)/);
    expect(await readContentFolder(dir)).toEqual(await readContentFolder(join(ROOT, 'content')));
  });
});
