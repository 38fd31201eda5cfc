/**
 * The page-data builders and the static paths that carry them. Expectations come from the
 * content files read here directly (YAML parsed by the test, not by the loader), or from
 * small fixtures whose changes the test spells out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCatalog, type Catalog } from '../../src/lib/catalog.ts';
import { t } from '../../src/lib/i18n.ts';
import { compileContent, loadContent } from '../../src/lib/load.ts';
import { LANGS, type Lang } from '../../src/lib/model.ts';
import type { NavTree } from '../../src/lib/nav-tree.ts';
import type { ComparePageData } from '../../src/lib/page-data.ts';
import {
  compareIndexRoutes,
  compareRoutes,
  controlsRoutes,
  feedRoutes,
  homeRoutes,
  langDataRoutes,
  langParam,
  latestItemRoutes,
  pairRoutes,
  pinnedItemRoutes,
  searchRoutes,
  selfCheckRoutes,
  versionDataRoutes,
  versionRoutes,
  workbookRoutes,
} from '../../src/lib/routes.ts';
import { itemFile, note, notesFile, versionFile } from './helpers.ts';

// ---- The content as files, read without the loader ------------------------------------------

interface RawText {
  en: string;
  ja: string;
}
interface RawItem {
  id: string;
  section: string;
  title: RawText;
  requirement: RawText;
  evidence: ({ key: string; accepted?: boolean } & RawText)[];
  tags: string[];
  provenance: { sources: string[] };
}
interface RawVersion {
  id: string;
  auditsFrom: string;
  sections: { id: string; title?: RawText }[];
  sources: { id: string; url?: string }[];
  items: Map<string, RawItem>;
}
interface RawNotes {
  from: string;
  to: string;
  overview: RawText;
  notes: { item: string; labels: string[]; summary: RawText }[];
}

const CONTENT = 'content';
const readYaml = (path: string): unknown => parse(readFileSync(path, 'utf8'));
/** Dotted numbers compared part by part: the test's own ordering of version ids. */
const byNumber = (a: string, b: string) => {
  const [pa, pb] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if ((pa[i] ?? -1) !== (pb[i] ?? -1)) return (pa[i] ?? -1) - (pb[i] ?? -1);
  }
  return 0;
};

const raw: RawVersion[] = readdirSync(join(CONTENT, 'versions'))
  .sort(byNumber)
  .map((dir) => {
    const meta = readYaml(join(CONTENT, 'versions', dir, 'version.yaml')) as RawVersion;
    const itemsDir = join(CONTENT, 'versions', dir, 'items');
    const items = readdirSync(itemsDir).map((f) => readYaml(join(itemsDir, f)) as RawItem);
    return { ...meta, items: new Map(items.map((i) => [i.id, i])) };
  });
const rawNotes: RawNotes[] = readdirSync(join(CONTENT, 'changes')).map(
  (f) => readYaml(join(CONTENT, 'changes', f)) as RawNotes,
);
const rawLatest = raw.at(-1)!;
const ids = raw.map((v) => v.id);

/** Whether an item's checklist text or tags differ between two versions (any language). */
const differs = (a: RawItem, b: RawItem) =>
  JSON.stringify([a.title, a.requirement, a.evidence, [...a.tags].sort()]) !==
  JSON.stringify([b.title, b.requirement, b.evidence, [...b.tags].sort()]);

/** Ids of the items that changed from one version to another (the content has no `replaces`). */
function changedIds(from: RawVersion, to: RawVersion): Set<string> {
  const out = new Set<string>();
  for (const [id, item] of to.items) {
    const old = from.items.get(id);
    if (!old || differs(old, item)) out.add(id);
  }
  for (const id of from.items.keys()) if (!to.items.has(id)) out.add(id);
  return out;
}

/** Words only, case folded: what an editorial change leaves alone. */
const words = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

let catalog: Catalog;
beforeAll(async () => {
  catalog = buildCatalog(await loadContent(CONTENT));
});

const forLang = <P extends { lang: Lang }>(routes: { props: P }[], lang: Lang): P =>
  routes.find((r) => r.props.lang === lang)!.props;

// ---- Fixture: three versions with known changes ---------------------------------------------

/**
 * 1.0 → 1.1: 8.1.1 requirement reworded, evidence `plan` added, `records` recased (editorial);
 * 8.1.2 title recased only (editorial); 8.1.4 evidence `records` reworded and `logs` dropped;
 * 8.1.3 removed; 9.1.1 added; audit-timing unchanged. 1.1 → 1.2: nothing changes, no notes.
 */
