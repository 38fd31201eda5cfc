/**
 * Imports a spreadsheet as content files:
 * `npm run import -- <file.xlsx|file.csv…> --version <v> [options]` (see USAGE, and
 * content/README.md). AWS's self-assessment workbook (or CSV files of its sheets) is recognised
 * by itself and kept beside the version; any other table is read one row per control, with its
 * columns found by header or named by options. Writes the usable rows, lists the others with
 * their row numbers, and never replaces an existing file without --force.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AuthoringError } from './lib/authoring/authoring-error.ts';
import { parseColumnFlags, parseMappingFile, type MappingFile } from './lib/authoring/columns.ts';
import { readContentFolder, writeContentFiles } from './lib/authoring/content-files.ts';
import { planImport, type ImportPlan, type RowReport } from './lib/authoring/table-import.ts';
import { readSheets, readTable, type NamedTable } from './lib/authoring/table.ts';
import { isWorkbookLayout, planWorkbookImport } from './lib/authoring/workbook-import.ts';
import { contentDir } from '../src/lib/site-config.ts';

const USAGE = `usage: npm run import -- <file.xlsx|file.csv…> --version <v> [options]
  A self-assessment workbook (ID | Requirement Description | Met? | Partner Response), or CSV
  files of its sheets, needs no option. Any other table is read one row per control:
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

const rowLine = (r: RowReport) =>
  `  ${r.sheet ? `"${r.sheet}" ` : ''}row ${r.row}${r.id ? ` (${r.id})` : ''}: ${r.reasons.join('; ')}`;

/** Prints what the import found, which columns it read, and every row worth a word. */
function report(plan: ImportPlan, workbook: boolean): void {
  if (workbook && plan.found) {
    const { found } = plan;
    for (const s of found.sheets) {
      console.log(
        s.skipped ? `Sheet "${s.name}": skipped, ${s.skipped}.` : `Sheet "${s.name}": read.`,
      );
    }
    for (const part of found.parts) {
      const n = part.sections.reduce((sum, s) => sum + s.items, 0);
      console.log(
        `Part "${part.title}" (${part.id}): ${part.sections.length} section(s), ${n} control(s)`,
      );
      for (const s of part.sections) console.log(`  ${s.title}: ${s.items}`);
    }
    const levels = Object.entries(found.levels)
      .filter(([, n]) => n > 0)
      .map(([l, n]) => `${n} ${l}`);
    console.log(`Levels: ${levels.length > 0 ? levels.join(', ') : 'none'}`);
  }
  console.log(
    `Columns: ${Object.entries(plan.columns)
      .map(([field, header]) => `${field} ← "${header}"`)
      .join(', ')}`,
  );
  if (plan.ignoredColumns.length > 0) {
    console.log(`Ignored columns: ${plan.ignoredColumns.map((h) => `"${h}"`).join(', ')}`);
  }
  if (plan.skipped.length > 0) {
    console.log(`Rows not imported (${plan.skipped.length}):`);
    plan.skipped.forEach((r) => console.log(rowLine(r)));
  }
  if (plan.warnings.length > 0) {
    console.log(`Worth a look (${plan.warnings.length}):`);
    plan.warnings.forEach((r) =>
      console.log(r.row === 0 ? `  ${r.reasons.join('; ')}` : rowLine(r)),
    );
  }
}

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
  if (positionals.length === 0 || !values.version) {
    throw new AuthoringError(`give the table file(s) and --version\n${USAGE}`);
  }
  const mapping: MappingFile = values.map
    ? parseMappingFile(await readFile(values.map, 'utf8'), values.map)
    : {};
  const headerRow = values['header-row'] ?? mapping.headerRow;
  if (headerRow !== undefined && !/^[1-9]\d*$/.test(String(headerRow))) {
    throw new AuthoringError('--header-row must be a row number such as 3');
  }
  const dir = resolve(values.content ?? contentDir(process.env));
  const read = async (file: string) => {
    try {
      return await readFile(file);
    } catch (e) {
      throw new AuthoringError(`cannot read ${file}: ${(e as Error).message}`);
    }
  };
  const encoding = values.encoding ?? mapping.encoding;
  const columns = { ...mapping.columns, ...parseColumnFlags(values.col ?? []) };
  // Named columns or a header row mean a column-mapped table, whatever its layout.
  const mapped = Object.keys(columns).length > 0 || headerRow !== undefined;
  const sheets: NamedTable[] = [];
  for (const file of positionals) {
    sheets.push(...(await readSheets(file, await read(file), { encoding })));
  }
  const existing = await readContentFolder(dir);
  const common = {
    version: values.version,
    fillJaWithEn: values['fill-ja-with-en'] ?? mapping.fillJaWithEn,
    auditsFrom: values['audits-from'],
    source: mapping.source,
    provenance: mapping.provenance,
  };
  const first = positionals[0]!;
  const xlsx = positionals.find((f) => /\.xlsx$/i.test(f));
  const workbook = !mapped && isWorkbookLayout(sheets);
  let plan: ImportPlan;
  if (workbook) {
    plan = planWorkbookImport(
      values.sheet ? sheets.filter((s) => s.sheet === values.sheet) : sheets,
      existing,
      {
        ...common,
        fileName: positionals.map((f) => basename(f)).join(', '),
        keepWorkbook: xlsx && positionals.length === 1 ? basename(xlsx) : undefined,
      },
    );
  } else {
    if (positionals.length > 1) {
      throw new AuthoringError(
        'several files are read together only when they are sheets of a self-assessment workbook (ID | Requirement Description | …)',
      );
    }
    const table = await readTable(first, await read(first), {
      sheet: values.sheet ?? mapping.sheet,
      encoding,
    });
    try {
      plan = planImport(table, existing, {
        ...common,
        fileName: basename(first),
        columns,
        headerRow: headerRow === undefined ? undefined : Number(headerRow),
      });
    } catch (e) {
      if (e instanceof AuthoringError && !mapped && e.message.startsWith('no column for')) {
        throw new AuthoringError(
          `${e.message}. No sheet has the self-assessment workbook's layout either (a header row ` +
            `ID | Requirement Description | Met? | Partner Response); sheets seen: ${sheets
              .map((s) => `"${s.sheet}"`)
              .join(', ')}`,
        );
      }
      throw e;
    }
    const from = [table.sheet && `sheet "${table.sheet}"`, table.encoding].filter(Boolean);
    console.log(`Read ${first}${from.length > 0 ? ` (${from.join(', ')})` : ''}.`);
  }
  report(plan, workbook);
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
    if (plan.keepWorkbookAt && xlsx) {
      // Kept beside the version: the self-check writes a reader's answers into a copy of it.
      const target = join(dir, plan.keepWorkbookAt);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(xlsx, target);
      console.log(`Kept the workbook as ${plan.keepWorkbookAt}.`);
    }
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
