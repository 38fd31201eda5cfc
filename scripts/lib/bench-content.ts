/**
 * Synthetic checklists for the benchmark: N items in each of V versions, in English and
 * Japanese, with text of realistic length and, between neighbouring versions, the kinds of
 * change a real release has (reworded, evidence added, renumbered, added, removed, editorial
 * only), each substantive one with its change note so the build's consistency check passes.
 * The text is filler made from a fixed vocabulary: it states no real requirement.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { RawFile } from '../../src/lib/load.ts';
import type { ChangeNote, ChangeNotes, Item, VersionMeta } from '../../src/lib/model.ts';

export interface BenchContentOptions {
  /** Items per version (about: added items make later versions a little larger). */
  items: number;
  /** Number of versions, at least 1. */
  versions: number;
  /** Seed of the pseudo-random choices: the same options give the same files. */
  seed?: number;
}

/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return {
    next,
    pick,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
  };
}
type Random = ReturnType<typeof random>;

const SUBJECTS = [
  ['incident response runbooks', 'インシデント対応の手順書'],
  ['the inventory of customer AWS accounts', '顧客のAWSアカウントの一覧'],
  ['access keys of privileged users', '特権ユーザーのアクセスキー'],
  ['backups of production data', '本番データのバックアップ'],
  ['patching of managed instances', '管理対象インスタンスへのパッチ適用'],
  ['cost reports for each customer', '顧客ごとのコストレポート'],
  ['the change management process', '変更管理のプロセス'],
  ['monitoring and alerting rules', '監視とアラートのルール'],
  ['the service level agreement', 'サービスレベル契約（SLA）'],
  ['security group configurations', 'セキュリティグループの設定'],
  ['the disaster recovery plan', '災害復旧計画'],
  ['log retention and review', 'ログの保管と確認'],
] as const;
const VERBS = [
  ['documents', '文書化します'],
  ['reviews', '見直します'],
  ['monitors', '監視します'],
  ['tests', 'テストします'],
  ['automates', '自動化します'],
  ['records', '記録します'],
] as const;
const QUALIFIERS = [
  ['at least once every 12 months', '少なくとも12か月に1回'],
  ['for every customer environment', 'すべての顧客環境について'],
  ['using AWS Config rules or an equivalent tool', 'AWS Configのルールまたは同等のツールを使って'],
  ['and shares the result with the customer', '結果を顧客と共有したうえで'],
  ['with a named owner for each task', '作業ごとに担当者を決めて'],
  ['within the time agreed with the customer', '顧客と合意した期間内に'],
] as const;
const EVIDENCE = [
  ['A written procedure, approved and dated', '承認日の入った手順書'],
  [
    'Screenshots of the tool configuration in a customer account',
    '顧客アカウントでのツール設定のスクリーンショット',
  ],
  [
    'Records of the last two reviews, with findings and actions',
    '直近2回分の見直しの記録（指摘事項と対応を含む）',
  ],
  [
    'A sample report sent to a customer in the last six months',
    '過去6か月以内に顧客へ送ったレポートの例',
  ],
  ['Tickets showing the process followed end to end', '手順どおりに対応したことがわかるチケット'],
] as const;
const TAGS = ['security', 'operations', 'billing', 'monitoring', 'backup', 'iam', 'compliance'];
const SECTION_COUNT = 10;

const titleCase = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function sentence(r: Random): [string, string] {
  const [se, sj] = r.pick(SUBJECTS);
  const [ve, vj] = r.pick(VERBS);
  const [qe, qj] = r.pick(QUALIFIERS);
  return [`The partner ${ve} ${se} ${qe}.`, `パートナーは、${sj}を${qj}${vj}。`];
}

function text(r: Random, sentences: number): { en: string; ja: string } {
  const parts = Array.from({ length: sentences }, () => sentence(r));
  return { en: parts.map((p) => p[0]).join(' '), ja: parts.map((p) => p[1]).join('') };
}

