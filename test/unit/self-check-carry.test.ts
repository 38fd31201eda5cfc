import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { loadContent } from '../../src/lib/load.ts';
import type { Checklist, Item } from '../../src/lib/model.ts';
import {
  carryOver,
  categoryOf,
  planFromDiff,
  type CarryPlan,
} from '../../src/lib/self-check/carry.ts';
import { selfCheckData } from '../../src/lib/self-check/version-file-builder.ts';
import { contentHash } from '../../src/lib/self-check/hash.ts';
import { computeVersionDiff } from '../../src/lib/version-diff.ts';
import { readState } from '../../src/lib/self-check/storage.ts';
import {
  MAX_NOTE_CHARS,
  emptyState,
  type Answer,
  type SelfCheckState,
} from '../../src/lib/self-check/types.ts';

const NOW = '2024-06-01T09:00:00.000Z';
const THEN = '2024-05-01T09:00:00.000Z';

function item(id: string, over: Partial<Item> = {}): Item {
  return {
    id,
    kind: /^\d/.test(id) ? 'control' : 'rule',
    section: /^\d/.test(id) ? '8.0' : 'program',
    level: 'unstated',
    title: { en: `Title ${id}`, ja: `タイトル ${id}` },
    requirement: { en: `Do ${id}.`, ja: `${id} を行います。` },
    evidence: [
      { key: 'kept', en: 'Kept evidence.', ja: '残る証跡' },
      { key: 'dropped', en: 'Dropped evidence.', ja: 'なくなる証跡' },
    ],
    tags: ['t'],
    aliases: { en: [], ja: [] },
    replaces: [],
    provenance: {
      sources: ['s'],
      confidence: 'P',
      basis: 'stated',
      coverage: 'topic',
      note: { en: 'n', ja: 'n' },
    },
    ...over,
  };
}

function checklist(id: string, items: Item[]): Checklist {
  return {
    meta: {
      id,
      auditsFrom: '2024-01-01',
      summary: { en: 's', ja: 's' },
      sources: [{ id: 's', title: { en: 's', ja: 's' }, publisher: 'p', lang: 'en' }],
      sections: [
        { id: 'program', confidence: 'S' },
        { id: '8.0', confidence: 'S' },
      ],
    },
    items,
  };
}

const newEvidence = [
  { key: 'kept', en: 'Kept evidence.', ja: '残る証跡' },
  { key: 'added', en: 'New evidence.', ja: '新しい証跡' },
];

const older = checklist('1.0', [
  item('same'),
  item('tags-only'),
  item('wording'),
  item('reworded'),
  item('8.1.1'),
  item('8.1.2'),
  item('8.1.3'),
  item('8.1.4'),
  item('8.1.5'),
  item('gone'),
  item('unanswered'),
]);
const newer = checklist('1.1', [
  item('same'),
  item('tags-only', { tags: ['t', 'other'] }),
  item('wording', { requirement: { en: 'do wording', ja: 'wording を行います' } }),
  item('reworded', {
    requirement: { en: 'Do something else.', ja: '別のことを行います。' },
    evidence: newEvidence,
  }),
  item('8.1.9', { replaces: ['8.1.1'] }),
  item('8.1.2', { replaces: ['8.1.2'], title: { en: 'Split A', ja: '分割A' } }),
  item('8.1.20', { replaces: ['8.1.2'], title: { en: 'Split B', ja: '分割B' } }),
  item('8.1.3', { replaces: ['8.1.3', '8.1.4'] }),
  item('8.1.5'),
  item('brand-new'),
  item('unanswered', { requirement: { en: 'Changed.', ja: '変更。' } }),
]);
const plan: CarryPlan = planFromDiff(computeVersionDiff(older, newer), contentHash);

function answer(over: Partial<Answer> = {}): Answer {
  return {
    status: 'met',
    evidence: { kept: true, dropped: true },
    notes: 'our note',
    updatedAt: THEN,
    contentHash: '0123456789abcdef',
    ...over,
  };
}

function stateWith(ids: string[], over: Partial<Answer> = {}): SelfCheckState {
  const s = emptyState();
  s.answers['1.0'] = Object.fromEntries(ids.map((id) => [id, answer(over)]));
  return s;
}

const answeredIds = older.items.map((i) => i.id).filter((id) => id !== 'unanswered');

describe('carry-over categories', () => {
  it('follow the diff engine', () => {
    const byId = Object.fromEntries(plan.items.map((e) => [e.id, e.category]));
    expect(byId).toEqual({
      same: 'unchanged',
      'tags-only': 'unchanged',
      wording: 'editorial',
      reworded: 'substantive',
      '8.1.9': 'substantive', // renumbered
      '8.1.2': 'substantive', // split
      '8.1.20': 'substantive',
      '8.1.3': 'substantive', // merged
      '8.1.5': 'unchanged',
      'brand-new': 'added',
      unanswered: 'substantive',
    });
    expect(plan.removed).toEqual(['gone']);
  });
});

