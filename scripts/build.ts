/**
 * Production build: Astro, then pagefind over the output (one index per `<html lang>`).
 * MSP_OUT_DIR picks the output folder, MSP_BASE the base path, MSP_CONTENT_DIR the content;
 * MSP_TIMINGS_FILE, when set, receives both durations as JSON (`npm run bench` reads it).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const outDir = process.env.MSP_OUT_DIR ?? 'dist';
const run = (cmd: string, args: string[]) => {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
  return Date.now() - t0;
};
const astroMs = run('npx', ['astro', 'build', '--silent']);
const pagefindMs = run('npx', ['pagefind', '--site', outDir, '--quiet']);
console.log(
  `Built ${outDir}: astro ${(astroMs / 1000).toFixed(1)} s, pagefind ${(pagefindMs / 1000).toFixed(1)} s`,
);
if (process.env.MSP_TIMINGS_FILE) {
  writeFileSync(process.env.MSP_TIMINGS_FILE, JSON.stringify({ astroMs, pagefindMs }));
}
