/**
 * Export, import, share links and review records of the overview, loaded on first use. An
 * import or a shared link is validated in full and previewed; nothing changes until the reader
 * confirms, and the change can be undone.
 */
import { exportCsv, exportDoc, exportJson, exportMarkdown } from '../../lib/self-check/export.ts';
import { itemLabel, standingLabel } from '../../lib/self-check/labels.ts';
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
  const { store, data, pageLang: lang, t } = host;
  const state = store.state;
  if (action === 'share') await createShare(host);
  else if (action === 'review-json' || action === 'review-csv') {
    const record = reviewRecord(state, pair ?? '', now());
    const name = `review-record-${record.pair}-${today()}`;
    if (action === 'review-json') {
      download(`${name}.json`, `${JSON.stringify(record, null, 2)}\n`, 'application/json');
    } else download(`${name}.csv`, reviewCsv(record, t), 'text/csv');
  } else if (action === 'export-json') {
    download(`self-check-${today()}.json`, exportJson(state, now()), 'application/json');
  } else if (data && action === 'export-csv') {
    download(
      `self-check-${data.version}-${today()}.csv`,
      exportCsv(data, state, lang, t),
      'text/csv',
    );
  } else if (data && action === 'export-md') {
    const md = exportMarkdown(data, state, lang, t, now());
    download(`self-check-${data.version}-${today()}.md`, md, 'text/markdown');
  }
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

