/**
 * The content security policy is in force on every page type, in both languages, and nothing
 * the site does breaks it: no `securitypolicyviolation` while pages load, their lazy code
 * loads (self-check panel, palette, search with pagefind's WebAssembly) and the reader types.
 * The same holds with the `_headers` file's policy sent as a header too, which also keeps the
 * pages out of frames. Page types come from the built site (`samplePages`), not from a list.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openSite, type Site } from '../../scripts/lib/site-browser.ts';
import { ROOT_BUILD } from '../support/builds.ts';
import { samplePages } from '../support/sample-pages.ts';

const dist = process.env.MSP_DIST ?? ROOT_BUILD.dist;
const pages = await samplePages(dist);

let site: Site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

/** The headers `_headers` gives every file (`/*`), as Netlify and Cloudflare Pages read it. */
async function fileHeaders(): Promise<Record<string, string>> {
  const text = await readFile(join(dist, '_headers'), 'utf8');
  const lines = text.split('\n');
  assert.equal(lines[0], '/*', '_headers applies to every path');
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const m = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    if (m) headers[m[1]!.toLowerCase()] = m[2]!;
  }
  return headers;
}

/** A page that records every policy violation from before its first script runs. */
async function watched(headers?: Record<string, string>): Promise<Page> {
  const page = await site.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.violations.push(`${e.effectiveDirective} ${e.blockedURI || 'inline'} ${e.sample}`);
    });
  });
  if (headers) {
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), ...headers } });
    });
  }
  return page;
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { violations: string[] }).violations);

/** Loads a page and what it loads on use: the panel, the palette, search suggestions. */
async function exercise(page: Page, path: string) {
  await page.goto(site.url(path));
  await page.waitForLoadState('networkidle');
  const panel = page.locator('mce-self-check-panel');
  if ((await panel.count()) > 0) {
    await panel.scrollIntoViewIfNeeded();
    await page.locator('mce-self-check-panel form').waitFor();
    await page.locator('#self-check-notes').pressSequentially('x<y');
    // Ctrl+K edits the notes; the palette opens from outside them.
    await page.locator('#self-check-notes').blur();
  }
  await page.keyboard.press('Control+k');
  await page.locator('dialog.palette[open]').waitFor();
  await page.keyboard.type('8.1');
  await page.locator('#palette-list [role="option"]').first().waitFor();
  await page.keyboard.press('Escape');
  const box = page.locator('mce-site-search input').first();
  if (await box.isVisible()) {
    await box.fill('MFA');
    await page.locator('mce-site-search [role="option"]').first().waitFor();
  }
  await page.waitForLoadState('networkidle');
}

describe('content security policy', () => {
  it(`is in force on every page type (${pages.length} pages), with no violation`, async () => {
    assert.ok(pages.length >= 10, `page types found: ${pages.length}`);
    const page = await watched();
    const problems: string[] = [];
    for (const { type, lang, path } of pages) {
      await exercise(page, path);
      const policy = await page
        .locator('meta[http-equiv="content-security-policy"]')
        .getAttribute('content');
      if (!policy || /unsafe-inline/.test(policy) || !/script-src 'self'/.test(policy)) {
        problems.push(`${type} ${lang}: policy ${policy}`);
      }
      for (const v of await violations(page)) problems.push(`${type} ${lang}: ${v}`);
      // In force: a script put in by hand does not run, and is reported.
      const ran = await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.injected = true';
        document.head.append(s);
        return 'injected' in window;
      });
      if (ran) problems.push(`${type} ${lang}: an injected inline script ran`);
    }
    assert.deepEqual(problems, []);
  });

  it('holds with the _headers policy sent as a header too, and keeps pages out of frames', async () => {
    const headers = await fileHeaders();
    assert.match(headers['content-security-policy'] ?? '', /frame-ancestors 'none'/);
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.ok(headers['referrer-policy']);
    const page = await watched(headers);
    const problems: string[] = [];
    for (const { type, lang, path } of pages) {
      await exercise(page, path);
      for (const v of await violations(page)) problems.push(`${type} ${lang}: ${v}`);
    }
    assert.deepEqual(problems, []);

    // Another page framing the overview gets nothing it could press.
    const framer = await watched(headers);
    await framer.goto(site.url('/no/such/page/'));
    await framer.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      document.body.append(f);
    }, site.url('/self-check/'));
    await framer.waitForLoadState('networkidle');
    const frame = framer.frames().find((f) => f !== framer.mainFrame());
    assert.ok(frame, 'the frame exists');
    const inside = await frame
      .evaluate(() => document.querySelector('mce-self-check-overview') !== null)
      .catch(() => false);
    assert.equal(inside, false, 'the overview loaded inside a frame');
  });

  it('hides script-only controls when scripts are off', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(site.url('/controls/'));
    const controls = page.locator('.mce-needs-js');
    assert.ok((await controls.count()) > 0);
    // `display: none` comes only from the stylesheet's `scripting: none` rule.
    assert.equal(await controls.first().evaluate((e) => getComputedStyle(e).display), 'none');
  });
});