function fixture(): Catalog {
  const sections = [
    { id: 'program', title: { en: 'Program rules', ja: 'プログラムの規定' }, confidence: 'S' },
    { id: '8.0', confidence: 'S' },
    { id: '9.0', title: { en: 'Operations', ja: '運用' }, confidence: 'S' },
  ];
  const older = {
    '8.1.1': {},
    '8.1.2': {},
    '8.1.3': {},
    '8.1.4': {
      evidence: [
        { key: 'records', en: 'Records.', ja: '記録' },
        { key: 'logs', en: 'Access logs.', ja: 'アクセスログ' },
      ],
    },
    'audit-timing': {},
  };
  const newer = {
    '8.1.1': {
      requirement: { en: 'A stricter requirement.', ja: 'より厳しい要件です。' },
      evidence: [
        { key: 'records', en: 'records.', ja: '記録' },
        { key: 'plan', en: 'A plan.', ja: '計画' },
      ],
    },
    '8.1.2': { title: { en: 'title 8.1.2', ja: 'タイトル 8.1.2' } },
    '8.1.4': { evidence: [{ key: 'records', en: 'Signed records.', ja: '署名付きの記録' }] },
    '9.1.1': {},
    'audit-timing': {},
  };
  const files = [
    versionFile('1.0', { sections }),
    versionFile('1.1', { sections, supersedes: '1.0' }),
    versionFile('1.2', { sections, supersedes: '1.1' }),
    ...Object.entries(older).map(([id, extra]) => itemFile('1.0', id, extra)),
    ...Object.entries(newer).flatMap(([id, extra]) => [
      itemFile('1.1', id, extra),
      itemFile('1.2', id, extra),
    ]),
    notesFile('1.0', '1.1', [
      note('8.1.1', ['tightened']),
      note('8.1.3', ['relaxed']),
      note('8.1.4', ['clarified']),
      note('9.1.1', ['tightened']),
    ]),
  ];
  return buildCatalog(compileContent(files));
}

// ---- Languages and data routes --------------------------------------------------------------

describe('language parameter', () => {
  it('is empty for English, at the root, and the code for every other language', () => {
    expect(langParam('en')).toBeUndefined();
    expect(langParam('ja')).toBe('ja');
  });
});

describe('data routes', () => {
  it('gives every ordered pair of versions a `from...to` key, neighbours first', () => {
    const expected: string[] = [];
    for (let gap = 1; gap < ids.length; gap++)
      for (let i = 0; i + gap < ids.length; i++) expected.push(`${ids[i]}...${ids[i + gap]}`);
    const routes = pairRoutes(catalog);
    expect(routes.map((r) => r.params.pair)).toEqual(expected);
    for (const r of routes) expect(`${r.props.from}...${r.props.to}`).toBe(r.params.pair);
  });

  it('gives every version, every language and every feed one file', () => {
    expect(versionDataRoutes(catalog).map((r) => r.params.version)).toEqual(ids);
    expect(versionDataRoutes(catalog).map((r) => r.props.version)).toEqual(ids);
    expect(langDataRoutes().map((r) => r.params.lang)).toEqual([...LANGS]);
    expect(feedRoutes().map((r) => [r.params.feed, r.props.lang])).toEqual([
      ['changes', 'en'],
      ['changes.ja', 'ja'],
    ]);
  });
});

// ---- Home ----------------------------------------------------------------------------------

