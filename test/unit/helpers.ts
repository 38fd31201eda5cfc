/** Builders for in-memory content used by the unit tests. */
import { stringify } from 'yaml';
import type { RawFile } from '../../src/lib/load.ts';

export const SOURCE = {
  id: 'src',
  title: { en: 'Source', ja: '出典' },
  publisher: 'Tests',
  lang: 'en',
};

export function versionFile(id: string, extra: Record<string, unknown> = {}): RawFile {
  return {
    path: `versions/${id}/version.yaml`,
    text: stringify({
      id,
      auditsFrom: '2022-01-01',
      summary: { en: 'A version.', ja: 'バージョンです。' },
      sources: [SOURCE],
      sections: [
        { id: 'program', title: { en: 'Program rules', ja: 'プログラムの規定' }, confidence: 'S' },
        { id: '8.0', confidence: 'S' },
      ],
      ...extra,
    }),
  };
}

export function itemData(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const control = /^\d/.test(id);
  return {
    id,
    kind: control ? 'control' : 'rule',
    section: control ? `${id.split('.')[0]}.0` : 'program',
    title: { en: `Title ${id}`, ja: `タイトル ${id}` },
    requirement: { en: `Requirement of ${id}.`, ja: `${id} の要件です。` },
    evidence: [{ key: 'records', en: 'Records.', ja: '記録' }],
    tags: ['security'],
    provenance: {
      sources: ['src'],
      confidence: 'S',
      coverage: 'partial',
      note: { en: 'Test.', ja: 'テストです。' },
    },
    ...extra,
  };
}

export function itemFile(
  version: string,
  id: string,
  extra: Record<string, unknown> = {},
): RawFile {
  return { path: `versions/${version}/items/${id}.yaml`, text: stringify(itemData(id, extra)) };
}

export function notesFile(from: string, to: string, notes: Record<string, unknown>[]): RawFile {
  return {
    path: `changes/${from}...${to}.yaml`,
    text: stringify({ from, to, overview: { en: 'Overview.', ja: '概要です。' }, notes }),
  };
}

export function note(item: string, labels: string[] = ['clarified']): Record<string, unknown> {
  return {
    item,
    labels,
    summary: { en: `Summary ${item}.`, ja: `${item} の要約。` },
    reason: { en: 'Reason.', ja: '理由。' },
    sources: ['src'],
  };
}
