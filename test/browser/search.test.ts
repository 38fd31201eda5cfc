/**
 * Search on the built site: the full search page (pagefind, exact ids first, closest items for
 * typos, filters, search in what changed), the quick-jump palette (fuse.js), the header box,
 * highlighting on the landing page, lazy loading, no-JavaScript behaviour and the base path.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { loadContent } from '../../src/lib/load.ts';
import type { Lang } from '../../src/lib/model.ts';
import { contentDir } from '../../src/lib/site-config.ts';
import { injectAxe } from '../support/axe.ts';
import { BASE_BUILD, requireBuild } from '../support/builds.ts';
import { openSite, type Site } from '../../scripts/lib/site-browser.ts';

const { versions, notes } = await loadContent(contentDir(process.env));
const latest = versions.at(-1)!;
const older = versions.at(-2)!;

/** A query, the item expected first, and where it is checked. */
interface Row {
  lang: Lang;
  q: string;
  first: string;
  /** `page`: the search page only (words in the page text, not in titles or aliases). */
  on?: 'both' | 'page';
  why: string;
}

const TABLE: Row[] = [
  { lang: 'en', q: '8.1.10', first: '8.1.10', why: 'id' },
  { lang: 'en', q: '8.1.1', first: '8.1.10', why: 'id prefix, not 8.1.1x-like numbers elsewhere' },
  { lang: 'en', q: '9.6', first: '9.6.1', why: 'id prefix' },
  { lang: 'en', q: '８．１．１０', first: '8.1.10', why: 'full-width id' },
  { lang: 'en', q: 'control 8.1.11', first: '8.1.11', why: 'id after a word' },
  { lang: 'en', q: 'audit-timing', first: 'audit-timing', why: 'rule id' },
  { lang: 'en', q: 'MFA', first: '8.1.10', why: 'topic' },
  { lang: 'en', q: 'CMDB', first: '9.13.3', why: 'topic' },
  { lang: 'en', q: 'case study', first: 'case-studies', why: 'topic' },
  { lang: 'en', q: 'social engineering', first: '8.1.11', why: 'topic' },
  { lang: 'en', q: 'offboarding', first: '3.3.4', why: 'topic' },
  { lang: 'en', q: 'financial health', first: '2.1', why: 'topic' },
  { lang: 'en', q: 'design documents', first: '5.1.1', why: 'topic' },
  { lang: 'en', q: 'annual renewal', first: 'annual-renewal', why: 'topic' },
  { lang: 'en', q: '2FA', first: '8.1.10', why: 'synonym' },
  { lang: 'en', q: 'multi-factor authentication', first: '8.1.10', why: 'synonym' },
  { lang: 'en', q: 'leaked credentials', first: '8.2.4', why: 'synonym' },
  { lang: 'en', q: '36 months', first: 'full-audit-cycle', why: 'synonym' },
  { lang: 'en', q: 'multi-tenant', first: '3.3.3', why: 'synonym' },
  { lang: 'en', q: 'CSAT threshold', first: '4.1.2', why: 'words in alias and title' },
  { lang: 'en', q: 'Control Tower', first: '8.1.10', on: 'page', why: 'requirement text' },
  { lang: 'en', q: '10 business days', first: 'audit-timing', on: 'page', why: 'text' },
  { lang: 'en', q: 'socail enginering', first: '8.1.11', why: 'typo' },
  { lang: 'en', q: 'offbording', first: '3.3.4', why: 'typo' },
  { lang: 'en', q: 'pre-assesment', first: 'pre-assessment', why: 'typo' },
  { lang: 'en', q: 'cmbd', first: '9.13.3', why: 'typo' },
  { lang: 'en', q: 'case studys', first: 'case-studies', why: 'typo' },
  { lang: 'ja', q: '８．１．１１', first: '8.1.11', why: 'full-width id' },
  { lang: 'ja', q: '9.13.3', first: '9.13.3', why: 'id' },
  { lang: 'ja', q: '多要素認証', first: '8.1.10', why: 'Japanese topic' },
  { lang: 'ja', q: 'ソーシャルエンジニアリング', first: '8.1.11', why: 'Japanese topic' },
  { lang: 'ja', q: '構成管理データベース', first: '9.13.3', why: 'Japanese topic' },
  { lang: 'ja', q: '事例', first: 'case-studies', why: 'Japanese topic' },
  { lang: 'ja', q: 'オフボーディング', first: '3.3.4', why: 'Japanese topic' },
  { lang: 'ja', q: '財務健全性', first: '2.1', why: 'Japanese topic' },
  { lang: 'ja', q: 'アクセスキー', first: '8.2.4', why: 'Japanese topic' },
  { lang: 'ja', q: '年次更新', first: 'annual-renewal', why: 'Japanese topic' },
  { lang: 'ja', q: '事前評価', first: 'pre-assessment', why: 'Japanese topic' },
  { lang: 'ja', q: '二要素認証', first: '8.1.10', why: 'Japanese synonym' },
  { lang: 'ja', q: 'しきい値', first: '4.1.2', why: 'Japanese synonym' },
  { lang: 'ja', q: 'フル監査', first: 'full-audit-cycle', why: 'Japanese synonym' },
  { lang: 'ja', q: 'プリアセスメント', first: 'pre-assessment', why: 'Japanese synonym' },
  { lang: 'ja', q: 'MFA', first: '8.1.10', why: 'English term on the Japanese site' },
  { lang: 'ja', q: 'CMDB', first: '9.13.3', why: 'English term on the Japanese site' },
  { lang: 'ja', q: '営業日', first: 'audit-timing', why: 'Japanese text' },
  { lang: 'ja', q: 'ソーシャルエンジニアング', first: '8.1.11', why: 'Japanese typo' },
];

