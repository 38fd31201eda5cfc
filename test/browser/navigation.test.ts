/**
 * The layout around every page, in a real browser on the built site: the sidebar (current
 * item, open section, changes marked, pinned tree, scrolled into view), the narrow screens'
 * menu (focus kept inside, Escape), the theme choice (kept across pages, applied before the
 * first paint), "On this page" following the reader, the charts and their links, and print.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { loadContent } from '../../src/lib/load.ts';
import { openSite, type Site } from '../../scripts/lib/site-browser.ts';

const catalog = buildCatalog(await loadContent('content'));
const latest = catalog.latest;
const older = catalog.versions[0]!;
const diff = catalog.diff(older.meta.id, latest.meta.id);
const PHONE = { width: 412, height: 823 };

let site: Site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

/** Ids of the sidebar's items, in order, and of the ones marked changed or new. */
const sidebarIds = (page: Page) =>
  page.locator('.sidebar li a').evaluateAll((links) =>
    links.map((a) => ({
      href: a.getAttribute('href') ?? '',
      current: a.getAttribute('aria-current'),
      mark: a.querySelector('.mark')?.textContent?.trim() ?? '',
      open: (a.closest('details') as HTMLDetailsElement).open,
    })),
  );

describe('sidebar', () => {
  it('shows the version’s items, the current one marked and its section alone open', async () => {
    const item = latest.items.find((i) => i.section === '8.0')!;
    const page = await site.newPage();
    await page.goto(site.url(`/controls/${item.id}/`));
    const links = await sidebarIds(page);
    assert.deepEqual(
      links.map((l) => l.href),
      latest.items.map((i) => `/controls/${i.id}/`),
    );
    assert.deepEqual(
      links.filter((l) => l.current === 'page').map((l) => l.href),
      [`/controls/${item.id}/`],
    );
    const open = await page
      .locator('.sidebar details')
      .evaluateAll((ds) =>
        ds
          .filter((d) => (d as HTMLDetailsElement).open)
          .map((d) => d.querySelector('summary')!.textContent?.trim()),
      );
    assert.deepEqual(open, ['Section 8.0']);
    // A closed section opens on a click, without JavaScript's help.
    const closed = page.locator('.sidebar details:not([open]) summary').first();
    await closed.click();
    assert.equal(await page.locator('.sidebar details[open]').count(), 2);
  });

  it('marks, in text, the items changed or new in this version', async () => {
    const page = await site.newPage();
    await page.goto(site.url(`/controls/${latest.items[0]!.id}/`));
    const marks = Object.fromEntries((await sidebarIds(page)).map((l) => [l.href, l.mark]));
    const expected = Object.fromEntries(
      latest.items.map((i) => {
        const kind = diff.items.find((d) => d.id === i.id && d.kind !== 'removed')?.kind;
        const mark = !kind || kind === 'unchanged' ? '' : kind === 'added' ? 'new' : 'changed';
        return [`/controls/${i.id}/`, mark];
      }),
    );
    assert.deepEqual(marks, expected);
    assert.ok(Object.values(marks).includes('changed'), 'some item is marked changed');
  });

  it('shows the pinned version’s own tree on pinned pages', async () => {
    const item = older.items.at(-1)!;
    const page = await site.newPage();
    await page.goto(site.url(`/v/${older.meta.id}/controls/${item.id}/`));
    const links = await sidebarIds(page);
    assert.deepEqual(
      links.map((l) => l.href),
      older.items.map((i) => `/v/${older.meta.id}/controls/${i.id}/`),
    );
    // The oldest version has no version before it: nothing is marked as changed.
    assert.ok(links.every((l) => l.mark === ''));
    assert.match(
      (await page.locator('.sidebar .title').textContent()) ?? '',
      new RegExp(older.meta.id.replace(/\./g, '\\.')),
    );
  });

  it('is on the list and version pages too, with no item current', async () => {
    for (const path of [
      '/controls/',
      `/v/${older.meta.id}/`,
      `/ja/v/${latest.meta.id}/controls/`,
    ]) {
      const page = await site.newPage();
      await page.goto(site.url(path));
      const links = await sidebarIds(page);
      assert.equal(
        links.length,
        (path.includes(older.meta.id) ? older : latest).items.length,
        path,
      );
      assert.ok(
        links.every((l) => l.current === null && !l.open),
        path,
      );
    }
  });

  it('scrolls the current item into view within the sidebar, not the page', async () => {
    const item = latest.items.at(-1)!;
    const page = await site.newPage({ viewport: { width: 1280, height: 420 } });
    await page.goto(site.url(`/controls/${item.id}/`));
    await page.waitForFunction(() => customElements.get('mce-site-menu'));
    const current = page.locator('.sidebar a[aria-current="page"]');
    const [box, menu] = await Promise.all([
      current.boundingBox(),
      page.locator('#site-menu').boundingBox(),
    ]);
    assert.ok(box && menu);
    assert.ok(box.y >= menu.y && box.y + box.height <= menu.y + menu.height, `item at ${box.y}`);
    assert.ok((await page.locator('#site-menu').evaluate((e) => e.scrollTop)) > 0, 'scrolled');
    assert.equal(await page.evaluate(() => scrollY), 0, 'the page itself did not scroll');
  });

  it('is shown without JavaScript, on wide and on narrow screens', async () => {
    for (const viewport of [{ width: 1280, height: 800 }, PHONE]) {
      const page = await site.newPage({ javaScriptEnabled: false, viewport });
      await page.goto(site.url(`/controls/${latest.items[0]!.id}/`));
      assert.ok(
        await page.locator('.sidebar a[aria-current="page"]').isVisible(),
        `${viewport.width}`,
      );
      assert.equal(await page.locator('.menu-button').isVisible(), false);
    }
  });
});