describe('home page data', () => {
  it('has one route per language, with the latest version and every version newest first', () => {
    const routes = homeRoutes(catalog, true);
    expect(routes.map((r) => r.params.lang)).toEqual(LANGS.map(langParam));
    for (const lang of LANGS) {
      const home = forLang(routes, lang);
      expect(home.latest.meta.id).toBe(rawLatest.id);
      expect(home.latest.items).toHaveLength(rawLatest.items.size);
      expect(home.previous).toBe(ids.at(-2));
      expect(home.versionIds).toEqual(ids);
      expect(home.versions.map((v) => v.meta.id)).toEqual([...ids].reverse());
      expect(home.versions.map((v) => v.meta.auditsFrom)).toEqual(
        [...raw].reverse().map((v) => v.auditsFrom),
      );
      expect(home.versions.filter((v) => v.isLatest).map((v) => v.meta.id)).toEqual([rawLatest.id]);
      expect(home.official.map((s) => s.id)).toEqual(
        rawLatest.sources.filter((s) => s.url).map((s) => s.id),
      );
      expect(home.publicEdition).toBe(true);
    }
    expect(homeRoutes(catalog, false).every((r) => r.props.publicEdition === false)).toBe(true);
  });

  it('lists the curated notes on the change into the latest version, in their order', () => {
    const notes = rawNotes.find((n) => n.to === rawLatest.id)!;
    for (const lang of LANGS) {
      const { whatChanged } = forLang(homeRoutes(catalog, true), lang);
      expect(whatChanged?.overview).toBe(notes.overview[lang]);
      expect(whatChanged?.changes.map((c) => c.id)).toEqual(notes.notes.map((n) => n.item));
      expect(whatChanged?.changes.map((c) => c.summary)).toEqual(
        notes.notes.map((n) => n.summary[lang]),
      );
      for (const c of whatChanged!.changes) {
        expect(c.item?.title[lang]).toBe(rawLatest.items.get(c.id)?.title[lang]);
      }
    }
  });

  it('places every version with an audit date on a time line by that date, oldest first', () => {
    const byDate = raw
      .filter((v) => v.auditsFrom)
      .sort((a, b) => a.auditsFrom.localeCompare(b.auditsFrom));
    for (const lang of LANGS) {
      const { timeline } = forLang(homeRoutes(catalog, true), lang);
      expect(timeline.map((p) => [p.id, p.date])).toEqual(byDate.map((v) => [v.id, v.auditsFrom]));
      expect(timeline[0]!.x).toBe(0);
      if (timeline.length > 1) expect(timeline.at(-1)!.x).toBe(100);
      for (let i = 1; i < timeline.length; i++) {
        expect(timeline[i]!.x).toBeGreaterThan(timeline[i - 1]!.x);
      }
    }
  });

  it('has no list of changes when the latest pair has no notes', () => {
    const home = homeRoutes(fixture(), true)[0]!.props;
    expect(home.latest.meta.id).toBe('1.2');
    expect(home.previous).toBe('1.1');
    expect(home.whatChanged).toBeUndefined();
  });
});

// ---- Lists, versions and items ---------------------------------------------------------------

describe('item list and version page data', () => {
  it('lists the latest version at /controls/', () => {
    for (const lang of LANGS) {
      const page = forLang(controlsRoutes(catalog), lang);
      expect(page.checklist.meta.id).toBe(rawLatest.id);
      expect(new Set(page.checklist.items.map((i) => i.id))).toEqual(
        new Set(rawLatest.items.keys()),
      );
    }
  });

  it('has a page per version and language, with its neighbours', () => {
    const routes = versionRoutes(catalog);
    expect(routes).toHaveLength(ids.length * LANGS.length);
    for (const r of routes) {
      const i = ids.indexOf(r.params.version);
      expect(r.props.checklist.meta.id).toBe(r.params.version);
      expect(r.props.checklist.items).toHaveLength(raw[i]!.items.size);
      expect(r.props.latest).toBe(rawLatest.id);
      expect(r.props.previous).toBe(ids[i - 1]);
      expect(r.props.next).toBe(ids[i + 1]);
      expect(r.params.lang).toBe(langParam(r.props.lang));
    }
  });
});

describe('sidebar trees', () => {
  /** Every item of a tree, in order, with its section. */
  const treeItems = (tree: NavTree) =>
    tree.parts.flatMap((p) =>
      p.sections.flatMap((s) => (s.items ?? []).map((i) => ({ ...i, section: s.id }))),
    );
  /** The marker the sidebar gives an item of `to`, from the files of the version before. */
  const expectedMark = (from: RawVersion | undefined, to: RawVersion, id: string) =>
    !from
      ? undefined
      : !from.items.has(id)
        ? 'added'
        : changedIds(from, to).has(id)
          ? 'changed'
          : undefined;

  it('lists the latest version unpinned at /controls/, changes from the version before marked', () => {
    for (const lang of LANGS) {
      const { nav } = forLang(controlsRoutes(catalog), lang);
      expect(nav.version).toBe(rawLatest.id);
      expect(nav.listPath).toBe('/controls/');
      const items = treeItems(nav);
      expect(new Set(items.map((i) => i.id))).toEqual(new Set(rawLatest.items.keys()));
      for (const i of items) {
        expect(i.path).toBe(`/controls/${i.id}/`);
        expect(i.section).toBe(rawLatest.items.get(i.id)!.section);
        expect(i.title).toBe(rawLatest.items.get(i.id)!.title[lang]);
        expect(i.current).toBe(false);
        expect(i.change, i.id).toBe(expectedMark(raw.at(-2), rawLatest, i.id));
      }
    }
  });

  it('gives each version page its own version’s tree, pinned', () => {
    for (const r of versionRoutes(catalog)) {
      const at = ids.indexOf(r.params.version);
      const v = raw[at]!;
      const { nav } = r.props;
      expect(nav.version).toBe(v.id);
      expect(nav.listPath).toBe(`/v/${v.id}/controls/`);
      const items = treeItems(nav);
      expect(new Set(items.map((i) => i.id))).toEqual(new Set(v.items.keys()));
      for (const i of items) {
        expect(i.path).toBe(`/v/${v.id}/controls/${i.id}/`);
        expect(i.change, i.id).toBe(expectedMark(raw[at - 1], v, i.id));
      }
    }
  });

  it('marks the item page’s item current and opens its section alone', () => {
    const routes = [...latestItemRoutes(catalog, ''), ...pinnedItemRoutes(catalog, '')];
    for (const r of routes) {
      const version = 'version' in r.params ? (r.params.version as string) : rawLatest.id;
      const { nav, isLatestUrl } = r.props;
      expect(nav.version).toBe(version);
      const items = treeItems(nav);
      expect(items.filter((i) => i.current).map((i) => i.id)).toEqual([r.params.id]);
      const section = raw.find((v) => v.id === version)!.items.get(r.params.id)!.section;
      const open = nav.parts.flatMap((p) => p.sections).filter((s) => s.open);
      expect(open.map((s) => s.id)).toEqual([section]);
      const current = items.find((i) => i.current)!;
      expect(current.path).toBe(
        isLatestUrl ? `/controls/${r.params.id}/` : `/v/${version}/controls/${r.params.id}/`,
      );
    }
  });
});

