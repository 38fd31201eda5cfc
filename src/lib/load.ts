/**
 * Validation and compilation of the authored content folder into checklists and change notes.
 * `compileContent` is pure (files in, model out) so unit tests feed it in-memory files;
 * `readContentFiles` and `loadContent` (which also checks that kept workbooks exist) are the
 * only parts that touch the disk.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import jsYaml from 'js-yaml';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { aliasErrors } from './content-checks.ts';
import { ContentError, ContentErrors } from './content-error.ts';
import {
  CONTROL_ID,
  compareInReadingOrder,
  compareVersionIds,
  isControlId,
  pairKey,
  sectionOfControl,
} from './ids.ts';
import {
  EDITION_FILE,
  VERSION_ID,
  contentSchemas,
  editionSchema,
  type ChangeNotes,
  type Checklist,
  type Edition,
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
  edition: Edition;
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

/** A js-yaml type of plain scalars that match `test`. */
const plainScalar = (tag: string, test: RegExp, construct: (text: string) => unknown) =>
  new jsYaml.Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (text: string | null) => text !== null && test.test(text),
    construct,
  });

/**
 * Plain scalars as the `yaml` package's YAML 1.2 core schema reads them, with its patterns:
 * js-yaml's own numbers would also take `1_000` and `0b101`, which that schema keeps as text.
 */
const CORE_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    plainScalar('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    plainScalar('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => /^t/i.test(text)),
    plainScalar('int', /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (text) =>
      /^0[ox]/.test(text) ? parseInt(text.slice(2), text[1] === 'o' ? 8 : 16) : parseInt(text, 10),
    ),
    plainScalar(
      'float',
      /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      (text) => {
        if (/nan$/i.test(text)) return NaN;
        if (/inf$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
        return parseFloat(text);
      },
    ),
  ],
});

/**
 * Parses the YAML text of a content file, as the `yaml` package reads it (YAML 1.2, core
 * schema); throws `YAMLParseError`. js-yaml reads a large content folder ten times faster (a
 * tenth of a second for 1,300 files where `yaml` took 0.5–0.7 s); a text it refuses is read by
 * `yaml` again, which gives the error, with its line and column, or the value.
 */
export function parseContentYaml(text: string): unknown {
  try {
    return jsYaml.load(text, { schema: CORE_SCHEMA });
  } catch {
    return parseYaml(text, { prettyErrors: true });
  }
}

/** Reads and compiles a content folder (see `checkKeptWorkbooks`); throws `ContentErrors`. */
export async function loadContent(dir: string): Promise<ContentBundle> {
  const bundle = compileContent(await readContentFiles(dir));
  await checkKeptWorkbooks(dir, bundle);
  return bundle;
}

/**
 * Checks that every workbook a version keeps is in its folder; throws `ContentErrors` listing
 * every one that is missing.
 */
export async function checkKeptWorkbooks(dir: string, bundle: ContentBundle): Promise<void> {
  const errors: ContentError[] = [];
  for (const { meta } of bundle.versions) {
    if (!meta.workbook) continue;
    try {
      await access(join(dir, workbookPath(meta.id, meta.workbook)));
    } catch {
      errors.push(
        new ContentError(
          `versions/${meta.id}/version.yaml`,
          meta.id,
          'workbook',
          `no file ${workbookPath(meta.id, meta.workbook)} in the content folder`,
        ),
      );
    }
  }
  if (errors.length > 0) throw new ContentErrors(errors);
}

/** Path of a version's kept workbook inside the content folder. */
export const workbookPath = (version: string, file: string) => `versions/${version}/${file}`;

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

type Schemas = ReturnType<typeof contentSchemas>;

/** The content files sorted by what they are; anything else is an error. */
interface ContentFiles {
  edition?: RawFile;
  versions: { file: RawFile; folder: string }[];
  items: { file: RawFile; version: string; fileId: string }[];
  notes: { file: RawFile; from: string; to: string }[];
}

function sortFiles(files: RawFile[], errors: ContentError[]): ContentFiles {
  const sorted: ContentFiles = { versions: [], items: [], notes: [] };
  for (const file of files) {
    let m: RegExpExecArray | null;
    if (file.path === EDITION_FILE) sorted.edition = file;
    else if ((m = VERSION_FILE.exec(file.path))) sorted.versions.push({ file, folder: m[1]! });
    else if ((m = ITEM_FILE.exec(file.path))) {
      sorted.items.push({ file, version: m[1]!, fileId: m[2]! });
    } else if ((m = NOTES_FILE.exec(file.path))) {
      sorted.notes.push({ file, from: m[1]!, to: m[2]! });
    } else {
      errors.push(
        new ContentError(
          file.path,
          undefined,
          undefined,
          `unexpected file: content holds ${EDITION_FILE}, versions/<v>/version.yaml, versions/<v>/items/<id>.yaml and changes/<from>...<to>.yaml`,
        ),
      );
    }
  }
  return sorted;
}

