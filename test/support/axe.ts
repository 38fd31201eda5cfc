/** axe-core for browser tests, put into a page the way the site's policy allows. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

const AXE = resolve('node_modules/axe-core/axe.min.js');

/**
 * Defines `window.axe` in the page. It goes in through the browser's devtools protocol: the
 * site's content security policy refuses it as an inline script, as it should.
 */
export async function injectAxe(page: Page): Promise<void> {
  await page.evaluate(await readFile(AXE, 'utf8'));
}
