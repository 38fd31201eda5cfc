/**
 * What both imports share (the column-mapped table and the self-assessment workbook): their
 * options and report, the version they write into, and the files that finish a plan (items,
 * a new version.yaml, the notes skeleton, the edition file) with the steps left to the author.
 */
import { parse as parseYaml } from 'yaml';
import { compareItemIds, compareVersionIds } from '../../../src/lib/ids.ts';
import type { RawFile } from '../../../src/lib/load.ts';
import {
  EDITION_FILE,
  LANGS,
  VERSION_ID,
  editionSchema,
  type Item,
  type Lang,
  type LevelValue,
  type Part,
  type Section,
  type Source,
  type VersionMeta,
} from '../../../src/lib/model.ts';
import { AuthoringError } from './authoring-error.ts';
import type { ColumnNames, MappingFile } from './columns.ts';
import { itemPath, notesPath, notesSkeleton, versionPath, versionsIn } from './content-files.ts';
import { DATE_PLACEHOLDER } from './new-version.ts';
import { toYaml } from './yaml-style.ts';

/** Longest cell text the importer takes; a longer cell is almost always a paste gone wrong. */
export const MAX_CELL_CHARS = 10_000;

/** Source id written on imported items when no source is named. */
export const DEFAULT_SOURCE_ID = 'imported-table';

export interface ImportOptions {
  /** Version the rows belong to. */
  version: string;
  /** Name of the spreadsheet file, quoted in the metadata written for it. */
  fileName: string;
  /** Columns named by `--col` flags and the mapping file. */
  columns?: ColumnNames;
  /** Row number of the header row (default: the first row that holds anything). */
  headerRow?: number | undefined;
  /** Use the English text where a Japanese cell is empty. */
  fillJaWithEn?: boolean | undefined;
  /** First audit date, for a new version.yaml. */
  auditsFrom?: string | undefined;
  /** The document the rows come from: a full source, or the id of one the version lists. */
  source?: Source | string | undefined;
  provenance?: MappingFile['provenance'];
}

/** A row of the table and what was wrong with it (or worth a second look). */
export interface RowReport {
  /** The sheet of a workbook the row is on. */
  sheet?: string;
  row: number;
  id?: string;
  reasons: string[];
}

/** What a workbook import found: parts with their sections, and items per level. */
export interface FoundSummary {
  parts: { id: string; title: string; sections: { id: string; title: string; items: number }[] }[];
  levels: Record<LevelValue, number>;
  /** Sheets read as parts, and the ones skipped with the reason. */
  sheets: { name: string; skipped?: string }[];
}

export interface ImportPlan {
  version: string;
  /** Items made from the usable rows, in table order. */
  items: Item[];
  /** Files to write, relative to the content folder. */
  files: RawFile[];
  /** Paths in `files` that exist already; they are replaced only with `--force`. */
  overwrites: string[];
  /** Rows that were not imported, with the reasons. */
  skipped: RowReport[];
  /** Rows that were imported but deserve a look. */
  warnings: RowReport[];
  /** Header of the column each field was read from. */
  columns: Readonly<Partial<Record<string, string>>>;
  /** Headers of columns no field used. */
  ignoredColumns: string[];
  /** True when the plan writes a new version.yaml. */
  createsVersion: boolean;
  /** What the author still has to do. */
  nextSteps: string[];
  /** For a workbook: what it holds. */
  found?: FoundSummary;
  /** For an XLSX workbook: where in the content folder the file itself is kept. */
  keepWorkbookAt?: string;
}

/** The version being imported into, as the content folder has it. */
export interface ImportTarget {
  version: string;
  /** Versions of the content folder, oldest first. */
  versions: string[];
  /** The version's sections, sources and items, when it exists already. */
  current?: ExistingVersion;
  /** The source written into a new version.yaml (undefined: the version lists it). */
  source?: Source;
  provenance: Item['provenance'];
  /** Languages of the edition the content folder holds (or will hold). */
  languages: Lang[];
  /** True when the content folder has no edition file and no version yet. */
  newEdition: boolean;
}

export interface ExistingVersion {
  sections: Set<string>;
  sources: Set<string>;
  items: Set<string>;
}

/** Refuses a version id or an audit date that cannot be written. */
export function checkImportOptions(opts: ImportOptions): void {
  if (!VERSION_ID.test(opts.version)) {
    throw new AuthoringError(`"${opts.version}" is not a version id: use numbers such as 4.2.1`);
  }
  if (opts.auditsFrom !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.auditsFrom)) {
    throw new AuthoringError('--audits-from must be a date such as 2026-01-01');
  }
}

