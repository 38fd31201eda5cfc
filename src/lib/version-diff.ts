/**
 * The structured diff between two checklist versions: which items were added, removed,
 * modified, renumbered, split or merged, and field by field what changed in each language.
 */
import { CHANGE_KINDS, type ChangeKind } from './change-kinds.ts';
import { ContentError } from './content-error.ts';
import { levelLabel } from './i18n.ts';
import { compareItemIds } from './ids.ts';
import type { ChangeNote, ChangeNotes, Checklist, Evidence, Item, Lang } from './model.ts';
import { LANGS } from './model.ts';
import { sideText } from './diff-parts.ts';
import { diffText, isEditorialOnly, type DiffPart } from './text-diff.ts';

export { CHANGE_KINDS, type ChangeKind };

/** A diff of one text in every language. */
export type LocalizedDiff = Record<Lang, DiffPart[]>;

/** A change to one field of an item. */
export interface FieldChange {
  /** `title`, `requirement`, `level`, `evidence` (one entry, by key) or `tags`. */
  field: 'title' | 'requirement' | 'level' | 'evidence' | 'tags';
  /** The evidence key, for `evidence`. */
  key?: string;
  /** For evidence entries: new, dropped or reworded. Other fields are always `reworded`. */
  change: 'added' | 'removed' | 'reworded';
  /** Word diff per language (for tags: the tag list as text). */
  diff: LocalizedDiff;
  /** True when only case, punctuation, whitespace or quote style changed, in every language. */
  editorial: boolean;
  /** For an evidence entry the newer version has: whether it is accepted, not required. */
  accepted?: boolean;
}

/** What happened to one item between two versions. */
export interface ItemDiff {
  kind: ChangeKind;
  /** Id in the newer version (or in the older one, for a removed item). */
  id: string;
  /** Ids in the older version this item continues (empty when added). */
  fromIds: string[];
  /** Ids in the newer version (empty when removed). */
  toIds: string[];
  /** Section in the newer version (older, when removed). */
  section: string;
  /** The item in the older version (the first, for a merge). */
  before?: Item;
  /** The item in the newer version (the first, for a split). */
  after?: Item;
  /** Field changes, in reading order. */
  fields: FieldChange[];
  /** True for structural changes and any non-editorial field change. */
  substantive: boolean;
  /** The curated note on this change, when the pair has one. */
  note?: ChangeNote;
}

/** The diff between two versions. */
export interface VersionDiff {
  from: string;
  to: string;
  /** Every item of both versions, in the newer version's reading order, removed items last. */
  items: ItemDiff[];
  /** How many items of each kind. */
  counts: Record<ChangeKind, number>;
}

export interface DiffOptions {
  /** Treat case, punctuation, whitespace and quote style as equal. */
  ignoreEditorial?: boolean;
}

function localizedDiff(
  before: Record<Lang, string>,
  after: Record<Lang, string>,
  opts: DiffOptions,
): LocalizedDiff {
  const out = {} as LocalizedDiff;
  for (const lang of LANGS) out[lang] = diffText(before[lang], after[lang], lang, opts);
  return out;
}

function editorialOnly(before: Record<Lang, string>, after: Record<Lang, string>): boolean {
  return LANGS.every((lang) => isEditorialOnly(before[lang], after[lang], lang));
}

const EMPTY = { en: '', ja: '' };

const isAccepted = (e: Evidence) => e.accepted === true;