describe('menu on a phone', () => {
  it('opens with focus inside, keeps it there, and closes on Escape back to the button', async () => {
    const page = await site.newPage({ viewport: PHONE });
    await page.goto(site.url(`/controls/${latest.items[0]!.id}/`));
    const button = page.locator('.menu-button');
    await page.waitForFunction(() => customElements.get('mce-site-menu'));
    assert.equal(await page.locator('.sidebar').isVisible(), false, 'folded away');
    assert.equal(await page.locator('header .main-nav').isVisible(), false);
    assert.equal(await button.getAttribute('aria-expanded'), 'false');

    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.locator('#site-menu');
    await page.locator('#site-menu[data-open]').waitFor();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.equal(await menu.getAttribute('role'), 'dialog');
    assert.ok(await page.locator('.sidebar').isVisible());
    // The header's links, search, theme and language are in the panel while it is open.
    assert.ok(await page.locator('#site-menu .main-nav').isVisible());
    assert.ok(await page.locator('#site-menu a.lang').isVisible());
    const inMenu = () => page.evaluate(() => !!document.activeElement?.closest('#site-menu'));
    assert.ok(await inMenu(), 'focus moved into the menu');
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      assert.ok(await inMenu(), `focus left the menu after ${i + 1} Tab presses`);
      seen.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? ''));
    }
    assert.ok(seen.size > 10, `Tab went round the menu's controls (${seen.size} seen)`);
    await page.keyboard.press('Shift+Tab');
    assert.ok(await inMenu());
    // The rest of the page cannot be reached while the menu is open.
    assert.equal(await page.locator('main').evaluate((m) => (m as HTMLElement).inert), true);

    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#site-menu[data-open]').count(), 0);
    assert.equal(await page.locator('.sidebar').isVisible(), false);
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(
      await page.evaluate(() => document.activeElement?.className),
      await button.getAttribute('class'),
    );
    assert.equal(await page.locator('main').evaluate((m) => (m as HTMLElement).inert), false);
    // The header's parts went back to the header.
    assert.equal(await page.locator('header .main-nav').count(), 1);
    assert.equal(await page.locator('#site-menu .main-nav').count(), 0);
  });

  it('closes with its close button, and the header stays one row high', async () => {
    const page = await site.newPage({ viewport: PHONE });
    await page.goto(site.url('/compare/'));
    await page.waitForFunction(() => customElements.get('mce-site-menu'));
    const header = await page.locator('.site-header').boundingBox();
    assert.ok(header && header.height < 70, `header is ${header?.height}px high`);
    assert.ok(await page.locator('.palette-open').isVisible(), 'the palette is one tap away');
    await page.click('.menu-button');
    await page.click('#site-menu [data-close]');
    assert.equal(await page.locator('#site-menu[data-open]').count(), 0);
    assert.equal(
      await page.evaluate(() => document.activeElement?.classList.contains('menu-button')),
      true,
    );
  });
});

