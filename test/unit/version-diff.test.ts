import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { ContentErrors } from '../../src/lib/content-error.ts';
import { compileContent, loadContent, type RawFile } from '../../src/lib/load.ts';
import type { Checklist } from '../../src/lib/model.ts';
import { changeSentences } from '../../src/lib/change-text.ts';
import { renderCompact } from '../../src/lib/text-diff.ts';
import {
  checkNotesAgainstDiff,
  computeVersionDiff,
  evidenceChanges,
  type VersionDiff,
} from '../../src/lib/version-diff.ts';
import { itemFile, note, notesFile, versionFile } from './helpers.ts';

function versions(files: RawFile[]): [Checklist, Checklist] {
  const { versions: v } = compileContent([
    versionFile('1.0'),
    versionFile('1.1', { supersedes: '1.0' }),
    ...files,
  ]);
  return [v[0]!, v[1]!];
}

/** `id:kind` for every item, in diff order. */
const kinds = (d: VersionDiff) => d.items.map((i) => `${i.id}:${i.kind}`);

describe('computeVersionDiff: structural kinds', () => {
  it('finds unchanged, modified, added and removed items', () => {
    const [a, b] = versions([
      itemFile('1.0', '8.1.1'),
      itemFile('1.1', '8.1.1'),
      itemFile('1.0', '8.1.2'),
      itemFile('1.1', '8.1.2', { requirement: { en: 'Changed.', ja: '変更しました。' } }),
      itemFile('1.0', '8.1.3'),
      itemFile('1.1', '8.1.4'),
    ]);
    const d = computeVersionDiff(a, b);
    expect(kinds(d)).toEqual(['8.1.1:unchanged', '8.1.2:modified', '8.1.4:added', '8.1.3:removed']);
    expect(d.counts).toMatchObject({ unchanged: 1, modified: 1, added: 1, removed: 1 });
  });

  it('keeps identity across renumbering', () => {
    const [a, b] = versions([
      itemFile('1.0', '8.1.2'),
      itemFile('1.1', '8.1.20', {
        replaces: ['8.1.2'],
        title: { en: 'Title 8.1.2', ja: 'タイトル 8.1.2' },
        requirement: { en: 'Requirement of 8.1.2.', ja: '8.1.2 の要件です。' },
      }),
    ]);
    const d = computeVersionDiff(a, b);
    expect(kinds(d)).toEqual(['8.1.20:renumbered']);
    expect(d.items[0]!.fromIds).toEqual(['8.1.2']);
    expect(d.items[0]!.fields).toEqual([]);
    expect(d.items[0]!.substantive).toBe(true);
  });

  it('finds a split: two new items continuing one old item', () => {
    const [a, b] = versions([
      itemFile('1.0', '8.1.2'),
      itemFile('1.1', '8.1.2', { replaces: ['8.1.2'] }),
      itemFile('1.1', '8.1.3', { replaces: ['8.1.2'] }),
    ]);
    const d = computeVersionDiff(a, b);
    expect(kinds(d)).toEqual(['8.1.2:split', '8.1.3:split']);
    expect(d.items[1]!.toIds).toEqual(['8.1.2', '8.1.3']);
  });

  it('finds a merge: one new item continuing several old items', () => {
    const [a, b] = versions([
      itemFile('1.0', '8.1.2'),
      itemFile('1.0', '8.1.3'),
      itemFile('1.1', '8.1.2', { replaces: ['8.1.2', '8.1.3'] }),
    ]);
    const d = computeVersionDiff(a, b);
    expect(kinds(d)).toEqual(['8.1.2:merged']);
    expect(d.items[0]!.fromIds).toEqual(['8.1.2', '8.1.3']);
  });
});