describe('item page data', () => {
  it('has a latest page for each latest item and a pinned page for each item of each version', () => {
    const latest = latestItemRoutes(catalog, '');
    expect(latest).toHaveLength(rawLatest.items.size * LANGS.length);
    expect(latest.every((r) => r.props.isLatestUrl)).toBe(true);
    const pinned = pinnedItemRoutes(catalog, '');
    const total = raw.reduce((n, v) => n + v.items.size, 0);
    expect(pinned).toHaveLength(total * LANGS.length);
    expect(pinned.some((r) => r.props.isLatestUrl)).toBe(false);
    for (const r of pinned) {
      expect(r.props.checklist.meta.id).toBe(r.params.version);
      expect(r.props.item.id).toBe(r.params.id);
    }
  });

  it('gives each item its section, sources, versions and the version before', () => {
    for (const r of pinnedItemRoutes(catalog, '')) {
      const v = raw.find((x) => x.id === r.params.version)!;
      const item = v.items.get(r.params.id)!;
      const page = r.props;
      expect(page.section.id).toBe(item.section);
      expect(page.sources.map((s) => s.id).sort()).toEqual([...item.provenance.sources].sort());
      expect(page.versions).toEqual(raw.map((x) => ({ id: x.id, hasItem: x.items.has(item.id) })));
      expect(page.previousVersion).toBe(ids[ids.indexOf(v.id) - 1]);
      expect(page.latest).toBe(rawLatest.id);
    }
  });

  it('has history for changed items, and later changes only on older versions', () => {
    for (let i = 1; i < raw.length; i++) {
      const changed = changedIds(raw[i - 1]!, raw[i]!);
      for (const r of pinnedItemRoutes(catalog, '').filter((x) => x.params.version === ids[i])) {
        const { history, laterChanges } = r.props;
        const pairs = history.map((h) => `${h.diff.from}...${h.diff.to}`);
        expect(pairs.includes(`${ids[i - 1]}...${ids[i]}`)).toBe(changed.has(r.params.id));
        // Changes from this version on: none on the latest version.
        if (ids[i] === rawLatest.id) expect(laterChanges).toEqual([]);
      }
      for (const r of pinnedItemRoutes(catalog, '').filter(
        (x) => x.params.version === ids[i - 1],
      )) {
        const later = r.props.laterChanges.map((h) => `${h.diff.from}...${h.diff.to}`);
        expect(later.includes(`${ids[i - 1]}...${ids[i]}`)).toBe(changed.has(r.params.id));
      }
    }
  });

  it('links each item to its neighbours in reading order', () => {
    for (const r of latestItemRoutes(catalog, '')) {
      const items = r.props.checklist.items;
      const at = items.findIndex((x) => x.id === r.params.id);
      expect(r.props.prev?.id).toBe(items[at - 1]?.id);
      expect(r.props.next?.id).toBe(items[at + 1]?.id);
    }
  });
});

// ---- Compare -------------------------------------------------------------------------------

