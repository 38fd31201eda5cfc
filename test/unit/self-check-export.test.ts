import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { loadContent } from '../../src/lib/load.ts';
import { CLIENT_STRINGS } from '../../src/lib/client-strings.ts';
import { clientStrings } from '../../src/lib/i18n.ts';
import { carryOver } from '../../src/lib/self-check/carry.ts';
import { selfCheckData } from '../../src/lib/self-check/data.ts';
import {
  exportCsv,
  exportDoc,
  exportJson,
  exportMarkdown,
  mdEscape,
} from '../../src/lib/self-check/export.ts';
import { contentHash, hashText } from '../../src/lib/self-check/hash.ts';
import { readImport } from '../../src/lib/self-check/import.ts';
import { filterItems, progress, reReviewQueue } from '../../src/lib/self-check/progress.ts';
import { reviewCsv, reviewRecord } from '../../src/lib/self-check/review.ts';
import {
  ShareError,
  decodeShare,
  encodeShare,
  shareValue,
} from '../../src/lib/self-check/share.ts';
import { knownItems } from '../../src/lib/self-check/site-data.ts';
import { setAnswer } from '../../src/lib/self-check/state.ts';
import { MAX_IMPORT_BYTES, emptyState } from '../../src/lib/self-check/types.ts';
import { translator } from '../../src/lib/translate.ts';

const catalog = buildCatalog(await loadContent(resolve('content')));
const data = selfCheckData(catalog, '4.2.1');
const old = selfCheckData(catalog, '4.2');
const known = knownItems([old, data]);
const en = translator(clientStrings('en', CLIENT_STRINGS.selfCheckOverview));
const T1 = '2024-05-01T10:00:00.000Z';

function answered() {
  const [a, b] = data.items.filter((i) => i.evidence.length > 0);
  let s = emptyState();
  s = setAnswer(
    s,
    '4.2.1',
    a!.id,
    {
      status: 'met',
      evidence: { [a!.evidence[0]!.key]: true },
      notes: '=SUM(A1)\n"quoted", 1 < 2',
    },
    { now: T1, contentHash: a!.hash },
  );
  s = setAnswer(s, '4.2.1', b!.id, { status: 'not-yet' }, { now: T1, contentHash: b!.hash });
  return { s, a: a!, b: b! };
}

describe('content hash', () => {
  it('is stable and 16 hex digits', () => {
    expect(hashText('')).toMatch(/^[0-9a-f]{16}$/);
    expect(hashText('abc')).toBe(hashText('abc'));
    expect(hashText('abc')).not.toBe(hashText('abd'));
  });
  it('changes with the text answered on, not with tags', () => {
    const item = catalog.version('4.2').items[0]!;
    expect(contentHash({ ...item })).toBe(contentHash(item));
    expect(contentHash({ ...item, requirement: { ...item.requirement, ja: 'x' } })).not.toBe(
      contentHash(item),
    );
    expect(
      contentHash({ ...item, evidence: [{ key: 'k', en: 'e', ja: 'e' }] } as typeof item),
    ).not.toBe(contentHash(item));
  });
});

describe('self-check data file', () => {
  it('lists every item of the version with its evidence keys and hash', () => {
    expect(data.items.map((i) => i.id)).toEqual(catalog.version('4.2.1').items.map((i) => i.id));
    for (const i of data.items) {
      expect(i.hash).toBe(contentHash(catalog.version('4.2.1').items.find((x) => x.id === i.id)!));
    }
    expect(data.versions).toEqual(['4.2', '4.2.1']);
  });
  it('carries from the previous version, with diff and note for each changed item', () => {
    expect(old.carry).toBeUndefined();
    expect(data.carry?.from).toBe('4.2');
    const changed = catalog
      .diff('4.2', '4.2.1')
      .items.filter((c) => c.kind !== 'unchanged' && c.kind !== 'removed');
    expect(Object.keys(data.carry!.changes).sort()).toEqual(changed.map((c) => c.id).sort());
    for (const c of changed) {
      expect(data.carry!.changes[c.id]!.summary).toEqual(c.note?.summary);
      expect(data.carry!.changes[c.id]!.fields.length).toBe(c.fields.length);
    }
  });
});

