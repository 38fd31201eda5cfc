/**
 * The workbook actions of the overview, loaded when a reader asks for one: download the
 * self-assessment workbook with the answers filled in, and read a filled workbook into the
 * self-check through the same preview, merge or replace, and undo as a JSON import. exceljs is
 * large: it is imported here, on first use, into a chunk of its own.
 */
import type { ClientKey } from '../../lib/client-strings.ts';
import { MAX_IMPORT_BYTES, MAX_NOTE_CHARS } from '../../lib/self-check/types.ts';
import { fetchAllSelfCheckData, fetchSelfCheckData } from '../../lib/self-check/version-file.ts';
import {
  fillWorkbook,
  generatedWorkbook,
  answerTime,
  readWorkbookAnswers,
  type VersionItem,
  type WorkbookProblem,
} from '../../lib/self-check/workbook.ts';
import type { Translate } from '../../lib/translate.ts';
import { baseHref, dataPaths } from '../../lib/urls.ts';
import { el } from '../dom.ts';
import type { OverviewHost } from './overview-host.ts';

const exceljs = async () => (await import('exceljs')).default;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function save(name: string, bytes: ArrayBuffer) {
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

/** Downloads the version's workbook (or one made in its layout) with the answers filled in. */
export async function downloadWorkbook(host: OverviewHost): Promise<void> {
  const { data, t } = host;
  if (!data) return;
  const where = host.find('.workbook-result');
  try {
    const ExcelJS = await exceljs();
    let workbook: InstanceType<typeof ExcelJS.Workbook>;
    let name: string;
    const today = new Date().toISOString().slice(0, 10);
    if (data.workbook) {
      workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await fetchBytes(baseHref(data.workbook.path)));
      name = data.workbook.name.replace(/\.xlsx$/i, `-answers-${today}.xlsx`);
    } else {
      const res = await fetch(baseHref(dataPaths.version(data.version)));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const version = (await res.json()) as { items: VersionItem[] };
      workbook = generatedWorkbook(ExcelJS.Workbook, data, version.items);
      name = `self-assessment-${data.version}-answers-${today}.xlsx`;
    }
    const result = fillWorkbook(workbook, data, host.store.state);
    // Formulas that count answers are worked out again when the file is opened.
    workbook.calcProperties.fullCalcOnLoad = true;
    save(name, await workbook.xlsx.writeBuffer());
    where.replaceChildren(el('p', { role: 'status' }, t('selfCheck.workbook.done', result)));
  } catch (e) {
    where.replaceChildren(
      el(
        'p',
        { class: 'notice', role: 'alert' },
        t('selfCheck.workbook.failed', { reason: (e as Error).message }),
      ),
    );
  }
}

function problemText(
  t: Translate<ClientKey<'selfCheckOverview'>>,
  p: WorkbookProblem,
  version: string,
): string {
  return t(`selfCheck.workbook.problem.${p.code}`, {
    ...p,
    value: p.value ?? '',
    v: version,
    max: MAX_NOTE_CHARS,
  });
}

/**
 * Reads a workbook the team filled in, lists the rows it cannot use, and previews the rest as
 * an import into the version shown.
 */
export async function importWorkbook(host: OverviewHost, file: File): Promise<void> {
  const { data, t } = host;
  const where = host.find('.import-result');
  const fail = (reason: string) =>
    where.replaceChildren(
      el('div', { class: 'notice', role: 'alert' }, t('selfCheck.workbook.unreadable', { reason })),
    );
  if (!data) return;
  // A workbook is a zip of XML: allow it some room over the JSON limit.
  if (file.size > MAX_IMPORT_BYTES * 20) {
    fail(t('selfCheck.import.tooLarge', { max: `${(MAX_IMPORT_BYTES * 20) / 1_000_000} MB` }));
    return;
  }
  try {
    const ExcelJS = await exceljs();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    const current = await fetchSelfCheckData(host.base, data.version);
    const { state, problems } = readWorkbookAnswers(
      workbook,
      current,
      answerTime(file.lastModified, Date.now()),
    );
    const shown = problems.slice(0, MAX_LISTED_PROBLEMS);
    const listed = problems.length
      ? [
          el(
            'div',
            { class: 'notice', 'data-workbook-problems': '' },
            el('p', {}, t('selfCheck.workbook.problems', { n: problems.length })),
            el('ul', {}, ...shown.map((p) => el('li', {}, problemText(t, p, data.version)))),
            ...(problems.length > shown.length
              ? [
                  el(
                    'p',
                    {},
                    t('selfCheck.workbook.moreProblems', { n: problems.length - shown.length }),
                  ),
                ]
              : []),
          ),
        ]
      : [];
    if (Object.keys(state.answers).length === 0) {
      where.replaceChildren(
        ...listed,
        el('p', { class: 'notice' }, t('selfCheck.workbook.noAnswers')),
      );
      return;
    }
    const all = await fetchAllSelfCheckData(host.base, data);
    (await import('./transfer.ts')).showImportPreview(host, all, state, where, ...listed);
  } catch (e) {
    // Whatever failed (the library, a fetch, an odd file), the stored answers are untouched.
    fail(e instanceof Error ? e.message : String(e));
  }
}

/** Rows the import result lists one by one; the rest are counted. */
const MAX_LISTED_PROBLEMS = 50;
