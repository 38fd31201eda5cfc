/**
 * Imports a spreadsheet (one row per control) as content files:
 * `npm run import -- <file.csv|file.xlsx> --version <v> [options]` (see USAGE, and
 * content/README.md). Writes the usable rows, lists the others with their row numbers, and
 * never replaces an existing file without --force.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AuthoringError } from './lib/authoring/authoring-error.ts';
import { parseColumnFlags, parseMappingFile, type MappingFile } from './lib/authoring/columns.ts';
import { readContentFolder, writeContentFiles } from './lib/authoring/content-files.ts';
import { planImport } from './lib/authoring/table-import.ts';
import { readTable } from './lib/authoring/table.ts';
import { contentDir } from '../src/lib/site-config.ts';

const USAGE = `usage: npm run import -- <file.csv|file.xlsx> --version <v> [options]
  --content <dir>          content folder (default: MSP_CONTENT_DIR or content)
  --map <mapping.json>     column names, sheet, source and provenance in one file
  --col <field>=<Header>   the column of a field, e.g. --col id="Control ID" (repeatable)
  --sheet <name>           XLSX sheet (default: the first)
  --header-row <n>         row number of the header row (default: the first non-empty row)
  --encoding <label>       CSV encoding when it is neither UTF-8 nor Shift_JIS
  --fill-ja-with-en        use the English text where a Japanese cell is empty
  --audits-from <date>     first audit date, for a new version
  --dry-run                report what would be written, write nothing
  --force                  replace files that exist already`;

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      version: { type: 'string' },
      content: { type: 'string' },
      map: { type: 'string' },
      col: { type: 'string', multiple: true },
      sheet: { type: 'string' },
      'header-row': { type: 'string' },
      encoding: { type: 'string' },
      'fill-ja-with-en': { type: 'boolean' },
      'audits-from': { type: 'string' },
      'dry-run': { type: 'boolean' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 1 || !values.version) {
    throw new AuthoringError(`give one table file and --version\n${USAGE}`);
  }
  const file = positionals[0]!;
  const mapping: MappingFile = values.map
    ? parseMappingFile(await readFile(values.map, 'utf8'), values.map)
    : {};
  const headerRow = values['header-row'] ?? mapping.headerRow;
  if (headerRow !== undefined && !/^[1-9]\d*$/.test(String(headerRow))) {
    throw new AuthoringError('--header-row must be a row number such as 3');
  }
  const dir = resolve(values.content ?? contentDir(process.env));
  let data: Uint8Array;
  try {
    data = await readFile(file);
  } catch (e) {
    throw new AuthoringError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const table = await readTable(file, data, {
    sheet: values.sheet ?? mapping.sheet,
    encoding: values.encoding ?? mapping.encoding,
  });
  const plan = planImport(table, await readContentFolder(dir), {
    version: values.version,
    fileName: basename(file),
    columns: { ...mapping.columns, ...parseColumnFlags(values.col ?? []) },
    headerRow: headerRow === undefined ? undefined : Number(headerRow),
    fillJaWithEn: values['fill-ja-with-en'] ?? mapping.fillJaWithEn,
    auditsFrom: values['audits-from'],
    source: mapping.source,
    provenance: mapping.provenance,
  });

  const from = [table.sheet && `sheet "${table.sheet}"`, table.encoding].filter(Boolean);
  console.log(`Read ${file}${from.length > 0 ? ` (${from.join(', ')})` : ''}.`);
  console.log(
    `Columns: ${Object.entries(plan.columns)
      .map(([field, header]) => `${field} ← "${header}"`)
      .join(', ')}`,
  );
  if (plan.ignoredColumns.length > 0) {
    console.log(`Ignored columns: ${plan.ignoredColumns.map((h) => `"${h}"`).join(', ')}`);
  }
  const rowLine = (r: { row: number; id?: string; reasons: string[] }) =>
    `  row ${r.row}${r.id ? ` (${r.id})` : ''}: ${r.reasons.join('; ')}`;
  if (plan.skipped.length > 0) {
    console.log(`Rows not imported (${plan.skipped.length}):`);
    plan.skipped.forEach((r) => console.log(rowLine(r)));
  }
  if (plan.warnings.length > 0) {
    console.log(`Worth a look (${plan.warnings.length}):`);
    plan.warnings.forEach((r) => console.log(rowLine(r)));
  }

  if (plan.overwrites.length > 0 && !values.force) {
    console.error(
      `Nothing written: ${plan.overwrites.length} file(s) exist already in ${dir} ` +
        `(${plan.overwrites.slice(0, 5).join(', ')}${plan.overwrites.length > 5 ? ', …' : ''}). ` +
        'Pass --force to replace them.',
    );
    process.exit(1);
  }
  const summary = `${plan.items.length} item(s) from ${plan.items.length + plan.skipped.length} row(s) into version ${plan.version}${plan.createsVersion ? ' (new version.yaml)' : ''}`;
  if (values['dry-run']) {
    console.log(`Dry run: would write ${summary}; nothing written.`);
  } else {
    await writeContentFiles(dir, plan.files, { overwrite: values.force ?? false });
    console.log(`Wrote ${summary} in ${dir}.`);
    console.log('Next:');
    plan.nextSteps.forEach((step, i) => console.log(`  ${i + 1}. ${step}`));
  }
  // A skipped row fails the command, so a script or CI job notices it.
  if (plan.skipped.length > 0) process.exit(1);
} catch (e) {
  if (e instanceof AuthoringError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`import: ${(e as Error).message}`);
    process.exit(1);
  }
  throw e;
}