function newItem(r: Random, id: string, section: string): Item {
  const [se, sj] = r.pick(SUBJECTS);
  const [qe, qj] = r.pick(QUALIFIERS);
  const evidence = Array.from({ length: r.int(0, 3) }, (_, i) => {
    const [en, ja] = r.pick(EVIDENCE);
    return { key: `evidence-${i + 1}`, en, ja };
  });
  return {
    id,
    kind: 'control',
    section,
    level: 'unstated',
    title: { en: titleCase(`${se} ${qe}`), ja: `${sj}（${qj}）` },
    requirement: text(r, r.int(2, 3)),
    evidence,
    tags: [...new Set([r.pick(TAGS), r.pick(TAGS)])],
    aliases: { en: [], ja: [] },
    replaces: [],
    provenance: {
      sources: ['bench-source'],
      confidence: 'P',
      basis: 'stated',
      coverage: 'topic',
      note: {
        en: 'Synthetic item generated for the benchmark; it states no real requirement.',
        ja: 'ベンチマーク用に生成した架空の項目で、実際の要件ではありません。',
      },
    },
  };
}

function meta(index: number, previous: string | undefined): VersionMeta {
  const id = `1.${index}`;
  return {
    id,
    auditsFrom: `${2020 + index}-01-01`,
    ...(previous ? { supersedes: previous } : {}),
    summary: {
      en: `Synthetic version ${id} of a benchmark checklist.`,
      ja: `ベンチマーク用チェックリストの架空のバージョン${id}です。`,
    },
    sources: [
      {
        id: 'bench-source',
        title: { en: 'Benchmark generator', ja: 'ベンチマーク生成スクリプト' },
        publisher: 'MSP Checklist Explorer',
        lang: 'en',
      },
    ],
    sections: Array.from({ length: SECTION_COUNT }, (_, i) => ({
      id: `${i + 1}.0`,
      title: { en: `Section ${i + 1}`, ja: `セクション${i + 1}` },
      confidence: 'P' as const,
    })),
  };
}

function note(item: string, en: string, ja: string): ChangeNote {
  return {
    item,
    labels: ['clarified'],
    summary: { en, ja },
    reason: { en: 'Synthetic change for the benchmark.', ja: 'ベンチマーク用の架空の変更です。' },
    sources: ['bench-source'],
  };
}

/**
 * The next version of a list of items, and the notes for its substantive changes. Of every 100
 * items about 8 are reworded, 2 gain evidence, 1 is renumbered, 2 change only in punctuation,
 * 1 is removed, and 1 new item is added per 100.
 */
function evolve(r: Random, items: Item[], nextNumber: Map<string, number>) {
  const notes: ChangeNote[] = [];
  const next: Item[] = items.flatMap((old) => {
    const roll = r.next();
    if (roll >= 0.13 && roll < 0.14) {
      notes.push(note(old.id, 'The control is removed.', 'このコントロールは削除されました。'));
      return [];
    }
    const item: Item = { ...old, replaces: [] };
    if (roll < 0.08) {
      const [en, ja] = sentence(r);
      item.requirement = { en: `${old.requirement.en} ${en}`, ja: `${old.requirement.ja}${ja}` };
      notes.push(note(item.id, 'The requirement gains a sentence.', '要件に1文が加わりました。'));
    } else if (roll < 0.1) {
      const [en, ja] = r.pick(EVIDENCE);
      item.evidence = [...old.evidence, { key: `evidence-${old.evidence.length + 1}`, en, ja }];
      notes.push(
        note(item.id, 'One more piece of evidence.', '求められるエビデンスが1つ増えました。'),
      );
    } else if (roll < 0.11) {
      const group = old.id.split('.').slice(0, 2).join('.');
      const n = nextNumber.get(group)!;
      nextNumber.set(group, n + 1);
      item.id = `${group}.${n}`;
      item.replaces = [old.id];
      notes.push(note(item.id, `Renumbered from ${old.id}.`, `${old.id}から番号が変わりました。`));
    } else if (roll < 0.13) {
      item.requirement = {
        en: old.requirement.en.replace(/\.$/, ''),
        ja: old.requirement.ja.replace(/。$/, ''),
      };
    }
    return [item];
  });
  const added = Math.max(1, Math.round(items.length / 100));
  for (let i = 0; i < added; i++) {
    const group = r.pick([...nextNumber.keys()]);
    const n = nextNumber.get(group)!;
    nextNumber.set(group, n + 1);
    const id = `${group}.${n}`;
    next.push(newItem(r, id, `${group.split('.')[0]}.0`));
    notes.push(note(id, 'A new control.', '新しいコントロールです。'));
  }
  return { items: next, notes };
}