function readExistingVersion(existing: readonly RawFile[], version: string): ExistingVersion {
  const meta = existing.find((f) => f.path === versionPath(version));
  let raw: Partial<Record<'sections' | 'sources', { id?: unknown }[]>> = {};
  try {
    raw = (parseYaml(meta?.text ?? '') ?? {}) as typeof raw;
  } catch {
    throw new AuthoringError(`${versionPath(version)} is not valid YAML: fix it first`);
  }
  const ids = (list: unknown) =>
    new Set(
      (Array.isArray(list) ? list : [])
        .map((e: { id?: unknown }) => e?.id)
        .filter((id) => typeof id === 'string'),
    );
  return {
    sections: ids(raw.sections),
    sources: ids(raw.sources),
    items: itemIdsOf(existing, version),
  };
}

/** Ids of the item files a version has among the content files. */
export function itemIdsOf(existing: readonly RawFile[], version: string): Set<string> {
  return new Set(
    existing
      .map((f) => new RegExp(`^versions/${version}/items/([^/]+)\\.ya?ml$`).exec(f.path)?.[1])
      .filter((id): id is string => id !== undefined),
  );
}

/** The languages the content folder's edition file declares (every language without one). */
function editionLanguages(existing: readonly RawFile[]): Lang[] {
  const file = existing.find((f) => f.path === EDITION_FILE);
  try {
    return editionSchema.parse(parseYaml(file?.text ?? '') ?? {}).languages;
  } catch {
    throw new AuthoringError(`${EDITION_FILE} is not valid: fix it first (npm run check:content)`);
  }
}

function defaultSource(fileName: string, known?: Pick<Source, 'title' | 'publisher'>): Source {
  return {
    id: DEFAULT_SOURCE_ID,
    title: known?.title ?? { en: `Imported table ${fileName}`, ja: `取り込んだ表 ${fileName}` },
    // Left empty on purpose when only the author knows: the content check asks for it.
    publisher: known?.publisher ?? '',
    lang: known ? 'en' : 'mul',
  };
}

/**
 * The version the import writes into, its source and the provenance of every item. `english`
 * says the input holds English text only (a workbook): a new folder then becomes an English
 * edition, unless Japanese is filled in from English.
 */
export function importTarget(
  existing: readonly RawFile[],
  opts: ImportOptions,
  {
    english = false,
    knownSource,
  }: { english?: boolean; knownSource?: Pick<Source, 'title' | 'publisher'> } = {},
): ImportTarget {
  const { version, fileName } = opts;
  const versions = versionsIn(existing);
  const current = versions.includes(version) ? readExistingVersion(existing, version) : undefined;
  const source =
    typeof opts.source === 'string'
      ? undefined
      : (opts.source ?? defaultSource(fileName, knownSource));
  const sourceId = typeof opts.source === 'string' ? opts.source : source!.id;
  if (current && !current.sources.has(sourceId)) {
    throw new AuthoringError(
      `version ${version} exists and lists no source "${sourceId}": add it to ` +
        `${versionPath(version)}, or name one of its sources (${[...current.sources].join(', ')}) ` +
        'as "source" in the mapping file',
    );
  }
  if (!current && !source) {
    throw new AuthoringError(
      `version ${version} is new, so its source needs a title and publisher: give the whole ` +
        'source object in the mapping file',
    );
  }
  const newEdition = versions.length === 0 && !existing.some((f) => f.path === EDITION_FILE);
  const fillJa = opts.fillJaWithEn ?? false;
  const languages: Lang[] =
    newEdition && english && !fillJa
      ? ['en']
      : newEdition
        ? [...LANGS]
        : editionLanguages(existing);
  if (english && !fillJa && languages.includes('ja')) {
    throw new AuthoringError(
      'the content folder is an edition in English and Japanese, and the workbook is in English only: ' +
        'pass --fill-ja-with-en to use the English text on the Japanese pages, or import into a new folder',
    );
  }
  const provenance: Item['provenance'] = {
    sources: [sourceId],
    confidence: opts.provenance?.confidence ?? 'S',
    basis: 'stated',
    coverage: opts.provenance?.coverage ?? 'full',
    note: opts.provenance?.note ?? {
      en: `Imported from ${fileName}.`,
      ja: `${fileName} から取り込みました。`,
    },
  };
  return {
    version,
    versions,
    ...(current && { current }),
    ...(source && { source }),
    provenance,
    languages,
    newEdition,
  };
}