describe('computeVersionDiff: fields', () => {
  it('diffs requirement text word by word in both languages', () => {
    const [a, b] = versions([
      itemFile('1.0', 'audit-timing', {
        requirement: {
          en: 'Fix findings in 5 business days.',
          ja: '指摘事項には5営業日以内に対応します。',
        },
      }),
      itemFile('1.1', 'audit-timing', {
        requirement: {
          en: 'Fix findings in 10 business days.',
          ja: '指摘事項には10営業日以内に対応します。',
        },
      }),
    ]);
    const [field] = computeVersionDiff(a, b).items[0]!.fields;
    expect(field!.field).toBe('requirement');
    expect(renderCompact(field!.diff.en)).toBe('Fix findings in [-5-]{+10+} business days.');
    expect(renderCompact(field!.diff.ja)).toBe(
      '指摘事項には[-5営業日-]{+10営業日+}以内に対応します。',
    );
    expect(field!.editorial).toBe(false);
  });

  it('follows evidence by key: added, removed and reworded entries', () => {
    const [a, b] = versions([
      itemFile('1.0', '8.6.1', {
        evidence: [
          { key: 'operating-history', en: 'Six months of operation.', ja: '6か月の運用実績' },
          { key: 'runbook', en: 'A runbook.', ja: '手順書' },
        ],
      }),
      itemFile('1.1', '8.6.1', {
        evidence: [
          { key: 'runbook', en: 'An up-to-date runbook.', ja: '最新の手順書' },
          { key: 'itsm-alerts', en: 'Alerts in the ITSM tool.', ja: 'ITSM ツールへのアラート' },
        ],
      }),
    ]);
    const d = computeVersionDiff(a, b);
    const fields = d.items[0]!.fields.map(
      (f) => `${f.key}:${f.change}:${renderCompact(f.diff.en)}`,
    );
    expect(fields).toEqual([
      'runbook:reworded:[-A-]{+An up-to-date+} runbook.',
      'itsm-alerts:added:{+Alerts in the ITSM tool.+}',
      'operating-history:removed:[-Six months of operation.-]',
    ]);
    const todo = evidenceChanges(d);
    expect(todo.added.map((e) => e.key)).toEqual(['itsm-alerts']);
    expect(todo.removed.map((e) => e.key)).toEqual(['operating-history']);
    expect(todo.reworded.map((e) => e.key)).toEqual(['runbook']);
  });

  it('flags editorial-only changes and drops them when asked', () => {
    const [a, b] = versions([
      itemFile('1.0', '8.1.2', {
        requirement: { en: 'Use the “CMDB”.', ja: '「CMDB」を使います。' },
      }),
      itemFile('1.1', '8.1.2', { requirement: { en: 'Use the "cmdb"', ja: 'CMDB を使います。' } }),
    ]);
    const strict = computeVersionDiff(a, b);
    expect(strict.items[0]!.kind).toBe('modified');
    expect(strict.items[0]!.fields[0]!.editorial).toBe(true);
    expect(strict.items[0]!.substantive).toBe(false);
    expect(computeVersionDiff(a, b, { ignoreEditorial: true }).items[0]!.kind).toBe('unchanged');
  });

  it('treats a tag change as editorial metadata', () => {
    const [a, b] = versions([
      itemFile('1.0', '8.1.2'),
      itemFile('1.1', '8.1.2', { tags: ['security', 'iam'] }),
    ]);
    const item = computeVersionDiff(a, b).items[0]!;
    expect(item.fields.map((f) => `${f.field}:${renderCompact(f.diff.en)}`)).toEqual([
      'tags:{+iam+} security',
    ]);
    expect(item.substantive).toBe(false);
  });

  it('compares tags as whole slugs, one sentence per tag added or removed', () => {
    const [a, b] = versions([
      itemFile('1.0', '8.6.1', { tags: ['managed-solution', 'ops'] }),
      itemFile('1.1', '8.6.1', { tags: ['monitoring', 'managed-solution', 'itsm', 'automation'] }),
    ]);
    const tags = computeVersionDiff(a, b).items[0]!.fields[0]!;
    expect(renderCompact(tags.diff.en)).toBe(
      '{+automation+} {+itsm+} managed-solution {+monitoring+} [-ops-]',
    );
    expect(changeSentences(tags, 'en')).toEqual([
      'added “automation”',
      'added “itsm”',
      'added “monitoring”',
      'removed “ops”',
    ]);
    expect(changeSentences(tags, 'ja')).toEqual([
      '「automation」を追加',
      '「itsm」を追加',
      '「monitoring」を追加',
      '「ops」を削除',
    ]);
  });

  it('tells evidence that is only accepted from evidence that is required', () => {
    const runbook = { key: 'runbook', en: 'A runbook.', ja: '手順書' };
    const review = { key: 'business-review', en: 'A business review.', ja: 'ビジネスレビュー' };
    const [a, b] = versions([
      itemFile('1.0', '8.2.1', { evidence: [runbook] }),
      itemFile('1.1', '8.2.1', {
        evidence: [
          { ...runbook, accepted: true },
          { ...review, accepted: true },
        ],
      }),
    ]);
    const d = computeVersionDiff(a, b);
    const [flipped, added] = d.items[0]!.fields;
    // Same words, but required → accepted: a substantive change, never an editorial one.
    expect(flipped).toMatchObject({ key: 'runbook', change: 'reworded', editorial: false });
    expect(renderCompact(flipped!.diff.en)).toBe('A runbook.');
    expect(computeVersionDiff(a, b, { ignoreEditorial: true }).items[0]!.fields).toHaveLength(2);
    expect(d.items[0]!.substantive).toBe(true);
    const todo = evidenceChanges(d);
    expect(todo.added).toEqual([]);
    expect(todo.accepted.map((e) => e.key)).toEqual(['business-review']);
    expect(todo.reworded.map((e) => e.key)).toEqual(['runbook']);
    expect(added).toMatchObject({ key: 'business-review', change: 'added', accepted: true });
  });

  it('works for any two versions, not only neighbours', () => {
    const { versions: v } = compileContent([
      versionFile('1.0'),
      versionFile('1.1', { supersedes: '1.0' }),
      versionFile('1.2', { supersedes: '1.1' }),
      itemFile('1.0', '8.1.2', { requirement: { en: 'One.', ja: '一。' } }),
      itemFile('1.1', '8.1.2', { requirement: { en: 'Two.', ja: '二。' } }),
      itemFile('1.2', '8.1.2', { requirement: { en: 'Three.', ja: '三。' } }),
    ]);
    const d = computeVersionDiff(v[0]!, v[2]!);
    expect(renderCompact(d.items[0]!.fields[0]!.diff.en)).toBe('[-One-]{+Three+}.');
  });
});

