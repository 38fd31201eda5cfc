/**
 * Export, import, share links and review records of the overview, loaded on first use. An
 * import or a shared link is validated in full and previewed; nothing changes until the reader
 * confirms, and the change can be undone.
 */
import { exportCsv, exportDoc, exportJson, exportMarkdown } from '../../lib/self-check/export.ts';
import { itemLabel, standingLabel } from '../../lib/self-check/labels.ts';
import { fmt } from '../../lib/self-check/format.ts';
import {
  applyImport,
  importLimit,
  previewImport,
  readImport,
  type ImportError,
  type ImportMode,
  type PreviewRow,
} from '../../lib/self-check/import-answers.ts';
import { standingOf } from '../../lib/self-check/progress.ts';
import { reviewCsv, reviewRecord } from '../../lib/self-check/review.ts';
import {
  SHARE_PREFIX,
  ShareError,
  decodeShare,
  encodeShare,
  shareLinkFit,
} from '../../lib/self-check/share.ts';
import { answerOf } from '../../lib/self-check/state.ts';
import type { SaveResult } from '../../lib/self-check/storage.ts';
import type { Answer, SelfCheckState } from '../../lib/self-check/types.ts';
import {
  fetchAllSelfCheckData,
  knownItems,
  type SelfCheckData,
} from '../../lib/self-check/version-file.ts';
import { button, el } from '../dom.ts';
import { download } from './download.ts';
import type { OverviewHost } from './overview-host.ts';

const now = () => new Date().toISOString();
const today = () => now().slice(0, 10);
/** Characters of a note shown in an import preview. */
const NOTE_PREVIEW_CHARS = 80;

