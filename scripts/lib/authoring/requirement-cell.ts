/**
 * The requirement cell of the self-assessment workbook, split into the fields of an item. The
 * cell holds, line by line: the title; the level (`Mandatory` or `Recommended`); a blank line;
 * paragraphs and `•` lists of requirement text; and a last part that starts with `Evidence`,
 * saying what the auditor expects.
 */
import type { LevelValue } from '../../../src/lib/model.ts';

export interface RequirementCell {
  title: string;
  level: LevelValue;
  /** Paragraphs separated by a blank line; a list entry is a line that starts with `• `. */
  requirement: string;
  /** The evidence part, one entry per paragraph or list entry. */
  evidence: string[];
  /** Why the cell cannot be used (the row is refused). */
  problems: string[];
  /** What was read in a way worth a second look. */
  notes: string[];
}

const LEVEL_WORDS: Record<string, LevelValue> = {
  mandatory: 'mandatory',
  recommended: 'recommended',
  bonus: 'bonus',
};

// A list marker: ASCII ones need a space after them ("-10%" is text).
const BULLET = /^(?:[-*+–—]\s+|[•‣◦▪●○■□◆◇・]\s*)/u;
const EVIDENCE_START = /^evidence\b/i;
// A marker line is short: a word or two, no sentence.
const MARKER_LIKE = /^[\p{L}\s/()[\]-]{1,30}:?$/u;

type Block = { kind: 'paragraph'; text: string } | { kind: 'list'; entries: string[] };

/** Lines into paragraphs (one per line) and lists (runs of bullet lines). */
function blocksOf(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  for (const line of lines) {
    if (!line) continue;
    const bullet = BULLET.exec(line);
    if (!bullet) {
      blocks.push({ kind: 'paragraph', text: line });
      continue;
    }
    const entry = line.slice(bullet[0].length).trim();
    if (!entry) continue;
    const last = blocks.at(-1);
    if (last?.kind === 'list') last.entries.push(entry);
    else blocks.push({ kind: 'list', entries: [entry] });
  }
  return blocks;
}

/** The level a marker line names, after case, spacing, brackets and a final colon. */
function levelOf(line: string): LevelValue | undefined {
  const word = line
    .toLowerCase()
    .replace(/[()[\]:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return LEVEL_WORDS[word];
}

/** Text of the requirement blocks, in the form the item pages render. */
function requirementText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => (b.kind === 'paragraph' ? b.text : b.entries.map((e) => `• ${e}`).join('\n')))
    .join('\n\n');
}

/** Splits a requirement cell; see the module comment for the layout it reads. */
export function splitRequirementCell(cell: string): RequirementCell {
  const problems: string[] = [];
  const notes: string[] = [];
  const lines = cell
    .replace(/\r\n?|\u2028/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim());
  while (lines.length > 0 && !lines[0]) lines.shift();
  const title = lines.shift() ?? '';
  if (!title) {
    return {
      title,
      level: 'unstated',
      requirement: '',
      evidence: [],
      problems: ['is empty'],
      notes,
    };
  }

  let level: LevelValue = 'unstated';
  const marker = lines[0] ?? '';
  const named = marker ? levelOf(marker) : undefined;
  if (named) {
    level = named;
    lines.shift();
  } else if (marker && MARKER_LIKE.test(marker)) {
    notes.push(
      `line 2 "${marker}" is neither Mandatory nor Recommended: the level is left unstated and the line kept as requirement text`,
    );
  } else {
    notes.push('no level (Mandatory or Recommended) on the line after the title');
  }

  const blocks = blocksOf(lines);
  const at = blocks.findIndex((b) => b.kind === 'paragraph' && EVIDENCE_START.test(b.text));
  const requirementBlocks = at < 0 ? blocks : blocks.slice(0, at);
  const evidenceBlocks = at < 0 ? [] : blocks.slice(at);
  const evidence = evidenceBlocks.flatMap((b, i) =>
    b.kind === 'list'
      ? b.entries
      : // A bare heading ("Evidence:") in front of a list says nothing of its own.
        i === 0 && evidenceBlocks[1]?.kind === 'list' && /^evidence\s*\w*\s*:?$/i.test(b.text)
        ? []
        : [b.text],
  );

  let requirement = requirementText(requirementBlocks);
  if (!requirement) {
    notes.push('no requirement text between the title and the evidence: the title is used');
    requirement = title;
  }
  return { title, level, requirement, evidence, problems, notes };
}