describe('notes against the computed diff', () => {
  const files = (notes: Record<string, unknown>[]) => [
    itemFile('1.0', '8.1.1'),
    itemFile('1.1', '8.1.1'),
    itemFile('1.0', '8.1.2'),
    itemFile('1.1', '8.1.2', { requirement: { en: 'Changed.', ja: '変更しました。' } }),
    notesFile('1.0', '1.1', notes),
  ];
  const catalogErrors = (notes: Record<string, unknown>[]) => {
    try {
      buildCatalog(
        compileContent([
          versionFile('1.0'),
          versionFile('1.1', { supersedes: '1.0' }),
          ...files(notes),
        ]),
      );
    } catch (e) {
      expect(e).toBeInstanceOf(ContentErrors);
      return (e as ContentErrors).errors.map((x) => x.message);
    }
    return [];
  };

  it('accepts notes that match the diff', () => {
    expect(catalogErrors([note('8.1.2')])).toEqual([]);
  });

  it('rejects a note on an unchanged item', () => {
    expect(catalogErrors([note('8.1.2'), note('8.1.1')])).toEqual([
      'changes/1.0...1.1.yaml · item 8.1.1 · field notes[1]: note on an item that did not change from 1.0 to 1.1',
    ]);
  });

  it('rejects a substantive change without a note', () => {
    expect(catalogErrors([])).toEqual([
      'changes/1.0...1.1.yaml · item 8.1.2: modified from 1.0 to 1.1 (requirement) but no change note',
    ]);
  });

  it('rejects a text changed in one language only', () => {
    const [a, b] = versions([
      itemFile('1.0', '8.1.2'),
      itemFile('1.1', '8.1.2', {
        requirement: { en: 'Changed in English only.', ja: '8.1.2 の要件です。' },
      }),
    ]);
    const d = computeVersionDiff(a, b, {
      notes: {
        from: '1.0',
        to: '1.1',
        overview: { en: 'x', ja: 'x' },
        notes: [note('8.1.2') as never],
      },
    });
    expect(
      checkNotesAgainstDiff(d, undefined, 'changes/1.0...1.1.yaml').map((e) => e.message),
    ).toContain(
      'changes/1.0...1.1.yaml · item 8.1.2 · field requirement: changed in en only from 1.0 to 1.1: update every language',
    );
  });
});

describe('catalog history', () => {
  it('follows an item through renumbering, backwards and forwards', () => {
    const catalog = buildCatalog(
      compileContent([
        versionFile('1.0'),
        versionFile('1.1', { supersedes: '1.0' }),
        versionFile('1.2', { supersedes: '1.1' }),
        itemFile('1.0', '8.1.2'),
        itemFile('1.1', '8.1.9', {
          replaces: ['8.1.2'],
          title: { en: 'Title 8.1.2', ja: 'タイトル 8.1.2' },
          requirement: { en: 'Requirement of 8.1.2.', ja: '8.1.2 の要件です。' },
        }),
        itemFile('1.2', '8.1.9', {
          requirement: { en: 'New.', ja: '新しい要件。' },
          title: { en: 'Title 8.1.2', ja: 'タイトル 8.1.2' },
        }),
        notesFile('1.0', '1.1', [note('8.1.9')]),
        notesFile('1.1', '1.2', [note('8.1.9', ['tightened'])]),
      ]),
    );
    const steps = (v: string, id: string) =>
      catalog.history(v, id).map((h) => `${h.diff.from}>${h.diff.to}:${h.change.kind}`);
    expect(steps('1.0', '8.1.2')).toEqual(['1.0>1.1:renumbered', '1.1>1.2:modified']);
    expect(steps('1.2', '8.1.9')).toEqual(['1.0>1.1:renumbered', '1.1>1.2:modified']);
  });

  it('gives the real 4.2 → 4.2.1 changes exactly where the notes are', async () => {
    const catalog = buildCatalog(await loadContent('content'));
    const d = catalog.diff('4.2', '4.2.1');
    const changed = d.items.filter((i) => i.kind !== 'unchanged').map((i) => i.id);
    expect(changed.sort()).toEqual(
      catalog.notes
        .get('4.2...4.2.1')!
        .notes.map((n) => n.item)
        .sort(),
    );
    const timing = d.items.find((i) => i.id === 'audit-timing')!;
    expect(renderCompact(timing.fields[0]!.diff.en)).toContain('[-5-]{+10+} business days');
  });
});
