/** Runs the repository's own scripts from browser tests that make a site of their own. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '../..');

/**
 * Runs a repository script with node and fails with its output when it fails; returns what it
 * printed.
 */
export function runScript(args: string[], env: Record<string, string> = {}): string {
  // Served from the root: a base path set for another build must not leak in.
  const inherited = { ...process.env };
  delete inherited.MSP_BASE;
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...inherited, ...env },
  });
  assert.equal(r.status, 0, `node ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}