/** The edition file, or every site language when there is none (or it is not valid). */
function readEdition(file: RawFile | undefined, errors: ContentError[]): Edition {
  const fallback = editionSchema.parse({});
  if (!file) return fallback;
  return parseFile(file, editionSchema, errors) ?? fallback;
}

function parseVersions(
  list: ContentFiles['versions'],
  schemas: Schemas,
  errors: ContentError[],
): Map<string, { file: string; meta: VersionMeta }> {
  const metas = new Map<string, { file: string; meta: VersionMeta }>();
  for (const { file, folder } of list) {
    const meta = parseFile(file, schemas.versionMeta, errors, folder);
    if (!meta) continue;
    if (meta.id !== folder) {
      errors.push(
        new ContentError(file.path, meta.id, 'id', `must equal the folder name ("${folder}")`),
      );
      continue;
    }
    metas.set(meta.id, { file: file.path, meta });
  }
  return metas;
}

function parseItems(
  list: ContentFiles['items'],
  schemas: Schemas,
  errors: ContentError[],
): Map<string, ParsedItem[]> {
  const items = new Map<string, ParsedItem[]>();
  for (const { file, version, fileId } of list) {
    const item = parseFile(file, schemas.item, errors, fileId);
    if (!item) continue;
    const parsed = items.get(version) ?? [];
    const clash = parsed.find((p) => p.item.id === item.id);
    if (clash) {
      errors.push(
        new ContentError(file.path, item.id, 'id', `duplicate id (also in ${clash.file})`),
      );
      continue;
    }
    parsed.push({ file: file.path, item });
    items.set(version, parsed);
  }
  return items;
}

function parseNotes(
  list: ContentFiles['notes'],
  schemas: Schemas,
  errors: ContentError[],
): { file: string; notes: ChangeNotes }[] {
  const out: { file: string; notes: ChangeNotes }[] = [];
  for (const { file, from, to } of list) {
    const parsed = parseFile(file, schemas.changeNotes, errors, pairKey(from, to));
    if (!parsed) continue;
    if (parsed.from !== from || parsed.to !== to) {
      errors.push(
        new ContentError(
          file.path,
          undefined,
          'from/to',
          `must match the file name ${pairKey(from, to)}`,
        ),
      );
      continue;
    }
    out.push({ file: file.path, notes: parsed });
  }
  return out;
}

/** Item folders need a version folder with a version.yaml (valid or not) and a version id. */
function checkItemFolders(files: ContentFiles, errors: ContentError[]): void {
  const versionFolders = new Set(files.versions.map((v) => v.folder));
  const firstFile = new Map<string, string>();
  for (const { file, version } of files.items) {
    if (!firstFile.has(version)) firstFile.set(version, file.path);
  }
  for (const [version, path] of firstFile) {
    if (!versionFolders.has(version)) {
      errors.push(
        new ContentError(
          path,
          undefined,
          undefined,
          `version ${version} has items but no versions/${version}/version.yaml`,
        ),
      );
    }
    if (!VERSION_ID.test(version)) {
      errors.push(new ContentError(path, undefined, undefined, `"${version}" is not a version id`));
    }
  }
}