/** What axe-core's `run` resolves to, as far as these tests read it. */
interface AxeResult {
  violations: { id: string; nodes: { target: string[] }[] }[];
}

const prefix = (lang: Lang) => (lang === 'ja' ? '/ja' : '');

let site: Site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

/** Opens the search page for a query and resolves to the item ids of the results, in order. */
async function searchPage(page: Page, lang: Lang, query: string, extra = ''): Promise<string[]> {
  await page.goto(site.url(`${prefix(lang)}/search/?q=${encodeURIComponent(query)}${extra}`));
  await waitForResults(page);
  return page.$$eval('.search-results > li', (lis) =>
    lis.map((li) => (li as HTMLElement).dataset.id ?? (li as HTMLElement).dataset.url ?? ''),
  );
}

async function waitForResults(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const list = document.querySelector('.search-results');
    const status = document.querySelector('.search-status')?.textContent ?? '';
    return list && !list.hasAttribute('aria-busy') && status !== '';
  });
}

/** Types a query into the open palette and resolves to the ids of its options. */
async function palette(page: Page, query: string): Promise<string[]> {
  await page.fill('#palette-q', query);
  await page.waitForFunction(
    (q) =>
      (document.querySelector<HTMLInputElement>('#palette-q')?.value ?? '') === q &&
      document.querySelector('#palette-heading')?.textContent !== '' &&
      document.querySelectorAll('#palette-list [role="option"]').length > 0,
    query,
  );
  // The options belong to the latest keystroke once the "search all" option names it.
  await page.waitForFunction(
    (q) =>
      !q.trim() ||
      (document.querySelector('#palette-search-all')?.getAttribute('data-href') ?? '').includes(
        encodeURIComponent(q.trim().normalize('NFKC')),
      ),
    query,
  );
  return page.$$eval('#palette-list [role="option"]', (os) =>
    os.map((o) => (o as HTMLElement).dataset.id ?? 'search-all'),
  );
}

async function openPalette(page: Page, lang: Lang): Promise<void> {
  await page.goto(site.url(`${prefix(lang)}/controls/`));
  await page.keyboard.press('Control+k');
  await page.waitForSelector('dialog.palette[open]');
}

