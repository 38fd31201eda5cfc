/**
 * The readiness block of the self-check overview: per part and section, mandatory controls met
 * and all items met; then the items not met yet, mandatory ones first.
 */
import type { ClientKey } from '../../lib/client-strings.ts';
import { readiness, type Tally } from '../../lib/self-check/readiness.ts';
import type { ItemData, SelfCheckData } from '../../lib/self-check/version-file.ts';
import type { SelfCheckState } from '../../lib/self-check/types.ts';
import type { Translate } from '../../lib/translate.ts';
import { el } from '../dom.ts';

export interface ReadinessContext {
  t: Translate<ClientKey<'selfCheckOverview'>>;
  label(item: ItemData): string;
  href(id: string): string;
  sectionLabel(section: SelfCheckData['sections'][number]): string;
  partLabel(part: NonNullable<SelfCheckData['parts']>[number]): string;
}

const tally = (n: Tally) => (n.total === 0 ? '–' : `${n.met} / ${n.total}`);

/** Renders the readiness of `data` into `target`. */
export function renderReadiness(
  target: HTMLElement,
  data: SelfCheckData,
  state: SelfCheckState,
  ctx: ReadinessContext,
): void {
  const { t } = ctx;
  const r = readiness(data, state);
  const columns = [
    t('selfCheck.readiness.section'),
    ...(r.hasLevels ? [t('selfCheck.readiness.mandatoryCol')] : []),
    t('selfCheck.readiness.allCol'),
  ];
  const row = (head: string, n: { mandatory: Tally; all: Tally }, tag: 'th' | 'td' = 'td') =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, head),
      ...(r.hasLevels ? [el(tag, {}, tally(n.mandatory))] : []),
      el(tag, {}, tally(n.all)),
    );
  const body = r.parts.flatMap((p) => [
    ...(p.part ? [row(`${t('selfCheck.readiness.part')}: ${ctx.partLabel(p.part)}`, p, 'th')] : []),
    ...p.sections.map((sec) => row(ctx.sectionLabel(sec.section), sec)),
  ]);
  const open = r.open.map((item) =>
    el(
      'li',
      { 'data-item': item.id, 'data-level': item.level },
      el('a', { href: ctx.href(item.id) }, ctx.label(item)),
      ...(item.level === 'mandatory' ? [el('span', { class: 'badge' }, t('level.mandatory'))] : []),
    ),
  );
  target.replaceChildren(
    ...(r.hasLevels ? [] : [el('p', {}, t('selfCheck.readiness.noLevels'))]),
    el(
      'table',
      {},
      el('thead', {}, el('tr', {}, ...columns.map((c) => el('th', { scope: 'col' }, c)))),
      el('tbody', {}, ...body),
    ),
    el('h3', {}, t('selfCheck.readiness.open', { n: open.length })),
    open.length === 0
      ? el('p', {}, t('selfCheck.readiness.none'))
      : el('ul', { class: 'open' }, ...open),
  );
}
