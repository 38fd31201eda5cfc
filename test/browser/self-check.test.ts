/**
 * The self-check in a real browser, on the built site: answers persist, follow other tabs,
 * survive export → clear → import and a share link, carry over from 4.2 to 4.2.1, and bad
 * data never replaces good answers.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { loadContent } from '../../src/lib/load.ts';
import { contentHash } from '../../src/lib/self-check/hash.ts';
import { ASIDE_KEY, STORAGE_KEY, type SelfCheckState } from '../../src/lib/self-check/types.ts';
import { openSite, type Site } from '../../scripts/lib/site-browser.ts';

const catalog = buildCatalog(await loadContent('content'));
const latest = catalog.latest.meta.id;
const [older] = catalog.versions.map((v) => v.meta.id);
const withEvidence = catalog.latest.items.find((i) => i.evidence.length > 1)!;
const other = catalog.latest.items.find((i) => i !== withEvidence)!;
/** A time as the page writes it (`toISOString`); the clock sets its value, so only its form is checked. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let site: Site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

const stored = (page: Page) =>
  page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as SelfCheckState);
  }, STORAGE_KEY);

/** A page whose localStorage holds `raw` under the self-check key before any script runs. */
async function pageWith(raw: string | null): Promise<Page> {
  const page = await site.newPage();
  if (raw !== null) {
    await page.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key!, value!);
          sessionStorage.setItem('seeded', '1');
        }
      },
      [STORAGE_KEY, raw],
    );
  }
  return page;
}

/** Scrolls to the panel, whose code loads as it nears the viewport, and waits for it. */
async function panelReady(page: Page) {
  await page.locator('self-check-panel').scrollIntoViewIfNeeded();
  // The form turns visible when its element is defined, as the panel nears the viewport.
  await page.locator('self-check-panel form').waitFor();
}

async function openItem(page: Page, id: string, version?: string) {
  await page.goto(site.url(version ? `/v/${version}/controls/${id}/` : `/controls/${id}/`));
  await panelReady(page);
}

async function answer(page: Page, status: string, notes: string) {
  await page.check(`self-check-panel input[name="status"][value="${status}"]`);
  await page.fill('#self-check-notes', notes);
  await page.locator('#self-check-notes').blur();
}

async function openOverview(page: Page, query = '') {
  await page.goto(site.url(`/self-check/${query}`));
  await page.locator('self-check-overview .progress p').first().waitFor();
}

async function downloadOf(page: Page, action: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`[data-action="${action}"]`),
  ]);
  return readFile((await download.path())!, 'utf8');
}