describe('search: the expected item comes first', () => {
  it(`on the search page, for ${TABLE.length} queries in both languages`, async () => {
    assert.ok(TABLE.length >= 30);
    const page = await site.newPage();
    const wrong: string[] = [];
    for (const row of TABLE) {
      const ids = await searchPage(page, row.lang, row.q);
      if (ids[0] !== row.first) {
        wrong.push(`${row.lang} "${row.q}" (${row.why}): ${ids.slice(0, 3).join(', ')}`);
      }
    }
    assert.deepEqual(wrong, [], `expected item not first:\n${wrong.join('\n')}`);
  });

  it('in the palette, for the same queries (those not only in page text)', async () => {
    const page = await site.newPage();
    const wrong: string[] = [];
    for (const lang of ['en', 'ja'] as const) {
      await openPalette(page, lang);
      for (const row of TABLE.filter((r) => r.lang === lang && r.on !== 'page')) {
        const ids = await palette(page, row.q);
        if (ids[0] !== row.first) {
          wrong.push(`${row.lang} "${row.q}" (${row.why}): ${ids.slice(0, 3).join(', ')}`);
        }
      }
    }
    assert.deepEqual(wrong, [], `expected item not first:\n${wrong.join('\n')}`);
  });

  it('for every item id of the latest version, on the search page and in the palette', async () => {
    const page = await site.newPage();
    for (const lang of ['en', 'ja'] as const) {
      for (const item of latest.items) {
        const ids = await searchPage(page, lang, item.id);
        assert.equal(ids[0], item.id, `${lang} search page "${item.id}"`);
        const first = page.locator('.search-results > li').first();
        assert.equal(await first.locator('.badge').count(), 1, 'marked as a number match');
      }
      await openPalette(page, lang);
      for (const item of latest.items) {
        assert.equal((await palette(page, item.id))[0], item.id, `${lang} palette "${item.id}"`);
      }
    }
  });

  it('for an id prefix: every item below it first, in id order', async () => {
    const page = await site.newPage();
    const ids = await searchPage(page, 'en', '8.1.');
    const below = latest.items.map((i) => i.id).filter((id) => id.startsWith('8.1.'));
    assert.ok(below.length >= 2);
    assert.deepEqual(ids.slice(0, below.length), below);
  });
});