/** Runs an export or review-record button. */
export async function act(host: OverviewHost, action: string, pair: string | undefined) {
  const { store, data, pageLang: lang, s } = host;
  const state = store.state;
  if (action === 'share') await createShare(host);
  else if (action === 'review-json' || action === 'review-csv') {
    const record = reviewRecord(state, pair ?? '', now());
    const name = `review-record-${record.pair}-${today()}`;
    if (action === 'review-json') {
      download(`${name}.json`, `${JSON.stringify(record, null, 2)}\n`, 'application/json');
    } else download(`${name}.csv`, reviewCsv(record, s), 'text/csv');
  } else if (action === 'export-json') {
    download(`self-check-${today()}.json`, exportJson(state, now()), 'application/json');
  } else if (data && action === 'export-csv') {
    download(
      `self-check-${data.version}-${today()}.csv`,
      exportCsv(data, state, lang, s),
      'text/csv',
    );
  } else if (data && action === 'export-md') {
    const md = exportMarkdown(data, state, lang, s, now());
    download(`self-check-${data.version}-${today()}.md`, md, 'text/markdown');
  }
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

function errorMessage(host: OverviewHost, error: ImportError, maxBytes: number): HTMLElement {
  const s = host.s;
  if (error.code !== 'invalid') {
    const key = (
      {
        'too-large': 'import.tooLarge',
        'not-json': 'import.notJson',
        foreign: 'import.foreign',
        newer: 'import.newer',
      } as const
    )[error.code];
    return el('p', {}, fmt(s[key], { max: megabytes(maxBytes) }));
  }
  return el(
    'div',
    {},
    el('p', {}, s['import.invalid']),
    el(
      'ul',
      {},
      ...error.issues.map((i) => el('li', {}, fmt(s[`issue.${i.code}`], { path: i.path }))),
    ),
  );
}

/** Shows a refusal in `where`. */
function alert(where: HTMLElement, ...content: (Node | string)[]) {
  where.replaceChildren(el('div', { class: 'notice', role: 'alert' }, ...content));
}

/** What an import is checked against: every version's items, and the size limit they allow. */
async function importRules(host: OverviewHost) {
  const all = host.data ? await fetchAllSelfCheckData(host.base, host.data) : [];
  return { all, known: knownItems(all), maxBytes: importLimit(all) };
}

/** Validates a text; `undefined` after showing what is wrong. */
function validated(
  host: OverviewHost,
  text: string,
  rules: Awaited<ReturnType<typeof importRules>>,
  where: HTMLElement,
) {
  const r = readImport(text, rules.known, { now: now(), maxBytes: rules.maxBytes });
  if (r.ok) return r.state;
  alert(where, errorMessage(host, r.error, rules.maxBytes));
  return undefined;
}

/** One line of a preview: the item, and what the file and the reader have for it. */
function previewLine(
  host: OverviewHost,
  all: SelfCheckData[],
  row: PreviewRow,
  incoming: SelfCheckState,
) {
  const s = host.s;
  const item = all.find((d) => d.version === row.version)?.items.find((i) => i.id === row.id);
  const label = item ? itemLabel(item, host.pageLang) : row.id;
  const describe = (a: Answer | undefined) => {
    if (!a) return '';
    const notes = a.notes.trim();
    const cut =
      notes.length > NOTE_PREVIEW_CHARS ? `${notes.slice(0, NOTE_PREVIEW_CHARS)}…` : notes;
    return [standingLabel(s, standingOf(a)), cut && `${s['col.notes']}: “${cut}”`]
      .filter(Boolean)
      .join(' · ');
  };
  const theirs = answerOf(incoming, row.version, row.id);
  const mine = answerOf(host.store.state, row.version, row.id);
  const parts = [
    row.change !== 'removed' && `${s['preview.inFile']}: ${describe(theirs)}`,
    row.change !== 'added' && `${s['preview.yours']}: ${describe(mine)}`,
  ].filter((p): p is string => !!p);
  return el(
    'li',
    {},
    el('strong', {}, label),
    ` (${row.version} · ${row.id}) — `,
    el('span', { class: 'user-text' }, parts.join('; ')),
  );
}

/** The preview of an import: what each mode would change, and the buttons to go ahead. */
function previewPanel(
  host: OverviewHost,
  all: SelfCheckData[],
  incoming: SelfCheckState,
  modes: ImportMode[],
  labels: { apply: string; cancel: string },
  onApply: (mode: ImportMode) => void,
  onCancel: () => void,
): HTMLElement {
  const s = host.s;
  const box = el('div', { class: 'notice preview' });
  let mode: ImportMode = modes[0]!;
  const list = el('div');
  const show = () => {
    const p = previewImport(host.store.state, incoming, mode);
    const groups: [PreviewRow['change'], string][] = [
      ['added', s['preview.added']],
      ['updated', s['preview.updated']],
      ['removed', s['preview.removed']],
      ['kept', s['preview.kept']],
    ];
    const parts: HTMLElement[] = [];
    for (const [change, title] of groups) {
      const rows = p.rows.filter((r) => r.change === change);
      if (rows.length === 0) continue;
      parts.push(
        el('p', {}, el('strong', {}, `${title} (${rows.length})`)),
        el(
          'ul',
          { 'data-change': change },
          ...rows.map((r) => previewLine(host, all, r, incoming)),
        ),
      );
    }
    if (p.rows.length === 0) parts.push(el('p', {}, s['preview.none']));
    if (p.reviews > 0) parts.push(el('p', {}, `${s['preview.reviews']}: ${p.reviews}`));
    list.replaceChildren(...parts);
  };
  const chooser =
    modes.length > 1
      ? el(
          'fieldset',
          {},
          el('legend', {}, s['preview.mode']),
          ...modes.map((m) => {
            const input = el('input', { type: 'radio', name: 'import-mode', value: m });
            input.checked = m === mode;
            input.addEventListener('change', () => {
              mode = m;
              show();
            });
            return el('label', {}, input, ` ${s[`preview.${m}`]}`);
          }),
        )
      : '';
  show();
  box.append(
    el('h3', { tabindex: '-1' }, s['preview.title']),
    chooser,
    list,
    el(
      'p',
      { class: 'actions' },
      button(labels.apply, () => onApply(mode), { 'data-apply': '' }),
      button(labels.cancel, onCancel),
    ),
  );
  return box;
}

/** Tells the outcome of an import or merge (the overview shows a failed write itself). */
function applied(host: OverviewHost, result: SaveResult, message: string) {
  if (result.saved || result.problem === 'unavailable') {
    host.flash(
      el('p', {}, message),
      el('button', { type: 'button', class: 'mce-button', 'data-action': 'undo' }, host.s.undo),
    );
  } else host.render();
}

/** The reason an unexpected failure gives, for the message. */
const reason = (e: unknown) => (e instanceof Error ? e.name : String(e));

/** Reads a chosen file and previews its import. */
export async function importFile(host: OverviewHost, file: File) {
  const where = host.find('.import-result');
  const s = host.s;
  try {
    const rules = await importRules(host);
    if (file.size > rules.maxBytes) {
      alert(where, errorMessage(host, { code: 'too-large' }, rules.maxBytes));
      return;
    }
    const incoming = validated(host, await file.text(), rules, where);
    if (!incoming) return;
    const panel = previewPanel(
      host,
      rules.all,
      incoming,
      ['merge', 'replace'],
      { apply: s['preview.apply'], cancel: s['preview.cancel'] },
      (mode) => {
        where.replaceChildren();
        const result = host.store.update((state) => applyImport(state, incoming, mode), 'import');
        applied(host, result, s['import.done']);
      },
      () => where.replaceChildren(),
    );
    where.replaceChildren(panel);
    const heading = panel.querySelector<HTMLElement>('h3')!;
    heading.scrollIntoView({ block: 'nearest' });
    heading.focus({ preventScroll: true });
  } catch (e) {
    alert(where, fmt(s['import.failed'], { error: reason(e) }));
  }
}

async function createShare(host: OverviewHost) {
  const s = host.s;
  const where = host.find('.share-result');
  const value = await encodeShare(exportDoc(host.store.state, now()));
  const link = new URL(`${host.root}self-check/${SHARE_PREFIX}${value}`, location.href).href;
  const fit = shareLinkFit(link.length);
  if (fit === 'too-long') {
    alert(where, fmt(s['share.tooLong'], { n: link.length.toLocaleString(host.pageLang) }));
    return;
  }
  const input = el('input', { type: 'text', readonly: '', id: 'sc-share-link', value: link });
  const status = el('span', { role: 'status' });
  where.replaceChildren(
    ...(fit === 'long'
      ? [
          el(
            'p',
            { class: 'notice', 'data-share-long': '' },
            fmt(s['share.long'], { n: link.length.toLocaleString(host.pageLang) }),
          ),
        ]
      : []),
    el('p', {}, el('label', { for: 'sc-share-link' }, s['share.label']), input),
    el(
      'p',
      {},
      button(s['share.copy'], async () => {
        input.select();
        try {
          await navigator.clipboard.writeText(link);
          status.textContent = s['share.copied'];
        } catch {
          // Clipboard refused: the link stays selected for the reader to copy.
        }
      }),
      ' ',
      status,
    ),
    el('p', { class: 'mce-muted' }, s['share.note']),
  );
}

function dropFragment() {
  const url = new URL(location.href);
  url.hash = '';
  history.replaceState(null, '', url);
}

/** Shows what a shared link holds and asks before merging it. */
export async function receiveShare(host: OverviewHost, value: string) {
  const s = host.s;
  const where = host.find('.shared');
  try {
    const rules = await importRules(host);
    let text: string;
    try {
      text = await decodeShare(value, rules.maxBytes);
    } catch (e) {
      const tooLarge = e instanceof ShareError && e.code === 'too-large';
      alert(
        where,
        fmt(s[tooLarge ? 'import.tooLarge' : 'share.bad'], { max: megabytes(rules.maxBytes) }),
      );
      return;
    }
    const incoming = validated(host, text, rules, where);
    if (!incoming) return;
    const panel = previewPanel(
      host,
      rules.all,
      incoming,
      ['merge'],
      { apply: s['share.merge'], cancel: s['share.dismiss'] },
      () => {
        where.replaceChildren();
        dropFragment();
        const result = host.store.update((state) => applyImport(state, incoming, 'merge'), 'share');
        applied(host, result, s['share.merged']);
      },
      () => {
        where.replaceChildren();
        dropFragment();
      },
    );
    panel.prepend(el('p', {}, s['share.received']));
    where.replaceChildren(panel);
  } catch (e) {
    alert(where, fmt(s['share.failed'], { error: reason(e) }));
  }
}
