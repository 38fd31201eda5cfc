/**
 * axe-core finds no violation on one page of every page type, in each language, in the light
 * and the dark colour scheme.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openSite, type Site } from '../../scripts/lib/site-browser.ts';
import { axeViolations, describeViolations } from '../support/axe.ts';
import { ROOT_BUILD, requireBuild } from '../support/builds.ts';
import { samplePages } from '../support/sample-pages.ts';

const SCHEMES = ['light', 'dark'] as const;

const samples = await samplePages(requireBuild(ROOT_BUILD));

describe('accessibility (axe) of every page type', () => {
  let site: Site;
  before(async () => {
    site = await openSite({ dist: ROOT_BUILD.dist, base: ROOT_BUILD.base });
  });
  after(() => site?.close());

  it('has pages to check, and axe reports a known violation', async () => {
    assert.ok(
      samples.some((s) => s.type === '/controls/<id>/'),
      'no control page was built',
    );
    const page = await site.newPage();
    await page.setContent(
      '<!doctype html><html lang="en"><title>t</title><main><img src="x.png"></main></html>',
    );
    const ids = (await axeViolations(page)).map((v) => v.id);
    assert.ok(ids.includes('image-alt'), `expected image-alt, got ${ids.join(', ')}`);
  });

  for (const sample of samples) {
    for (const colorScheme of SCHEMES) {
      it(`${sample.type} (${sample.lang}, ${colorScheme}): ${sample.path}`, async () => {
        const page = await site.newPage({ colorScheme });
        await page.goto(site.url(sample.path), { waitUntil: 'load' });
        const violations = await axeViolations(page);
        assert.equal(
          violations.length,
          0,
          `axe violations on ${sample.path} (${colorScheme}):\n${describeViolations(violations)}`,
        );
      });
    }
  }
});

describe('accessibility (axe) of the theme chosen against the system’s, and of the open menu', () => {
  let site: Site;
  before(async () => {
    site = await openSite({ dist: ROOT_BUILD.dist, base: ROOT_BUILD.base });
  });
  after(() => site?.close());

  const pages = ['/', '/controls/8.1.10/', '/ja/compare/4.2...4.2.1/', '/self-check/'];
  for (const [system, chosen] of [
    ['light', 'dark'],
    ['dark', 'light'],
  ] as const) {
    for (const path of pages) {
      it(`${path}: ${chosen} theme on a ${system} system`, async () => {
        const page = await site.newPage({ colorScheme: system });
        await page.addInitScript((theme) => localStorage.setItem('mce-theme', theme), chosen);
        await page.goto(site.url(path), { waitUntil: 'load' });
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), chosen);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, describeViolations(violations));
      });
    }
  }

  for (const colorScheme of SCHEMES) {
    it(`the menu open on a phone (${colorScheme})`, async () => {
      const page = await site.newPage({ colorScheme, viewport: { width: 412, height: 823 } });
      await page.goto(site.url('/ja/controls/8.1.10/'), { waitUntil: 'load' });
      await page.waitForFunction(() => customElements.get('mce-site-menu'));
      await page.click('.menu-button');
      await page.locator('#site-menu[data-open]').waitFor();
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
    });
  }
});
