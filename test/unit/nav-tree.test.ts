import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { compileContent } from '../../src/lib/load.ts';
import type { Checklist } from '../../src/lib/model.ts';
import {
  FULL_TREE_LIMIT,
  SECTION_WINDOW,
  buildNavTree,
  changesFromPrevious,
  type NavSource,
  type NavTree,
} from '../../src/lib/nav-tree.ts';
import { itemFile, note, notesFile, versionFile } from './helpers.ts';

const SECTIONS = [
  { id: 'program', title: { en: 'Program rules', ja: 'プログラムの規定' }, confidence: 'S' },
  { id: '1.0', confidence: 'S' },
  { id: '8.0', confidence: 'S' },
  { id: '9.0', confidence: 'S' },
];

/** Two versions: 1.1 changes 8.1.2, adds 8.1.4 and keeps 8.1.1 and audit-timing as they are. */
const catalog = buildCatalog(
  compileContent([
    versionFile('1.0', { sections: SECTIONS }),
    versionFile('1.1', { supersedes: '1.0', sections: SECTIONS }),
    ...['1.0', '1.1'].flatMap((v) => [
      itemFile(v, 'audit-timing'),
      itemFile(v, '8.1.1'),
      itemFile(v, '9.1.1'),
    ]),
    itemFile('1.0', '8.1.2'),
    itemFile('1.1', '8.1.2', { requirement: { en: 'Changed.', ja: '変更しました。' } }),
    itemFile('1.1', '8.1.4'),
    notesFile('1.0', '1.1', [note('8.1.2'), note('8.1.4')]),
  ]),
);
const latest = catalog.version('1.1');

const items = (tree: NavTree) => tree.parts.flatMap((p) => p.sections.flatMap((s) => s.items!));

