import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { loadContent } from '../../src/lib/load.ts';
import { CLIENT_STRINGS } from '../../src/lib/client-strings.ts';
import { clientStrings } from '../../src/lib/i18n.ts';
import { carryOver } from '../../src/lib/self-check/carry.ts';
import { selfCheckData } from '../../src/lib/self-check/version-file-builder.ts';
import {
  exportCsv,
  exportDoc,
  exportJson,
  exportMarkdown,
  mdEscape,
} from '../../src/lib/self-check/export.ts';
import { contentHash, hashText } from '../../src/lib/self-check/hash.ts';
import { importLimit, readImport } from '../../src/lib/self-check/import-answers.ts';
import { filterItems, progress, reReviewQueue } from '../../src/lib/self-check/progress.ts';
import { reviewCsv, reviewRecord } from '../../src/lib/self-check/review.ts';
import {
  SHARE_WARN_CHARS,
  ShareError,
  decodeShare,
  encodeShare,
  shareLinkFit,
  shareValue,
} from '../../src/lib/self-check/share.ts';
import { knownItems } from '../../src/lib/self-check/version-file.ts';
import { setAnswer } from '../../src/lib/self-check/state.ts';
import {
  MAX_IMPORT_BYTES,
  MAX_NOTE_CHARS,
  emptyState,
  type SelfCheckState,
} from '../../src/lib/self-check/types.ts';
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

  it.each([
    [' =1+1', 'a leading space'],
    ['\n=1+1', 'a leading line feed'],
    ['\t=1+1', 'a leading tab'],
    ['\u3000=1+1', 'a leading ideographic space'],
    ['＝1+1', 'a full-width equals sign'],
    ['＋1+1', 'a full-width plus sign'],
    ['－1+1', 'a full-width minus sign'],
    ['＠SUM(A1)', 'a full-width at sign'],
    ['-1', 'a minus sign'],
    ['@SUM(A1)', 'an at sign'],
  ])('CSV defuses a note that starts with %j (%s)', (notes) => {
    const { a } = answered();
    const s = setAnswer(emptyState(), '4.2.1', a.id, { notes }, { now: T1, contentHash: a.hash });
    const csv = exportCsv(data, s, 'en', en);
    expect(csv).toContain(`,"'${notes}",`);
    expect(csv).not.toContain(`,"${notes}",`);
  });

  it('CSV leaves other notes as they are', () => {
    const { a } = answered();
    for (const notes of ['plain', '1+1', 'a=b', '「＝」']) {
      const s = setAnswer(emptyState(), '4.2.1', a.id, { notes }, { now: T1, contentHash: a.hash });
      expect(exportCsv(data, s, 'en', en)).toContain(`,"${notes}",`);
    }
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

/**
 * The largest answers the site's own code writes: every item of both versions answered with the
 * longest notes, in characters JSON spells with six bytes, carried over so reopened items keep
 * their earlier answer, and a review mark on every change.
 */
function largestState() {
  const longest = '\u0001'.repeat(MAX_NOTE_CHARS);
  const answerAll = (st: SelfCheckState, d: typeof data) =>
    d.items.reduce(
      (acc, i) =>
        setAnswer(
          acc,
          d.version,
          i.id,
          {
            status: 'not-yet',
            notes: longest,
            evidence: Object.fromEntries(i.evidence.map((e) => [e.key, true])),
          },
          { now: T1, contentHash: i.hash },
        ),
      st,
    );
  let st = answerAll(emptyState(), old);
  st = carryOver(st, data.carry!, T1).state;
  st = answerAll(st, data);
  st.reviews['4.2...4.2.1'] = Object.fromEntries(
    Object.keys(data.carry!.changes).map((id) => [
      id,
      { reviewedAt: T1, fromHash: 'a'.repeat(16), toHash: 'b'.repeat(16) },
    ]),
  );
  return st;
}

describe('what the site exports, it imports', () => {
  const limit = importLimit([old, data]);

  it('imports 18 long Japanese notes (over 1 MB)', () => {
    let st = emptyState();
    for (const i of data.items.slice(0, 18)) {
      st = setAnswer(
        st,
        '4.2.1',
        i.id,
        { notes: '監'.repeat(20_000) },
        { now: T1, contentHash: i.hash },
      );
    }
    const text = exportJson(st, T1);
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(1_000_000);
    expect(readImport(text, known, { maxBytes: limit })).toEqual({ ok: true, state: st });
  });

  it('imports the largest export its own code can write, as a file and as a share link', async () => {
    const st = largestState();
    const reopened = Object.values(st.answers['4.2.1']!).filter((a) => a.previous?.length);
    expect(reopened.length).toBeGreaterThan(0);
    const text = exportJson(st, T1);
    const bytes = new TextEncoder().encode(text).length;
    expect(bytes).toBeLessThanOrEqual(limit);
    expect(readImport(text, known, { maxBytes: limit })).toEqual({ ok: true, state: st });
    const value = await encodeShare(exportDoc(st, T1));
    expect(readImport(await decodeShare(value, limit), known, { maxBytes: limit })).toEqual({
      ok: true,
      state: st,
    });
  });

  it('still refuses what is larger than that', () => {
    const big = JSON.stringify({ ...exportDoc(emptyState(), T1), padding: 'x'.repeat(limit) });
    expect(readImport(big, known, { maxBytes: limit })).toEqual({
      ok: false,
      error: { code: 'too-large' },
    });
  });
});

describe('share links', () => {
  it('warn when long and are not offered when longer than a browser opens', () => {
    expect(shareLinkFit(SHARE_WARN_CHARS)).toBe('ok');
    expect(shareLinkFit(SHARE_WARN_CHARS + 1)).toBe('long');
    expect(shareLinkFit(2 * 1024 * 1024)).toBe('long');
    expect(shareLinkFit(2 * 1024 * 1024 + 1)).toBe('too-long');
  });

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
