import { describe, expect, it } from 'vitest';
import { isShown, parseState, serializeState } from '../../src/lib/compare-state.ts';
import { textBlocks } from '../../src/lib/text-blocks.ts';

describe('the level filter of the compare page', () => {
  const change = { kind: 'modified' as const, labels: [], section: 's', substantive: true };

  it('keeps levels in the URL and drops unknown ones', () => {
    const state = parseState('?level=mandatory,optional,bonus');
    expect(state.levels).toEqual(['mandatory', 'bonus']);
    expect(serializeState(state)).toBe('?level=mandatory,bonus');
    expect(parseState('?level=optional').levels).toBeUndefined();
  });

  it('shows only changes of the chosen levels', () => {
    const state = parseState('?level=mandatory');
    expect(isShown({ ...change, level: 'mandatory' }, state)).toBe(true);
    expect(isShown({ ...change, level: 'recommended' }, state)).toBe(false);
    expect(isShown({ ...change }, state)).toBe(false);
    expect(isShown({ ...change, level: 'recommended' }, parseState(''))).toBe(true);
  });
});

describe('text blocks of a requirement', () => {
  it('reads paragraphs and bullet lists, and a plain text as one paragraph', () => {
    expect(textBlocks('One line.')).toEqual([{ kind: 'paragraph', text: 'One line.' }]);
    expect(textBlocks('Keep these:\n\n• a\n• b\n\n\nThen review.')).toEqual([
      { kind: 'paragraph', text: 'Keep these:' },
      { kind: 'list', items: ['a', 'b'] },
      { kind: 'paragraph', text: 'Then review.' },
    ]);
    expect(textBlocks('Line one\nline two')).toEqual([
      { kind: 'paragraph', text: 'Line one\nline two' },
    ]);
  });
});
