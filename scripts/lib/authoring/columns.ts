/**
 * Which spreadsheet column holds which item field. Columns are found by header text: named
 * with `--col field=Header` or a mapping file, or recognised from common header names
 * ("Control ID", "Title (EN)", "タイトル").
 */
import { z } from 'zod';
import { RULE_ID, localizedText, sourceSchema } from '../../../src/lib/model.ts';
import { headerKey } from '../../../src/lib/workbook-layout.ts';
import { AuthoringError } from './authoring-error.ts';

/** The fields a column can fill. `_en`/`_ja` fields are the two languages of one text. */
export const FIELDS = [
  'id',
  'section',
  'section_title_en',
  'section_title_ja',
  'title_en',
  'title_ja',
  'requirement_en',
  'requirement_ja',
  'evidence_en',
  'evidence_ja',
  'tags',
  'aliases_en',
  'aliases_ja',
  'replaces',
] as const;
export type Field = (typeof FIELDS)[number];

/** Field → header text of its column. */
export type ColumnNames = Partial<Record<Field, string>>;

/** The mapping file (`--map mapping.json`); every key is optional. */
export const mappingFileSchema = z.strictObject({
  /** Field → header text, as with `--col`. */
  columns: z.partialRecord(z.enum(FIELDS), z.string().trim().min(1)).optional(),
  /** XLSX sheet to read (default: the first). */
  sheet: z.string().min(1).optional(),
  /** Row number of the header row (default: the first row that holds anything). */
  headerRow: z.number().int().min(1).optional(),
  /** Encoding of a CSV file, when it is neither UTF-8 nor Shift_JIS. */
  encoding: z.string().min(1).optional(),
  /** Use the English text where a Japanese cell is empty, as `--fill-ja-with-en` does. */
  fillJaWithEn: z.boolean().optional(),
  /**
   * The document the rows come from: a whole source, written into a new version.yaml, or the
   * id of a source the version already lists.
   */
  source: z.union([z.string().regex(RULE_ID, 'must be a lowercase slug'), sourceSchema]).optional(),
  /** Provenance written on every imported item. */
  provenance: z
    .strictObject({
      confidence: z.enum(['S', 'P']).optional(),
      coverage: z.enum(['full', 'partial', 'topic']).optional(),
      note: localizedText.optional(),
    })
    .optional(),
});
export type MappingFile = z.infer<typeof mappingFileSchema>;

/** Parses and validates a mapping file's JSON text. */
export function parseMappingFile(text: string, fileName: string): MappingFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new AuthoringError(`${fileName} is not valid JSON: ${(e as Error).message}`);
  }
  const result = mappingFileSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => {
      const where = i.path.length > 0 ? i.path.join('.') : '(top level)';
      if (i.code !== 'unrecognized_keys') return `${where}: ${i.message}`;
      const known = where === 'columns' ? ` (fields: ${FIELDS.join(', ')})` : '';
      return `${where}: unknown key ${i.keys.map((k) => `"${k}"`).join(', ')}${known}`;
    });
    throw new AuthoringError(
      `${fileName} is not a valid mapping file:\n  ${problems.join('\n  ')}`,
    );
  }
  return result.data;
}

/** Parses `--col field=Header` flags. */
export function parseColumnFlags(flags: readonly string[]): ColumnNames {
  const out: ColumnNames = {};
  for (const flag of flags) {
    const at = flag.indexOf('=');
    const field = flag.slice(0, at).trim();
    const header = flag.slice(at + 1).trim();
    if (at < 0 || !header) {
      throw new AuthoringError(`--col ${flag}: write it as field=Header, e.g. id="Control ID"`);
    }
    if (!(FIELDS as readonly string[]).includes(field)) {
      throw new AuthoringError(
        `--col ${flag}: unknown field "${field}" (fields: ${FIELDS.join(', ')})`,
      );
    }
    out[field as Field] = header;
  }
  return out;
}

export { headerKey };

const BASE_NAMES: Record<string, readonly string[]> = {
  id: ['id', 'control_id', 'control_no', 'control_number', 'item_id'],
  section: ['section', 'section_id', 'セクション'],
  section_title: ['section_title', 'section_name', 'セクション名'],
  title: ['title', 'name', 'control_title', 'control_name', 'タイトル', '表題'],
  requirement: ['requirement', 'requirements', 'description', 'control_description', '要件'],
  evidence: ['evidence', 'evidences', 'evidence_required', 'エビデンス', '証跡'],
  tags: ['tags', 'tag'],
  aliases: ['aliases', 'alias', 'keywords'],
  replaces: ['replaces', 'previous_id', 'old_id', 'renumbered_from'],
};
const LOCALIZED = new Set(['section_title', 'title', 'requirement', 'evidence', 'aliases']);
const LANG_SUFFIX: [RegExp, 'en' | 'ja'][] = [
  [/_(en|eng|english|英語)$/, 'en'],
  [/_(ja|jp|jpn|japanese|日本語)$/, 'ja'],
];

/** The field a header names by itself, if any. Japanese header words mean Japanese text. */
export function fieldOfHeader(header: string): Field | undefined {
  let key = headerKey(header);
  let lang: 'en' | 'ja' | undefined;
  for (const [suffix, l] of LANG_SUFFIX) {
    if (suffix.test(key)) {
      key = key.replace(suffix, '');
      lang = l;
    }
  }
  const base = Object.keys(BASE_NAMES).find((b) => BASE_NAMES[b]!.includes(key));
  if (!base) return undefined;
  if (!LOCALIZED.has(base)) return lang ? undefined : (base as Field);
  lang ??= /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(key) ? 'ja' : 'en';
  return `${base}_${lang}` as Field;
}

export interface ResolvedColumns {
  /** Field → 0-based column index. */
  index: Map<Field, number>;
  /** Headers of columns no field uses. */
  ignored: string[];
}

/**
 * Finds each field's column in the header row: named columns first (header text compared
 * without regard to case or surrounding space), then recognised header names.
 */
export function resolveColumns(header: readonly string[], named: ColumnNames): ResolvedColumns {
  const index = new Map<Field, number>();
  const used = new Set<number>();
  const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();
  const listed = header
    .filter((h) => h.trim())
    .map((h) => `"${h.trim()}"`)
    .join(', ');
  for (const field of FIELDS) {
    const name = named[field];
    if (name === undefined) continue;
    const at = header.findIndex((h) => norm(h) === norm(name));
    if (at < 0) {
      throw new AuthoringError(
        `no column "${name}" (for ${field}) in the header row; the header has ${listed}`,
      );
    }
    index.set(field, at);
    used.add(at);
  }
  header.forEach((h, at) => {
    if (used.has(at)) return;
    const field = fieldOfHeader(h);
    if (!field || named[field] !== undefined) return;
    if (index.has(field)) {
      throw new AuthoringError(
        `two columns could be ${field} ("${header[index.get(field)!]!.trim()}" and "${h.trim()}"): ` +
          `pick one with --col ${field}="…"`,
      );
    }
    index.set(field, at);
    used.add(at);
  });
  const ignored = header.filter((h, at) => h.trim() && !used.has(at)).map((h) => h.trim());
  return { index, ignored };
}