/** Field-level changes from one item to another (either may be a merge of several). */
export function diffItems(a: Item, b: Item, opts: DiffOptions = {}): FieldChange[] {
  const fields: FieldChange[] = [];
  const text = (field: 'title' | 'requirement') => {
    if (LANGS.every((l) => a[field][l] === b[field][l])) return;
    const editorial = editorialOnly(a[field], b[field]);
    if (editorial && opts.ignoreEditorial) return;
    fields.push({
      field,
      change: 'reworded',
      diff: localizedDiff(a[field], b[field], opts),
      editorial,
    });
  };
  text('title');
  text('requirement');
  if (a.level !== b.level) {
    // A change of level (recommended → mandatory) changes what an audit demands: substantive.
    const label = (item: Item) => ({
      en: levelLabel('en', item.level),
      ja: levelLabel('ja', item.level),
    });
    fields.push({
      field: 'level',
      change: 'reworded',
      diff: localizedDiff(label(a), label(b), opts),
      editorial: false,
    });
  }

  const beforeEv = new Map(a.evidence.map((e) => [e.key, e]));
  const afterKeys = new Set(b.evidence.map((e) => e.key));
  for (const ev of b.evidence) {
    const old = beforeEv.get(ev.key);
    if (!old) {
      fields.push({
        field: 'evidence',
        key: ev.key,
        change: 'added',
        diff: localizedDiff(EMPTY, ev, opts),
        editorial: false,
        accepted: isAccepted(ev),
      });
    } else if (LANGS.some((l) => old[l] !== ev[l]) || isAccepted(old) !== isAccepted(ev)) {
      // Required evidence that becomes only accepted (or the reverse) changes what an audit asks.
      const editorial = isAccepted(old) === isAccepted(ev) && editorialOnly(old, ev);
      if (editorial && opts.ignoreEditorial) continue;
      fields.push({
        field: 'evidence',
        key: ev.key,
        change: 'reworded',
        diff: localizedDiff(old, ev, opts),
        editorial,
        accepted: isAccepted(ev),
      });
    }
  }
  for (const ev of a.evidence) {
    if (afterKeys.has(ev.key)) continue;
    fields.push({
      field: 'evidence',
      key: ev.key,
      change: 'removed',
      diff: localizedDiff(ev, EMPTY, opts),
      editorial: false,
    });
  }

  const tags = tagDiff(a.tags, b.tags);
  if (tags.some((p) => p.op !== '=')) {
    // Tags are this site's own metadata, not checklist text: never a substantive change.
    fields.push({
      field: 'tags',
      change: 'reworded',
      diff: { en: tags, ja: tags },
      editorial: true,
    });
  }
  return fields;
}

/**
 * Two tag lists compared as sets: every tag of either, in sorted order, as one part (kept,
 * removed or added) with a space between parts. Tags are slugs (`managed-solution`), so a word
 * diff would split them at hyphens.
 */
function tagDiff(before: readonly string[], after: readonly string[]): DiffPart[] {
  const a = new Set(before);
  const b = new Set(after);
  const parts: DiffPart[] = [];
  for (const tag of [...new Set([...a, ...b])].sort()) {
    if (parts.length > 0) parts.push({ op: '=', text: ' ' });
    parts.push({ op: a.has(tag) ? (b.has(tag) ? '=' : '-') : '+', text: tag });
  }
  return parts;
}

/** Several items read as one, for comparing a merge or a split against its counterpart. */
function combine(items: Item[]): Item {
  const first = items[0]!;
  if (items.length === 1) return first;
  const join = (f: 'title' | 'requirement') => ({
    en: items.map((i) => i[f].en).join(' / '),
    ja: items.map((i) => i[f].ja).join(' / '),
  });
  const seen = new Set<string>();
  return {
    ...first,
    title: join('title'),
    requirement: join('requirement'),
    evidence: items.flatMap((i) => i.evidence).filter((e) => !seen.has(e.key) && seen.add(e.key)),
    tags: [...new Set(items.flatMap((i) => i.tags))],
  };
}

/**
 * Computes the structured diff from one version to another (any two, not only neighbours).
 * Identity follows the newer items' `replaces` field, then equal ids.
 */
export function computeVersionDiff(
  from: Checklist,
  to: Checklist,
  opts: DiffOptions & { notes?: ChangeNotes | undefined } = {},
): VersionDiff {
  const oldById = new Map(from.items.map((i) => [i.id, i]));
  const links = new Map<string, string[]>(); // new id → old ids
  const claimedBy = new Map<string, string[]>(); // old id → new ids
  for (const item of to.items) {
    const sources =
      item.replaces.length > 0 ? item.replaces : oldById.has(item.id) ? [item.id] : [];
    const known = sources.filter((id) => oldById.has(id));
    links.set(item.id, known);
    for (const id of known) claimedBy.set(id, [...(claimedBy.get(id) ?? []), item.id]);
  }

  const notes = new Map(opts.notes?.notes.map((n) => [n.item, n]));
  const result: ItemDiff[] = [];
  for (const item of to.items) {
    const fromIds = links.get(item.id)!;
    const before = fromIds.map((id) => oldById.get(id)!);
    let kind: ChangeKind;
    if (fromIds.length === 0) kind = 'added';
    else if (fromIds.length > 1) kind = 'merged';
    else if (claimedBy.get(fromIds[0]!)!.length > 1) kind = 'split';
    else if (fromIds[0] !== item.id) kind = 'renumbered';
    else kind = 'modified';
    const fields = before.length > 0 ? diffItems(combine(before), item, opts) : [];
    if (kind === 'modified' && fields.length === 0) kind = 'unchanged';
    const toIds = kind === 'split' ? claimedBy.get(fromIds[0]!)! : [item.id];
    const substantive =
      kind !== 'unchanged' && (kind !== 'modified' || fields.some((f) => !f.editorial));
    const note = notes.get(item.id);
    result.push({
      kind,
      id: item.id,
      fromIds,
      toIds,
      section: item.section,
      ...(before[0] ? { before: before[0] } : {}),
      after: item,
      fields,
      substantive,
      ...(note ? { note } : {}),
    });
  }
  const removed = from.items
    .filter((i) => !claimedBy.has(i.id))
    .sort((a, b) => compareItemIds(a.id, b.id));
  for (const item of removed) {
    const note = notes.get(item.id);
    result.push({
      kind: 'removed',
      id: item.id,
      fromIds: [item.id],
      toIds: [],
      section: item.section,
      before: item,
      fields: [],
      substantive: true,
      ...(note ? { note } : {}),
    });
  }
  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const d of result) counts[d.kind]++;
  return { from: from.meta.id, to: to.meta.id, items: result, counts };
}

