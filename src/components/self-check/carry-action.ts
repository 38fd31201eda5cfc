/** The carry-over, loaded on first use: fetches the version's plan and carries answers in. */
import { carryOver, type CarrySummary } from '../../lib/self-check/carry.ts';
import { fetchSelfCheckData } from '../../lib/self-check/site-data.ts';
import type { SelfCheckStore } from '../../lib/self-check/storage.ts';

/** Carries the previous version's answers into `version`, backed up for undo. */
export async function carryInto(
  store: SelfCheckStore,
  base: string,
  version: string,
): Promise<CarrySummary> {
  const data = await fetchSelfCheckData(base, version);
  if (!data.carry) throw new Error(`version ${version} has nothing to carry over from`);
  const { state, summary } = carryOver(store.state, data.carry, new Date().toISOString());
  const problem = store.save(state, 'carry-over');
  if (problem) throw new Error(problem);
  return summary;
}
