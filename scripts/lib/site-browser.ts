/**
 * A built site in a browser, for the browser tests and the bench: serves it over HTTP and drives
 * Debian's Chromium with playwright-core. A missing build or browser is a failure (tests never
 * skip).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from './static-server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium flags for runs with no network but loopback (also used by `npm run bench`). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Site {
  /** Absolute URL of a site path (`/controls/8.1.10/`), base path included. */
  url(path: string): string;
  browser: Browser;
  /** A fresh page in a fresh context (own storage), closed with the site. */
  newPage(options?: Parameters<Browser['newContext']>[0]): Promise<Page>;
  close(): Promise<void>;
}

/** Serves `dist` (or `MSP_DIST`) and launches Chromium. */
export async function openSite({
  dist = process.env.MSP_DIST ?? 'dist',
  base = process.env.MSP_BASE ?? '/',
}: { dist?: string; base?: string } = {}): Promise<Site> {
  const root = resolve(dist);
  if (!existsSync(root)) throw new Error(`No built site at ${root}: run "npm run build" first.`);
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  const server: StaticServer = await startStaticServer({ root, base });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  const contexts: BrowserContext[] = [];
  return {
    url: (path) => new URL(path.replace(/^\//, ''), server.url).href,
    browser,
    async newPage(options) {
      const context = await browser.newContext(options);
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => {})));
      await browser.close();
      await server.close();
    },
  };
}
