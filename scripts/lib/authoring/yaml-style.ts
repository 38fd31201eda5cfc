/** Content files written by the authoring commands, in the style of the hand-written ones. */
import { Document, isScalar, visit } from 'yaml';

/**
 * Options that keep every string double-quoted and on one line (a line break is written as
 * `\n`), and flow lists without inner padding.
 */
export const YAML_OUTPUT = {
  defaultStringType: 'QUOTE_DOUBLE',
  defaultKeyType: 'PLAIN',
  lineWidth: 0,
  doubleQuotedAsJSON: true,
  flowCollectionPadding: false,
} as const;

/**
 * Serialises a value as a content file: double-quoted strings, lists of plain values on one
 * line (`tags: ["a", "b"]`), an optional `#` comment on top.
 */
export function toYaml(value: unknown, comment?: string): string {
  const doc = new Document(value);
  visit(doc, {
    Seq(_, seq) {
      if (seq.items.every((i) => isScalar(i))) seq.flow = true;
    },
  });
  if (comment) doc.commentBefore = comment;
  return doc.toString(YAML_OUTPUT);
}
