/**
 * The whole test suite, as the README and CI run it: `npm test`.
 * Format, lint, type check, unit tests, content check, production builds (root and a sub-path),
 * then browser tests against the built sites. Stops at the first failing step.
 */
import { spawnSync } from 'node:child_process';
import { ensureProgram } from './lib/debian-program.ts';
import { CHROMIUM } from './lib/site-browser.ts';

interface Step {
  name: string;
  cmd: string;
  args: string[];
  env?: Record<string, string>;
}

const BASE_PATH = '/msp/checklist/';

const steps: Step[] = [
  { name: 'format (prettier)', cmd: 'npx', args: ['prettier', '--check', '.'] },
  { name: 'lint (eslint)', cmd: 'npx', args: ['eslint', '.'] },
  {
    name: 'types (astro check)',
    cmd: 'npx',
    args: ['astro', 'check', '--minimumFailingSeverity', 'warning'],
  },
  { name: 'unit tests (vitest)', cmd: 'npx', args: ['vitest', 'run'] },
  { name: 'content check', cmd: 'node', args: ['scripts/check-content.ts'] },
  { name: 'build', cmd: 'node', args: ['scripts/build.ts'] },
  {
    name: `build under ${BASE_PATH}`,
    cmd: 'node',
    args: ['scripts/build.ts'],
    env: { MSP_BASE: BASE_PATH, MSP_OUT_DIR: 'dist-base' },
  },
  {
    name: 'browser tests (Chromium)',
    cmd: 'node',
    // Node 22's test runner takes files or globs, not a folder ("Cannot find module").
    args: ['--test', '--test-concurrency=1', 'test/browser/*.test.ts'],
    env: { MSP_BASE_DIST: 'dist-base', MSP_BASE_PATH: BASE_PATH },
  },
];

// Chromium for the browser tests, and LibreOffice's spreadsheet (about 90 MB of packages, a
// minute to install) to open the workbook the self-check writes.
ensureProgram(CHROMIUM, 'chromium', 'Chromium');
ensureProgram(
  process.env.SOFFICE_PATH ?? '/usr/bin/soffice',
  'libreoffice-calc-nogui',
  'LibreOffice',
);
const started = Date.now();
let passed = 0;
for (const step of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${step.name}`);
  const r = spawnSync(step.cmd, step.args, {
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✗ ${step.name} failed after ${secs} s`);
    console.log(`steps: ${passed} passed, 1 failed`);
    process.exit(1);
  }
  passed++;
  console.log(`✓ ${step.name} (${secs} s)`);
}
console.log(`\nAll steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(`steps: ${passed} passed, 0 failed`);