describe('search page', () => {
  it('shows id, title, version and excerpt, with sub-results linking to the exact section', async () => {
    const page = await site.newPage();
    await searchPage(page, 'en', 'root user');
    const first = page.locator('.search-results > li').first();
    const item = latest.items.find((i) => i.id === '8.1.10')!;
    assert.equal(await first.locator('h2 .mce-id').textContent(), '8.1.10');
    assert.match((await first.locator('h2').textContent()) ?? '', new RegExp(item.title.en));
    assert.match((await first.locator('.hit-meta').first().textContent()) ?? '', /4\.2\.1/);
    assert.ok((await first.locator('mark').count()) > 0, 'excerpt marks the words');
    const anchors = await first
      .locator('.hit-subs a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).hash));
    assert.ok(anchors.includes('#requirement'), `sub-results: ${anchors.join(' ')}`);
    // The other version of the item is linked from the same result.
    assert.equal(await first.locator(`a:text-is("${older.meta.id}")`).count(), 1);
  });

  it("indexes an item's own text, not the site's words around it", async () => {
    const en = JSON.parse(readFileSync('src/translations/en.json', 'utf8')) as Record<
      string,
      string
    >;
    const item = latest.items.find((i) => older.items.some((o) => o.id === i.id))!;
    const page = await site.newPage();
    await page.goto(site.url('/search/'));
    // The text pagefind keeps for each page of the item: what a search can find it by.
    const indexed = await page.evaluate(async (id) => {
      type Hit = { data: () => Promise<{ url: string; content: string }> };
      const pf = (await import(`${location.origin}/pagefind/pagefind.js`)) as {
        search: (q: string) => Promise<{ results: Hit[] }>;
      };
      const hits = await Promise.all((await pf.search(id)).results.map((r) => r.data()));
      return Object.fromEntries(hits.map((h) => [h.url, h.content]));
    }, item.id);
    await page.close();
    const latestPage = indexed[`/controls/${item.id}/`];
    const olderPage = indexed[`/v/${older.meta.id}/controls/${item.id}/`];
    assert.ok(latestPage && olderPage, Object.keys(indexed).join(' '));
    assert.ok(latestPage.includes(item.title.en), 'the title is indexed');
    const banner = en['version.olderBanner']!.replace('{v}', older.meta.id).replace(
      '{latest}',
      latest.meta.id,
    );
    const own = JSON.stringify(item).toLowerCase();
    const selfCheck = en['selfCheck.title']!;
    if (!own.includes(selfCheck.toLowerCase())) {
      assert.ok(!latestPage.includes(selfCheck), `"${selfCheck}" is indexed`);
    }
    assert.ok(!olderPage.includes(banner), `"${banner}" is indexed`);
  });

  it('is shareable: the URL follows the query and the filters', async () => {
    const page = await site.newPage();
    await searchPage(page, 'en', 'MFA');
    await page.selectOption('#search-version', older.meta.id);
    await page.waitForFunction((v) => location.search.includes(`version=${v}`), older.meta.id);
    await waitForResults(page);
    const url = page.url();
    const again = await site.newPage();
    await again.goto(url);
    await waitForResults(again);
    assert.equal(await again.inputValue('#search-q'), 'MFA');
    assert.equal(await again.inputValue('#search-version'), older.meta.id);
  });

  it('filters by version, item kind, section and change label', async () => {
    const page = await site.newPage();
    const metaOf = () =>
      page.$$eval('.search-results > li[data-id] .hit-meta:first-of-type', (ps) =>
        ps.map((p) => p.textContent ?? ''),
      );
    await searchPage(page, 'en', 'the', `&version=${older.meta.id}`);
    const versionsShown = await metaOf();
    assert.ok(versionsShown.length > 0);
    // Not a prefix match: "Version 4.2" must not pass for "Version 4.2.1".
    const olderVersion = new RegExp(`Version ${older.meta.id.replace(/\./g, '\\.')}(?![.\\d])`);
    assert.ok(
      versionsShown.every((m) => olderVersion.test(m)),
      versionsShown[0],
    );

    const rules = await searchPage(page, 'en', 'the', '&kind=rule');
    const ruleIds = latest.items.filter((i) => i.kind === 'rule').map((i) => i.id);
    assert.ok(rules.length > 0 && rules.every((id) => ruleIds.includes(id)), rules.join(' '));

    const section9 = await searchPage(page, 'en', 'the', '&section=9.0');
    assert.ok(section9.length > 0 && section9.every((id) => id.startsWith('9.')), section9.join());

    const tightened = await searchPage(page, 'en', 'the', '&label=tightened');
    const labelled = notes
      .flatMap((n) => n.notes)
      .filter((n) => n.labels.includes('tightened'))
      .map((n) => n.item);
    assert.ok(tightened.length > 0, 'some change is tightened');
    assert.ok(
      tightened.every((id) => labelled.includes(id)),
      tightened.join(' '),
    );
  });

  it('searches in what changed: added and removed text, linking to the change', async () => {
    const page = await site.newPage();
    const pair = `${older.meta.id}...${latest.meta.id}`;
    const ids = await searchPage(page, 'en', 'Control Tower', '&mode=changes');
    assert.equal(ids[0], '8.1.10');
    const first = page.locator('.search-results > li').first();
    const href = await first.locator('h2 a').getAttribute('href');
    assert.equal(href, `/compare/${pair}/#change-8.1.10`);
    assert.equal(await first.locator('ins mark').first().textContent(), 'Control Tower');
    assert.equal(await page.isChecked('input[name="mode"][value="changes"]'), true);

    assert.equal(
      (await searchPage(page, 'en', '10 business days', '&mode=changes'))[0],
      'audit-timing',
    );
    assert.equal((await searchPage(page, 'ja', '10営業日', '&mode=changes'))[0], 'audit-timing');
    await searchPage(page, 'en', '5 business days', '&mode=changes');
    assert.ok((await page.locator('.search-results > li').first().locator('del').count()) > 0);

    await page.click('.search-results > li >> nth=0 >> h2 a');
    await page.waitForURL(/#change-audit-timing$/);
    assert.equal(await page.locator('[id="change-audit-timing"]').count(), 1, 'anchor exists');
  });

  it('marks the searched words on the page a result opens', async () => {
    const page = await site.newPage();
    await searchPage(page, 'en', 'root user');
    await page.click('.search-results > li >> nth=0 >> h2 a');
    await page.waitForSelector('main mark.mce-search-mark');
    const marks = await page.$$eval('main mark.mce-search-mark', (ms) =>
      ms.map((m) => m.textContent?.toLowerCase()),
    );
    assert.ok(marks.includes('root') && marks.includes('user'), marks.join(' '));
  });

  it('explains without JavaScript that search needs it, and the header form leads there', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(site.url('/controls/8.1.10/'));
    assert.equal(await page.locator('.palette-open').isVisible(), false);
    await page.fill('#site-search-q', 'MFA');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=MFA$/);
    const text = (await page.locator('.noscript').textContent()) ?? '';
    assert.match(text, /needs JavaScript/);
    assert.equal(await page.locator('.noscript a[href="/controls/"]').count(), 1);

    await page.goto(site.url('/ja/search/'));
    assert.match((await page.locator('.noscript').textContent()) ?? '', /JavaScript が必要/);
  });
});

