/**
 * Production build: Astro, then pagefind over the output (one index per `<html lang>`).
 * MSP_OUT_DIR picks the output folder, MSP_BASE the base path, MSP_CONTENT_DIR the content;
 * MSP_TIMINGS_FILE, when set, receives both durations as JSON (`npm run bench` reads it).
 * Arguments are passed to `astro build` (`--force` renders every page, ignoring the cache).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';

const outDir = process.env.MSP_OUT_DIR ?? 'dist';

/**
 * Moves the output of the last build aside and deletes it in another process, which this
 * build waits for before it exits. Astro empties an existing output folder one file at a time,
 * and on a large site that waits longer on the disk than rendering takes.
 */
function removeOldOutput(): ChildProcess | undefined {
  if (!existsSync(outDir)) return undefined;
  const aside = `${outDir.replace(/\/+$/, '')}-old-${process.pid}`;
  renameSync(outDir, aside);
  const script = 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })';
  return spawn(process.execPath, ['-e', script, aside], { stdio: 'inherit' });
}

const removal = removeOldOutput();

const run = (cmd: string, args: string[]) => {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
  return Date.now() - t0;
};
const astroMs = run('npx', ['astro', 'build', '--silent', ...process.argv.slice(2)]);
const pagefindMs = run('npx', ['pagefind', '--site', outDir, '--quiet']);
console.log(
  `Built ${outDir}: astro ${(astroMs / 1000).toFixed(1)} s, pagefind ${(pagefindMs / 1000).toFixed(1)} s`,
);
if (process.env.MSP_TIMINGS_FILE) {
  writeFileSync(process.env.MSP_TIMINGS_FILE, JSON.stringify({ astroMs, pagefindMs }));
}
if (removal && removal.exitCode === null) await once(removal, 'exit');
