/**
 * Readiness as an auditor reads it: per part and section, how many mandatory controls are met,
 * and which controls are not met yet, mandatory ones first.
 */
import { isOpen, standingOf } from './progress.ts';
import type { ItemData, SelfCheckData } from './version-file.ts';
import { own, type SelfCheckState } from './types.ts';

/** Met (or not applicable) out of a total. */
export interface Tally {
  met: number;
  total: number;
}

export interface SectionReadiness {
  section: SelfCheckData['sections'][number];
  /** Mandatory controls met or not applicable. */
  mandatory: Tally;
  /** Every item met or not applicable. */
  all: Tally;
}

export interface PartReadiness {
  /** Absent for a version without parts. */
  part?: NonNullable<SelfCheckData['parts']>[number];
  sections: SectionReadiness[];
  mandatory: Tally;
  all: Tally;
}

export interface Readiness {
  parts: PartReadiness[];
  /** True when some item of the version states a level. */
  hasLevels: boolean;
  /** Items not met yet (and not "not applicable"): mandatory first, then in reading order. */
  open: ItemData[];
}

const add = (a: Tally, b: Tally): Tally => ({ met: a.met + b.met, total: a.total + b.total });

/** Readiness of a version from the answers in `state`. */
export function readiness(data: SelfCheckData, state: SelfCheckState): Readiness {
  const answers = own(state.answers, data.version) ?? {};
  const done = (i: ItemData) => !isOpen(standingOf(own(answers, i.id)));
  const tally = (items: ItemData[]): Tally => ({
    met: items.filter(done).length,
    total: items.length,
  });
  const sectionOf = (s: SelfCheckData['sections'][number]): SectionReadiness => {
    const items = data.items.filter((i) => i.section === s.id);
    return {
      section: s,
      mandatory: tally(items.filter((i) => i.level === 'mandatory')),
      all: tally(items),
    };
  };
  const groups: { part?: PartReadiness['part']; sections: SelfCheckData['sections'] }[] = data.parts
    ?.length
    ? data.parts.map((part) => ({
        part,
        sections: data.sections.filter((s) => s.part === part.id),
      }))
    : [{ sections: data.sections }];
  const parts = groups.map((g) => {
    const sections = g.sections.map(sectionOf).filter((s) => s.all.total > 0);
    const zero = { met: 0, total: 0 };
    return {
      ...(g.part ? { part: g.part } : {}),
      sections,
      mandatory: sections.reduce((t, s) => add(t, s.mandatory), zero),
      all: sections.reduce((t, s) => add(t, s.all), zero),
    };
  });
  const open = data.items.filter((i) => !done(i));
  const mandatoryFirst = [
    ...open.filter((i) => i.level === 'mandatory'),
    ...open.filter((i) => i.level !== 'mandatory'),
  ];
  return {
    parts: parts.filter((p) => p.all.total > 0),
    hasLevels: data.items.some((i) => i.level !== 'unstated'),
    open: mandatoryFirst,
  };
}
