/**
 * Spreadsheet import: a table with one row per control becomes item files (and a
 * version.yaml when the version is new). Pure: a table and the existing content files in, the
 * files to write and a report of every row it could not use out. `scripts/import-table.ts`
 * reads the spreadsheet and writes the files.
 */
import { parse as parseYaml } from 'yaml';
import {
  compareDotted,
  compareItemIds,
  compareVersionIds,
  sectionOfControl,
} from '../../../src/lib/ids.ts';
import type { RawFile } from '../../../src/lib/load.ts';
import {
  CONTROL_ID,
  EVIDENCE_KEY,
  RULE_ID,
  SECTION_ID,
  VERSION_ID,
  itemSchema,
  type Item,
  type LocalizedText,
  type Section,
  type Source,
  type VersionMeta,
} from '../../../src/lib/model.ts';
import { AuthoringError } from './authoring-error.ts';
import { resolveColumns, type ColumnNames, type Field, type MappingFile } from './columns.ts';
import { itemPath, notesPath, notesSkeleton, versionPath, versionsIn } from './content-files.ts';
import { evidenceFromCells } from './evidence-lines.ts';
import { DATE_PLACEHOLDER } from './new-version.ts';
import type { Table, TableCell } from './table.ts';
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
  row: number;
  id?: string;
  reasons: string[];
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
  columns: ColumnNames;
  /** Headers of columns no field used. */
  ignoredColumns: string[];
  /** True when the plan writes a new version.yaml. */
  createsVersion: boolean;
  /** What the author still has to do. */
  nextSteps: string[];
}

interface ExistingVersion {
  sections: Set<string>;
  sources: Set<string>;
  items: Set<string>;
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
  const items = new Set(
    existing
      .map((f) => new RegExp(`^versions/${version}/items/([^/]+)\\.ya?ml$`).exec(f.path)?.[1])
      .filter((id): id is string => id !== undefined),
  );
  return { sections: ids(raw.sections), sources: ids(raw.sources), items };
}

/** `8` → `8.0`; a section id or slug stays as it is; anything else is undefined. */
function sectionId(text: string): string | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return `${t}.0`;
  return SECTION_ID.test(t) ? t : undefined;
}

const split = (text: string, by: RegExp) =>
  text
    .split(by)
    .map((s) => s.trim())
    .filter(Boolean);

function defaultSource(fileName: string): Source {
  return {
    id: DEFAULT_SOURCE_ID,
    title: { en: `Imported table ${fileName}`, ja: `取り込んだ表 ${fileName}` },
    // Left empty on purpose: only the author knows, and the content check asks for it.
    publisher: '',
    lang: 'mul',
  };
}