/** Supersedes, unique section ids and declared parts of one version. */
function checkVersionMeta(
  file: string,
  meta: VersionMeta,
  known: ReadonlySet<string>,
  errors: ContentError[],
): void {
  const fail = (field: string | undefined, problem: string) =>
    errors.push(new ContentError(file, meta.id, field, problem));
  if (meta.supersedes && !known.has(meta.supersedes)) {
    fail('supersedes', `version ${meta.supersedes} is not in the content`);
  }
  const seen = new Set<string>();
  meta.sections.forEach((s, i) => {
    if (seen.has(s.id)) fail(`sections[${i}].id`, `duplicate section "${s.id}"`);
    seen.add(s.id);
  });
  const parts = new Set<string>();
  meta.parts?.forEach((p, i) => {
    if (parts.has(p.id)) fail(`parts[${i}].id`, `duplicate part "${p.id}"`);
    parts.add(p.id);
  });
  meta.sections.forEach((s, i) => {
    if (s.part && !parts.has(s.part)) {
      fail(`sections[${i}].part`, `unknown part "${s.part}" (not declared in parts)`);
    } else if (!s.part && parts.size > 0) {
      fail(`sections[${i}].part`, 'is missing: the version has parts, so every section names one');
    }
  });
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
  const isControl = isControlId(item.id);
  if (isControl && item.kind !== 'control') {
    fail('kind', 'a numbered or coded item must be "control"');
  }
  if (!isControl && item.kind !== 'rule') fail('kind', 'a slug item must be "rule"');
  if (!meta.sections.some((s) => s.id === item.section)) {
    fail('section', `unknown section "${item.section}" (not declared in version.yaml)`);
  } else if (CONTROL_ID.test(item.id) && sectionOfControl(item.id) !== item.section) {
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

/** One version with its items in reading order, after checking both. */
function compileVersion(
  { file, meta }: { file: string; meta: VersionMeta },
  parsed: ParsedItem[],
  context: { known: ReadonlySet<string>; itemFiles: number },
  errors: ContentError[],
): Checklist {
  checkVersionMeta(file, meta, context.known, errors);
  // A version whose item files all failed to parse is not also reported as empty.
  if (context.itemFiles === 0) {
    errors.push(new ContentError(file, meta.id, undefined, 'version has no items'));
  }
  for (const p of parsed) {
    checkItem(p, meta, /([^/]+)\.ya?ml$/.exec(p.file)![1]!, errors);
    errors.push(...aliasErrors(p.file, p.item, meta));
  }
  const items = parsed.map((p) => p.item).sort(compareInReadingOrder(meta.sections));
  return { meta, items };
}

/** Notes name versions of the content, one note per item, items and sources that exist. */
function checkNotes(
  { file, notes: n }: { file: string; notes: ChangeNotes },
  metas: ReadonlyMap<string, { meta: VersionMeta }>,
  items: ReadonlyMap<string, ParsedItem[]>,
  errors: ContentError[],
): void {
  for (const v of [n.from, n.to]) {
    if (!metas.has(v)) {
      errors.push(
        new ContentError(file, undefined, 'from/to', `version ${v} is not in the content`),
      );
    }
  }
  const to = metas.get(n.to);
  const ids = (v: string) => new Set((items.get(v) ?? []).map((p) => p.item.id));
  const toItems = ids(n.to);
  // A removed item is noted under its id in the older version.
  const fromItems = ids(n.from);
  const sourceIds = new Set(to?.meta.sources.map((s) => s.id));
  const noted = new Set<string>();
  n.notes.forEach((note, i) => {
    const fail = (field: string, problem: string) =>
      errors.push(new ContentError(file, note.item, field, problem));
    if (noted.has(note.item)) fail(`notes[${i}].item`, 'more than one note for this item');
    noted.add(note.item);
    if (to && !toItems.has(note.item) && !fromItems.has(note.item)) {
      fail(`notes[${i}].item`, `no item ${note.item} in version ${n.to}`);
    }
    note.sources.forEach((s, j) => {
      if (to && !sourceIds.has(s)) fail(`notes[${i}].sources[${j}]`, `unknown source "${s}"`);
    });
  });
}

/** Validates and compiles in-memory content files; throws `ContentErrors` listing every problem. */
export function compileContent(files: RawFile[]): ContentBundle {
  const errors: ContentError[] = [];
  const sorted = sortFiles(files, errors);
  const edition = readEdition(sorted.edition, errors);
  const schemas = contentSchemas(edition.languages);
  const metas = parseVersions(sorted.versions, schemas, errors);
  const items = parseItems(sorted.items, schemas, errors);
  const notes = parseNotes(sorted.notes, schemas, errors);
  checkItemFolders(sorted, errors);

  const known = new Set(metas.keys());
  const itemFiles = (v: string) => sorted.items.filter((f) => f.version === v).length;
  const checklists = [...metas.values()].map((m) =>
    compileVersion(
      m,
      items.get(m.meta.id) ?? [],
      { known, itemFiles: itemFiles(m.meta.id) },
      errors,
    ),
  );
  for (const n of notes) checkNotes(n, metas, items, errors);

  if (errors.length > 0) throw new ContentErrors(errors);
  checklists.sort((a, b) => compareVersionIds(a.meta.id, b.meta.id));
  return { edition, versions: checklists, notes: notes.map((n) => n.notes) };
}
