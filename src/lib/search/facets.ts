/** The filter choices the search page offers, built from the catalog at build time. */
import type { Catalog } from '../catalog.ts';
import { compareVersionIds } from '../ids.ts';
import { levelLabel, sectionTitle, t } from '../i18n.ts';
import { CHANGE_LABELS, LEVEL_VALUES, type Lang } from '../model.ts';
import type { FilterName } from './query-state.ts';

/** One choice of a filter: the value in the URL and index, and its label. */
export interface FacetOption {
  value: string;
  label: string;
}

export type Facets = Record<FilterName, FacetOption[]>;

/** The choices of every filter: versions newest first, sections in reading order. */
export function searchFacets(catalog: Pick<Catalog, 'versions' | 'latest'>, lang: Lang): Facets {
  const latest = catalog.latest.meta.id;
  const versions = [...catalog.versions].sort((a, b) => compareVersionIds(b.meta.id, a.meta.id));
  const sections = new Map<string, string>();
  for (const v of versions) {
    for (const s of v.meta.sections)
      if (!sections.has(s.id)) sections.set(s.id, sectionTitle(lang, s));
  }
  return {
    version: versions.map((v) => ({
      value: v.meta.id,
      label: v.meta.id === latest ? `${v.meta.id} (${t(lang, 'version.latest')})` : v.meta.id,
    })),
    section: [...sections].map(([value, label]) => ({ value, label })),
    kind: (['control', 'rule'] as const).map((k) => ({
      value: k,
      label: t(lang, `item.kind.${k}`),
    })),
    level: LEVEL_VALUES.filter((l) =>
      catalog.versions.some((v) => v.items.some((i) => i.level === l)),
    ).map((l) => ({ value: l, label: levelLabel(lang, l) })),
    label: CHANGE_LABELS.map((l) => ({ value: l, label: t(lang, `label.${l}`) })),
  };
}