/** Drops the languages an edition is not written in from every localized text of a value. */
function onlyLanguages(value: unknown, languages: readonly Lang[]): unknown {
  if (Array.isArray(value)) return value.map((v) => onlyLanguages(v, languages));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const localized = 'en' in obj && 'ja' in obj;
  const dropped = (k: string) =>
    localized && (LANGS as readonly string[]).includes(k) && !languages.includes(k as Lang);
  return Object.fromEntries(
    Object.entries(obj)
      .filter(([k]) => !dropped(k))
      .map(([k, v]) => [k, onlyLanguages(v, languages)]),
  );
}

/** An item in the field order of the hand-written files, without empty optional fields. */
function itemFileValue(item: Item): Record<string, unknown> {
  return {
    id: item.id,
    kind: item.kind,
    section: item.section,
    ...(item.level !== 'unstated' && { level: item.level }),
    title: item.title,
    requirement: item.requirement,
    evidence: item.evidence,
    tags: item.tags,
    aliases: item.aliases,
    ...(item.replaces.length > 0 && { replaces: item.replaces }),
    provenance: item.provenance,
  };
}

/** What finishes a plan: the items and the version structure found. */
export interface PlanParts {
  target: ImportTarget;
  items: Item[];
  /** Sections for a new version.yaml, in reading order. */
  sections: Section[];
  parts?: Part[];
  skipped: RowReport[];
  warnings: RowReport[];
  columns: Readonly<Partial<Record<string, string>>>;
  ignoredColumns: string[];
  found?: FoundSummary;
  /** File name of an XLSX workbook to keep beside the version. */
  workbook?: string;
  /** Leave the first audit date out when it is not given, instead of a placeholder. */
  unknownDates?: boolean;
}

/** Files and steps of one part of a plan. */
interface Written {
  files: RawFile[];
  nextSteps: string[];
}

/** A new version: its version.yaml, and the notes skeleton when a version comes before it. */
function newVersionFiles(
  existing: readonly RawFile[],
  opts: ImportOptions,
  parts: PlanParts,
  previous: string | undefined,
  write: (value: unknown) => unknown,
): Written {
  const { version, fileName } = opts;
  const { source, languages } = parts.target;
  const files: RawFile[] = [];
  const nextSteps: string[] = [];
  const auditsFrom = opts.auditsFrom ?? (parts.unknownDates ? undefined : DATE_PLACEHOLDER);
  const meta: Omit<VersionMeta, 'auditsFrom'> & { auditsFrom?: string } = {
    id: version,
    ...(auditsFrom && { auditsFrom }),
    ...(previous && { supersedes: previous }),
    summary: {
      en: `Version ${version} of the checklist, imported from ${fileName}.`,
      ja: `チェックリストのバージョン${version}です（${fileName} から取り込み）。`,
    },
    sources: [source!],
    ...(parts.parts && parts.parts.length > 0 && { parts: parts.parts }),
    sections: parts.sections,
    ...(parts.workbook && { workbook: parts.workbook }),
  };
  files.push({
    path: versionPath(version),
    text: toYaml(write(meta), ` Written by npm run import from ${fileName}; edit it freely.`),
  });
  if (opts.auditsFrom === undefined) {
    nextSteps.push(
      parts.unknownDates
        ? `Add auditsFrom (the first audit date) to ${versionPath(version)} once you know it; until then the site says it is not stated.`
        : `Set auditsFrom in ${versionPath(version)}: the content check fails until the placeholder ${DATE_PLACEHOLDER} is a date.`,
    );
  }
  if (!source!.publisher) {
    nextSteps.push(
      `Describe the source in ${versionPath(version)} (sources[0]: its title and publisher), or give it as "source" in the mapping file.`,
    );
  }
  nextSteps.push(`Rewrite the summary in ${versionPath(version)}.`);
  if (previous && !existing.some((f) => f.path === notesPath(previous, version))) {
    const skeleton = notesSkeleton(previous, version, {
      en: `Version ${version} was imported from ${fileName}; it follows ${previous}.`,
      ja: `バージョン${version}は${fileName}から取り込んだ版で、${previous}の次の版です。`,
    });
    files.push(
      languages.includes('ja')
        ? skeleton
        : {
            path: skeleton.path,
            text: toYaml(
              write(parseYaml(skeleton.text)),
              ` Curated notes on what changed from ${previous} to ${version}: one note per changed item.`,
            ),
          },
    );
    nextSteps.push(
      `Add a note to ${notesPath(previous, version)} for every substantive change from ${previous}: npm run check:content lists them.`,
    );
  }
  return { files, nextSteps };
}

