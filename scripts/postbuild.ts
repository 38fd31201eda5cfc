/** Runs after `astro build`: indexes the built pages with pagefind, one index per language. */
import { execFileSync } from 'node:child_process';

execFileSync('npx', ['pagefind', '--site', 'dist', '--quiet'], { stdio: 'inherit' });
