/**
 * The blocks of a requirement or other multi-line content text: paragraphs separated by a
 * blank line, and bullet lists (lines that start with `• `). A text without line breaks is one
 * paragraph.
 */

export type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const BULLET = /^•\s+/;

/** Splits a text into paragraphs and lists; single line breaks inside a paragraph are kept. */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    if (lines.every((l) => BULLET.test(l))) {
      blocks.push({ kind: 'list', items: lines.map((l) => l.replace(BULLET, '')) });
    } else blocks.push({ kind: 'paragraph', text: lines.join('\n') });
  }
  return blocks;
}
