/** The compare explorer: filters, views, URL state, keyboard, anchors and print. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { loadContent } from '../../src/lib/load.ts';
import { evidenceChanges } from '../../src/lib/version-diff.ts';
import { openSite, type Site } from '../../scripts/lib/site-browser.ts';

const catalog = buildCatalog(await loadContent('content'));
const diff = catalog.diff('4.2', '4.2.1');
const changed = diff.items.filter((d) => d.kind !== 'unchanged');
const PATH = '/compare/4.2...4.2.1/';

let site: Site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

const visibleIds = (page: Awaited<ReturnType<Site['newPage']>>) =>
  page
    .locator('[data-change-list] .change:visible')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.change));

describe('compare explorer', () => {
  it('lists every changed item, with counts by kind and label', async () => {
    const page = await site.newPage();
    await page.goto(site.url(PATH));
    assert.deepEqual(
      await visibleIds(page),
      changed.map((c) => c.id),
    );
    assert.equal(
      await page.locator('[data-count-kind="modified"]').textContent(),
      String(diff.counts.modified),
    );
    const relaxed = changed.filter((c) => c.note?.labels.includes('relaxed')).length;
    assert.equal(await page.locator('[data-count-label="relaxed"]').textContent(), String(relaxed));
    assert.match(
      (await page.locator('.shown').textContent()) ?? '',
      new RegExp(`${changed.length} of ${changed.length}`),
    );
  });

  it('filters by label and section, and writes the filters to the URL', async () => {
    const page = await site.newPage();
    await page.goto(site.url(PATH));
    await page.check('input[name="label"][value="tightened"]');
    const tightened = changed.filter((c) => c.note?.labels.includes('tightened')).map((c) => c.id);
    assert.ok(tightened.length > 0);
    assert.deepEqual(await visibleIds(page), tightened);
    assert.equal(new URL(page.url()).search, '?label=tightened');
    await page.uncheck('input[name="label"][value="tightened"]');
    await page.selectOption('select[name="section"]', '8.0');
    assert.deepEqual(
      await visibleIds(page),
      changed.filter((c) => c.section === '8.0').map((c) => c.id),
    );
    assert.equal(new URL(page.url()).search, '?section=8.0');
    await page.click('button[type="reset"]');
    await page.waitForFunction(() => location.search === '');
    assert.equal((await visibleIds(page)).length, changed.length);
  });

  it('switches to side by side and back', async () => {
    const page = await site.newPage();
    await page.goto(site.url(PATH));
    assert.equal(await page.locator('#change-audit-timing .side').first().isVisible(), false);
    await page.check('input[name="view"][value="side"]');
    assert.equal(new URL(page.url()).search, '?view=side');
    assert.equal(await page.locator('#change-audit-timing .side').first().isVisible(), true);
    assert.equal(await page.locator('#change-audit-timing .inline').first().isVisible(), false);
    await page.check('input[name="view"][value="inline"]');
    assert.equal(await page.locator('#change-audit-timing .inline').first().isVisible(), true);
  });

  it('restores the whole view from a shared URL', async () => {
    const page = await site.newPage();
    await page.goto(site.url(`${PATH}?kind=modified&label=relaxed&view=side&editorial=ignore`));
    assert.equal(await page.isChecked('input[name="kind"][value="modified"]'), true);
    assert.equal(await page.isChecked('input[name="label"][value="relaxed"]'), true);
    assert.equal(await page.isChecked('input[name="view"][value="side"]'), true);
    assert.equal(await page.isChecked('input[name="editorial"]'), true);
    const expected = changed.filter(
      (c) => c.kind === 'modified' && c.note?.labels.includes('relaxed') && c.substantive,
    );
    assert.deepEqual(
      await visibleIds(page),
      expected.map((c) => c.id),
    );
  });

  it('moves between changes with j and k', async () => {
    const page = await site.newPage();
    await page.goto(site.url(PATH));
    // Read in the page: Playwright's page.url() follows history.replaceState a moment later.
    const hash = () => page.evaluate(() => location.hash);
    await page.keyboard.press('j');
    assert.equal(await hash(), `#change-${changed[0]!.id}`);
    await page.keyboard.press('j');
    assert.equal(await hash(), `#change-${changed[1]!.id}`);
    await page.keyboard.press('k');
    assert.equal(await hash(), `#change-${changed[0]!.id}`);
    // Typing in a form field does not move.
    await page.focus('select[name="section"]');
    await page.keyboard.press('j');
    assert.equal(await hash(), `#change-${changed[0]!.id}`);
  });

  it('gives each change an anchor and a copy-link button', async () => {
    const page = await site.newPage({
      viewport: { width: 900, height: 600 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.goto(site.url(`${PATH}#change-8.1.10`));
    const box = await page.locator('#change-8\\.1\\.10').boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 600, 'the change is scrolled into view');
    await page.click('#change-8\\.1\\.10 mce-copy-link button');
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      site.url(`${PATH}#change-8.1.10`),
    );
    for (const c of changed)
      assert.equal(await page.locator(`[id="change-${c.id}"]`).count(), 1, c.id);
  });

  it('reads each change as a sentence and marks it by more than colour', async () => {
    const page = await site.newPage();
    await page.goto(site.url(PATH));
    const sentences = await page.locator('#change-audit-timing .sentences li').allTextContents();
    assert.ok(
      sentences.some(
        (s) => s.includes('5 business days') && s.includes('10 business days') && s.includes('→'),
      ),
    );
    const del = page.locator('#change-audit-timing del').first();
    assert.equal(await del.textContent(), '5');
    assert.match(await del.evaluate((e) => getComputedStyle(e).textDecorationLine), /line-through/);
    const ins = page.locator('#change-audit-timing ins').first();
    assert.match(await ins.evaluate((e) => getComputedStyle(e).textDecorationLine), /underline/);
  });

  it('lists the evidence to-do computed from the diff', async () => {
    const todo = evidenceChanges(diff);
    const page = await site.newPage();
    await page.goto(site.url(PATH));
    for (const kind of ['added', 'removed', 'reworded'] as const) {
      const items = await page.locator(`[data-todo="${kind}"] li a`).allTextContents();
      assert.deepEqual(
        items,
        todo[kind].map((e) => e.item),
        kind,
      );
    }
  });

  it('prints only the changed items, with change bars', async () => {
    const page = await site.newPage();
    await page.goto(site.url(PATH));
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('mce-compare-explorer form').isVisible(), false);
    assert.equal(await page.locator('.unchanged').isVisible(), false);
    assert.equal(await page.locator('.site-header').isVisible(), false);
    assert.equal((await visibleIds(page)).length, changed.length);
    const bar = await page
      .locator('.change')
      .first()
      .evaluate((e) => {
        const s = getComputedStyle(e);
        return {
          style: s.borderInlineStartStyle,
          width: s.borderInlineStartWidth,
          color: s.borderInlineStartColor,
        };
      });
    assert.deepEqual(bar, { style: 'double', width: '6px', color: 'rgb(0, 0, 0)' });
  });

  it('shows every change without JavaScript, filters hidden', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(site.url(`${PATH}?label=tightened`));
    assert.equal(await page.locator('mce-compare-explorer form').isVisible(), false);
    assert.equal((await visibleIds(page)).length, changed.length);
  });

  it('is in Japanese under /ja/ with the same changes', async () => {
    const page = await site.newPage();
    await page.goto(site.url(`/ja${PATH}`));
    assert.equal(await page.getAttribute('html', 'lang'), 'ja');
    assert.deepEqual(
      await visibleIds(page),
      changed.map((c) => c.id),
    );
    assert.match(
      (await page.locator('#change-audit-timing .inline').first().textContent()) ?? '',
      /10/,
    );
  });
});

describe('data for tools', () => {
  it('serves the diff as JSON and CSV, versions as JSON, and an Atom feed', async () => {
    const json = await (await fetch(site.url('/data/diffs/4.2...4.2.1.json'))).json();
    assert.equal(
      json.items.filter((i: { kind: string }) => i.kind !== 'unchanged').length,
      changed.length,
    );
    const csv = await (await fetch(site.url('/data/diffs/4.2...4.2.1.csv'))).text();
    assert.match(csv.split('\r\n')[0]!, /^"from","to","item"/);
    const version = await (await fetch(site.url('/data/versions/4.2.1.json'))).json();
    assert.equal(version.items.length, catalog.latest.items.length);
    const feed = await fetch(site.url('/data/changes.atom'));
    assert.equal(feed.status, 200);
    assert.equal((await feed.text()).match(/<entry>/g)?.length, changed.length);
  });
});
