/**
 * The per-version file the self-check fetches on demand (`/data/self-check/<version>.json`):
 * the items a reader answers, with their evidence keys and content hashes, and how to carry
 * answers over from the previous version.
 */
import type { ChangeKind, ChangeLabel } from '../change-kinds.ts';
import type { LevelValue } from '../levels.ts';
import type { ChangeNote, Item, Lang, LocalizedText, Section } from '../model.ts';
import type { DiffPart } from '../text-diff.ts';
import type { FieldChange } from '../version-diff.ts';
import type { CarryPlan } from './carry.ts';
import type { KnownItems } from './validate.ts';

/** A run of a word diff, as a pair: `=` kept, `-` removed, `+` added. */
export type DiffRun = [DiffPart['op'], DiffPart['text']];

/** One changed field of an item, for the re-review queue. */
export type FieldChangeData = Pick<FieldChange, 'field' | 'key' | 'change' | 'editorial'> & {
  diff: Record<Lang, DiffRun[]>;
};

/** How an item changed from the previous version, with its curated note. */
export interface ChangeData extends Partial<Pick<ChangeNote, 'summary' | 'reason'>> {
  kind: ChangeKind;
  labels: ChangeLabel[];
  fields: FieldChangeData[];
}

/** An item as the self-check needs it: what it is called, its level, its evidence and its content hash. */
export type ItemData = Pick<Item, 'id' | 'section' | 'kind' | 'title' | 'evidence'> & {
  /** Requirement level (`unstated` when the content does not say). */
  level: LevelValue;
  hash: string;
};

export interface SelfCheckData {
  version: string;
  /** Every version, oldest first. */
  versions: string[];
  latest: string;
  sections: Pick<Section, 'id' | 'title' | 'part'>[];
  /** Parts above the sections, when the version has them. */
  parts?: { id: string; title: LocalizedText }[];
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
