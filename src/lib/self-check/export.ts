/** Exports of the self-check: lossless JSON, CSV for spreadsheets, Markdown for people. */
import type { Lang } from '../model.ts';
import type { Translate } from '../translate.ts';
import { itemLabel, sectionLabel, standingLabel, type ExportKey } from './labels.ts';
import { progress, standingOf } from './progress.ts';
import type { SelfCheckData } from './version-file.ts';
import { EXPORT_FORMAT, SCHEMA, own, type ExportDoc, type SelfCheckState } from './types.ts';

/** The state as an export document: every version's answers, marks and timestamps. */
export function exportDoc(state: SelfCheckState, now: string): ExportDoc {
  return {
    format: EXPORT_FORMAT,
    schema: SCHEMA,
    exportedAt: now,
    answers: structuredClone(state.answers),
    reviews: structuredClone(state.reviews),
    carried: structuredClone(state.carried),
  };
}

/** The lossless JSON export. */
export function exportJson(state: SelfCheckState, now: string): string {
  return `${JSON.stringify(exportDoc(state, now), null, 2)}\n`;
}

function rows(data: SelfCheckData, state: SelfCheckState) {
  const answers = own(state.answers, data.version) ?? {};
  return data.items.map((item) => {
    const a = own(answers, item.id);
    const checked = item.evidence.filter((e) => own(a?.evidence, e.key) === true);
    return { item, a, checked, standing: standingOf(a) };
  });
}

/**
 * What makes a spreadsheet read a cell as a formula: `= + - @`, their full-width forms
 * (`＝ ＋ － ＠`, which Japanese input produces), or white space before one of them.
 */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\s]/u;

/** A CSV cell: quoted, and defused when a spreadsheet would read it as a formula. */
function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Lines of CSV, with a byte-order mark so spreadsheets read UTF-8 (Japanese) correctly. */
export function toCsv(table: string[][]): string {
  return `\uFEFF${table.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** One row per item of the version, answered or not. */
export function exportCsv(
  data: SelfCheckData,
  state: SelfCheckState,
  lang: Lang,
  t: Translate<ExportKey>,
): string {
  const header = [
    t('selfCheck.col.version'),
    t('selfCheck.col.section'),
    t('selfCheck.col.item'),
    t('selfCheck.col.title'),
    t('selfCheck.col.status'),
    t('selfCheck.col.evidence'),
    t('selfCheck.col.notes'),
    t('selfCheck.col.updated'),
    t('selfCheck.col.hash'),
    t('selfCheck.col.flag'),
  ];
  const body = rows(data, state).map(({ item, a, checked, standing }) => [
    data.version,
    item.section,
    item.id,
    item.title[lang],
    standingLabel(t, standing),
    checked.map((e) => e.key).join('; '),
    a?.notes ?? '',
    a?.updatedAt ?? '',
    a?.contentHash ?? '',
    a?.review === 'reopened'
      ? t('selfCheck.badge.reopened')
      : a?.review === 'editorial'
        ? t('selfCheck.badge.editorial')
        : '',
  ]);
  return toCsv([header, ...body]);
}

/** Escapes Markdown syntax so user text reads as typed. */
export function mdEscape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~!{}]/g, (c) => `\\${c}`);
}

/** A readable report of one version, by section. */
export function exportMarkdown(
  data: SelfCheckData,
  state: SelfCheckState,
  lang: Lang,
  t: Translate<ExportKey>,
  now: string,
): string {
  const { overall } = progress(data, state);
  const out = [
    `# ${t('selfCheck.report.title')}: ${t('selfCheck.title')} ${data.version}`,
    '',
    t('selfCheck.report.meta', { v: data.version, date: now.slice(0, 10) }),
    '',
    `**${t('selfCheck.progress.title')}:** ${t('selfCheck.progress.answered', overall)}; ${t('selfCheck.progress.breakdown', { ...overall, notYet: overall['not-yet'] })}`,
  ];
  const all = rows(data, state);
  for (const section of data.sections) {
    const inSection = all.filter((r) => r.item.section === section.id);
    if (inSection.length === 0) continue;
    out.push('', `## ${mdEscape(sectionLabel(section, lang, t))}`);
    for (const { item, a, checked, standing } of inSection) {
      out.push('', `### ${mdEscape(itemLabel(item, lang))}`, '');
      out.push(`- ${t('selfCheck.col.status')}: ${standingLabel(t, standing)}`);
      if (item.evidence.length > 0) {
        out.push(`- ${t('selfCheck.col.evidence')}: ${checked.length}/${item.evidence.length}`);
        for (const e of item.evidence) {
          out.push(`  - [${checked.includes(e) ? 'x' : ' '}] ${mdEscape(e[lang])}`);
        }
      }
      if (a?.notes.trim()) {
        out.push(`- ${t('selfCheck.col.notes')}:`, '');
        for (const line of a.notes.split(/\r?\n/)) out.push(`  > ${mdEscape(line)}`);
      }
      if (a) out.push(`- ${t('selfCheck.col.updated')}: ${a.updatedAt}`);
    }
  }
  return `${out.join('\n')}\n`;
}
