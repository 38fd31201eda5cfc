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
import { encodeShare } from '../../src/lib/self-check/share.ts';
import {
  ASIDE_KEY,
  STORAGE_KEY,
  type ExportDoc,
  type SelfCheckState,
  type Status,
} from '../../src/lib/self-check/types.ts';
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
  await page.locator('mce-self-check-panel').scrollIntoViewIfNeeded();
  // The form turns visible when its element is defined, as the panel nears the viewport.
  await page.locator('mce-self-check-panel form').waitFor();
}

async function openItem(page: Page, id: string, version?: string) {
  await page.goto(site.url(version ? `/v/${version}/controls/${id}/` : `/controls/${id}/`));
  await panelReady(page);
}

async function answer(page: Page, status: string, notes: string) {
  await page.check(`mce-self-check-panel input[name="status"][value="${status}"]`);
  await page.fill('#self-check-notes', notes);
  await page.locator('#self-check-notes').blur();
}

/**
 * The panel's save line once it says what `expected` matches (it follows the storage write),
 * or what it says after 5 s.
 */
async function savedLine(page: Page, expected: RegExp): Promise<string> {
  const line = page.locator('mce-self-check-panel .saved');
  await line
    .filter({ hasText: expected })
    .waitFor({ state: 'attached', timeout: 5000 })
    .catch(() => undefined);
  return (await line.textContent()) ?? '';
}

