/**
 * Programs the browser tests and the bench drive, installed from Debian's archive when missing
 * (the machine has Debian's package registry and no other network).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Installs Debian's `pkg` when `path` is missing, saying so as `what`; exits the process with
 * the command to run by hand when that fails.
 */
export function ensureProgram(path: string, pkg: string, what: string): void {
  if (existsSync(path)) return;
  console.log(`\n▶ ${what} is missing at ${path}: installing Debian's ${pkg}`);
  const run = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit' }).status === 0;
  if (!run(['update']) || !run(['install', '-y', pkg]) || !existsSync(path)) {
    console.error(
      `Could not install ${pkg} (run as root: apt-get update && apt-get install -y ${pkg}).`,
    );
    process.exit(1);
  }
}