describe('quick-jump palette', () => {
  it('opens with Ctrl+K, Cmd+K and /, closes with Esc, and opens the item chosen with the arrows', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/controls/'));
    await page.keyboard.press('/');
    await page.waitForSelector('dialog.palette[open]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.palette:not([open])', { state: 'attached' });
    await page.keyboard.press('Meta+k');
    await page.waitForSelector('dialog.palette[open]');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.waitForSelector('dialog.palette[open]');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'palette-q');

    const ids = await palette(page, '9.6');
    assert.deepEqual(ids.slice(0, 3), ['9.6.1', '9.6.2', '9.6.3']);
    await page.keyboard.press('ArrowDown');
    const active = await page.getAttribute('#palette-q', 'aria-activedescendant');
    assert.equal(await page.getAttribute(`[id="${active}"]`, 'data-id'), '9.6.2');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/controls\/9\.6\.2\/$/);
  });

  it('does not open on / while typing in a text field', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/controls/'));
    // Typed key by key: fill() sends no key events, so it could not open the palette anyway.
    await page.click('#site-search-q');
    await page.keyboard.type('a/b');
    assert.equal(await page.inputValue('#site-search-q'), 'a/b');
    assert.equal(await page.locator('dialog.palette[open]').count(), 0);
  });

  it('remembers the items opened and lists them first on the next open, in any language', async () => {
    const page = await site.newPage();
    await openPalette(page, 'en');
    await palette(page, '8.1.11');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/controls\/8\.1\.11\/$/);
    await page.keyboard.press('Control+k');
    await page.fill('#palette-q', 'CMDB');
    await page.waitForSelector('#palette-list [data-id="9.13.3"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/controls\/9\.13\.3\/$/);

    await page.goto(site.url('/ja/'));
    await page.keyboard.press('Control+k');
    await page.waitForSelector('#palette-list [data-id]');
    const recent = await page.$$eval('#palette-list [role="option"]', (os) =>
      os.map((o) => (o as HTMLElement).dataset.id),
    );
    assert.deepEqual(recent.slice(0, 2), ['9.13.3', '8.1.11']);
    assert.match((await page.textContent('#palette-heading')) ?? '', /最近開いた項目/);
    assert.match(
      (await page.getAttribute('#palette-list [data-id="9.13.3"]', 'data-href')) ?? '',
      /^\/ja\/controls\/9\.13\.3\/$/,
    );
  });

  it('offers to search all pages for the words typed', async () => {
    const page = await site.newPage();
    await openPalette(page, 'en');
    await palette(page, 'business days');
    await page.click('#palette-search-all');
    await page.waitForURL(/\/search\/\?q=business%20days$/);
    await waitForResults(page);
    assert.equal(await page.inputValue('#search-q'), 'business days');
  });
});