describe('self-check on an item page', () => {
  it('keeps an answer across a reload', async () => {
    const page = await site.newPage();
    await openItem(page, withEvidence.id);
    assert.equal(await page.locator('#self-check').count(), 1);
    await answer(page, 'partly', 'Owner: platform team\nRTO < 4 h & "tested"');
    const key = withEvidence.evidence[1]!.key;
    await page.check(`self-check-panel input[name="evidence"][value="${key}"]`);
    assert.match((await page.locator('self-check-panel .saved').textContent()) ?? '', /Saved/);

    await page.reload();
    await panelReady(page);
    assert.ok(await page.isChecked('self-check-panel input[name="status"][value="partly"]'));
    assert.ok(await page.isChecked(`self-check-panel input[name="evidence"][value="${key}"]`));
    assert.ok(
      !(await page.isChecked(
        `self-check-panel input[name="evidence"][value="${withEvidence.evidence[0]!.key}"]`,
      )),
    );
    assert.equal(
      await page.inputValue('#self-check-notes'),
      'Owner: platform team\nRTO < 4 h & "tested"',
    );
    const s = await stored(page);
    assert.equal(s?.schema, 1);
    const updatedAt = s?.answers[latest]?.[withEvidence.id]?.updatedAt;
    assert.match(updatedAt ?? '', ISO_TIME);
    assert.deepEqual(s?.answers[latest]?.[withEvidence.id], {
      status: 'partly',
      evidence: { [key]: true },
      notes: 'Owner: platform team\nRTO < 4 h & "tested"',
      updatedAt,
      contentHash: contentHash(withEvidence),
    });
  });

  it('shows a second tab the change', async () => {
    const first = await site.newPage();
    const second = await first.context().newPage();
    await openItem(first, other.id);
    await openItem(second, other.id);
    await first.check('self-check-panel input[name="status"][value="met"]');
    await second.waitForFunction(
      () =>
        document.querySelector<HTMLInputElement>(
          'self-check-panel input[name="status"][value="met"]',
        )?.checked === true,
    );
    await first.fill('#self-check-notes', 'from the first tab');
    await second.waitForFunction(
      () =>
        document.querySelector<HTMLTextAreaElement>('#self-check-notes')?.value ===
        'from the first tab',
    );
  });

  it('says that it needs JavaScript when scripts are off', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(site.url(`/controls/${other.id}/`));
    assert.ok(await page.locator('self-check-panel .needs-js').isVisible());
    assert.equal(await page.locator('self-check-panel form').isVisible(), false);
    await page.goto(site.url('/ja/self-check/'));
    assert.match(
      (await page.locator('self-check-overview .needs-js').textContent()) ?? '',
      /JavaScript/,
    );
  });

  it('refuses HTML in notes and saves nothing', async () => {
    const page = await site.newPage();
    await openItem(page, other.id);
    await page.fill('#self-check-notes', 'see <img src=x onerror="window.pwned=1">');
    assert.match((await page.locator('self-check-panel .saved').textContent()) ?? '', /plain text/);
    assert.equal(await stored(page), null);
  });

  it('keeps unreadable storage aside instead of overwriting it', async () => {
    const page = await pageWith('{"not": "ours"');
    await openItem(page, other.id);
    assert.match(
      (await page.locator('self-check-panel .notice').first().textContent()) ?? '',
      new RegExp(ASIDE_KEY.replace(/\./g, '\\.')),
    );
    await page.check('self-check-panel input[name="status"][value="met"]');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), ASIDE_KEY), '{"not": "ours"');
    assert.equal((await stored(page))?.answers[latest]?.[other.id]?.status, 'met');
  });

  it('reports a full storage and keeps the earlier answers', async () => {
    const page = await site.newPage();
    await openItem(page, other.id);
    await page.check('self-check-panel input[name="status"][value="met"]');
    const before = await stored(page);
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    await page.check('self-check-panel input[name="status"][value="partly"]');
    assert.match(
      (await page.locator('self-check-panel .saved').textContent()) ?? '',
      /storage is full/,
    );
    assert.deepEqual(await stored(page), before);
  });

  it('works for the visit, and says so, when the browser refuses storage', async () => {
    const page = await site.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    });
    await openItem(page, other.id);
    assert.match(
      (await page.locator('self-check-panel .notice').textContent()) ?? '',
      /does not let the site store data/,
    );
    await page.check('self-check-panel input[name="status"][value="na"]');
    assert.ok(await page.isChecked('self-check-panel input[name="status"][value="na"]'));
  });

  it('never writes over data of a newer schema', async () => {
    const newer = JSON.stringify({ schema: 99, answers: {} });
    const page = await pageWith(newer);
    await openItem(page, other.id);
    assert.ok(
      await page.locator('self-check-panel input[name="status"][value="met"]').isDisabled(),
    );
    assert.match(
      (await page.locator('self-check-panel .notice').textContent()) ?? '',
      /newer version/,
    );
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), newer);
  });
});