/** For a version that exists: the items it keeps that the import did not bring. */
function keptItemsStep(current: ExistingVersion, items: readonly Item[], version: string) {
  const absent = [...current.items]
    .filter((id) => !items.some((i) => i.id === id))
    .sort(compareItemIds);
  return absent.length > 0
    ? [
        `versions/${version}/items/ keeps ${absent.length} item(s) the table does not have (${absent.join(', ')}): delete them if they are gone.`,
      ]
    : [];
}

/**
 * The files of a plan (item files; for a new version its version.yaml and the notes skeleton;
 * for a new folder of one language its edition file) and the steps left to the author.
 */
export function finishPlan(
  existing: readonly RawFile[],
  opts: ImportOptions,
  parts: PlanParts,
): ImportPlan {
  const { target, items } = parts;
  const { version, fileName } = opts;
  const { current, languages } = target;
  const write = (value: unknown) => onlyLanguages(value, languages);
  const files: RawFile[] = items.map((item) => ({
    path: itemPath(version, item.id),
    text: toYaml(write(itemFileValue(item))),
  }));
  const nextSteps: string[] = [];
  const previous = target.versions.filter((v) => compareVersionIds(v, version) < 0).at(-1);
  const following = target.versions.find((v) => compareVersionIds(v, version) > 0);
  if (target.newEdition && languages.length < LANGS.length) {
    files.push({
      path: EDITION_FILE,
      text: toYaml(
        { languages },
        ` The languages this edition is written in (written by npm run import from ${fileName}).`,
      ),
    });
  }
  if (current) nextSteps.push(...keptItemsStep(current, items, version));
  else {
    const written = newVersionFiles(existing, opts, parts, previous, write);
    files.push(...written.files);
    nextSteps.push(...written.nextSteps);
  }
  if (following) {
    nextSteps.push(
      `Version ${following} comes after ${version}: check its supersedes and its change notes, which now pair with ${version}.`,
    );
  }
  nextSteps.push('Run npm run check:content to validate the result.');

  const paths = new Set(existing.map((f) => f.path));
  return {
    version,
    items,
    files,
    overwrites: files.filter((f) => paths.has(f.path)).map((f) => f.path),
    skipped: parts.skipped,
    warnings: parts.warnings,
    columns: parts.columns,
    ignoredColumns: parts.ignoredColumns,
    createsVersion: !current,
    nextSteps,
    ...(parts.found && { found: parts.found }),
    ...(parts.workbook && { keepWorkbookAt: `versions/${version}/${parts.workbook}` }),
  };
}

/**
 * Refuses every item whose id is on two rows (neither is imported), and sorts the reports by
 * row. `rowsById` lists each id's rows (with the sheet, for a workbook).
 */
export function dropAmbiguousIds(
  made: { report: Omit<RowReport, 'reasons'>; item: Item }[],
  rowsById: Map<string, string[]>,
  skipped: RowReport[],
  warnings: RowReport[],
  sheetOrder: readonly string[] = [],
): Item[] {
  const items: Item[] = [];
  const onRows = (id: string) => `id ${id} is on rows ${rowsById.get(id)!.join(', ')}`;
  for (const { report, item } of made) {
    if (rowsById.get(item.id)!.length > 1) skipped.push({ ...report, reasons: [onRows(item.id)] });
    else items.push(item);
  }
  for (const r of skipped) {
    const rows = r.id ? rowsById.get(r.id) : undefined;
    if (rows && rows.length > 1 && !r.reasons.some((x) => x.startsWith(`id ${r.id} is on rows`))) {
      r.reasons.push(onRows(r.id!));
    }
  }
  const sheetAt = (r: RowReport) => sheetOrder.indexOf(r.sheet ?? '');
  const byRow = (a: RowReport, b: RowReport) => sheetAt(a) - sheetAt(b) || a.row - b.row;
  skipped.sort(byRow);
  warnings.sort(byRow);
  return items;
}