/** Turns a table into content files for one version; throws `AuthoringError` on a bad set-up. */
export function planImport(
  table: Table,
  existing: readonly RawFile[],
  opts: ImportOptions,
): ImportPlan {
  const { version, fileName } = opts;
  const fillJa = opts.fillJaWithEn ?? false;
  if (!VERSION_ID.test(version)) {
    throw new AuthoringError(`"${version}" is not a version id: use numbers such as 4.2.1`);
  }
  if (opts.auditsFrom !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.auditsFrom)) {
    throw new AuthoringError('--audits-from must be a date such as 2026-01-01');
  }

  const headerAt =
    opts.headerRow === undefined ? 0 : table.rows.findIndex((r) => r.row === opts.headerRow);
  const headerRow = table.rows[headerAt];
  if (!headerRow) {
    throw new AuthoringError(
      opts.headerRow === undefined ? 'the table is empty' : `row ${opts.headerRow} is empty`,
    );
  }
  const header = headerRow.cells.map((c) => c.text);
  const { index, ignored } = resolveColumns(header, opts.columns ?? {});
  const required: Field[] = ['id', 'title_en', 'requirement_en'];
  if (!fillJa) {
    required.push('title_ja', 'requirement_ja');
    if (index.has('evidence_en')) required.push('evidence_ja');
  }
  const missing = required.filter((f) => !index.has(f));
  if (missing.length > 0) {
    throw new AuthoringError(
      `no column for ${missing.join(', ')} in the header row (row ${headerRow.row}): ` +
        `name them with --col, e.g. --col ${missing[0]}="…"` +
        (missing.some((f) => f.endsWith('_ja')) ? ', or pass --fill-ja-with-en' : ''),
    );
  }
  const label = (field: Field) => `column "${header[index.get(field)!]!.trim()}"`;

  const versions = versionsIn(existing);
  const exists = versions.includes(version);
  const current = exists ? readExistingVersion(existing, version) : undefined;
  const source =
    typeof opts.source === 'string' ? undefined : (opts.source ?? defaultSource(fileName));
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
  const provenance = {
    sources: [sourceId],
    confidence: opts.provenance?.confidence ?? 'S',
    basis: 'stated' as const,
    coverage: opts.provenance?.coverage ?? 'full',
    note: opts.provenance?.note ?? {
      en: `Imported from ${fileName}.`,
      ja: `${fileName} から取り込みました。`,
    },
  };

  const skipped: RowReport[] = [];
  const warnings: RowReport[] = [];
  const made: { row: number; item: Item }[] = [];
  const rowsById = new Map<string, number[]>();
  const sectionsSeen: string[] = [];
  const sectionTitles = new Map<string, { row: number; title: Partial<LocalizedText> }>();

  for (const tableRow of table.rows.slice(headerAt + 1)) {
    const reasons: string[] = [];
    const notes: string[] = [];
    // Fields whose cell was refused already, so they are not reported as empty too.
    const refused = new Set<Field>();
    const cell = (field: Field): TableCell => {
      const at = index.get(field);
      return at === undefined ? { text: '' } : (tableRow.cells[at] ?? { text: '' });
    };
    const text = (field: Field): string => {
      const c = cell(field);
      if (c.problem) {
        reasons.push(`${label(field)} ${c.problem}`);
        refused.add(field);
        return '';
      }
      if (c.text.length > MAX_CELL_CHARS) {
        reasons.push(
          `${label(field)} holds ${c.text.length.toLocaleString('en')} characters; a cell may hold at most ${MAX_CELL_CHARS.toLocaleString('en')} (was a whole document pasted into it?)`,
        );
        refused.add(field);
        return '';
      }
      return c.text.replace(/\r\n?/g, '\n').trim();
    };
    const localized = (base: 'title' | 'requirement'): LocalizedText => {
      const en = text(`${base}_en`);
      let ja = text(`${base}_ja`);
      if (!en && !refused.has(`${base}_en`)) reasons.push(`${label(`${base}_en`)} is empty`);
      if (!ja && !refused.has(`${base}_ja`)) {
        if (fillJa) ja = en;
        else
          reasons.push(
            `${label(`${base}_ja`)} is empty: write the Japanese text, or pass --fill-ja-with-en`,
          );
      }
      return { en: base === 'title' ? en.replace(/\s*\n\s*/g, ' ') : en, ja };
    };

    const id = text('id');
    if (cell('id').numeric && CONTROL_ID.test(id)) {
      notes.push(
        `id ${id} was stored as a number, which drops trailing zeros (4.10 reads as 4.1): check it, and format the id column as text`,
      );
    }
    const isControl = CONTROL_ID.test(id);
    if (!id && !refused.has('id')) reasons.push(`${label('id')} is empty`);
    else if (!isControl && !RULE_ID.test(id)) {
      reasons.push(
        `id "${id}" is neither a control number such as 8.1.10 nor a lowercase slug such as audit-timing`,
      );
    }
    if (id) rowsById.set(id, [...(rowsById.get(id) ?? []), tableRow.row]);

    const sectionText = text('section');
    let section: string | undefined;
    if (sectionText) {
      section = sectionId(sectionText);
      if (!section) {
        reasons.push(`section "${sectionText}" is not a section id such as 8.0, 8 or program`);
      }
    }
    if (isControl) {
      const own = sectionOfControl(id);
      if (section && section !== own) {
        reasons.push(`section ${section} does not match control ${id}, which belongs in ${own}`);
      }
      section = own;
    } else if (RULE_ID.test(id) && !sectionText && !refused.has('section')) {
      reasons.push(`${label('section')} is empty, and program rules need one (e.g. program)`);
    }
    if (section) {
      if (!sectionsSeen.includes(section)) sectionsSeen.push(section);
      if (current && !current.sections.has(section)) {
        reasons.push(`section ${section} is not declared in ${versionPath(version)}`);
      }
      const titleEn = text('section_title_en');
      const titleJa = text('section_title_ja') || (fillJa ? titleEn : '');
      if (titleEn || titleJa) {
        const known = sectionTitles.get(section);
        if (!known) {
          sectionTitles.set(section, {
            row: tableRow.row,
            title: { ...(titleEn && { en: titleEn }), ...(titleJa && { ja: titleJa }) },
          });
        } else if (
          (titleEn && known.title.en && known.title.en !== titleEn) ||
          (titleJa && known.title.ja && known.title.ja !== titleJa)
        ) {
          notes.push(`section ${section} has another title on row ${known.row}; that one is used`);
        }
      }
    }

    const title = localized('title');
    const requirement = localized('requirement');
    const ev = evidenceFromCells({
      en: text('evidence_en'),
      ja: text('evidence_ja'),
      enLabel: index.has('evidence_en') ? label('evidence_en') : 'evidence_en',
      jaLabel: index.has('evidence_ja') ? label('evidence_ja') : 'evidence_ja',
      fillJaWithEn: fillJa,
    });
    reasons.push(...ev.problems);

    const tags: string[] = [];
    for (const tag of split(text('tags'), /[\s,、;；]+/)) {
      const slug = tag
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      if (!EVIDENCE_KEY.test(slug))
        reasons.push(`tag "${tag}" is not made of Latin letters or digits`);
      else if (!tags.includes(slug)) tags.push(slug);
    }
    const replaces = split(text('replaces'), /[\s,;、]+/);
    for (const old of replaces) {
      if (!CONTROL_ID.test(old) && !RULE_ID.test(old)) {
        reasons.push(`replaces "${old}" is not an item id`);
      }
    }

    const candidate = {
      id,
      kind: isControl ? 'control' : 'rule',
      section: section ?? '',
      title,
      requirement,
      evidence: ev.evidence,
      tags,
      aliases: {
        en: split(text('aliases_en'), /\n|[,;、；]/),
        ja: split(text('aliases_ja'), /\n|[,;、；]/),
      },
      ...(replaces.length > 0 && { replaces }),
      provenance,
    };
    if (reasons.length === 0) {
      const parsed = itemSchema.safeParse(candidate);
      if (parsed.success) made.push({ row: tableRow.row, item: parsed.data });
      else
        for (const issue of parsed.error.issues)
          reasons.push(`${issue.path.join('.')}: ${issue.message}`);
    }
    const report = (list: RowReport[], r: string[]) =>
      list.push({ row: tableRow.row, ...(id && { id }), reasons: r });
    if (reasons.length > 0) report(skipped, reasons);
    if (notes.length > 0) report(warnings, notes);
  }

  // An id on two rows is ambiguous: neither row is imported.
  const items: Item[] = [];
  for (const { row, item } of made) {
    const rows = rowsById.get(item.id)!;
    if (rows.length > 1) {
      skipped.push({ row, id: item.id, reasons: [`id ${item.id} is on rows ${rows.join(', ')}`] });
    } else items.push(item);
  }
  for (const r of skipped) {
    const rows = r.id ? rowsById.get(r.id) : undefined;
    if (rows && rows.length > 1 && !r.reasons.some((x) => x.startsWith(`id ${r.id} is on rows`))) {
      r.reasons.push(`id ${r.id} is on rows ${rows.join(', ')}`);
    }
  }
  skipped.sort((a, b) => a.row - b.row);
  warnings.sort((a, b) => a.row - b.row);

  const files: RawFile[] = items.map((item) => ({
    path: itemPath(version, item.id),
    text: toYaml(itemFileValue(item)),
  }));
  const nextSteps: string[] = [];
  const previous = versions.filter((v) => compareVersionIds(v, version) < 0).at(-1);
  const following = versions.find((v) => compareVersionIds(v, version) > 0);
  if (!current) {
    const sections: Section[] = orderSections(sectionsSeen).map((id) => {
      const t = sectionTitles.get(id)?.title;
      return { id, ...(t?.en && t.ja && { title: { en: t.en, ja: t.ja } }), confidence: 'S' };
    });
    for (const [id, { row, title }] of sectionTitles) {
      if (!title.en || !title.ja) {
        warnings.push({
          row,
          reasons: [`section ${id} has a title in one language only, so none is written`],
        });
      }
    }
    const meta: Omit<VersionMeta, 'auditsFrom'> & { auditsFrom: string } = {
      id: version,
      auditsFrom: opts.auditsFrom ?? DATE_PLACEHOLDER,
      ...(previous && { supersedes: previous }),
      summary: {
        en: `Version ${version} of the checklist, imported from ${fileName}.`,
        ja: `チェックリストのバージョン${version}です（${fileName} から取り込み）。`,
      },
      sources: [source!],
      sections,
    };
    files.push({
      path: versionPath(version),
      text: toYaml(meta, ` Written by npm run import from ${fileName}; edit it freely.`),
    });
    if (opts.auditsFrom === undefined) {
      nextSteps.push(
        `Set auditsFrom in ${versionPath(version)}: the content check fails until the placeholder ${DATE_PLACEHOLDER} is a date.`,
      );
    }
    if (!source!.publisher) {
      nextSteps.push(
        `Describe the source in ${versionPath(version)} (sources[0]: its title and publisher), or give it as "source" in the mapping file.`,
      );
    }
    nextSteps.push(`Rewrite the summary in ${versionPath(version)}.`);
    if (previous && !existing.some((f) => f.path === notesPath(previous, version))) {
      files.push(
        notesSkeleton(previous, version, {
          en: `Version ${version} was imported from ${fileName}; it follows ${previous}.`,
          ja: `バージョン${version}は${fileName}から取り込んだ版で、${previous}の次の版です。`,
        }),
      );
      nextSteps.push(
        `Add a note to ${notesPath(previous, version)} for every substantive change from ${previous}: npm run check:content lists them.`,
      );
    }
  } else {
    const absent = [...current.items]
      .filter((id) => !items.some((i) => i.id === id))
      .sort(compareItemIds);
    if (absent.length > 0) {
      nextSteps.push(
        `versions/${version}/items/ keeps ${absent.length} item(s) the table does not have (${absent.join(', ')}): delete them if they are gone.`,
      );
    }
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
    skipped,
    warnings,
    columns: Object.fromEntries(
      [...index].sort((a, b) => a[1] - b[1]).map(([f, at]) => [f, header[at]!.trim()]),
    ),
    ignoredColumns: ignored,
    createsVersion: !current,
    nextSteps,
  };
}

/** Program-rule sections first in the order met, then numbered sections in number order. */
function orderSections(ids: readonly string[]): string[] {
  const slugs = ids.filter((id) => !/^\d/.test(id));
  const numbered = ids.filter((id) => /^\d/.test(id)).sort(compareDotted);
  return [...slugs, ...numbered];
}

/** An item in the field order of the hand-written files, without empty optional fields. */
function itemFileValue(item: Item): Record<string, unknown> {
  return {
    id: item.id,
    kind: item.kind,
    section: item.section,
    title: item.title,
    requirement: item.requirement,
    evidence: item.evidence,
    tags: item.tags,
    aliases: item.aliases,
    ...(item.replaces.length > 0 && { replaces: item.replaces }),
    provenance: item.provenance,
  };
}