describe('buildNavTree', () => {
  it('lists the sections that have items, in order, with the items in reading order', () => {
    const tree = buildNavTree('en', latest, { pinned: false });
    expect(tree.parts).toHaveLength(1);
    expect(tree.parts[0]!.id).toBeUndefined();
    // 1.0 has no item in this version: it is left out.
    expect(tree.parts[0]!.sections.map((s) => s.id)).toEqual(['program', '8.0', '9.0']);
    expect(tree.parts[0]!.sections.map((s) => s.title)).toEqual([
      'Program rules',
      'Section 8.0',
      'Section 9.0',
    ]);
    expect(items(tree).map((i) => i.id)).toEqual(latest.items.map((i) => i.id));
    expect(tree.version).toBe('1.1');
  });

  it('marks the current item and opens its section only', () => {
    const tree = buildNavTree('ja', latest, { pinned: false, current: '8.1.2' });
    const sections = tree.parts[0]!.sections;
    expect(sections.filter((s) => s.open).map((s) => s.id)).toEqual(['8.0']);
    expect(
      items(tree)
        .filter((i) => i.current)
        .map((i) => i.id),
    ).toEqual(['8.1.2']);
    expect(items(tree).find((i) => i.id === '8.1.2')!.title).toBe('タイトル 8.1.2');
  });

  it('opens no section on a page without a current item', () => {
    const tree = buildNavTree('en', latest, { pinned: true });
    expect(tree.parts[0]!.sections.some((s) => s.open)).toBe(false);
    expect(items(tree).some((i) => i.current)).toBe(false);
  });

  it('links to the latest URLs, or to the pinned ones of its version', () => {
    const latestTree = buildNavTree('en', latest, { pinned: false });
    expect(items(latestTree)[1]!.path).toBe(`/controls/${latest.items[1]!.id}/`);
    expect(latestTree.listPath).toBe('/controls/');
    const pinned = buildNavTree('en', catalog.version('1.0'), { pinned: true });
    expect(items(pinned).every((i) => i.path.startsWith('/v/1.0/controls/'))).toBe(true);
    expect(pinned.listPath).toBe('/v/1.0/controls/');
  });

  it('shows ids for numbered controls only', () => {
    const tree = buildNavTree('en', latest, { pinned: false });
    const shown = Object.fromEntries(items(tree).map((i) => [i.id, i.showId]));
    expect(shown).toMatchObject({ 'audit-timing': false, '8.1.1': true });
  });

  it('marks items added or changed since the previous version', () => {
    const changes = changesFromPrevious(catalog, '1.1');
    const tree = buildNavTree('en', latest, { pinned: false, changes });
    const marks = Object.fromEntries(items(tree).map((i) => [i.id, i.change]));
    expect(marks).toEqual({
      'audit-timing': undefined,
      '8.1.1': undefined,
      '8.1.2': 'changed',
      '8.1.4': 'added',
      '9.1.1': undefined,
    });
    expect(changesFromPrevious(catalog, '1.0').size).toBe(0);
  });

  it('badges mandatory items, when items state their level', () => {
    const source: NavSource = {
      meta: latest.meta,
      items: latest.items.map((i) => ({
        ...i,
        level: i.id === '8.1.1' ? 'mandatory' : i.id === '8.1.2' ? 'recommended' : undefined,
      })),
    };
    const tree = buildNavTree('en', source, { pinned: false });
    expect(
      items(tree)
        .filter((i) => i.mandatory)
        .map((i) => i.id),
    ).toEqual(['8.1.1']);
    expect(items(buildNavTree('en', latest, { pinned: false })).some((i) => i.mandatory)).toBe(
      false,
    );
  });

  it('groups sections into parts, when the version declares them', () => {
    const source: NavSource = {
      meta: {
        ...latest.meta,
        parts: [
          { id: 'prerequisites', title: { en: 'Prerequisites', ja: '前提条件' } },
          { id: 'technical', title: { en: 'Technical validation', ja: '技術検証' } },
        ],
        sections: latest.meta.sections.map((s) => ({
          ...s,
          part: s.id === 'program' ? 'prerequisites' : s.id === '8.0' ? 'technical' : undefined,
        })),
      },
      items: latest.items,
    };
    const tree = buildNavTree('ja', source, { pinned: false, current: '8.1.1' });
    expect(tree.parts.map((p) => [p.id, p.title, p.sections.map((s) => s.id)])).toEqual([
      ['prerequisites', '前提条件', ['program']],
      ['technical', '技術検証', ['8.0']],
      // A section that names no part stays in the tree, after the parts.
      [undefined, undefined, ['9.0']],
    ]);
    expect(tree.parts.map((p) => p.open)).toEqual([false, true, true]);
  });

  it('lists only the current section of a very large version', () => {
    const many: Checklist = {
      meta: latest.meta,
      items: Array.from({ length: FULL_TREE_LIMIT + 1 }, (_, n) => ({
        ...latest.items.find((i) => i.id === '8.1.1')!,
        id: `8.1.${n + 1}`,
      })).concat(latest.items.filter((i) => i.section !== '8.0')),
    };
    const tree = buildNavTree('en', many, { pinned: false, current: '9.1.1' });
    const sections = tree.parts[0]!.sections;
    expect(sections.find((s) => s.id === '9.0')!.items!.map((i) => i.id)).toEqual(['9.1.1']);
    expect(sections.find((s) => s.id === '8.0')!.items).toBeUndefined();
    expect(sections.find((s) => s.id === '8.0')!.path).toBe('/controls/#section-8.0');
    // In the current section, the items around the current one, and links for the others.
    const middle = buildNavTree('en', many, { pinned: false, current: '8.1.100' });
    const eight = middle.parts[0]!.sections.find((s) => s.id === '8.0')!;
    const around = Array.from(
      { length: 2 * SECTION_WINDOW + 1 },
      (_, k) => `8.1.${100 - SECTION_WINDOW + k}`,
    );
    expect(eight.items!.map((i) => i.id)).toEqual(around);
    expect(eight.omitted).toEqual({
      before: 100 - SECTION_WINDOW - 1,
      after: FULL_TREE_LIMIT + 1 - 100 - SECTION_WINDOW,
    });
    const first = buildNavTree('en', many, { pinned: false, current: '8.1.1' });
    const start = first.parts[0]!.sections.find((s) => s.id === '8.0')!;
    expect(start.items!.map((i) => i.id)).toEqual(
      around.map((_, k) => `8.1.${k + 1}`).slice(0, SECTION_WINDOW + 1),
    );
    expect(start.omitted).toEqual({ before: 0, after: FULL_TREE_LIMIT + 1 - SECTION_WINDOW - 1 });
    // At the limit, every section lists its items.
    const atLimit = { ...many, items: many.items.slice(many.items.length - FULL_TREE_LIMIT) };
    const full = buildNavTree('en', atLimit, { pinned: false, current: '9.1.1' });
    expect(full.parts[0]!.sections.every((s) => s.items !== undefined)).toBe(true);
  });
});
