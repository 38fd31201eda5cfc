/** Syntax and ordering of item, section and version ids. No zod: browser code uses it. */

/** A numbered control id such as `8.1.10` (at least two numeric parts). */
export const CONTROL_ID = /^\d+(\.\d+)+$/;

/**
 * A coded control id of the workbook generations: capital letters, a dash and a number, such as
 * `BUS-001`, `PLAT-004` or `SECP-002` (the letters name the section, a trailing `P` the
 * prerequisites part).
 */
export const CODED_ID = /^[A-Z]{2,8}-\d{1,4}$/;

/** A program-rule id: a lowercase slug such as `audit-timing`. */
export const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Any item id: a numbered control, a coded control or a program-rule slug. */
export const ITEM_ID = /^(\d+(\.\d+)+|[A-Z]{2,8}-\d{1,4}|[a-z][a-z0-9]*(-[a-z0-9]+)*)$/;

/** A checklist version id such as `4.2` or `4.2.1`. */
export const VERSION_ID = /^\d+(\.\d+)+$/;

/** True for the id of a control, numbered (`8.1.10`) or coded (`BUS-001`). */
export function isControlId(id: string): boolean {
  return CONTROL_ID.test(id) || CODED_ID.test(id);
}

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

/** Compares coded ids by their letters, then by number: `BUS-002` < `BUS-010` < `GOV-001`. */
export function compareCoded(a: string, b: string): number {
  const [pa = '', na = ''] = a.split('-');
  const [pb = '', nb = ''] = b.split('-');
  if (pa !== pb) return pa < pb ? -1 : 1;
  return Number(na) - Number(nb);
}

// Program rules first, then numbered controls, then coded controls.
const schemeOf = (id: string) => (CONTROL_ID.test(id) ? 1 : CODED_ID.test(id) ? 2 : 0);

/**
 * Id order without regard to sections: program-rule slugs by name, then control numbers
 * numerically, then coded ids by letters and number. Reading order puts sections first
 * (`compareInReadingOrder`).
 */
export function compareItemIds(a: string, b: string): number {
  const sa = schemeOf(a);
  const sb = schemeOf(b);
  if (sa !== sb) return sa - sb;
  if (sa === 1) return compareDotted(a, b);
  if (sa === 2) return compareCoded(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The reading order of a version's items: the order of their sections as the version lists them
 * (for a workbook, the order of its section rows), then id order within a section.
 */
export function compareInReadingOrder(
  sections: readonly { id: string }[],
): (a: { id: string; section: string }, b: { id: string; section: string }) => number {
  const order = new Map(sections.map((s, i) => [s.id, i]));
  return (a, b) =>
    (order.get(a.section) ?? 0) - (order.get(b.section) ?? 0) || compareItemIds(a.id, b.id);
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
