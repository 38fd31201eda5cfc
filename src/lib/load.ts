/**
 * Validation and compilation of the authored content folder into checklists and change notes.
 * `compileContent` is pure (files in, model out) so unit tests feed it in-memory files;
 * `readContentFiles` is the only part that touches the disk.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { ContentError, ContentErrors } from './content-error.ts';
import { compareItemIds, compareVersionIds, sectionOfControl } from './ids.ts';
import {
  CONTROL_ID,
  VERSION_ID,
  changeNotesSchema,
  itemSchema,
  versionMetaSchema,
  type ChangeNotes,
  type Checklist,
  type Item,
  type VersionMeta,
} from './model.ts';

/** An authored file: its path relative to the content folder (with `/`) and its text. */
export interface RawFile {
  path: string;
  text: string;
  /** The text already parsed by `parseContentYaml`, when known (kept from the last build). */
  parsed?: unknown;
}

/** Everything the content folder holds, validated. Versions are sorted oldest first. */
export interface ContentBundle {
  versions: Checklist[];
  notes: ChangeNotes[];
}

const VERSION_FILE = /^versions\/([^/]+)\/version\.ya?ml$/;
const ITEM_FILE = /^versions\/([^/]+)\/items\/([^/]+)\.ya?ml$/;
const NOTES_FILE = /^changes\/([^/]+)\.\.\.([^/]+)\.ya?ml$/;

/** Reads every YAML file under `dir` (recursively), sorted by path. */
export async function readContentFiles(dir: string): Promise<RawFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
  return Promise.all(
    paths.map(async (path) => ({ path, text: await readFile(join(dir, path), 'utf8') })),
  );
}

/** Parses the YAML text of a content file; throws `YAMLParseError`. */
export function parseContentYaml(text: string): unknown {
  return parseYaml(text, { prettyErrors: true });
}

/** Reads and compiles a content folder; throws `ContentErrors` listing every problem. */
export async function loadContent(dir: string): Promise<ContentBundle> {
  return compileContent(await readContentFiles(dir));
}

function fieldPath(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return 'is missing';
  }
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  return issue.message;
}

function parseFile<T>(
  file: RawFile,
  schema: z.ZodType<T>,
  errors: ContentError[],
  itemHint?: string,
): T | undefined {
  let raw: unknown;
  try {
    raw = 'parsed' in file ? file.parsed : parseContentYaml(file.text);
  } catch (e) {
    const detail = e instanceof YAMLParseError ? e.message.split('\n')[0] : String(e);
    errors.push(new ContentError(file.path, itemHint, undefined, `not valid YAML: ${detail}`));
    return undefined;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    errors.push(new ContentError(file.path, itemHint, undefined, 'must be a YAML mapping'));
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const id = (raw as Record<string, unknown>).id;
    const item = typeof id === 'string' ? id : itemHint;
    for (const issue of result.error.issues) {
      errors.push(new ContentError(file.path, item, fieldPath(issue.path), issueMessage(issue)));
    }
    return undefined;
  }
  return result.data;
}

interface ParsedItem {
  file: string;
  item: Item;
}

function checkItem(
  { file, item }: ParsedItem,
  meta: VersionMeta,
  fileId: string,
  errors: ContentError[],
): void {
  const fail = (field: string | undefined, problem: string) =>
    errors.push(new ContentError(file, item.id, field, problem));
  if (item.id !== fileId) fail('id', `must equal the file name ("${fileId}")`);
  const isControl = CONTROL_ID.test(item.id);
  if (isControl && item.kind !== 'control') fail('kind', 'a numbered item must be "control"');
  if (!isControl && item.kind !== 'rule') fail('kind', 'a slug item must be "rule"');
  if (!meta.sections.some((s) => s.id === item.section)) {
    fail('section', `unknown section "${item.section}" (not declared in version.yaml)`);
  } else if (isControl && sectionOfControl(item.id) !== item.section) {
    fail('section', `control ${item.id} belongs in section ${sectionOfControl(item.id)}`);
  }
  const keys = new Set<string>();
  item.evidence.forEach((ev, i) => {
    if (keys.has(ev.key)) fail(`evidence[${i}].key`, `duplicate evidence key "${ev.key}"`);
    keys.add(ev.key);
  });
  const sourceIds = new Set(meta.sources.map((s) => s.id));
  item.provenance.sources.forEach((s, i) => {
    if (!sourceIds.has(s)) fail(`provenance.sources[${i}]`, `unknown source "${s}"`);
  });
}