describe('exports', () => {
  it('JSON is lossless: version, answers, timestamps and content hashes', () => {
    const { s, a } = answered();
    const json = JSON.parse(exportJson(s, T1));
    expect(json.exportedAt).toBe(T1);
    expect(json.answers['4.2.1'][a.id]).toEqual(s.answers['4.2.1']![a.id]);
    expect(readImport(exportJson(s, T1), known)).toEqual({ ok: true, state: s });
  });

  it('CSV has a row per item, quoted, with formulas defused', () => {
    const { s, a, b } = answered();
    const csv = exportCsv(data, s, 'en', en);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '"Version","Section","Item","Title","Status","Evidence ready","Notes","Updated","Content hash","Review"',
    );
    const row = csv.slice(csv.indexOf(`"${a.id}"`) - 40);
    expect(row).toContain(`"Met","${a.evidence[0]!.key}","'=SUM(A1)\n""quoted"", 1 < 2"`);
    expect(csv).toContain(`"${b.id}","${b.title.en}","Not yet"`);
    // Rows end in CRLF; the note's own line break stays inside its quoted cell.
    expect(lines.length).toBe(1 + data.items.length);
  });

  it('Markdown reports by section, with user text escaped', () => {
    const { s, a } = answered();
    const md = exportMarkdown(data, s, 'en', en, T1);
    expect(md).toContain(`# Audit-readiness report: Self-check 4.2.1`);
    expect(md).toContain(`2 of ${data.items.length} answered`);
    expect(md).toContain(`  - [x] ${mdEscape(a.evidence[0]!.en)}`);
    expect(md).toContain('  > =SUM(A1)\n  > "quoted", 1 \\< 2');
    expect(mdEscape('*a* [b](c) <i>')).toBe('\\*a\\* \\[b\\](c) \\<i\\>');
  });

  it('review record lists each reviewed change with both content hashes', () => {
    const s = emptyState();
    s.reviews['4.2...4.2.1'] = {
      '8.1.10': {
        reviewedAt: '2024-05-02T00:00:00.000Z',
        fromHash: 'a'.repeat(16),
        toHash: 'b'.repeat(16),
      },
      '2.1': { reviewedAt: T1, fromHash: 'c'.repeat(16), toHash: 'd'.repeat(16) },
    };
    const record = reviewRecord(s, '4.2...4.2.1', T1);
    expect(record).toMatchObject({ format: 'mce-review-record', from: '4.2', to: '4.2.1' });
    expect(record.changes.map((c) => c.id)).toEqual(['2.1', '8.1.10']);
    expect(reviewCsv(record, en)).toContain(`"4.2...4.2.1","2.1","${T1}","${'c'.repeat(16)}"`);
  });
});

describe('share links', () => {
  it('round-trip the export document through the fragment', async () => {
    const { s } = answered();
    const value = await encodeShare(exportDoc(s, T1));
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(shareValue(`#share=${value}`)).toBe(value);
    expect(shareValue('#self-check')).toBeUndefined();
    expect(readImport(await decodeShare(value), known)).toEqual({ ok: true, state: s });
  });

  it('compress the state', async () => {
    const { s } = answered();
    const json = JSON.stringify(exportDoc(s, T1));
    expect((await encodeShare(exportDoc(s, T1))).length).toBeLessThan(json.length);
  });

  it.each([
    ['characters outside base64url', 'abc$%'],
    ['bytes that are not deflate data', 'AAAAAAAAAA'],
    ['a truncated link', '8'],
  ])('reject %s', async (_, value) => {
    await expect(decodeShare(value)).rejects.toThrow(ShareError);
  });

  it('stop inflating past the import limit', async () => {
    const huge = { ...exportDoc(emptyState(), T1), padding: ' '.repeat(MAX_IMPORT_BYTES * 2) };
    const value = await encodeShare(huge as never);
    expect(value.length).toBeLessThan(10_000);
    await expect(decodeShare(value)).rejects.toMatchObject({ code: 'too-large' });
  });
});

describe('overview figures', () => {
  it('count answers overall and per section', () => {
    const { s } = answered();
    const p = progress(data, s);
    const total = data.items.length;
    expect(p.overall).toEqual({ total, answered: 2, met: 1, partly: 0, 'not-yet': 1, na: 0 });
    expect(p.sections.reduce((n, x) => n + x.counts.total, 0)).toBe(total);
  });

  it('filter by status, open items and changes in this version', () => {
    const { s, a, b } = answered();
    expect(filterItems(data, s, { status: 'met', changedOnly: false }).map((i) => i.id)).toEqual([
      a.id,
    ]);
    const open = filterItems(data, s, { status: 'open', changedOnly: false });
    // Two answers: one met (closed), one not yet (open); every other item is unanswered.
    expect(open.length).toBe(data.items.length - 1);
    expect(open.map((i) => i.id)).toContain(b.id);
    expect(filterItems(data, s, { status: 'unanswered', changedOnly: false }).length).toBe(
      data.items.length - 2,
    );
    const changed = filterItems(data, s, { status: 'all', changedOnly: true });
    expect(changed.map((i) => i.id).sort()).toEqual(Object.keys(data.carry!.changes).sort());
  });

  it('queue the items a carry-over reopened until answered again', () => {
    const s = emptyState();
    s.answers['4.2'] = Object.fromEntries(
      old.items.map((i) => [
        i.id,
        { status: 'met' as const, evidence: {}, notes: '', updatedAt: T1, contentHash: i.hash },
      ]),
    );
    const carried = carryOver(s, data.carry!, T1);
    const queue = reReviewQueue(data, carried.state).map((i) => i.id);
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.sort()).toEqual([...carried.summary.reopened].sort());
    const first = queue[0]!;
    const again = setAnswer(
      carried.state,
      '4.2.1',
      first,
      { status: 'met' },
      {
        now: T1,
        contentHash: 'f'.repeat(16),
      },
    );
    expect(reReviewQueue(data, again).map((i) => i.id)).not.toContain(first);
  });
});