describe('compare index data', () => {
  it('lists every pair with how many items changed', () => {
    for (const lang of LANGS) {
      const { pairs } = forLang(compareIndexRoutes(catalog), lang);
      expect(pairs.map((p) => `${p.from}...${p.to}`)).toEqual(
        pairRoutes(catalog).map((r) => r.params.pair),
      );
      for (const p of pairs) {
        const [from, to] = [raw[ids.indexOf(p.from)]!, raw[ids.indexOf(p.to)]!];
        expect(p.changed).toBe(changedIds(from, to).size);
      }
    }
  });
});

describe('compare page data (content)', () => {
  const pageFor = (lang: Lang, from: string, to: string) =>
    compareRoutes(catalog).find(
      (r) => r.props.lang === lang && r.params.pair === `${from}...${to}`,
    )!.props;

  it('counts items by kind and changes by label, as the files and notes say', () => {
    const notes = rawNotes.find((n) => n.to === rawLatest.id)!;
    const [from, to] = [raw[ids.indexOf(notes.from)]!, rawLatest];
    const changed = changedIds(from, to);
    const all = new Set([...from.items.keys(), ...to.items.keys()]);
    for (const lang of LANGS) {
      const page = pageFor(lang, from.id, to.id);
      const [byKind, byLabel] = page.counts;
      const kinds = Object.fromEntries(byKind.entries.map((c) => [c.value, c.count]));
      expect(Object.values(kinds).reduce((a, b) => a + b, 0)).toBe(all.size);
      expect(kinds.unchanged ?? 0).toBe(all.size - changed.size);
      expect(byKind.entries.every((c) => c.count > 0)).toBe(true);
      const labels = Object.fromEntries(byLabel.entries.map((c) => [c.value, c.count]));
      const expected: Record<string, number> = {};
      for (const n of notes.notes) for (const l of n.labels) expected[l] = (expected[l] ?? 0) + 1;
      expect(labels).toEqual(expected);
      expect(page.changeCount).toBe(changed.size);
      expect(page.overview).toBe(notes.overview[lang]);
      expect(page.toIsLatest).toBe(true);
    }
  });

  it('groups the changed items by section and lists the rest as unchanged', () => {
    for (let i = 1; i < raw.length; i++) {
      const [from, to] = [raw[i - 1]!, raw[i]!];
      const changed = changedIds(from, to);
      const page = pageFor('en', from.id, to.id);
      const grouped = page.groups.flatMap((g) => g.changes.map((c) => c.change.id));
      expect(new Set(grouped)).toEqual(changed);
      expect(grouped).toHaveLength(changed.size);
      for (const g of page.groups) {
        const sectionOf = (id: string) => (to.items.get(id) ?? from.items.get(id))!.section;
        expect(g.changes.every((c) => sectionOf(c.change.id) === g.id)).toBe(true);
      }
      const order = [...to.sections, ...from.sections].map((s) => s.id);
      const at = page.groups.map((g) => order.indexOf(g.id));
      expect(at).toEqual([...at].sort((a, b) => a - b));
      expect(new Set(page.unchanged.map((item) => item.id))).toEqual(
        new Set([...to.items.keys()].filter((id) => !changed.has(id))),
      );
    }
  });

  it('lists evidence now required, now accepted, no longer required and changed, in the page language', () => {
    for (let i = 1; i < raw.length; i++) {
      const [from, to] = [raw[i - 1]!, raw[i]!];
      for (const lang of LANGS) {
        const expected = {
          added: [] as string[],
          accepted: [] as string[],
          removed: [] as string[],
          reworded: [] as string[],
        };
        for (const [id, item] of to.items) {
          const old = from.items.get(id);
          if (!old) continue;
          const before = new Map(old.evidence.map((e) => [e.key, e]));
          for (const e of item.evidence) {
            const o = before.get(e.key);
            if (!o) (e.accepted ? expected.accepted : expected.added).push(`${id} ${e[lang]}`);
            else if (
              LANGS.some((l) => words(o[l]) !== words(e[l])) ||
              Boolean(o.accepted) !== Boolean(e.accepted)
            )
              expected.reworded.push(`${id} ${e[lang]}`);
          }
          for (const e of old.evidence) {
            if (!item.evidence.some((x) => x.key === e.key))
              expected.removed.push(`${id} ${e[lang]}`);
          }
        }
        const page = pageFor(lang, from.id, to.id);
        const got = Object.fromEntries(
          page.todo.map((list) => [list.change, list.entries.map((e) => `${e.item} ${e.text}`)]),
        );
        for (const k of ['added', 'accepted', 'removed', 'reworded'] as const) {
          expect(new Set(got[k] ?? [])).toEqual(new Set(expected[k]));
        }
        expect(page.todo.every((list) => list.entries.length > 0)).toBe(true);
      }
    }
  });
});

