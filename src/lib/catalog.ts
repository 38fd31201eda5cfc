/**
 * The whole site's data, assembled once from the validated content: versions, the latest one,
 * diffs between every pair of versions, and each item's change history.
 */
import { ContentError, ContentErrors } from './content-error.ts';
import { pairKey, splitPairKey } from './ids.ts';
import type { ContentBundle } from './load.ts';
import type { ChangeNotes, Checklist, Item, Lang, Part, SectionWithItems } from './model.ts';
import {
  checkNotesAgainstDiff,
  computeVersionDiff,
  type ItemDiff,
  type VersionDiff,
} from './version-diff.ts';

/** One step in an item's history: the pair of neighbouring versions and what happened. */
export interface HistoryEntry {
  diff: VersionDiff;
  change: ItemDiff;
}

export interface Catalog {
  /** Languages the edition is written in, English first: pages exist in these only. */
  languages: Lang[];
  /** Versions, oldest first. */
  versions: Checklist[];
  /** The newest version. */
  latest: Checklist;
  /** Curated notes by pair key `from...to`. */
  notes: Map<string, ChangeNotes>;
  /** The version with this id; throws when absent. */
  version(id: string): Checklist;
  /** The diff between two versions (cached; notes attached when the pair has them). */
  diff(from: string, to: string): VersionDiff;
  /**
   * The same diff with editorial differences (case, punctuation, whitespace, quote style)
   * ignored, as the compare page shows it on request (cached; notes attached).
   */
  editorialBlindDiff(from: string, to: string): VersionDiff;
  /** Every ordered pair of versions (older → newer), neighbours first. */
  pairs(): [string, string][];
  /** Changes to an item across neighbouring versions, following renumbering, oldest first. */
  history(version: string, id: string): HistoryEntry[];
}

/** Sections of a version with their items, in reading order. */
export function sectionsOf(checklist: Checklist): SectionWithItems[] {
  return checklist.meta.sections.map((s) => ({
    ...s,
    items: checklist.items.filter((i) => i.section === s.id),
  }));
}

/** A part of a version with its sections; `part` is absent for a version without parts. */
export interface PartWithSections {
  part?: Part;
  sections: SectionWithItems[];
}

/** Parts of a version with their sections and items, in reading order. */
export function partsOf(checklist: Checklist): PartWithSections[] {
  const sections = sectionsOf(checklist);
  const parts = checklist.meta.parts ?? [];
  if (parts.length === 0) return [{ sections }];
  return parts.map((part) => ({
    part,
    sections: sections.filter((s) => s.part === part.id),
  }));
}

/** The item with this id in a version, if any. */
export function findItem(checklist: Checklist, id: string): Item | undefined {
  return checklist.items.find((i) => i.id === id);
}

/**
 * Builds the catalog and checks every neighbouring pair's curated notes against its computed
 * diff; throws `ContentErrors` when they disagree.
 */
