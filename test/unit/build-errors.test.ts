/** The production build stops on bad content and names every problem (file, item, field). */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mce-bad-content-'));
  await cp('content', join(dir, 'content'), { recursive: true });
  const items = join(dir, 'content/versions/4.2.1/items');
  const mfa = await readFile(join(items, '8.1.10.yaml'), 'utf8');
  await writeFile(join(items, '8.1.10.yaml'), mfa.replace(/^ {2}ja: .*MFA）"$/m, ''));
  const social = await readFile(join(items, '8.1.11.yaml'), 'utf8');
  await writeFile(join(items, '8.1.11.yaml'), social.replace('section: "8.0"', 'section: "7.0"'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('fails with a non-zero status and lists every content error', () => {
  const r = spawnSync('node', ['scripts/build.ts'], {
    env: { ...process.env, MSP_CONTENT_DIR: join(dir, 'content'), MSP_OUT_DIR: join(dir, 'dist') },
    encoding: 'utf8',
  });
  const output = r.stdout + r.stderr;
  expect(r.status).not.toBe(0);
  expect(output).toContain(
    'versions/4.2.1/items/8.1.10.yaml · item 8.1.10 · field title.ja: is missing',
  );
  expect(output).toContain(
    'versions/4.2.1/items/8.1.11.yaml · item 8.1.11 · field section: unknown section "7.0"',
  );
}, 120_000);