describe('compare page data (fixture)', () => {
  const fx = fixture();
  const page = (lang: Lang, pair: string): ComparePageData =>
    compareRoutes(fx).find((r) => r.props.lang === lang && r.params.pair === pair)!.props;

  it('has a page per pair and language', () => {
    expect(compareRoutes(fx).map((r) => `${r.params.lang ?? 'en'} ${r.params.pair}`)).toEqual([
      'en 1.0...1.1',
      'en 1.1...1.2',
      'en 1.0...1.2',
      'ja 1.0...1.1',
      'ja 1.1...1.2',
      'ja 1.0...1.2',
    ]);
  });

  it('counts by kind and label, in the vocabularies’ order', () => {
    const p = page('en', '1.0...1.1');
    expect(p.counts).toEqual([
      {
        by: 'kind',
        entries: [
          { value: 'added', count: 1 },
          { value: 'removed', count: 1 },
          { value: 'modified', count: 3 },
          { value: 'unchanged', count: 1 },
        ],
      },
      {
        by: 'label',
        entries: [
          { value: 'relaxed', count: 1 },
          { value: 'tightened', count: 2 },
          { value: 'clarified', count: 1 },
        ],
      },
    ]);
    expect(p.changeCount).toBe(5);
    expect(p.overview).toBe('Overview.');
    expect(p.toIsLatest).toBe(false);
    expect(page('en', '1.0...1.2').toIsLatest).toBe(true);
  });

  it('groups changes by the newer version’s sections, removed items last in their group', () => {
    const p = page('en', '1.0...1.1');
    expect(p.groups.map((g) => [g.id, g.title, g.changes.map((c) => c.change.id)])).toEqual([
      ['8.0', 'Section 8.0', ['8.1.1', '8.1.2', '8.1.4', '8.1.3']],
      ['9.0', '9.0 Operations', ['9.1.1']],
    ]);
    expect(page('ja', '1.0...1.1').groups.map((g) => g.title)).toEqual([
      'セクション 8.0',
      '9.0 運用',
    ]);
    expect(p.unchanged.map((item) => item.id)).toEqual(['audit-timing']);
  });

  it('builds the evidence to-do list without editorial rewording, in each language', () => {
    expect(page('en', '1.0...1.1').todo).toEqual([
      { change: 'added', entries: [{ item: '8.1.1', text: 'A plan.' }] },
      { change: 'removed', entries: [{ item: '8.1.4', text: 'Access logs.' }] },
      { change: 'reworded', entries: [{ item: '8.1.4', text: 'Signed records.' }] },
    ]);
    expect(page('ja', '1.0...1.1').todo.map((l) => l.entries.map((e) => e.text))).toEqual([
      ['計画'],
      ['アクセスログ'],
      ['署名付きの記録'],
    ]);
  });

  it('pairs each change with the same change when editorial edits are ignored', () => {
    const changes = page('en', '1.0...1.1').groups.flatMap((g) => g.changes);
    const byId = new Map(changes.map((c) => [c.change.id, c]));
    // 8.1.2 changed only in case: nothing is left of it once editorial edits are ignored.
    expect(byId.get('8.1.2')!.change.kind).toBe('modified');
    expect(byId.get('8.1.2')!.editorialBlind?.kind).toBe('unchanged');
    // 8.1.1 keeps its reworded requirement and new evidence, not the recased `records`.
    const fields = (c: (typeof changes)[number]['editorialBlind']) =>
      c!.fields.map((f) => (f.key ? `${f.field}:${f.key}` : f.field));
    expect(fields(byId.get('8.1.1')!.change)).toEqual([
      'requirement',
      'evidence:records',
      'evidence:plan',
    ]);
    expect(fields(byId.get('8.1.1')!.editorialBlind)).toEqual(['requirement', 'evidence:plan']);
    for (const c of changes) expect(c.editorialBlind?.id).toBe(c.change.id);
  });

  it('charts changes per section by label, each count linking to its filtered view', () => {
    for (const lang of LANGS) {
      const { chart } = page(lang, '1.0...1.1');
      const zero = { relaxed: 0, tightened: 0, clarified: 0, editorial: 0 };
      // Notes: 8.1.1 tightened, 8.1.3 relaxed, 8.1.4 clarified (8.0); 9.1.1 tightened (9.0).
      expect(chart.labels).toEqual(['relaxed', 'tightened', 'clarified']);
      expect(chart.max).toBe(1);
      expect(chart.rows.map((r) => [r.section, r.title, r.counts])).toEqual([
        [
          '8.0',
          t(lang, 'section.untitled', { id: '8.0' }),
          { ...zero, relaxed: 1, tightened: 1, clarified: 1 },
        ],
        ['9.0', lang === 'en' ? '9.0 Operations' : '9.0 運用', { ...zero, tightened: 1 }],
      ]);
      for (const row of chart.rows) {
        for (const label of chart.labels) {
          const query = new URLSearchParams(row.links[label].slice(1));
          expect([query.get('section'), query.get('label')]).toEqual([row.section, label]);
        }
      }
    }
    expect(page('en', '1.1...1.2').chart).toEqual({ labels: [], rows: [], max: 0 });
  });

  it('has empty lists for a pair where nothing changed and no notes', () => {
    const p = page('en', '1.1...1.2');
    expect(p.overview).toBeUndefined();
    expect(p.changeCount).toBe(0);
    expect(p.groups).toEqual([]);
    expect(p.todo).toEqual([]);
    expect(p.counts).toEqual([
      { by: 'kind', entries: [{ value: 'unchanged', count: 5 }] },
      { by: 'label', entries: [] },
    ]);
  });
});