describe('theme choice', () => {
  /** The background colour of the root, as painted. */
  const rootBackground = (page: Page) =>
    page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

  it('is kept across pages and applied before the first paint, with no flash', async () => {
    const page = await site.newPage({ colorScheme: 'light' });
    await page.goto(site.url('/'));
    const light = await rootBackground(page);
    await page.selectOption('header mce-theme-select select', 'dark');
    const dark = await rootBackground(page);
    assert.notEqual(dark, light, 'choosing dark changes the colours at once');
    assert.equal(await page.evaluate(() => localStorage.getItem('mce-theme')), 'dark');

    // The next page, with every module script held back: only the inline head script runs, so
    // what is painted is what the reader sees before anything else arrives.
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto(site.url(`/controls/${latest.items[0]!.id}/`), { waitUntil: 'load' });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await rootBackground(page), dark);
    const shot = await page.screenshot({ clip: { x: 1275, y: 715, width: 1, height: 1 } });
    const pixel = await pixelOf(page, shot);
    assert.equal(pixel, dark, 'the first paint is dark');

    await page.unroute('**/_astro/*.js');
    await page.goto(site.url('/ja/compare/'));
    await page.waitForFunction(() => customElements.get('mce-theme-select'));
    assert.equal(await page.inputValue('header mce-theme-select select'), 'dark');
    await page.selectOption('header mce-theme-select select', 'auto');
    assert.equal(await page.evaluate(() => localStorage.getItem('mce-theme')), null);
    assert.equal(await rootBackground(page), light, 'auto follows the system (light here)');
  });

  it('can be light on a dark system', async () => {
    const page = await site.newPage({ colorScheme: 'dark' });
    await page.goto(site.url('/'));
    const dark = await rootBackground(page);
    await page.selectOption('header mce-theme-select select', 'light');
    await page.reload();
    assert.notEqual(await rootBackground(page), dark);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  });
});

/**
 * The colour of a one-pixel PNG screenshot, as `rgb(r, g, b)`, decoded by the browser in a
 * blank page of the same context: the site's content security policy refuses `data:` images.
 */
async function pixelOf(page: Page, png: Buffer): Promise<string> {
  const blank = await page.context().newPage();
  const pixel = await blank.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
    return `rgb(${r}, ${g}, ${b})`;
  }, png.toString('base64'));
  await blank.close();
  return pixel;
}

describe('on this page', () => {
  it('marks the section being read as the reader scrolls', async () => {
    const item = latest.items.find((i) => i.evidence.length > 2)!;
    const page = await site.newPage({ viewport: { width: 1400, height: 700 } });
    await page.goto(site.url(`/controls/${item.id}/`));
    const current = () => page.locator('.toc a[aria-current="true"]').allTextContents();
    await page.waitForFunction(() => document.querySelector('.toc a[aria-current="true"]'));
    assert.deepEqual(await current(), ['Requirement']);
    for (const [id, label] of [
      ['changes', 'Change history'],
      ['evidence', 'Evidence for the audit'],
    ] as const) {
      await page.evaluate((target) => {
        const top = document.getElementById(target)!.getBoundingClientRect().top;
        scrollBy(0, top - 40);
      }, id);
      await page.waitForFunction(
        (text) => document.querySelector('.toc a[aria-current="true"]')?.textContent === text,
        label,
      );
      assert.deepEqual(await current(), [label]);
    }
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(
      () => document.querySelector('.toc li:last-child a')?.getAttribute('aria-current') === 'true',
    );
    assert.equal((await current()).length, 1);
  });

  it('is hidden on narrow screens and links to every section it names', async () => {
    const narrow = await site.newPage({ viewport: PHONE });
    await narrow.goto(site.url('/compare/4.2...4.2.1/'));
    assert.equal(await narrow.locator('.toc').isVisible(), false);
    const wide = await site.newPage({ viewport: { width: 1400, height: 800 } });
    await wide.goto(site.url('/compare/4.2...4.2.1/'));
    assert.ok(await wide.locator('.toc').isVisible());
    const targets = await wide
      .locator('.toc a')
      .evaluateAll((as) =>
        as.map((a) => !!document.getElementById((a as HTMLAnchorElement).hash.slice(1))),
      );
    assert.ok(targets.length > 3 && targets.every(Boolean));
  });
});