/** Validates and compiles in-memory content files; throws `ContentErrors` listing every problem. */
export function compileContent(files: RawFile[]): ContentBundle {
  const errors: ContentError[] = [];
  const metas = new Map<string, { file: string; meta: VersionMeta }>();
  const items = new Map<string, ParsedItem[]>();
  const notes: { file: string; notes: ChangeNotes }[] = [];
  // Item files seen per version, parsed or not, so a version whose items all failed to
  // parse is not also reported as empty.
  const itemFiles = new Map<string, number>();
  // Version folders with a version.yaml, valid or not, so its items are not also reported
  // as lacking one.
  const versionFiles = new Set<string>();

  for (const file of files) {
    let m: RegExpExecArray | null;
    if ((m = VERSION_FILE.exec(file.path))) {
      const folder = m[1]!;
      versionFiles.add(folder);
      const meta = parseFile(file, versionMetaSchema, errors, folder);
      if (!meta) continue;
      if (meta.id !== folder) {
        errors.push(
          new ContentError(file.path, meta.id, 'id', `must equal the folder name ("${folder}")`),
        );
        continue;
      }
      metas.set(meta.id, { file: file.path, meta });
    } else if ((m = ITEM_FILE.exec(file.path))) {
      const [, version, fileId] = m as unknown as [string, string, string];
      itemFiles.set(version, (itemFiles.get(version) ?? 0) + 1);
      const item = parseFile(file, itemSchema, errors, fileId);
      if (!item) continue;
      const list = items.get(version) ?? [];
      const clash = list.find((p) => p.item.id === item.id);
      if (clash) {
        errors.push(
          new ContentError(file.path, item.id, 'id', `duplicate id (also in ${clash.file})`),
        );
        continue;
      }
      list.push({ file: file.path, item });
      items.set(version, list);
    } else if ((m = NOTES_FILE.exec(file.path))) {
      const [, from, to] = m as unknown as [string, string, string];
      const parsed = parseFile(file, changeNotesSchema, errors, `${from}...${to}`);
      if (!parsed) continue;
      if (parsed.from !== from || parsed.to !== to) {
        errors.push(
          new ContentError(
            file.path,
            undefined,
            'from/to',
            `must match the file name ${from}...${to}`,
          ),
        );
        continue;
      }
      notes.push({ file: file.path, notes: parsed });
    } else {
      errors.push(
        new ContentError(
          file.path,
          undefined,
          undefined,
          'unexpected file: content holds versions/<v>/version.yaml, versions/<v>/items/<id>.yaml and changes/<from>...<to>.yaml',
        ),
      );
    }
  }

  for (const [version, list] of items) {
    if (!versionFiles.has(version)) {
      errors.push(
        new ContentError(
          list[0]!.file,
          undefined,
          undefined,
          `version ${version} has items but no versions/${version}/version.yaml`,
        ),
      );
    }
    if (!VERSION_ID.test(version)) {
      errors.push(
        new ContentError(list[0]!.file, undefined, undefined, `"${version}" is not a version id`),
      );
    }
  }

  const checklists: Checklist[] = [];
  for (const { file, meta } of metas.values()) {
    if (meta.supersedes && !metas.has(meta.supersedes)) {
      errors.push(
        new ContentError(
          file,
          meta.id,
          'supersedes',
          `version ${meta.supersedes} is not in the content`,
        ),
      );
    }
    const seen = new Set<string>();
    meta.sections.forEach((s, i) => {
      if (seen.has(s.id)) {
        errors.push(
          new ContentError(file, meta.id, `sections[${i}].id`, `duplicate section "${s.id}"`),
        );
      }
      seen.add(s.id);
    });
    const parsed = items.get(meta.id) ?? [];
    if (!itemFiles.get(meta.id)) {
      errors.push(new ContentError(file, meta.id, undefined, 'version has no items'));
    }
    for (const p of parsed) {
      checkItem(p, meta, /([^/]+)\.ya?ml$/.exec(p.file)![1]!, errors);
    }
    const sectionOrder = new Map(meta.sections.map((s, i) => [s.id, i]));
    const ordered = parsed
      .map((p) => p.item)
      .sort(
        (a, b) =>
          (sectionOrder.get(a.section) ?? 0) - (sectionOrder.get(b.section) ?? 0) ||
          compareItemIds(a.id, b.id),
      );
    checklists.push({ meta, items: ordered });
  }

  for (const { file, notes: n } of notes) {
    for (const v of [n.from, n.to]) {
      if (!metas.has(v))
        errors.push(
          new ContentError(file, undefined, 'from/to', `version ${v} is not in the content`),
        );
    }
    const to = metas.get(n.to);
    const toItems = new Set((items.get(n.to) ?? []).map((p) => p.item.id));
    // A removed item is noted under its id in the older version.
    const fromItems = new Set((items.get(n.from) ?? []).map((p) => p.item.id));
    const noted = new Set<string>();
    n.notes.forEach((note, i) => {
      if (noted.has(note.item)) {
        errors.push(
          new ContentError(file, note.item, `notes[${i}].item`, 'more than one note for this item'),
        );
      }
      noted.add(note.item);
      if (to && !toItems.has(note.item) && !fromItems.has(note.item)) {
        errors.push(
          new ContentError(
            file,
            note.item,
            `notes[${i}].item`,
            `no item ${note.item} in version ${n.to}`,
          ),
        );
      }
      const sourceIds = new Set(to?.meta.sources.map((s) => s.id));
      note.sources.forEach((s, j) => {
        if (to && !sourceIds.has(s)) {
          errors.push(
            new ContentError(file, note.item, `notes[${i}].sources[${j}]`, `unknown source "${s}"`),
          );
        }
      });
    });
  }

  if (errors.length > 0) throw new ContentErrors(errors);
  checklists.sort((a, b) => compareVersionIds(a.meta.id, b.meta.id));
  return { versions: checklists, notes: notes.map((n) => n.notes) };
}