describe('carryOver', () => {
  const { state, summary } = carryOver(stateWith(answeredIds), plan, NOW);
  const carried = state.answers['1.1']!;

  it('keeps unchanged answers as they were, evidence following keys', () => {
    expect(carried['same']).toEqual({ ...answer(), carriedFrom: '1.0' });
    expect(carried['tags-only']).toEqual({ ...answer(), carriedFrom: '1.0' });
    expect(summary.kept.sort()).toEqual(['8.1.5', 'same', 'tags-only']);
  });

  it('keeps editorial-only changes and flags them', () => {
    expect(carried['wording']).toEqual({ ...answer(), carriedFrom: '1.0', review: 'editorial' });
    expect(summary.flagged).toEqual(['wording']);
  });

  it('reopens substantive changes, keeping the old answer as previous', () => {
    expect(carried['reworded']).toEqual({
      evidence: { kept: true },
      notes: 'our note',
      updatedAt: NOW,
      contentHash: '0123456789abcdef',
      review: 'reopened',
      carriedFrom: '1.0',
      previous: [
        {
          version: '1.0',
          id: 'reworded',
          status: 'met',
          evidence: { kept: true, dropped: true },
          notes: 'our note',
          updatedAt: THEN,
          contentHash: '0123456789abcdef',
        },
      ],
    });
    expect(summary.reopened.sort()).toEqual(['8.1.2', '8.1.20', '8.1.3', '8.1.9', 'reworded']);
  });

  it('drops removed evidence keys and leaves new ones unchecked', () => {
    expect(Object.keys(carried['reworded']!.evidence)).toEqual(['kept']);
    expect(carried['reworded']!.evidence['added']).toBeUndefined();
  });

  it('follows renumbering, splits and merges', () => {
    expect(carried['8.1.9']!.previous!.map((p) => p.id)).toEqual(['8.1.1']);
    expect(carried['8.1.2']!.previous!.map((p) => p.id)).toEqual(['8.1.2']);
    expect(carried['8.1.20']!.previous!.map((p) => p.id)).toEqual(['8.1.2']);
    expect(carried['8.1.3']!.previous!.map((p) => p.id)).toEqual(['8.1.3', '8.1.4']);
    expect(carried['8.1.3']!.notes).toBe('8.1.3: our note\n\n8.1.4: our note');
  });

  it('keeps merged notes that together pass the limit in the earlier answers only', () => {
    const long = 'n'.repeat(MAX_NOTE_CHARS);
    const r = carryOver(stateWith(answeredIds, { notes: long }), plan, NOW);
    const merged = r.state.answers['1.1']!['8.1.3']!;
    expect(merged.notes).toBe('');
    expect(merged.previous!.map((p) => p.notes)).toEqual([long, long]);
    // What the carry-over wrote reads back from storage.
    expect(readState(JSON.stringify(r.state))).toEqual({ kind: 'ok', state: r.state });
  });

  it('adds nothing for new items and reports answers to removed ones', () => {
    expect(carried['brand-new']).toBeUndefined();
    expect(carried['gone']).toBeUndefined();
    expect(summary.notCarried).toEqual(['gone']);
  });

  it('keeps the older version and records the carry-over', () => {
    expect(state.answers['1.0']).toEqual(stateWith(answeredIds).answers['1.0']);
    expect(state.carried['1.1']).toEqual({ from: '1.0', at: NOW });
  });

  it('never replaces an answer already given in the newer version', () => {
    const s = stateWith(answeredIds);
    const own = answer({ status: 'partly', notes: 'answered on 1.1' });
    s.answers['1.1'] = { reworded: own };
    const r = carryOver(s, plan, NOW);
    expect(r.state.answers['1.1']!['reworded']).toEqual(own);
    expect(r.summary.skipped).toEqual(['reworded']);
  });

  it('keeps an answer still waiting for re-review reopened', () => {
    const s = stateWith(['wording'], { review: 'reopened' });
    delete s.answers['1.0']!['wording']!.status;
    const r = carryOver(s, plan, NOW);
    expect(r.state.answers['1.1']!['wording']!.review).toBe('reopened');
  });
});

describe('carry-over from 4.2 to 4.2.1', async () => {
  const catalog = buildCatalog(await loadContent(resolve('content')));
  const diff = catalog.diff('4.2', '4.2.1');
  const data = selfCheckData(catalog, '4.2.1');

  it('reopens exactly the substantively changed items that were answered', () => {
    const s = emptyState();
    s.answers['4.2'] = Object.fromEntries(
      catalog
        .version('4.2')
        .items.map((i) => [
          i.id,
          answer({ evidence: Object.fromEntries(i.evidence.map((e) => [e.key, true])) }),
        ]),
    );
    const { state, summary } = carryOver(s, data.carry!, NOW);
    const expected = diff.items
      .filter((c) => c.substantive && c.kind !== 'removed' && c.kind !== 'added')
      .map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(summary.reopened.sort()).toEqual([...expected].sort());
    const reopened = Object.entries(state.answers['4.2.1']!)
      .filter(([, a]) => a.review === 'reopened')
      .map(([id]) => id);
    expect(reopened.sort()).toEqual([...expected].sort());
    for (const c of diff.items.filter((c) => categoryOf(c) === 'unchanged')) {
      expect(state.answers['4.2.1']![c.id]!.status).toBe('met');
    }
    // 9.6.1 dropped "operating-history" and gained four new keys, all unchecked.
    for (const c of diff.items.filter((c) => c.fields.some((f) => f.field === 'evidence'))) {
      const kept = c.after!.evidence.filter((e) => c.before!.evidence.some((b) => b.key === e.key));
      expect(Object.keys(state.answers['4.2.1']![c.id]!.evidence).sort()).toEqual(
        kept.map((e) => e.key).sort(),
      );
    }
  });
});
