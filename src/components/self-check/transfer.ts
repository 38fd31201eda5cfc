/**
 * Export, import, share links and review records of the overview, loaded on first use. An
 * import or a shared link is validated in full and previewed; nothing changes until the reader
 * confirms, and every change can be undone.
 */
import { exportCsv, exportDoc, exportJson, exportMarkdown } from '../../lib/self-check/export.ts';
import {
  applyImport,
  previewImport,
  readImport,
  type ImportError,
  type ImportMode,
  type PreviewRow,
} from '../../lib/self-check/import.ts';
import { reviewCsv, reviewRecord } from '../../lib/self-check/review.ts';
import { SHARE_PREFIX, ShareError, decodeShare, encodeShare } from '../../lib/self-check/share.ts';
import { fetchAllSelfCheckData, knownItems } from '../../lib/self-check/site-data.ts';
import { MAX_IMPORT_BYTES, type SelfCheckState } from '../../lib/self-check/types.ts';
import { button, el } from './dom.ts';
import type { OverviewHost } from './overview.ts';

const now = () => new Date().toISOString();
const today = () => now().slice(0, 10);

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Runs an export or review-record button. */
export function act(host: OverviewHost, action: string, pair: string | undefined) {
  const { store, data, pageLang: lang, t } = host;
  const state = store.state;
  if (action === 'share') void createShare(host);
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

function errorMessage(host: OverviewHost, error: ImportError): HTMLElement {
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
    return el('p', {}, t(key, { max: `${MAX_IMPORT_BYTES / 1_000_000} MB` }));
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

/** Validates a text against every version's items; `undefined` after showing the error. */
async function validated(host: OverviewHost, text: string, where: HTMLElement) {
  const all = host.data ? await fetchAllSelfCheckData(host.base, host.data) : [];
  const r = readImport(text, knownItems(all));
  if (r.ok) return r.state;
  where.replaceChildren(el('div', { class: 'notice', role: 'alert' }, errorMessage(host, r.error)));
  return undefined;
}

/** The preview of an import: what each mode would change, and the buttons to go ahead. */
function previewPanel(
  host: OverviewHost,
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
          ...rows.map((r) => el('li', {}, `${r.version} · ${r.id}`)),
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
    el('h3', {}, t('selfCheck.preview.title')),
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

/** Reads a chosen file and previews its import. */
export async function importFile(host: OverviewHost, file: File) {
  const where = host.find('.import-result');
  if (file.size > MAX_IMPORT_BYTES) {
    where.replaceChildren(
      el('div', { class: 'notice', role: 'alert' }, errorMessage(host, { code: 'too-large' })),
    );
    return;
  }
  const incoming = await validated(host, await file.text(), where);
  if (!incoming) return;
  const t = host.t;
  where.replaceChildren(
    previewPanel(
      host,
      incoming,
      ['merge', 'replace'],
      { apply: t('selfCheck.preview.apply'), cancel: t('selfCheck.preview.cancel') },
      (mode) => {
        where.replaceChildren();
        if (!host.store.save(applyImport(host.store.state, incoming, mode), 'import')) {
          host.flash(
            el('p', {}, t('selfCheck.import.done')),
            button(t('selfCheck.undo'), () => undo(host)),
          );
        } else host.render();
      },
      () => where.replaceChildren(),
    ),
  );
  where.querySelector<HTMLElement>('h3')?.scrollIntoView({ block: 'nearest' });
}

function undo(host: OverviewHost) {
  host.store.undo();
  host.flash(el('p', {}, host.t('selfCheck.undo.done')));
}

async function createShare(host: OverviewHost) {
  const t = host.t;
  const value = await encodeShare(exportDoc(host.store.state, now()));
  const link = new URL(`${host.root}self-check/${SHARE_PREFIX}${value}`, location.href).href;
  const input = el('input', { type: 'text', readonly: '', id: 'sc-share-link', value: link });
  const status = el('span', { role: 'status' });
  host.find('.share-result').replaceChildren(
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
  let text: string;
  try {
    text = await decodeShare(value);
  } catch (e) {
    const tooLarge = e instanceof ShareError && e.code === 'too-large';
    where.replaceChildren(
      el(
        'div',
        { class: 'notice', role: 'alert' },
        tooLarge
          ? t('selfCheck.import.tooLarge', { max: `${MAX_IMPORT_BYTES / 1_000_000} MB` })
          : t('selfCheck.share.bad'),
      ),
    );
    return;
  }
  const incoming = await validated(host, text, where);
  if (!incoming) return;
  const panel = previewPanel(
    host,
    incoming,
    ['merge'],
    { apply: t('selfCheck.share.merge'), cancel: t('selfCheck.share.dismiss') },
    () => {
      where.replaceChildren();
      dropFragment();
      if (!host.store.save(applyImport(host.store.state, incoming, 'merge'), 'share')) {
        host.flash(
          el('p', {}, t('selfCheck.share.merged')),
          button(t('selfCheck.undo'), () => undo(host)),
        );
      } else host.render();
    },
    () => {
      where.replaceChildren();
      dropFragment();
    },
  );
  panel.prepend(el('p', {}, t('selfCheck.share.received')));
  where.replaceChildren(panel);
}
