/** The review record: which changes of a version pair were marked as reviewed, and when. */
import type { Translate } from '../translate.ts';
import type { ExportKey } from './labels.ts';
import { toCsv } from './export.ts';
import { REVIEW_FORMAT, own, type SelfCheckState } from './types.ts';

export interface ReviewRecord {
  format: typeof REVIEW_FORMAT;
  pair: string;
  from: string;
  to: string;
  exportedAt: string;
  /** Each reviewed change, with the content hashes of both versions it was reviewed on. */
  changes: { id: string; reviewedAt: string; fromHash: string; toHash: string }[];
}

/** The review record of one version pair, changes in the order they were reviewed. */
export function reviewRecord(state: SelfCheckState, pair: string, now: string): ReviewRecord {
  const [from = '', to = ''] = pair.split('...');
  const marks = own(state.reviews, pair) ?? {};
  return {
    format: REVIEW_FORMAT,
    pair,
    from,
    to,
    exportedAt: now,
    changes: Object.entries(marks)
      .map(([id, m]) => ({ id, ...m }))
      .sort((a, b) => a.reviewedAt.localeCompare(b.reviewedAt) || a.id.localeCompare(b.id)),
  };
}

/** The review record as CSV. */
export function reviewCsv(record: ReviewRecord, t: Translate<ExportKey>): string {
  return toCsv([
    [
      t('selfCheck.col.version'),
      t('selfCheck.col.change'),
      t('selfCheck.col.reviewedAt'),
      t('selfCheck.col.fromHash'),
      t('selfCheck.col.toHash'),
    ],
    ...record.changes.map((c) => [record.pair, c.id, c.reviewedAt, c.fromHash, c.toHash]),
  ]);
}
