/**
 * The per-version file the self-check fetches on demand (`/data/self-check/<version>.json`):
 * the items a reader answers, with their evidence keys and content hashes, and how to carry
 * answers over from the previous version.
 */
import type { LevelValue } from '../levels.ts';
import type { CarryPlan } from './carry.ts';
import type { KnownItems } from './validate.ts';

/** A text in every site language. */
export interface Texts {
  en: string;
  ja: string;
}

/** A run of a word diff: `=` kept, `-` removed, `+` added. */
export type DiffRun = ['=' | '-' | '+', string];

/** One changed field of an item, for the re-review queue. */
export interface FieldChangeData {
  field: 'title' | 'requirement' | 'level' | 'evidence' | 'tags';
  key?: string;
  change: 'added' | 'removed' | 'reworded';
  editorial: boolean;
  diff: { en: DiffRun[]; ja: DiffRun[] };
}

/** How an item changed from the previous version, with its curated note. */
export interface ChangeData {
  kind: string;
  labels: string[];
  summary?: Texts;
  reason?: Texts;
  fields: FieldChangeData[];
}

export interface ItemData {
  id: string;
  section: string;
  kind: 'control' | 'rule';
  /** Requirement level (`unstated` when the content does not say). */
  level: LevelValue;
  title: Texts;
  evidence: ({ key: string } & Texts)[];
  hash: string;
}

export interface SelfCheckData {
  version: string;
  /** Every version, oldest first. */
  versions: string[];
  latest: string;
  sections: { id: string; title?: Texts; part?: string }[];
  /** Parts above the sections, when the version has them. */
  parts?: { id: string; title: Texts }[];
  /** The workbook the version was imported from: its site path and its file name. */
  workbook?: { path: string; name: string };
  items: ItemData[];
  /** Carry-over from the previous version, when there is one. */
  carry?: CarryPlan & {
    /** Changes by item id of this version, for every item that is not unchanged. */
    changes: Record<string, ChangeData>;
  };
}

/** Site path of a version's self-check file. */
export const selfCheckDataPath = (version: string) => `/data/self-check/${version}.json`;

/** Fetches a version's self-check file from under the site's base path. */
export async function fetchSelfCheckData(base: string, version: string): Promise<SelfCheckData> {
  const url = `${base.replace(/\/$/, '')}${selfCheckDataPath(version)}`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as SelfCheckData;
}

/** Fetches every version's file. */
export async function fetchAllSelfCheckData(
  base: string,
  any: SelfCheckData,
): Promise<SelfCheckData[]> {
  return Promise.all(
    any.versions.map((v) => (v === any.version ? any : fetchSelfCheckData(base, v))),
  );
}

/** Item ids and evidence keys of every version, for validating imports. */
export function knownItems(all: SelfCheckData[]): KnownItems {
  const known: KnownItems = {};
  for (const d of all) {
    known[d.version] = Object.fromEntries(d.items.map((i) => [i.id, i.evidence.map((e) => e.key)]));
  }
  return known;
}
