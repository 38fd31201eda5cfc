/** Progress figures and item filters of the self-check overview. */
import type { SelfCheckData, ItemData } from './version-file.ts';
import { own, STATUSES, type Answer, type SelfCheckState, type Status } from './types.ts';

/** Where an item stands: its status, `reopened` after a substantive change, or `unanswered`. */
export type ItemStanding = Status | 'reopened' | 'unanswered';

export function standingOf(a: Answer | undefined): ItemStanding {
  if (a?.status) return a.status;
  return a?.review === 'reopened' ? 'reopened' : 'unanswered';
}

/** True when an item still needs work: not met and not "not applicable". */
export function isOpen(standing: ItemStanding): boolean {
  return standing !== 'met' && standing !== 'na';
}

export interface Counts {
  total: number;
  answered: number;
  met: number;
  partly: number;
  'not-yet': number;
  na: number;
}

function count(items: ItemData[], answers: Record<string, Answer>): Counts {
  const c: Counts = { total: items.length, answered: 0, met: 0, partly: 0, 'not-yet': 0, na: 0 };
  for (const item of items) {
    const s = own(answers, item.id)?.status;
    if (!s) continue;
    c.answered++;
    c[s]++;
  }
  return c;
}

/** Counts for the whole version and per section (sections with no item left out). */
export function progress(data: SelfCheckData, state: SelfCheckState) {
  const answers = own(state.answers, data.version) ?? {};
  return {
    overall: count(data.items, answers),
    sections: data.sections
      .map((s) => ({
        section: s,
        counts: count(
          data.items.filter((i) => i.section === s.id),
          answers,
        ),
      }))
      .filter((s) => s.counts.total > 0),
  };
}

/** What the overview list shows: `open` items to do, `all`, `unanswered` or one status. */
export type StatusFilter = 'open' | 'all' | 'unanswered' | Status;
export const STATUS_FILTERS: readonly StatusFilter[] = ['open', 'all', 'unanswered', ...STATUSES];

/** True when the item changed from the previous version (anything but unchanged). */
export function isChanged(data: SelfCheckData, id: string): boolean {
  return !!data.carry && Object.hasOwn(data.carry.changes, id);
}

/** Items matching the filters, in reading order. */
export function filterItems(
  data: SelfCheckData,
  state: SelfCheckState,
  filter: { status: StatusFilter; changedOnly: boolean },
): ItemData[] {
  const answers = own(state.answers, data.version) ?? {};
  return data.items.filter((item) => {
    if (filter.changedOnly && !isChanged(data, item.id)) return false;
    const standing = standingOf(own(answers, item.id));
    if (filter.status === 'all') return true;
    if (filter.status === 'open') return isOpen(standing);
    if (filter.status === 'unanswered') return standing === 'unanswered' || standing === 'reopened';
    return standing === filter.status;
  });
}

/** Items a carry-over reopened and the reader has not answered again yet. */
export function reReviewQueue(data: SelfCheckData, state: SelfCheckState): ItemData[] {
  const answers = own(state.answers, data.version) ?? {};
  return data.items.filter((i) => standingOf(own(answers, i.id)) === 'reopened');
}