describe('editorial-blind diffs in the catalog', () => {
  it('are computed once per pair, apart from the strict ones', () => {
    const fx = fixture();
    const blind = fx.editorialBlindDiff('1.0', '1.1');
    expect(fx.editorialBlindDiff('1.0', '1.1')).toBe(blind);
    expect(fx.diff('1.0', '1.1')).not.toBe(blind);
    expect(blind.counts.modified).toBe(2);
    expect(fx.diff('1.0', '1.1').counts.modified).toBe(3);
    // Notes are attached as on the strict diff.
    expect(blind.items.find((d) => d.id === '8.1.1')?.note?.labels).toEqual(['tightened']);
  });
});

// ---- Search and self-check -------------------------------------------------------------------

describe('search page data', () => {
  it('offers every version newest first, every section once, and labels for results', () => {
    for (const lang of LANGS) {
      const page = forLang(searchRoutes(catalog), lang);
      expect(page.facets.version.map((o) => o.value)).toEqual([...ids].reverse());
      const sections = new Set(raw.flatMap((v) => v.sections.map((s) => s.id)));
      expect(page.facets.section.map((o) => o.value).sort()).toEqual([...sections].sort());
      expect(Object.keys(page.labels.section).sort()).toEqual([...sections].sort());
      expect(page.labels.kind).toEqual({
        control: t(lang, 'item.kind.control'),
        rule: t(lang, 'item.kind.rule'),
      });
      expect(Object.keys(page.labels.label)).toEqual([
        'relaxed',
        'tightened',
        'clarified',
        'editorial',
      ]);
      expect(page.labels.change.modified).toBe(t(lang, 'kind.modified'));
      expect(Object.keys(page.labels.change)).toHaveLength(7);
    }
  });
});

describe('self-check page data', () => {
  it('offers every version, oldest first, and names the latest', () => {
    for (const lang of LANGS) {
      const page = forLang(selfCheckRoutes(catalog), lang);
      expect({ lang: page.lang, versions: page.versions, latest: page.latest }).toEqual({
        lang,
        versions: ids,
        latest: rawLatest.id,
      });
    }
  });

  it('draws every section of the latest version that has items, all unanswered', () => {
    const fx = fixture();
    const titles: Record<Lang, string[]> = {
      en: ['Program rules', t('en', 'section.untitled', { id: '8.0' }), '9.0 Operations'],
      ja: ['プログラムの規定', t('ja', 'section.untitled', { id: '8.0' }), '9.0 運用'],
    };
    // 1.2 has audit-timing (program), 8.1.1, 8.1.2 and 8.1.4 (8.0), and 9.1.1 (9.0).
    const totals = [1, 3, 1];
    for (const lang of LANGS) {
      const { statusChart } = forLang(selfCheckRoutes(fx), lang);
      expect(statusChart.map((r) => r.title)).toEqual(titles[lang]);
      statusChart.forEach((row, i) => {
        expect(row.values).toEqual({
          met: 0,
          partly: 0,
          'not-yet': 0,
          na: 0,
          unanswered: totals[i],
        });
        expect(row.segments).toEqual([{ key: 'unanswered', value: totals[i], x: 0, width: 100 }]);
      });
    }
  });
});

// ---- An imported edition: English only, parts, levels, a kept workbook ----------------------