describe('header search box', () => {
  it('loads pagefind and the palette code only on first use', async () => {
    const page = await site.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(site.url('/controls/8.1.10/'));
    await page.waitForLoadState('networkidle');
    const lazy = (p: string) => /pagefind|palette|fuse/.test(p);
    assert.deepEqual(requested.filter(lazy), [], 'nothing heavy at load');

    const index = page.waitForRequest((r) => r.url().endsWith('/data/palette.en.json'));
    await page.keyboard.press('Control+k');
    await index;
    assert.ok(!requested.some((p) => p.includes('/pagefind/')), 'pagefind not yet');
    await page.keyboard.press('Escape');

    const pagefind = page.waitForRequest((r) => r.url().endsWith('/pagefind/pagefind.js'));
    await page.focus('#site-search-q');
    await pagefind;
  });

  it('suggests results as the reader types; arrows and Enter open one, Enter alone opens the search page', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/ja/controls/'));
    await page.click('#site-search-q');
    await page.keyboard.type('多要素認証');
    await page.waitForSelector('#site-search-list [data-id="8.1.10"]');
    assert.equal(await page.getAttribute('#site-search-q', 'aria-expanded'), 'true');
    const first = await page.getAttribute('#site-search-list [role="option"] >> nth=0', 'data-id');
    assert.equal(first, '8.1.10');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ja\/controls\/8\.1\.10\/\?highlight=/);
    await page.waitForSelector('main mark.mce-search-mark');

    await page.click('#site-search-q');
    await page.keyboard.type('CMDB');
    await page.waitForSelector('#site-search-list [data-id="9.13.3"]');
    await page.keyboard.press('Escape');
    assert.equal(await page.getAttribute('#site-search-q', 'aria-expanded'), 'false');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ja\/search\/\?q=CMDB$/);
    await waitForResults(page);
    assert.equal(await page.getAttribute('.search-results > li >> nth=0', 'data-id'), '9.13.3');
  });
});

describe('search under a base path', () => {
  it('loads its indexes and links results under the base', async () => {
    requireBuild(BASE_BUILD);
    const based = await openSite({ dist: BASE_BUILD.dist, base: BASE_BUILD.base });
    try {
      const page = await based.newPage();
      await page.goto(based.url('/search/?q=8.1.10'));
      await waitForResults(page);
      const href = await page.getAttribute('.search-results > li >> nth=0 >> h2 a', 'href');
      assert.ok(href?.startsWith(`${BASE_BUILD.base}controls/8.1.10/`), href ?? '');

      await page.goto(based.url('/ja/search/?q=Control%20Tower&mode=changes'));
      await waitForResults(page);
      const change = await page.getAttribute('.search-results > li >> nth=0 >> h2 a', 'href');
      assert.ok(change?.startsWith(`${BASE_BUILD.base}ja/compare/`), change ?? '');

      await page.keyboard.press('Control+k');
      await page.fill('#palette-q', 'MFA');
      await page.waitForSelector('#palette-list [data-id="8.1.10"]');
      assert.equal(
        await page.getAttribute('#palette-list [data-id="8.1.10"]', 'data-href'),
        `${BASE_BUILD.base}ja/controls/8.1.10/`,
      );
    } finally {
      await based.close();
    }
  });
});

describe('search is accessible while in use (axe)', () => {
  /** Rule ids and targets axe reports on the page as it is. */
  async function axe(page: Page): Promise<string[]> {
    await injectAxe(page);
    return page.evaluate(async () => {
      const run = (window as unknown as { axe: { run(d: Document): Promise<AxeResult> } }).axe.run;
      const { violations } = await run(document);
      return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    });
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`with results, suggestions and the palette open (${colorScheme})`, async () => {
      const page = await site.newPage({ colorScheme });
      const found: string[] = [];
      await searchPage(page, 'en', 'root user');
      found.push(...(await axe(page)));
      await searchPage(page, 'ja', '10営業日', '&mode=changes');
      found.push(...(await axe(page)));

      await page.goto(site.url('/controls/8.1.10/'));
      await page.click('#site-search-q');
      await page.keyboard.type('MFA');
      await page.waitForSelector('#site-search-list [role="option"]');
      await page.keyboard.press('ArrowDown');
      found.push(...(await axe(page)));
      await page.keyboard.press('Escape');

      await page.keyboard.press('Control+k');
      await palette(page, 'CMDB');
      found.push(...(await axe(page)));
      assert.deepEqual(found, []);
    });
  }
});

describe('palette: typing at once', () => {
  it('keeps every key typed right after Ctrl+K, while its code and index still load', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/controls/'));
    await page.keyboard.press('Control+k');
    await page.keyboard.type('cmdb');
    assert.equal(await page.inputValue('#palette-q'), 'cmdb');
    await page.waitForSelector('#palette-list [data-id="9.13.3"]');
    const first = await page.$eval(
      '#palette-list [role="option"]',
      (o) => (o as HTMLElement).dataset.id,
    );
    assert.equal(first, '9.13.3');
  });
});