export function buildCatalog(bundle: ContentBundle): Catalog {
  const versions = bundle.versions;
  if (versions.length === 0) {
    throw new ContentErrors([
      new ContentError('versions/', undefined, undefined, 'no version found'),
    ]);
  }
  const byId = new Map(versions.map((v) => [v.meta.id, v]));
  const notes = new Map(bundle.notes.map((n) => [pairKey(n.from, n.to), n]));
  const strictDiffs = new Map<string, VersionDiff>();
  const blindDiffs = new Map<string, VersionDiff>();

  const version = (id: string) => {
    const v = byId.get(id);
    if (!v) throw new Error(`unknown version ${id}`);
    return v;
  };
  const cachedDiff = (from: string, to: string, ignoreEditorial: boolean) => {
    const cache = ignoreEditorial ? blindDiffs : strictDiffs;
    const key = pairKey(from, to);
    let d = cache.get(key);
    if (!d) {
      d = computeVersionDiff(version(from), version(to), {
        notes: notes.get(key),
        ignoreEditorial,
      });
      cache.set(key, d);
    }
    return d;
  };
  const diff = (from: string, to: string) => cachedDiff(from, to, false);
  const editorialBlindDiff = (from: string, to: string) => cachedDiff(from, to, true);

  const errors: ContentError[] = [];
  for (let i = 1; i < versions.length; i++) {
    const from = versions[i - 1]!.meta.id;
    const to = versions[i]!.meta.id;
    errors.push(
      ...checkNotesAgainstDiff(
        diff(from, to),
        notes.get(pairKey(from, to)),
        `changes/${pairKey(from, to)}.yaml`,
      ),
    );
  }
  for (const key of notes.keys()) {
    const [from, to] = splitPairKey(key)!;
    const i = versions.findIndex((v) => v.meta.id === from);
    if (versions[i + 1]?.meta.id !== to) {
      errors.push(
        new ContentError(
          `changes/${key}.yaml`,
          undefined,
          undefined,
          `notes are for neighbouring versions only; ${to} does not directly follow ${from}`,
        ),
      );
    }
  }
  if (errors.length > 0) throw new ContentErrors(errors);

  const pairs = (): [string, string][] => {
    const out: [string, string][] = [];
    for (let gap = 1; gap < versions.length; gap++) {
      for (let i = 0; i + gap < versions.length; i++) {
        out.push([versions[i]!.meta.id, versions[i + gap]!.meta.id]);
      }
    }
    return out;
  };

  // The changes of each diff by id and by the older ids they continue, so that an item's
  // history is found without scanning every change of every pair (once per item page).
  const lookups = new Map<VersionDiff, (key: 'id' | 'from', ids: string[]) => ItemDiff[]>();
  const lookup = (d: VersionDiff) => {
    let find = lookups.get(d);
    if (!find) {
      const byId = new Map<string, number[]>();
      const byFrom = new Map<string, number[]>();
      const add = (map: Map<string, number[]>, key: string, at: number) =>
        map.set(key, [...(map.get(key) ?? []), at]);
      d.items.forEach((c, at) => {
        if (c.kind !== 'removed') add(byId, c.id, at);
        for (const f of c.fromIds) add(byFrom, f, at);
      });
      find = (key, ids) => {
        const at = new Set(ids.flatMap((id) => (key === 'id' ? byId : byFrom).get(id) ?? []));
        return [...at].sort((a, b) => a - b).map((i) => d.items[i]!);
      };
      lookups.set(d, find);
    }
    return find;
  };

  const history = (versionId: string, id: string): HistoryEntry[] => {
    const at = versions.findIndex((v) => v.meta.id === versionId);
    if (at < 0) throw new Error(`unknown version ${versionId}`);
    const back: HistoryEntry[] = [];
    let ids = [id];
    for (let i = at; i > 0; i--) {
      const d = diff(versions[i - 1]!.meta.id, versions[i]!.meta.id);
      const changes = lookup(d)('id', ids);
      for (const c of changes) if (c.kind !== 'unchanged') back.unshift({ diff: d, change: c });
      ids = [...new Set(changes.flatMap((c) => c.fromIds))];
      if (ids.length === 0) break;
    }
    const forward: HistoryEntry[] = [];
    ids = [id];
    for (let i = at + 1; i < versions.length; i++) {
      const d = diff(versions[i - 1]!.meta.id, versions[i]!.meta.id);
      const changes = lookup(d)('from', ids);
      for (const c of changes) if (c.kind !== 'unchanged') forward.push({ diff: d, change: c });
      ids = [...new Set(changes.flatMap((c) => (c.kind === 'removed' ? [] : [c.id])))];
      if (ids.length === 0) break;
    }
    return [...back, ...forward];
  };

  return {
    languages: bundle.edition.languages,
    versions,
    latest: versions[versions.length - 1]!,
    notes,
    version,
    diff,
    editorialBlindDiff,
    pairs,
    history,
  };
}
