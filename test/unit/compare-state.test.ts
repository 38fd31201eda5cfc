import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, isShown, parseState, serializeState } from '../../src/lib/compare-state.ts';

describe('compare view state in the URL', () => {
  it('round-trips every field', () => {
    const state = {
      kinds: ['modified', 'added'] as const,
      labels: ['relaxed'] as const,
      sections: ['8.0'],
      view: 'side' as const,
      ignoreEditorial: true,
    };
    const query = serializeState({ ...state, kinds: [...state.kinds], labels: [...state.labels] });
    expect(query).toBe('?kind=modified,added&label=relaxed&section=8.0&view=side&editorial=ignore');
    expect(parseState(query)).toEqual({
      ...state,
      kinds: ['modified', 'added'],
      labels: ['relaxed'],
    });
  });

  it('writes nothing for the default view', () => {
    expect(serializeState(DEFAULT_STATE)).toBe('');
    expect(parseState('')).toEqual(DEFAULT_STATE);
  });

  it('drops unknown values instead of failing', () => {
    expect(parseState('?kind=modified,exploded&label=nicer&view=3d&editorial=yes')).toEqual({
      ...DEFAULT_STATE,
      kinds: ['modified'],
    });
  });
});

describe('isShown', () => {
  const change = {
    kind: 'modified' as const,
    labels: ['relaxed' as const],
    section: '8.0',
    substantive: true,
  };

  it('shows everything by default', () => {
    expect(isShown(change, DEFAULT_STATE)).toBe(true);
  });

  it('filters by kind, label and section', () => {
    expect(isShown(change, { ...DEFAULT_STATE, kinds: ['added'] })).toBe(false);
    expect(isShown(change, { ...DEFAULT_STATE, labels: ['tightened', 'relaxed'] })).toBe(true);
    expect(isShown(change, { ...DEFAULT_STATE, labels: ['tightened'] })).toBe(false);
    expect(isShown(change, { ...DEFAULT_STATE, sections: ['9.0'] })).toBe(false);
  });

  it('hides editorial-only changes when editorial changes are ignored', () => {
    const editorial = { ...change, substantive: false };
    expect(isShown(editorial, DEFAULT_STATE)).toBe(true);
    expect(isShown(editorial, { ...DEFAULT_STATE, ignoreEditorial: true })).toBe(false);
  });
});