describe('self-check overview', () => {
  it('renders stored user text as text, never as HTML', async () => {
    const notes = '<img src=x onerror="window.pwned=1"><b>bold</b>';
    const state: SelfCheckState = {
      schema: 1,
      answers: {
        [latest]: {
          [other.id]: {
            status: 'not-yet',
            evidence: {},
            notes,
            updatedAt: '2024-05-01T10:00:00.000Z',
            contentHash: contentHash(other),
          },
        },
      },
      reviews: {},
      carried: {},
    };
    const page = await pageWith(JSON.stringify(state));
    await openOverview(page);
    const cell = page.locator('.report td.user-text').filter({ hasText: 'bold' });
    assert.equal(await cell.textContent(), notes);
    assert.equal(await page.locator('self-check-overview img, self-check-overview b').count(), 0);
    assert.equal(await page.evaluate(() => 'pwned' in window), false);
  });

  it('exports, clears, imports and gets identical answers back', async () => {
    const page = await site.newPage();
    await openItem(page, withEvidence.id);
    await answer(page, 'met', 'exported note');
    await page.check(
      `self-check-panel input[name="evidence"][value="${withEvidence.evidence[0]!.key}"]`,
    );
    await openItem(page, withEvidence.id, older);
    await answer(page, 'not-yet', 'older version');
    await openOverview(page);
    const before = await stored(page);
    const json = await downloadOf(page, 'export-json');
    assert.deepEqual(JSON.parse(json).answers, before?.answers);

    const csv = await downloadOf(page, 'export-csv');
    assert.ok(csv.includes(`"${withEvidence.id}"`) && csv.includes('"exported note"'));
    const md = await downloadOf(page, 'export-md');
    assert.ok(md.includes('exported note'));

    await page.evaluate(() => localStorage.clear());
    await openOverview(page);
    assert.equal(await stored(page), null);
    await page.setInputFiles('#sc-import', {
      name: 'self-check.json',
      mimeType: 'application/json',
      buffer: Buffer.from(json),
    });
    const preview = page.locator('.import-result .preview');
    await preview.waitFor();
    assert.equal(await preview.locator('ul[data-change="added"] li').count(), 2);
    await preview.locator('[data-apply]').click();
    await page.locator('.notices .notice').filter({ hasText: 'Imported' }).waitFor();
    assert.deepEqual(await stored(page), before);

    // The import can be undone.
    await page.click('.notices .notice button');
    await page.locator('.notices .notice').filter({ hasText: 'Undone' }).waitFor();
    assert.deepEqual((await stored(page))?.answers, {});
  });

  it('refuses a bad import with a message and changes nothing', async () => {
    const page = await site.newPage();
    await openItem(page, other.id);
    await page.check('self-check-panel input[name="status"][value="met"]');
    await openOverview(page);
    const before = await stored(page);
    const files = [
      ['not JSON', 'this is not json', /not JSON/],
      ['proto', '{"__proto__":{"x":1},"format":"mce-self-check","schema":1}', /not allowed/],
      [
        'unknown id',
        JSON.stringify({
          format: 'mce-self-check',
          schema: 1,
          exportedAt: '2024-05-01T10:00:00.000Z',
          answers: { [latest]: { 'no-such-item': {} } },
          reviews: {},
          carried: {},
        }),
        /no such item/,
      ],
    ] as const;
    for (const [name, text, message] of files) {
      await page.setInputFiles('#sc-import', {
        name: `${name}.json`,
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      const alert = page.locator('.import-result [role="alert"]');
      await alert.filter({ hasText: message }).waitFor();
      assert.deepEqual(await stored(page), before, name);
    }
  });

  it('shares answers by link, previewed before merging', async () => {
    const page = await site.newPage();
    await openItem(page, other.id);
    await answer(page, 'na', 'shared note 共有');
    await openOverview(page);
    await page.click('[data-action="share"]');
    const link = await page.inputValue('#sc-share-link');
    assert.match(link, /\/self-check\/#share=[A-Za-z0-9_-]+$/);

    const receiver = await site.newPage();
    await receiver.goto(link);
    const preview = receiver.locator('.shared .preview');
    await preview.waitFor();
    assert.equal(await stored(receiver), null, 'nothing is merged before the reader agrees');
    assert.match((await preview.textContent()) ?? '', new RegExp(other.id.replace(/\./g, '\\.')));
    await preview.locator('[data-apply]').click();
    await receiver.locator('.notices .notice').filter({ hasText: 'Merged' }).waitFor();
    assert.deepEqual((await stored(receiver))?.answers, (await stored(page))?.answers);
    assert.equal(new URL(receiver.url()).hash, '');
  });
});

describe(`carry-over from ${older} to ${latest}`, () => {
  it('reopens exactly the items that changed substantively', async () => {
    const diff = catalog.diff(older!, latest);
    const reopened = diff.items
      .filter((c) => c.substantive && c.kind !== 'added' && c.kind !== 'removed')
      .map((c) => c.id)
      .sort();
    const kept = diff.items.filter((c) => !c.substantive).map((c) => c.id);
    assert.ok(reopened.length > 0 && kept.length > 0);

    const page = await site.newPage();
    await page.goto(site.url('/self-check/'));
    // Every item of the older version answered "met", all evidence ticked.
    const answers = Object.fromEntries(
      catalog.version(older!).items.map((i) => [
        i.id,
        {
          status: 'met',
          evidence: Object.fromEntries(i.evidence.map((e) => [e.key, true])),
          notes: `note on ${i.id}`,
          updatedAt: '2024-05-01T10:00:00.000Z',
          contentHash: contentHash(i),
        },
      ]),
    );
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [
        STORAGE_KEY,
        JSON.stringify({ schema: 1, answers: { [older!]: answers }, reviews: {}, carried: {} }),
      ],
    );

    await openOverview(page);
    await page.click('[data-action="carry"]');
    await page.locator('.notices .notice').filter({ hasText: 'Carried over' }).waitFor();
    const queued = await page
      .locator('.queue article')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.item));
    assert.deepEqual(queued.sort(), reopened);

    const s = (await stored(page))!;
    const carried = s.answers[latest]!;
    assert.deepEqual(
      Object.keys(carried)
        .filter((id) => carried[id]!.review === 'reopened')
        .sort(),
      reopened,
    );
    for (const id of kept) assert.equal(carried[id]?.status, 'met', id);
    assert.deepEqual(s.answers[older!], answers, 'the older answers stay as they were');

    // The reopened item's page shows the old answer and links to what changed.
    await openItem(page, reopened[0]!);
    const notice = page.locator('self-check-panel .notice');
    assert.match((await notice.textContent()) ?? '', new RegExp(`note on ${reopened[0]}`));
    assert.ok(await page.isChecked('input[name="status"][value="unanswered"]'));
    await page.check('input[name="status"][value="partly"]');
    await openOverview(page);
    assert.equal(await page.locator(`.queue article[data-item="${reopened[0]}"]`).count(), 0);
  });
});

describe('review marks on the compare page', () => {
  it('records reviewed changes with both content hashes, for the review record', async () => {
    const pair = `${older}...${latest}`;
    const change = catalog
      .diff(older!, latest)
      .items.find((c) => c.kind !== 'unchanged' && c.before && c.after)!;
    const page = await site.newPage();
    await page.goto(site.url(`/compare/${pair}/`));
    const box = page.locator(`change-review[data-change="${change.id}"] input`);
    await box.check();
    const reviewedAt = (await stored(page))?.reviews[pair]?.[change.id]?.reviewedAt;
    assert.match(reviewedAt ?? '', ISO_TIME);
    assert.deepEqual((await stored(page))?.reviews[pair]?.[change.id], {
      reviewedAt,
      fromHash: contentHash(change.before!),
      toHash: contentHash(change.after!),
    });
    await page.reload();
    assert.ok(await page.locator(`change-review[data-change="${change.id}"] input`).isChecked());

    await openOverview(page);
    const record = JSON.parse(await downloadOf(page, 'review-json'));
    assert.equal(record.pair, pair);
    assert.deepEqual(
      record.changes.map((c: { id: string }) => c.id),
      [change.id],
    );
  });
});
