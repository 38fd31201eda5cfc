/** Item pages, version and language switches, deep links and copy-link buttons. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { loadContent } from '../../src/lib/load.ts';
import { openSite, type Site } from '../../scripts/lib/site-browser.ts';

const { versions } = await loadContent('content');
const dictionaries = {
  en: JSON.parse(readFileSync('src/translations/en.json', 'utf8')) as Record<string, string>,
  ja: JSON.parse(readFileSync('src/translations/ja.json', 'utf8')) as Record<string, string>,
};
const latest = versions.at(-1)!;

let site: Site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

/**
 * What a copy button's live region says once the copy is done (the text comes after the
 * clipboard write, and goes 2 s later); empty if nothing came within 5 s.
 */
async function announced(copyLink: Locator): Promise<string> {
  const status = copyLink.locator('[role="status"]');
  await status
    .filter({ hasText: /\S/ })
    .waitFor({ state: 'attached', timeout: 5000 })
    .catch(() => undefined);
  return (await status.textContent()) ?? '';
}

describe('item pages', () => {
  it('exist for every item, in both languages and every version', async () => {
    const urls: [string, string][] = [];
    for (const prefix of ['', '/ja']) {
      for (const item of latest.items) urls.push([`${prefix}/controls/${item.id}/`, item.id]);
      for (const v of versions) {
        for (const item of v.items)
          urls.push([`${prefix}/v/${v.meta.id}/controls/${item.id}/`, item.id]);
      }
    }
    for (const [path, id] of urls) {
      const res = await fetch(site.url(path));
      assert.equal(res.status, 200, path);
      const html = await res.text();
      assert.match(html, new RegExp(`data-item="${id.replace(/\./g, '\\.')}"`), path);
      assert.match(html, /<h2 id="requirement"/, path);
      assert.match(html, /<html lang="(en|ja)"/, path);
      assert.equal(html.includes('<html lang="ja"'), path.startsWith('/ja/'), path);
    }
    // The loop above proves nothing over no item.
    assert.ok(latest.items.length > 0, 'the latest version has items');
  });

  it('scroll a deep link to an evidence entry into view', async () => {
    const item = latest.items.find((i) => i.evidence.length > 1)!;
    const key = item.evidence.at(-1)!.key;
    const page = await site.newPage({ viewport: { width: 800, height: 500 } });
    await page.goto(site.url(`/controls/${item.id}/#evidence-${key}`));
    const box = await page.locator(`#evidence-${key}`).boundingBox();
    assert.ok(box, 'evidence entry is rendered');
    assert.ok(box.y >= 0 && box.y < 500, `evidence entry is in the viewport (y=${box.y})`);
    assert.equal(await page.locator(`#evidence-${key}:target`).count(), 1);
  });

  it('keep the item when switching version', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/controls/8.1.10/'));
    await page.click('.version-switcher a[data-version="4.2"]');
    assert.equal(new URL(page.url()).pathname, '/v/4.2/controls/8.1.10/');
    assert.match((await page.locator('h1').textContent()) ?? '', /8\.1\.10/);
    assert.equal(await page.locator('.older-banner').count(), 1, 'older version shows a banner');
    await page.click('.older-banner a');
    assert.equal(new URL(page.url()).pathname, '/controls/8.1.10/');
    assert.equal(await page.locator('.older-banner').count(), 0);
  });

  it('keep the item when switching language, both ways', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/v/4.2/controls/9.13.3/'));
    await page.click('header a.lang');
    assert.equal(new URL(page.url()).pathname, '/ja/v/4.2/controls/9.13.3/');
    assert.equal(await page.getAttribute('html', 'lang'), 'ja');
    await page.click('header a.lang');
    assert.equal(new URL(page.url()).pathname, '/v/4.2/controls/9.13.3/');
  });

  it('copy the URL of the anchored heading or evidence entry', async () => {
    const page = await site.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(site.url('/controls/9.6.1/?from=chat'));
    const key = latest.items.find((i) => i.id === '9.6.1')!.evidence[0]!.key;
    await page.click(`#evidence-${key} mce-copy-link button`);
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      site.url(`/controls/9.6.1/#evidence-${key}`),
    );
    await page.click('#requirement mce-copy-link button');
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      site.url('/controls/9.6.1/#requirement'),
    );
    assert.equal(
      await announced(page.locator('#requirement mce-copy-link')),
      dictionaries.en['copy.done'],
    );
    // In Japanese, from the other dictionary; the compare page's copy buttons say the same.
    for (const path of ['/ja/controls/9.6.1/', '/ja/compare/4.2...4.2.1/']) {
      await page.goto(site.url(path));
      const copyLink = page.locator('main mce-copy-link').first();
      await copyLink.locator('button').click();
      assert.equal(await announced(copyLink), dictionaries.ja['copy.done'], path);
    }
  });

  it('show a later change on a pinned older page', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/v/4.2/controls/8.1.10/'));
    assert.match((await page.locator('.later-change').textContent()) ?? '', /4\.2 → 4\.2\.1/);
    await page.goto(site.url('/v/4.2/controls/3.3.3/'));
    assert.equal(
      await page.locator('.later-change').count(),
      0,
      'an unchanged item has no such note',
    );
  });

  it('work without JavaScript: content, switches and links are plain HTML', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(site.url('/ja/controls/8.1.11/'));
    assert.ok(((await page.locator('#requirement + p').textContent()) ?? '').length > 10);
    assert.equal(
      await page.locator('mce-copy-link button:visible').count(),
      0,
      'copy buttons stay hidden',
    );
    assert.ok((await page.locator('.version-switcher a').count()) >= 2);
    // 8.1.11 changed from 4.2 to 4.2.1: its history, with the diff, is plain HTML too.
    assert.equal(await page.locator('.history-entry').count(), 1);
    assert.ok((await page.locator('.history-entry ins').count()) > 0);
  });

  it('answer an unknown URL with the helpful 404 page in both languages', async () => {
    const res = await fetch(site.url('/controls/99.99.99/'));
    assert.equal(res.status, 404);
    const html = await res.text();
    assert.match(html, /Page not found/);
    assert.match(html, /ページが見つかりません/);
    assert.match(html, /href="\/controls\/"/);
  });
});