/** The content folder's files (paths relative to it), ready to write or to compile. */
export function generateBenchContent({
  items,
  versions,
  seed = 42,
}: BenchContentOptions): RawFile[] {
  const r = random(seed);
  const nextNumber = new Map<string, number>();
  let current: Item[] = [];
  for (let i = 0; i < items; i++) {
    // Items spread over the sections, twelve to a group: 1.1.1 … 1.1.12, 1.2.1 …
    const section = (i % SECTION_COUNT) + 1;
    const k = Math.floor(i / SECTION_COUNT);
    const group = `${section}.${Math.floor(k / 12) + 1}`;
    const id = `${group}.${(k % 12) + 1}`;
    nextNumber.set(group, Math.max(nextNumber.get(group) ?? 1, (k % 12) + 2));
    current.push(newItem(r, id, `${section}.0`));
  }
  const files: RawFile[] = [];
  const yaml = (value: unknown) => stringify(value, { lineWidth: 0 });
  let previous: string | undefined;
  for (let v = 0; v < versions; v++) {
    const m = meta(v, previous);
    if (previous) {
      const evolved = evolve(r, current, nextNumber);
      current = evolved.items;
      const notes: ChangeNotes = {
        from: previous,
        to: m.id,
        overview: {
          en: `Synthetic changes from ${previous} to ${m.id}.`,
          ja: `${previous}から${m.id}への架空の変更です。`,
        },
        notes: evolved.notes,
      };
      files.push({ path: `changes/${previous}...${m.id}.yaml`, text: yaml(notes) });
    }
    files.push({ path: `versions/${m.id}/version.yaml`, text: yaml(m) });
    for (const item of current) {
      files.push({ path: `versions/${m.id}/items/${item.id}.yaml`, text: yaml(item) });
    }
    previous = m.id;
  }
  return files;
}

/** Writes generated files into a folder (which should be empty). */
export async function writeBenchContent(dir: string, files: RawFile[]): Promise<void> {
  for (const f of files) {
    const path = join(dir, f.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, f.text);
  }
}

/**
 * An author's edit between two builds: the requirement of one item of the latest version, one
 * that has a change note (so the notes still cover every change), gains a sentence in both
 * languages. Returns the changed file. Edits of another number (`edit`) add another sentence
 * to the same item, so a series of them changes the file each time.
 */
export function rewordOneItem(files: RawFile[], edit = 0): RawFile {
  const notesFile = files.filter((f) => f.path.startsWith('changes/')).at(-1);
  if (!notesFile) throw new Error('the content has one version only: no item to reword');
  const notes = parse(notesFile.text) as ChangeNotes;
  const file = notes.notes
    .map((n) => files.find((f) => f.path === `versions/${notes.to}/items/${n.item}.yaml`))
    .find((f) => f !== undefined);
  if (!file) throw new Error(`no item of ${notes.to} has a change note`);
  const item = parse(file.text) as Item;
  const [en, ja] = sentence(random(7 + edit));
  item.requirement = { en: `${item.requirement.en} ${en}`, ja: `${item.requirement.ja}${ja}` };
  return { path: file.path, text: stringify(item, { lineWidth: 0 }) };
}