/**
 * Checks curated notes against the computed diff: a note on an item that did not change, a
 * substantive change without a note, and a text that changed in one language but not the
 * other are content errors.
 */
export function checkNotesAgainstDiff(
  diff: VersionDiff,
  notes: ChangeNotes | undefined,
  file: string,
): ContentError[] {
  const errors: ContentError[] = [];
  const byId = new Map(diff.items.map((d) => [d.id, d]));
  notes?.notes.forEach((note, i) => {
    const d = byId.get(note.item);
    if (d && d.kind === 'unchanged') {
      errors.push(
        new ContentError(
          file,
          note.item,
          `notes[${i}]`,
          `note on an item that did not change from ${diff.from} to ${diff.to}`,
        ),
      );
    }
  });
  for (const d of diff.items) {
    if (d.substantive && !d.note) {
      errors.push(
        new ContentError(
          file,
          d.id,
          undefined,
          `${d.kind} from ${diff.from} to ${diff.to} (${describeFields(d)}) but no change note`,
        ),
      );
    }
    for (const f of d.fields) {
      if (f.editorial || f.change !== 'reworded') continue;
      // A language with no text on either side is one the edition is not written in.
      const written = LANGS.filter((l) => f.diff[l].length > 0);
      const changed = written.filter(
        (l) => !isEditorialOnly(sideText(f.diff[l], 'before'), sideText(f.diff[l], 'after'), l),
      );
      if (changed.length !== written.length) {
        errors.push(
          new ContentError(
            file,
            d.id,
            f.key ? `evidence.${f.key}` : f.field,
            `changed in ${changed.join(', ')} only from ${diff.from} to ${diff.to}: update every language`,
          ),
        );
      }
    }
  }
  return errors;
}

function describeFields(d: ItemDiff): string {
  if (d.fields.length === 0) return 'structure';
  return d.fields.map((f) => (f.key ? `evidence ${f.key} ${f.change}` : f.field)).join(', ');
}

/** An evidence entry that a partner must now handle differently. */
export interface EvidenceChange {
  item: string;
  key: string;
  /** `accepted`: a new entry that the newer version accepts without requiring it. */
  change: 'added' | 'accepted' | 'removed' | 'reworded';
  field: FieldChange;
}

/** The kind of evidence change a field is, as the to-do list and the change cards name it. */
export function evidenceChangeKind(f: FieldChange): EvidenceChange['change'] {
  return f.change === 'added' && f.accepted ? 'accepted' : f.change;
}

/**
 * The evidence to-do list of a diff: entries now required, now accepted, no longer required and
 * changed, each in the diff's item order. Editorial-only rewording is left out.
 */
export function evidenceChanges(
  diff: VersionDiff,
): Record<EvidenceChange['change'], EvidenceChange[]> {
  const out: Record<EvidenceChange['change'], EvidenceChange[]> = {
    added: [],
    accepted: [],
    removed: [],
    reworded: [],
  };
  for (const d of diff.items) {
    for (const f of d.fields) {
      if (f.field !== 'evidence' || f.editorial) continue;
      const change = evidenceChangeKind(f);
      out[change].push({ item: d.id, key: f.key!, change, field: f });
    }
  }
  return out;
}