describe('layout stability', () => {
  it('does not shift the layout when scripts arrive, on narrow and wide screens', async () => {
    for (const path of ['/controls/8.1.10/', '/ja/compare/4.2...4.2.1/', '/']) {
      for (const width of [412, 1280]) {
        const page = await site.newPage({ viewport: { width, height: 823 } });
        await page.addInitScript(() => {
          const w = window as unknown as { layoutShift: number };
          w.layoutShift = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries())
              w.layoutShift += (e as unknown as { value: number }).value;
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(site.url(path));
        // Wait until every custom element on the page that has a definition is upgraded.
        await page.waitForFunction(() =>
          ['mce-copy-link', 'mce-palette'].every(
            (n) => !document.querySelector(n) || customElements.get(n),
          ),
        );
        await page.waitForLoadState('networkidle');
        const shift = await page.evaluate(
          () => (window as unknown as { layoutShift: number }).layoutShift,
        );
        assert.equal(shift, 0, `${path} at ${width}px`);
      }
    }
  });
});

describe('site-wide pages', () => {
  it('list every item of the latest version by section, ids in numeric order', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/controls/'));
    const ids = await page.locator('.items a .mce-id').allTextContents();
    const expected = latest.items.filter((i) => i.kind === 'control').map((i) => i.id);
    assert.deepEqual(ids, expected);
    assert.ok(ids.indexOf('9.6.3') < ids.indexOf('9.13.3'), '9.6.3 sorts before 9.13.3');
  });

  it('give every page a title, description and Open Graph tags', async () => {
    for (const path of [
      '/',
      '/ja/',
      '/controls/',
      '/v/4.2/',
      '/compare/4.2...4.2.1/',
      '/controls/audit-timing/',
    ]) {
      const html = await (await fetch(site.url(path))).text();
      assert.match(html, /<title>[^<]+<\/title>/, path);
      assert.match(html, /<meta name="description" content="[^"]+"/, path);
      assert.match(html, /<meta property="og:title" content="[^"]+"/, path);
      assert.match(html, /<link rel="alternate" hreflang="ja"/, path);
    }
  });

  it('publish a sitemap listing item pages', async () => {
    const index = await (await fetch(site.url('/sitemap-index.xml'))).text();
    const first = /<loc>([^<]+)<\/loc>/.exec(index)![1]!;
    const sitemap = await (await fetch(site.url(new URL(first).pathname))).text();
    assert.match(sitemap, /\/controls\/8\.1\.10\/<\/loc>/);
    assert.match(sitemap, /\/ja\/controls\/8\.1\.10\/<\/loc>/);
  });
});