describe('charts', () => {
  it('compare: each bar opens the compare view filtered to its section and meaning', async () => {
    const page = await site.newPage();
    await page.goto(site.url(`/compare/${older.meta.id}...${latest.meta.id}/`));
    const cells = await page
      .locator('.change-chart td a')
      .evaluateAll((as) =>
        as.map((a) => ({ href: a.getAttribute('href')!, n: Number(a.textContent) })),
      );
    assert.ok(cells.length > 0, 'the chart has bars');
    for (const cell of cells.slice(0, 4)) {
      const query = new URLSearchParams(cell.href);
      const section = query.get('section')!;
      const label = query.get('label')!;
      const expected = diff.items.filter(
        (d) => d.section === section && d.note?.labels.some((l) => l === label),
      );
      assert.equal(cell.n, expected.length, cell.href);
      await page.click(`.change-chart a[href="${cell.href}"]`);
      await page.waitForURL((url) => url.search === cell.href);
      await page.waitForFunction(() => customElements.get('mce-compare-explorer'));
      const shown = await page
        .locator('[data-change-list] .change:not([hidden])')
        .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.change));
      assert.deepEqual(shown.sort(), expected.map((d) => d.id).sort(), cell.href);
      await page.goBack();
    }
  });

  it('self-check: the bars follow the answers kept in this browser', async () => {
    const item = latest.items.find((i) => i.section === '8.0')!;
    const page = await site.newPage();
    await page.goto(site.url('/self-check/'));
    const row = (title: string) =>
      page
        .locator('[data-status-chart] tbody tr', { hasText: title })
        .locator('td')
        .allTextContents();
    const sections = await page.locator('[data-status-chart] tbody th').allTextContents();
    assert.deepEqual(
      sections,
      latest.meta.sections
        .filter((s) => latest.items.some((i) => i.section === s.id))
        .map((s) =>
          s.title ? (/^\d/.test(s.id) ? `${s.id} ${s.title.en}` : s.title.en) : `Section ${s.id}`,
        ),
    );
    const total = latest.items.filter((i) => i.section === '8.0').length;
    assert.deepEqual(await row('Section 8.0'), ['0', '0', '0', '0', String(total)]);

    // Answer on the item page, as a reader does, then come back to the overview.
    await page.goto(site.url(`/controls/${item.id}/`));
    await page.locator('mce-self-check-panel').scrollIntoViewIfNeeded();
    await page.locator('mce-self-check-panel form').waitFor();
    await page.check('mce-self-check-panel input[name="status"][value="met"]');
    await page.goto(site.url('/self-check/'));
    await page.waitForFunction(
      () => document.querySelector('[data-status-chart] tbody rect.fill-met') !== null,
    );
    assert.deepEqual(await row('Section 8.0'), ['1', '0', '0', '0', String(total - 1)]);
    const met = await page
      .locator('[data-status-chart] tbody tr', { hasText: 'Section 8.0' })
      .locator('rect.fill-met')
      .getAttribute('width');
    assert.ok(Math.abs(parseFloat(met ?? '') - 100 / total) < 0.01, `met is ${met} wide`);
  });

  it('home: a time line of the versions, with the list as its text', async () => {
    // Versions whose audit date is known, in the catalog’s order (one without a date is not drawn).
    const dated = catalog.versions.flatMap(({ meta: { id, auditsFrom } }) =>
      auditsFrom ? [{ id, auditsFrom }] : [],
    );
    const page = await site.newPage();
    await page.goto(site.url('/'));
    const labels = await page.locator('.timeline svg text.id').allTextContents();
    assert.deepEqual(
      labels,
      [...dated].sort((a, b) => a.auditsFrom.localeCompare(b.auditsFrom)).map((v) => v.id),
    );
    const dates = await page
      .locator('.timeline li time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    assert.deepEqual(
      dates,
      [...dated].reverse().map((v) => v.auditsFrom),
    );
  });
});

describe('print', () => {
  it('leaves out the sidebar, the contents and the theme choice', async () => {
    const page = await site.newPage({ viewport: { width: 1400, height: 800 } });
    await page.goto(site.url(`/controls/${latest.items[0]!.id}/`));
    assert.ok(await page.locator('.sidebar').isVisible());
    assert.ok(await page.locator('.toc').isVisible());
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.sidebar', '.toc', 'mce-theme-select', '.menu-button']) {
      assert.equal(await page.locator(selector).first().isVisible(), false, selector);
    }
    assert.ok(await page.locator('#requirement').isVisible());
  });
});
