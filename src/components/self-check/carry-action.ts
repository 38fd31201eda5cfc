/** The carry-over, loaded on first use: fetches the version's plan and carries answers in. */
import { carryOver, type CarrySummary } from '../../lib/self-check/carry.ts';
import type { SaveResult, SelfCheckStore } from '../../lib/self-check/storage.ts';
import { fetchSelfCheckData } from '../../lib/self-check/version-file.ts';

/** Carries the previous version's answers into `version`, recorded for undo. */
export async function carryInto(
  store: SelfCheckStore,
  base: string,
  version: string,
): Promise<{ summary: CarrySummary; result: SaveResult }> {
  const data = await fetchSelfCheckData(base, version);
  const plan = data.carry;
  if (!plan) throw new Error(`version ${version} has nothing to carry over from`);
  let summary: CarrySummary | undefined;
  const result = store.update((state) => {
    const carried = carryOver(state, plan, new Date().toISOString());
    summary = carried.summary;
    return carried.state;
  }, 'carry-over');
  return { summary: summary!, result };
}
