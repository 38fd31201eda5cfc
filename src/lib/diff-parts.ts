/**
 * The runs of a text diff and the two sides they make up. No dependencies: browser code (the
 * change search) reads sides without loading jsdiff, which `text-diff.ts` computes them with.
 */

/** One run of a text diff: `=` kept, `-` removed, `+` added. */
export interface DiffPart {
  op: '=' | '-' | '+';
  text: string;
}

/** The runs on one side of a diff: kept runs and the side's own (removed before, added after). */
export function sideParts(parts: DiffPart[], side: 'before' | 'after'): DiffPart[] {
  const skip = side === 'before' ? '+' : '-';
  return parts.filter((p) => p.op !== skip);
}

/** The text on one side of a diff. */
export function sideText(parts: DiffPart[], side: 'before' | 'after'): string {
  return sideParts(parts, side)
    .map((p) => p.text)
    .join('');
}