/**
 * 7.0 → 7.1, English only, two parts: BUSP-001 (mandatory) reworded, GOV-001 (recommended)
 * unchanged, OPS-001 (bonus) added in 7.1; 7.1 keeps the workbook it was imported from.
 */
function importedEdition(): Catalog {
  const meta = (id: string, extra: Record<string, unknown> = {}) =>
    versionFile(id, {
      summary: { en: 'An imported version.' },
      sources: [{ id: 'src', title: { en: 'Workbook' }, publisher: 'Tests', lang: 'en' }],
      parts: [
        { id: 'prerequisites', title: { en: 'Prerequisites' } },
        { id: 'technical', title: { en: 'Technical validation' } },
      ],
      sections: [
        { id: 'prerequisites-business', part: 'prerequisites', confidence: 'S' },
        { id: 'technical-governance', part: 'technical', confidence: 'S' },
      ],
      ...extra,
    });
  const control = (v: string, id: string, section: string, extra: Record<string, unknown>) =>
    itemFile(v, id, {
      kind: 'control',
      section,
      title: { en: `Title ${id}` },
      requirement: { en: `Requirement of ${id}.` },
      evidence: [{ key: 'records', en: 'Records.' }],
      tags: [],
      provenance: {
        sources: ['src'],
        confidence: 'S',
        coverage: 'full',
        note: { en: 'Imported.' },
      },
      ...extra,
    });
  const files = [
    { path: 'edition.yaml', text: 'languages: [en]\n' },
    meta('7.0'),
    meta('7.1', { supersedes: '7.0', workbook: 'self-assessment.xlsx' }),
    control('7.0', 'BUSP-001', 'prerequisites-business', { level: 'mandatory' }),
    control('7.0', 'GOV-001', 'technical-governance', { level: 'recommended' }),
    control('7.1', 'BUSP-001', 'prerequisites-business', {
      level: 'mandatory',
      requirement: { en: 'A reworded requirement of BUSP-001.' },
    }),
    control('7.1', 'GOV-001', 'technical-governance', { level: 'recommended' }),
    control('7.1', 'OPS-001', 'technical-governance', { level: 'bonus' }),
    notesFile('7.0', '7.1', [note('BUSP-001', ['clarified']), note('OPS-001', ['tightened'])]),
  ];
  return buildCatalog(compileContent(files));
}

describe('page data of an imported edition', () => {
  it('builds pages, data files and feeds in the edition’s one language only', () => {
    const edition = importedEdition();
    const english = [langParam('en')];
    for (const routes of [
      homeRoutes(edition, false),
      controlsRoutes(edition),
      compareIndexRoutes(edition),
      searchRoutes(edition),
      selfCheckRoutes(edition),
      versionRoutes(edition),
      latestItemRoutes(edition, ''),
      pinnedItemRoutes(edition, ''),
      compareRoutes(edition),
    ]) {
      expect(new Set(routes.map((r) => r.params.lang))).toEqual(new Set(english));
    }
    // 2 + 3 items, one page each; 1 ordered pair.
    expect(pinnedItemRoutes(edition, '')).toHaveLength(5);
    expect(compareRoutes(edition)).toHaveLength(1);
    expect(langDataRoutes(edition.languages).map((r) => r.params.lang)).toEqual(['en']);
    expect(feedRoutes(edition.languages).map((r) => r.params.feed)).toEqual(['changes']);
  });

  it('gives each item page the part of its section', () => {
    const parts: Record<string, string> = {
      'BUSP-001': 'Prerequisites',
      'GOV-001': 'Technical validation',
      'OPS-001': 'Technical validation',
    };
    for (const r of pinnedItemRoutes(importedEdition(), '')) {
      expect(r.props.part?.title.en, r.params.id).toBe(parts[r.params.id]);
    }
    // The public edition has no parts.
    expect(pinnedItemRoutes(catalog, '').every((r) => r.props.part === undefined)).toBe(true);
  });

  it('offers the levels of the changed items on the compare page, in order of weight', () => {
    const page = compareRoutes(importedEdition())[0]!.props;
    // BUSP-001 changed (mandatory), OPS-001 added (bonus); GOV-001 (recommended) did not.
    expect(page.levels).toEqual(['mandatory', 'bonus']);
  });

  it('serves the kept workbook of the versions that have one', () => {
    expect(workbookRoutes(importedEdition())).toEqual([
      { params: { version: '7.1' }, props: { file: 'versions/7.1/self-assessment.xlsx' } },
    ]);
    expect(workbookRoutes(catalog)).toEqual([]);
  });
});