async function openOverview(page: Page, query = '') {
  await page.goto(site.url(`/self-check/${query}`));
  await page.locator('mce-self-check-overview .progress p').first().waitFor();
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
    await page.check(`mce-self-check-panel input[name="evidence"][value="${key}"]`);
    assert.match(await savedLine(page, /Saved/), /Saved/);

    await page.reload();
    await panelReady(page);
    assert.ok(await page.isChecked('mce-self-check-panel input[name="status"][value="partly"]'));
    assert.ok(await page.isChecked(`mce-self-check-panel input[name="evidence"][value="${key}"]`));
    assert.ok(
      !(await page.isChecked(
        `mce-self-check-panel input[name="evidence"][value="${withEvidence.evidence[0]!.key}"]`,
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

  it('loads none of its code on a first visit until the reader uses it, and keeps that first click', async () => {
    const page = await site.newPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    const panelCode = (p: string) => /^\/_astro\/panel\.[\w-]+\.js$/.test(p);
    await openItem(page, other.id);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(asked.filter(panelCode), []);
    assert.deepEqual(
      asked.filter((p) => p.startsWith('/data/strings.')),
      [],
    );
    // Usable at once: the click that loads the code is saved.
    await page.check('mce-self-check-panel input[name="status"][value="partly"]');
    await page.waitForFunction(
      ([key, v, id]) => JSON.parse(localStorage.getItem(key!) ?? '{}').answers?.[v!]?.[id!],
      [STORAGE_KEY, latest, other.id] as const,
    );
    assert.equal((await stored(page))?.answers[latest]?.[other.id]?.status, 'partly');
    assert.equal(asked.filter(panelCode).length, 1);
    await page.locator('mce-self-check-panel .saved').filter({ hasText: /\S/ }).waitFor();
  });

  it('keeps what was chosen and typed on a page left before the panel code arrived', async () => {
    const page = await site.newPage();
    // The panel's code never arrives on this page: only the start-up code notes the answer.
    await page.route(/\/_astro\/panel\.[\w-]+\.js$/, (route) => route.abort());
    await openItem(page, withEvidence.id);
    const key = withEvidence.evidence[0]!.key;
    await page.check('mce-self-check-panel input[name="status"][value="not-yet"]');
    await page.check(`mce-self-check-panel input[name="evidence"][value="${key}"]`);
    const notes = 'ask <owner> & "ops" 🙂';
    await page.fill('#self-check-notes', notes);
    assert.equal(
      await page.locator('mce-self-check-panel').evaluate((e) => e.matches(':defined')),
      false,
    );
    const before = Date.now();
    await openOverview(page);
    const answer = (await stored(page))?.answers[latest]?.[withEvidence.id];
    assert.equal(answer?.status, 'not-yet');
    assert.deepEqual(answer?.evidence, { [key]: true });
    assert.equal(answer?.notes, notes);
    assert.equal(answer?.contentHash, contentHash(withEvidence));
    assert.ok(Date.parse(answer?.updatedAt ?? '') <= before);
    const left = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('mce.selfcheck.pending:')),
    );
    assert.deepEqual(left, []);
    // The overview holds the note as text, not as markup.
    const cell = page.locator('mce-self-check-overview .user-text', { hasText: notes }).first();
    await cell.waitFor({ state: 'attached' });
    assert.equal(await cell.evaluate((e) => e.childElementCount), 0);
  });

  it('shows an answer kept from a page left before the panel code arrived when the item is opened again', async () => {
    const page = await site.newPage();
    const panelCode = /\/_astro\/panel\.[\w-]+\.js$/;
    await page.route(panelCode, (route) => route.abort());
    await openItem(page, other.id);
    await page.check('mce-self-check-panel input[name="status"][value="na"]');
    await page.unroute(panelCode);
    await openItem(page, other.id);
    assert.ok(await page.isChecked('mce-self-check-panel input[name="status"][value="na"]'));
    assert.equal((await stored(page))?.answers[latest]?.[other.id]?.status, 'na');
  });

  it('saves the form whole when an answer was stored while its code was on the way', async () => {
    // As on a page back from the back-forward cache: the reader's earlier answer was stored
    // meanwhile, and the reader has since changed the form before the panel's code arrived.
    const state: SelfCheckState = {
      schema: 1,
      answers: {
        [latest]: {
          [other.id]: {
            status: 'met',
            evidence: {},
            notes: 'kept',
            updatedAt: '2026-01-01T00:00:00.000Z',
            contentHash: contentHash(other),
          },
        },
      },
      reviews: {},
      carried: {},
    };
    const page = await pageWith(JSON.stringify(state));
    let release = () => {};
    const released = new Promise<void>((r) => (release = r));
    await page.route(/\/_astro\/panel\.[\w-]+\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(site.url(`/controls/${other.id}/`));
    await page.evaluate(() => {
      // What the form showed before the code arrived, changed by the reader.
      const panel = document.querySelector<HTMLElement>('mce-self-check-panel')!;
      panel.querySelector<HTMLInputElement>('input[value="unanswered"]')!.click();
      panel.querySelector('textarea')!.value = '';
      panel.querySelector('textarea')!.dispatchEvent(new Event('input', { bubbles: true }));
    });
    release();
    await page
      .locator('mce-self-check-panel')
      .evaluate((e) => customElements.whenDefined(e.localName));
    await page.waitForFunction(
      ([key, v, id]) =>
        !JSON.parse(localStorage.getItem(key!) ?? '{}').answers?.[v!]?.[id!]?.status,
      [STORAGE_KEY, latest, other.id] as const,
    );
    const answer = (await stored(page))?.answers[latest]?.[other.id];
    assert.equal(answer?.notes ?? '', '');
    assert.ok(await page.isChecked('mce-self-check-panel input[value="unanswered"]'));
  });

  it('shows a second tab the change', async () => {
    const first = await site.newPage();
    const second = await first.context().newPage();
    await openItem(first, other.id);
    await openItem(second, other.id);
    await first.check('mce-self-check-panel input[name="status"][value="met"]');
    await second.waitForFunction(
      () =>
        document.querySelector<HTMLInputElement>(
          'mce-self-check-panel input[name="status"][value="met"]',
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
    assert.ok(await page.locator('mce-self-check-panel .needs-js').isVisible());
    assert.equal(await page.locator('mce-self-check-panel form').isVisible(), false);
    await page.goto(site.url('/ja/self-check/'));
    assert.match(
      (await page.locator('mce-self-check-overview .needs-js').textContent()) ?? '',
      /JavaScript/,
    );
  });

  it('keeps unreadable storage aside instead of overwriting it', async () => {
    const page = await pageWith('{"not": "ours"');
    await openItem(page, other.id);
    assert.match(
      (await page.locator('mce-self-check-panel .notice').first().textContent()) ?? '',
      new RegExp(ASIDE_KEY.replace(/\./g, '\\.')),
    );
    await page.check('mce-self-check-panel input[name="status"][value="met"]');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), ASIDE_KEY), '{"not": "ours"');
    assert.equal((await stored(page))?.answers[latest]?.[other.id]?.status, 'met');
  });

  it('reports a full storage and keeps the earlier answers', async () => {
    const page = await site.newPage();
    await openItem(page, other.id);
    await page.check('mce-self-check-panel input[name="status"][value="met"]');
    // On a first visit the panel's code loads on that click; its save comes a moment later.
    await page.locator('mce-self-check-panel .saved').filter({ hasText: /Saved/ }).waitFor();
    const before = await stored(page);
    assert.equal(before?.answers[latest]?.[other.id]?.status, 'met');
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    await page.check('mce-self-check-panel input[name="status"][value="partly"]');
    assert.match(await savedLine(page, /storage is full/), /storage is full/);
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
      (await page.locator('mce-self-check-panel .notice').textContent()) ?? '',
      /does not let the site store data/,
    );
    await page.check('mce-self-check-panel input[name="status"][value="na"]');
    assert.ok(await page.isChecked('mce-self-check-panel input[name="status"][value="na"]'));
  });

  it('never writes over data of a newer schema', async () => {
    const newer = JSON.stringify({ schema: 99, answers: {} });
    const page = await pageWith(newer);
    await openItem(page, other.id);
    assert.ok(
      await page.locator('mce-self-check-panel input[name="status"][value="met"]').isDisabled(),
    );
    assert.match(
      (await page.locator('mce-self-check-panel .notice').textContent()) ?? '',
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
    assert.equal(
      await page.locator('mce-self-check-overview img, mce-self-check-overview b').count(),
      0,
    );
    assert.equal(await page.evaluate(() => 'pwned' in window), false);
  });

  it('exports, clears, imports and gets identical answers back', async () => {
    const page = await site.newPage();
    await openItem(page, withEvidence.id);
    await answer(page, 'met', 'exported note');
    await page.check(
      `mce-self-check-panel input[name="evidence"][value="${withEvidence.evidence[0]!.key}"]`,
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
    await page.check('mce-self-check-panel input[name="status"][value="met"]');
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
    const notice = page.locator('mce-self-check-panel .notice');
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
    const box = page.locator(`mce-change-review[data-change="${change.id}"] input`);
    await box.check();
    const reviewedAt = (await stored(page))?.reviews[pair]?.[change.id]?.reviewedAt;
    assert.match(reviewedAt ?? '', ISO_TIME);
    assert.deepEqual((await stored(page))?.reviews[pair]?.[change.id], {
      reviewedAt,
      fromHash: contentHash(change.before!),
      toHash: contentHash(change.after!),
    });
    await page.reload();
    assert.ok(
      await page.locator(`mce-change-review[data-change="${change.id}"] input`).isChecked(),
    );

    await openOverview(page);
    const record = JSON.parse(await downloadOf(page, 'review-json'));
    assert.equal(record.pair, pair);
    assert.deepEqual(
      record.changes.map((c: { id: string }) => c.id),
      [change.id],
    );
  });
});

/** An export file holding `answers`. */
const exportJsonOf = (answers: SelfCheckState['answers']) =>
  JSON.stringify({
    format: 'mce-self-check',
    schema: 1,
    exportedAt: '2024-05-01T10:00:00.000Z',
    answers,
    reviews: {},
    carried: {},
  });

/** Imports a file on the overview, merging everything it holds. */
async function importAll(page: Page, text: string) {
  await page.setInputFiles('#sc-import', {
    name: 'self-check.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await page.locator('.import-result .preview [data-apply]').click();
  await page.locator('.notices .notice').filter({ hasText: 'Imported' }).waitFor();
}

/** What a page opened now in the same browser would read from storage. */
async function readBack(page: Page): Promise<SelfCheckState | null> {
  const fresh = await page.context().newPage();
  await fresh.goto(site.url('/no/such/page/'));
  const s = await stored(fresh);
  await fresh.close();
  return s;
}

/** An answer as the site writes it, on the item's current text. */
const answerOn = (
  item: (typeof catalog.latest.items)[number],
  status: Status,
  notes: string,
  updatedAt = '2024-05-01T10:00:00.000Z',
) => ({ status, evidence: {}, notes, updatedAt, contentHash: contentHash(item) });

const stateWith = (answers: SelfCheckState['answers'], carried: SelfCheckState['carried'] = {}) =>
  JSON.stringify({ schema: 1, answers, reviews: {}, carried });

/** A share link to the overview holding `doc`. */
async function shareLink(doc: object): Promise<string> {
  return site.url(`/self-check/#share=${await encodeShare(doc as ExportDoc)}`);
}

/** Clicks an element in each page at the same moment of the clock the pages share. */
async function clickTogether(clicks: [Page, string][]) {
  const at = Date.now() + 200;
  await Promise.all(
    clicks.map(([page, selector]) =>
      page.evaluate(
        ([sel, when]) =>
          new Promise<void>((done) =>
            setTimeout(() => {
              document.querySelector<HTMLElement>(sel)!.click();
              done();
            }, when - Date.now()),
          ),
        [selector, at] as const,
      ),
    ),
  );
}

/** Where the focus is: `body` when it fell out of the page's content. */
const focusedTag = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return a === document.body || !a ? 'body' : `${a.tagName.toLowerCase()} ${a.textContent}`;
  });

describe('the self-check keeps what the reader did', () => {
  const [itemA, itemB] = catalog.latest.items.filter((i) => i.kind === 'control');

  it('loses no answer when two tabs click at the same moment, 20 rounds', async () => {
    const a = await site.newPage();
    const b = await a.context().newPage();
    await openItem(a, itemA!.id);
    await openItem(b, itemB!.id);
    const statuses = ['met', 'partly', 'not-yet', 'na'];
    const lost: string[] = [];
    let last = ['', ''];
    for (let round = 0; round < 20; round++) {
      const sa = statuses[round % 4]!;
      const sb = statuses[(round + 1) % 4]!;
      last = [sa, sb];
      await clickTogether([
        [a, `mce-self-check-panel input[name="status"][value="${sa}"]`],
        [b, `mce-self-check-panel input[name="status"][value="${sb}"]`],
      ]);
      // Both writes reach storage within moments, or one was lost.
      const settled = await a
        .waitForFunction(
          ([key, v, idA, idB, want]) => {
            const s = JSON.parse(localStorage.getItem(key!) ?? '{}');
            const got = s.answers?.[v!] ?? {};
            return got[idA!]?.status === want![0] && got[idB!]?.status === want![1];
          },
          [STORAGE_KEY, latest, itemA!.id, itemB!.id, [sa, sb]] as const,
          { timeout: 5000 },
        )
        .then(() => true)
        .catch(() => false);
      if (!settled) lost.push(`round ${round}`);
    }
    assert.deepEqual(lost, []);
    const s = await readBack(a);
    assert.equal(s?.answers[latest]?.[itemA!.id]?.status, last[0]);
    assert.equal(s?.answers[latest]?.[itemB!.id]?.status, last[1]);
    // Each screen shows what is stored.
    assert.ok(await a.isChecked(`mce-self-check-panel input[name="status"][value="${last[0]}"]`));
    assert.ok(await b.isChecked(`mce-self-check-panel input[name="status"][value="${last[1]}"]`));
  });

  it('keeps notes typed in two tabs at once whole, as the screens show them', async () => {
    const a = await site.newPage();
    const b = await a.context().newPage();
    await openItem(a, itemA!.id);
    await openItem(b, itemB!.id);
    const alpha = 'alpha <bucket-name> yes';
    const beta = 'beta no x<y and z>w';
    await Promise.all([
      a.locator('#self-check-notes').pressSequentially(alpha),
      b.locator('#self-check-notes').pressSequentially(beta),
    ]);
    // Writes reach every tab within moments; a lost one never would (the bound allows a loaded machine).
    await a
      .waitForFunction(
        ([key, v, idA, idB, want]) => {
          const got = JSON.parse(localStorage.getItem(key!) ?? '{}').answers?.[v!] ?? {};
          return got[idA!]?.notes === want![0] && got[idB!]?.notes === want![1];
        },
        [STORAGE_KEY, latest, itemA!.id, itemB!.id, [alpha, beta]] as const,
        { timeout: 20_000 },
      )
      .catch(() => {});
    const s = await readBack(a);
    assert.equal(s?.answers[latest]?.[itemA!.id]?.notes, alpha);
    assert.equal(s?.answers[latest]?.[itemB!.id]?.notes, beta);
    assert.equal(await a.inputValue('#self-check-notes'), alpha);
    assert.equal(await b.inputValue('#self-check-notes'), beta);
  });

  it('stores a note with angle brackets exactly as typed, key by key, across a reload', async () => {
    const page = await site.newPage();
    await openItem(page, itemA!.id);
    const note = 'use <account-id> here\nx<y and z>w, <Principal>, a < b';
    await page.locator('#self-check-notes').pressSequentially(note);
    assert.doesNotMatch(
      (await page.locator('mce-self-check-panel .saved').textContent()) ?? '',
      /HTML/,
    );
    await page.reload();
    await panelReady(page);
    assert.equal(await page.inputValue('#self-check-notes'), note);
    assert.equal((await stored(page))?.answers[latest]?.[itemA!.id]?.notes, note);
  });

  it('lets Ctrl+K edit the notes instead of opening the palette', async () => {
    const page = await site.newPage();
    await openItem(page, itemA!.id);
    const notes = page.locator('#self-check-notes');
    await notes.pressSequentially('first line');
    await page.keyboard.press('Control+k');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('dialog.palette[open]').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'self-check-notes');
    await page.keyboard.type(' still typing');
    assert.match(await notes.inputValue(), /still typing$/);
  });

  it('undoes an import without erasing later work, says what it kept, then offers no undo', async () => {
    const page = await site.newPage();
    const [x, y, ...rest] = catalog.latest.items;
    const file = exportJsonOf({
      [latest]: {
        [x!.id]: answerOn(x!, 'met', 'imported x'),
        [y!.id]: answerOn(y!, 'na', 'imported y'),
      },
    });
    await openOverview(page);
    await importAll(page, file);
    // Later work: three more answers, one of them on an imported item.
    const later = [y!, rest[0]!, rest[1]!];
    for (const item of later) {
      await openItem(page, item.id);
      await page.check('mce-self-check-panel input[name="status"][value="partly"]');
    }
    await openOverview(page);
    await page.click('.undo [data-action="undo"]');
    const message = page.locator('.notices .notice').filter({ hasText: 'Undone' });
    await message.waitFor();
    // x comes back as it was (absent); y, answered again since, is named and left alone.
    assert.ok(
      ((await message.textContent()) ?? '').includes(
        `Undone. Answers back as they were before: 1. Changed again since, so left as they are: ${latest} · ${y!.id}.`,
      ),
    );
    const s = await stored(page);
    assert.equal(s?.answers[latest]?.[x!.id], undefined, 'the import’s own answer is taken back');
    for (const item of later)
      assert.equal(s?.answers[latest]?.[item.id]?.status, 'partly', item.id);
    assert.equal(await page.locator('[data-action="undo"]').count(), 0, 'no undo left to offer');
    assert.notEqual(await focusedTag(page), 'body');
    assert.match((await page.locator('[data-announce]').textContent()) ?? '', /Undone/);
  });

  it('keeps the reader’s carry-over offer after a share with no answer changes', async () => {
    const [first] = catalog.version(older!).items;
    const page = await pageWith(
      stateWith({ [older!]: { [first!.id]: answerOn(first!, 'met', 'mine') } }),
    );
    const link = await shareLink({
      format: 'mce-self-check',
      schema: 1,
      exportedAt: '2024-05-01T10:00:00.000Z',
      answers: {},
      reviews: {},
      carried: { [latest]: { from: older, at: '2024-05-01T10:00:00.000Z' } },
    });
    // The link opens in a new tab: a page load, not only a new fragment.
    await page.goto(link);
    await page.locator('[data-action="carry"]').waitFor();
    const preview = page.locator('.shared .preview');
    await preview.waitFor();
    assert.match((await preview.textContent()) ?? '', /No answer changes/);
    await preview.locator('[data-apply]').click();
    await page.locator('.notices .notice').filter({ hasText: 'Merged' }).waitFor();
    assert.equal(await page.locator('[data-action="carry"]').count(), 1);
  });

  it('shows a message for JSON nested 200,000 levels deep, in a share link and in a file', async () => {
    const depth = 200_000;
    const deep = `{"format":"mce-self-check","schema":1,"exportedAt":"2024-05-01T10:00:00Z","answers":{"${latest}":{"x":${'['.repeat(depth)}${']'.repeat(depth)}}},"reviews":{},"carried":{}}`;
    const bytes = new TextEncoder().encode(deep);
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const packed = Buffer.from(await new Response(stream).arrayBuffer()).toString('base64url');
    assert.ok(packed.length < 2000, `share value of ${packed.length} characters`);
    const page = await site.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.url(`/self-check/#share=${packed}`));
    await page
      .locator('.shared [role="alert"]')
      .filter({ hasText: /nested too deeply/ })
      .waitFor();
    await page.setInputFiles('#sc-import', {
      name: 'deep.json',
      mimeType: 'application/json',
      buffer: Buffer.from(deep),
    });
    await page
      .locator('.import-result [role="alert"]')
      .filter({ hasText: /nested too deeply/ })
      .waitFor();
    assert.deepEqual(errors, []);
    assert.equal(await stored(page), null);
  });

  it('says answers are not stored when storage is blocked, and exports them from the page', async () => {
    const page = await site.newPage({ acceptDownloads: true });
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    });
    await openItem(page, itemA!.id);
    await page.check('mce-self-check-panel input[name="status"][value="partly"]');
    await page.locator('#self-check-notes').pressSequentially('kept here');
    const line = await savedLine(page, /this page only/);
    assert.doesNotMatch(line, /Saved in this browser/);
    assert.match(line, /this page only/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('mce-self-check-panel .notice button'),
    ]);
    const json = JSON.parse(await readFile((await download.path())!, 'utf8'));
    assert.equal(json.answers[latest][itemA!.id].status, 'partly');
    assert.equal(json.answers[latest][itemA!.id].notes, 'kept here');
  });

  it('imports its own export of more than 1 MB, and warns before a share link is too long', async () => {
    const items = catalog.latest.items;
    // Notes that do not compress: a share link of them is long.
    let seed = 1;
    const noise = (n: number) =>
      Array.from({ length: n }, () =>
        String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 0x7fffffff) % 2000)),
      ).join('');
    const answers = Object.fromEntries(items.map((i) => [i.id, answerOn(i, 'met', noise(20_000))]));
    const page = await pageWith(stateWith({ [latest]: answers }));
    await openOverview(page);
    const json = await downloadOf(page, 'export-json');
    assert.ok(Buffer.byteLength(json) > 1_000_000, `export of ${Buffer.byteLength(json)} bytes`);
    await page.evaluate(() => localStorage.clear());
    await openOverview(page);
    await importAll(page, json);
    assert.deepEqual((await stored(page))?.answers, { [latest]: answers });
    await page.click('[data-action="share"]');
    await page
      .locator('.share-result [data-share-long]')
      .filter({ hasText: /characters long/ })
      .waitFor();
  });

  it('opens a share link pasted into a tab already on the overview, clamps future dates and shows content', async () => {
    const page = await site.newPage();
    await openOverview(page);
    const link = await shareLink({
      format: 'mce-self-check',
      schema: 1,
      exportedAt: '2024-05-01T10:00:00.000Z',
      answers: {
        [latest]: {
          [itemA!.id]: answerOn(
            itemA!,
            'met',
            'from <the> future <img src=x onerror="window.pwned=1">',
            '9999-12-31T00:00:00.000Z',
          ),
        },
      },
      reviews: {},
      carried: {},
    });
    const before = Date.now();
    await page.evaluate((hash) => (location.hash = hash), new URL(link).hash);
    const preview = page.locator('.shared .preview');
    await preview.waitFor();
    const text = (await preview.textContent()) ?? '';
    assert.ok(text.includes(itemA!.title.en), 'the item’s title is shown');
    assert.ok(text.includes('from <the> future <img src=x'), 'the note is shown as text');
    assert.equal(await preview.locator('img').count(), 0);
    await preview.locator('[data-apply]').click();
    await page.locator('.notices .notice').filter({ hasText: 'Merged' }).waitFor();
    assert.equal(await page.evaluate(() => 'pwned' in window), false);
    const updatedAt = (await stored(page))?.answers[latest]?.[itemA!.id]?.updatedAt ?? '';
    assert.ok(
      Date.parse(updatedAt) >= before - 1000 && Date.parse(updatedAt) <= Date.now(),
      updatedAt,
    );
  });

  it('moves the focus to the result and announces it after Confirm, Carry over and Undo', async () => {
    const [first] = catalog.version(older!).items;
    const stale = { ...answerOn(itemA!, 'met', 'old'), contentHash: '0000000000000000' };
    const page = await pageWith(
      stateWith({
        [older!]: { [first!.id]: answerOn(first!, 'met', 'older') },
        [latest]: { [itemA!.id]: stale },
      }),
    );
    await openItem(page, itemA!.id);
    const announce = page.locator('mce-self-check-panel [data-announce]');
    await page.click('mce-self-check-panel .notice button:has-text("It still holds")');
    await page.waitForFunction(() => document.activeElement !== document.body);
    assert.match(await focusedTag(page), /Confirmed/);
    assert.match((await announce.textContent()) ?? '', /Confirmed/);

    await page.click('mce-self-check-panel .notice button:has-text("Carry over")');
    await announce.filter({ hasText: /Carried over/ }).waitFor();
    assert.match(await focusedTag(page), /Carried over/);
    await page.click('mce-self-check-panel .notice button:has-text("Undo")');
    await announce.filter({ hasText: /Undone/ }).waitFor();
    assert.match(await focusedTag(page), /Undone/);
  });

  it('moves the focus to the result and announces it after Import and Undo on the overview', async () => {
    const page = await site.newPage();
    await openOverview(page);
    await page.setInputFiles('#sc-import', {
      name: 'self-check.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        exportJsonOf({ [latest]: { [itemA!.id]: answerOn(itemA!, 'met', 'x') } }),
      ),
    });
    await page.locator('.import-result .preview [data-apply]').press('Enter');
    const announce = page.locator('mce-self-check-overview [data-announce]');
    await announce.filter({ hasText: /Imported/ }).waitFor();
    assert.match(await focusedTag(page), /Imported/);
    await page.locator('.notices .notice [data-action="undo"]').press('Enter');
    await announce.filter({ hasText: /Undone/ }).waitFor();
    assert.match(await focusedTag(page), /Undone/);
  });
});
