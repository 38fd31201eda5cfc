/** Build-time data of the self-check: the per-version file and the attributes of item pages. */
import type { Catalog } from '../catalog.ts';
import type { Item } from '../model.ts';
import type { DiffPart } from '../text-diff.ts';
import { dataPaths } from '../urls.ts';
import { planFromDiff } from './carry.ts';
import { contentHash } from './hash.ts';
import type { ChangeData, DiffRun, SelfCheckData } from './version-file.ts';

const runs = (parts: DiffPart[]): DiffRun[] => parts.map((p) => [p.op, p.text]);

/** The version that answers are carried over from into `version`, if any. */
export function previousVersion(catalog: Catalog, version: string): string | undefined {
  const i = catalog.versions.findIndex((v) => v.meta.id === version);
  return i > 0 ? catalog.versions[i - 1]!.meta.id : undefined;
}

/** The content of `/data/self-check/<version>.json`. */
export function selfCheckData(catalog: Catalog, version: string): SelfCheckData {
  const checklist = catalog.version(version);
  const prev = previousVersion(catalog, version);
  const data: SelfCheckData = {
    version,
    versions: catalog.versions.map((v) => v.meta.id),
    latest: catalog.latest.meta.id,
    sections: checklist.meta.sections.map((s) => ({
      id: s.id,
      ...(s.title ? { title: s.title } : {}),
      ...(s.part ? { part: s.part } : {}),
    })),
    ...(checklist.meta.parts?.length ? { parts: checklist.meta.parts } : {}),
    ...(checklist.meta.workbook
      ? { workbook: { path: dataPaths.workbook(version), name: checklist.meta.workbook } }
      : {}),
    items: checklist.items.map((i: Item) => ({
      id: i.id,
      section: i.section,
      kind: i.kind,
      level: i.level,
      title: i.title,
      evidence: i.evidence,
      hash: contentHash(i),
    })),
  };
  if (prev) {
    const diff = catalog.diff(prev, version);
    const changes: Record<string, ChangeData> = {};
    for (const c of diff.items) {
      if (c.kind === 'unchanged' || c.kind === 'removed') continue;
      changes[c.id] = {
        kind: c.kind,
        labels: c.note?.labels ?? [],
        ...(c.note ? { summary: c.note.summary, reason: c.note.reason } : {}),
        fields: c.fields.map((f) => ({
          field: f.field,
          ...(f.key ? { key: f.key } : {}),
          change: f.change,
          editorial: f.editorial,
          diff: { en: runs(f.diff.en), ja: runs(f.diff.ja) },
        })),
      };
    }
    data.carry = { ...planFromDiff(diff, contentHash), changes };
  }
  return data;
}