function errorMessage(host: OverviewHost, error: ImportError, maxBytes: number): HTMLElement {
  const t = host.t;
  if (error.code !== 'invalid') {
    const key = (
      {
        'too-large': 'selfCheck.import.tooLarge',
        'not-json': 'selfCheck.import.notJson',
        foreign: 'selfCheck.import.foreign',
        newer: 'selfCheck.import.newer',
      } as const
    )[error.code];
    return el('p', {}, t(key, { max: megabytes(maxBytes) }));
  }
  return el(
    'div',
    {},
    el('p', {}, t('selfCheck.import.invalid')),
    el(
      'ul',
      {},
      ...error.issues.map((i) => el('li', {}, t(`selfCheck.issue.${i.code}`, { path: i.path }))),
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
  const t = host.t;
  const item = all.find((d) => d.version === row.version)?.items.find((i) => i.id === row.id);
  const label = item ? itemLabel(item, host.pageLang) : row.id;
  const describe = (a: Answer | undefined) => {
    if (!a) return '';
    const notes = a.notes.trim();
    const cut =
      notes.length > NOTE_PREVIEW_CHARS ? `${notes.slice(0, NOTE_PREVIEW_CHARS)}…` : notes;
    return [standingLabel(t, standingOf(a)), cut && `${t('selfCheck.col.notes')}: “${cut}”`]
      .filter(Boolean)
      .join(' · ');
  };
  const theirs = answerOf(incoming, row.version, row.id);
  const mine = answerOf(host.store.state, row.version, row.id);
  const parts = [
    row.change !== 'removed' && `${t('selfCheck.preview.inFile')}: ${describe(theirs)}`,
    row.change !== 'added' && `${t('selfCheck.preview.yours')}: ${describe(mine)}`,
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
  const t = host.t;
  const box = el('div', { class: 'notice preview' });
  let mode: ImportMode = modes[0]!;
  const list = el('div');
  const show = () => {
    const p = previewImport(host.store.state, incoming, mode);
    const groups: [PreviewRow['change'], string][] = [
      ['added', t('selfCheck.preview.added')],
      ['updated', t('selfCheck.preview.updated')],
      ['removed', t('selfCheck.preview.removed')],
      ['kept', t('selfCheck.preview.kept')],
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
    if (p.rows.length === 0) parts.push(el('p', {}, t('selfCheck.preview.none')));
    if (p.reviews > 0) parts.push(el('p', {}, `${t('selfCheck.preview.reviews')}: ${p.reviews}`));
    list.replaceChildren(...parts);
  };
  const chooser =
    modes.length > 1
      ? el(
          'fieldset',
          {},
          el('legend', {}, t('selfCheck.preview.mode')),
          ...modes.map((m) => {
            const input = el('input', { type: 'radio', name: 'import-mode', value: m });
            input.checked = m === mode;
            input.addEventListener('change', () => {
              mode = m;
              show();
            });
            return el('label', {}, input, ` ${t(`selfCheck.preview.${m}`)}`);
          }),
        )
      : '';
  show();
  box.append(
    el('h3', { tabindex: '-1' }, t('selfCheck.preview.title')),
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
      el(
        'button',
        { type: 'button', class: 'mce-button', 'data-action': 'undo' },
        host.t('selfCheck.undo'),
      ),
    );
  } else host.render();
}

/** The reason an unexpected failure gives, for the message. */
const reason = (e: unknown) => (e instanceof Error ? e.name : String(e));

/** Reads a chosen file and previews its import. */
export async function importFile(host: OverviewHost, file: File) {
  const where = host.find('.import-result');
  const t = host.t;
  try {
    const rules = await importRules(host);
    if (file.size > rules.maxBytes) {
      alert(where, errorMessage(host, { code: 'too-large' }, rules.maxBytes));
      return;
    }
    const incoming = validated(host, await file.text(), rules, where);
    if (incoming) showImportPreview(host, rules.all, incoming, where);
  } catch (e) {
    alert(where, t('selfCheck.import.failed', { error: reason(e) }));
  }
}

/**
 * Previews a validated import in `where` (after any `before` content, such as a list of rows
 * left out) and applies it, merged or replacing, on the reader's go-ahead; undo then takes back
 * only what the import changed.
 */
export function showImportPreview(
  host: OverviewHost,
  all: SelfCheckData[],
  incoming: SelfCheckState,
  where: HTMLElement,
  ...before: HTMLElement[]
) {
  const t = host.t;
  const panel = previewPanel(
    host,
    all,
    incoming,
    ['merge', 'replace'],
    { apply: t('selfCheck.preview.apply'), cancel: t('selfCheck.preview.cancel') },
    (mode) => {
      where.replaceChildren();
      const result = host.store.update((state) => applyImport(state, incoming, mode), 'import');
      applied(host, result, t('selfCheck.import.done'));
    },
    () => where.replaceChildren(),
  );
  where.replaceChildren(...before, panel);
  const heading = panel.querySelector<HTMLElement>('h3')!;
  heading.scrollIntoView({ block: 'nearest' });
  heading.focus({ preventScroll: true });
}

async function createShare(host: OverviewHost) {
  const t = host.t;
  const where = host.find('.share-result');
  const value = await encodeShare(exportDoc(host.store.state, now()));
  const link = new URL(`${host.root}self-check/${SHARE_PREFIX}${value}`, location.href).href;
  const fit = shareLinkFit(link.length);
  if (fit === 'too-long') {
    alert(where, t('selfCheck.share.tooLong', { n: link.length.toLocaleString(host.pageLang) }));
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
            t('selfCheck.share.long', { n: link.length.toLocaleString(host.pageLang) }),
          ),
        ]
      : []),
    el('p', {}, el('label', { for: 'sc-share-link' }, t('selfCheck.share.label')), input),
    el(
      'p',
      {},
      button(t('selfCheck.share.copy'), async () => {
        input.select();
        try {
          await navigator.clipboard.writeText(link);
          status.textContent = t('selfCheck.share.copied');
        } catch {
          // Clipboard refused: the link stays selected for the reader to copy.
        }
      }),
      ' ',
      status,
    ),
    el('p', { class: 'mce-muted' }, t('selfCheck.share.note')),
  );
}

function dropFragment() {
  const url = new URL(location.href);
  url.hash = '';
  history.replaceState(null, '', url);
}

/** Shows what a shared link holds and asks before merging it. */
export async function receiveShare(host: OverviewHost, value: string) {
  const t = host.t;
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
        t(tooLarge ? 'selfCheck.import.tooLarge' : 'selfCheck.share.bad', {
          max: megabytes(rules.maxBytes),
        }),
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
      { apply: t('selfCheck.share.merge'), cancel: t('selfCheck.share.dismiss') },
      () => {
        where.replaceChildren();
        dropFragment();
        const result = host.store.update((state) => applyImport(state, incoming, 'merge'), 'share');
        applied(host, result, t('selfCheck.share.merged'));
      },
      () => {
        where.replaceChildren();
        dropFragment();
      },
    );
    panel.prepend(el('p', {}, t('selfCheck.share.received')));
    where.replaceChildren(panel);
  } catch (e) {
    alert(where, t('selfCheck.share.failed', { error: reason(e) }));
  }
}
