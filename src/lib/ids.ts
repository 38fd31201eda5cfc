/** Syntax and ordering of item, section and version ids. No zod: browser code uses it. */

/** A numbered control id such as `8.1.10` (at least two numeric parts). */
export const CONTROL_ID = /^\d+(\.\d+)+$/;

/** A checklist version id such as `4.2` or `4.2.1`. */
export const VERSION_ID = /^\d+(\.\d+)+$/;

function numericParts(id: string): number[] {
  return id.split('.').map(Number);
}

/** Compares dotted numbers part by part, so `8.1.2` < `8.1.10` and `8.1` < `8.1.1`. */
export function compareDotted(a: string, b: string): number {
  const pa = numericParts(a);
  const pb = numericParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x !== y) return x - y;
  }
  return 0;
}

/** Control numbers sort numerically and come after program-rule slugs, which sort by name. */
export function compareItemIds(a: string, b: string): number {
  const ca = CONTROL_ID.test(a);
  const cb = CONTROL_ID.test(b);
  if (ca && cb) return compareDotted(a, b);
  if (ca !== cb) return ca ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Version ids sort as dotted numbers: `4.2` < `4.2.1` < `4.10`. */
export function compareVersionIds(a: string, b: string): number {
  if (!VERSION_ID.test(a) || !VERSION_ID.test(b)) throw new Error(`not a version id: ${a} / ${b}`);
  return compareDotted(a, b);
}

/** Key of a version pair, as used in URLs, file names and storage: `4.2...4.2.1`. */
export function pairKey(from: string, to: string): string {
  return `${from}...${to}`;
}

/** The two versions of a pair key (`4.2...4.2.1` → `['4.2', '4.2.1']`), or `undefined`. */
export function splitPairKey(key: string): [string, string] | undefined {
  const parts = key.split('...');
  return parts.length === 2 ? (parts as [string, string]) : undefined;
}

/** The section a control number belongs to by its first part (`8.1.10` → `8.0`). */
export function sectionOfControl(id: string): string {
  return `${id.split('.')[0]}.0`;
}
