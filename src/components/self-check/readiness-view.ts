/**
 * The readiness block of the self-check overview: per part and section, mandatory controls met
 * and all items met; then the items not met yet, mandatory ones first.
 */
import type { SelfCheckStrings } from '../../lib/self-check-strings.ts';
import { fmt } from '../../lib/self-check/format.ts';
import { readiness, type Tally } from '../../lib/self-check/readiness.ts';
import type { ItemData, SelfCheckData } from '../../lib/self-check/site-data.ts';
import type { SelfCheckState } from '../../lib/self-check/types.ts';
import { el } from './dom.ts';

export interface ReadinessContext {
  s: SelfCheckStrings;
  label(item: ItemData): string;
  href(id: string): string;
  sectionLabel(section: SelfCheckData['sections'][number]): string;
  partLabel(part: NonNullable<SelfCheckData['parts']>[number]): string;
}

const tally = (t: Tally) => (t.total === 0 ? '–' : `${t.met} / ${t.total}`);

/** Renders the readiness of `data` into `target`. */
export function renderReadiness(
  target: HTMLElement,
  data: SelfCheckData,
  state: SelfCheckState,
  ctx: ReadinessContext,
): void {
  const { s } = ctx;
  const r = readiness(data, state);
  const columns = [
    s['readiness.section'],
    ...(r.hasLevels ? [s['readiness.mandatoryCol']] : []),
    s['readiness.allCol'],
  ];
  const row = (head: string, t: { mandatory: Tally; all: Tally }, tag: 'th' | 'td' = 'td') =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, head),
      ...(r.hasLevels ? [el(tag, {}, tally(t.mandatory))] : []),
      el(tag, {}, tally(t.all)),
    );
  const body = r.parts.flatMap((p) => [
    ...(p.part ? [row(`${s['readiness.part']}: ${ctx.partLabel(p.part)}`, p, 'th')] : []),
    ...p.sections.map((sec) => row(ctx.sectionLabel(sec.section), sec)),
  ]);
  const open = r.open.map((item) =>
    el(
      'li',
      { 'data-item': item.id, 'data-level': item.level },
      el('a', { href: ctx.href(item.id) }, ctx.label(item)),
      ...(item.level === 'mandatory' ? [el('span', { class: 'badge' }, s['level.mandatory'])] : []),
    ),
  );
  target.replaceChildren(
    ...(r.hasLevels ? [] : [el('p', {}, s['readiness.noLevels'])]),
    el(
      'table',
      {},
      el('thead', {}, el('tr', {}, ...columns.map((c) => el('th', { scope: 'col' }, c)))),
      el('tbody', {}, ...body),
    ),
    el('h3', {}, fmt(s['readiness.open'], { n: open.length })),
    open.length === 0 ? el('p', {}, s['readiness.none']) : el('ul', { class: 'open' }, ...open),
  );
}
