/** Item and section labels, and the sides of a diff: one function each, used everywhere. */
import { describe, expect, it } from 'vitest';
import { sideParts, sideText, type DiffPart } from '../../src/lib/diff-parts.ts';
import { sectionTitle } from '../../src/lib/i18n.ts';
import { itemLabel, sectionLabel } from '../../src/lib/labels.ts';

const title = { en: 'Title', ja: 'タイトル' };

describe('itemLabel', () => {
  it('puts the number before a control’s title and leaves a rule’s title alone', () => {
    expect(itemLabel({ id: '8.1.10', kind: 'control', title }, 'en')).toBe('8.1.10 Title');
    expect(itemLabel({ id: '8.1.10', kind: 'control', title }, 'ja')).toBe('8.1.10 タイトル');
    expect(itemLabel({ id: 'audit-timing', kind: 'rule', title }, 'en')).toBe('Title');
  });
});

describe('sectionLabel', () => {
  it('numbers a numbered section, leaves a named one alone, and names an untitled one', () => {
    expect(sectionLabel({ id: '8.0', title }, 'en', 'unused')).toBe('8.0 Title');
    expect(sectionLabel({ id: 'program', title }, 'ja', 'unused')).toBe('タイトル');
    expect(sectionLabel({ id: '5.0' }, 'en', 'Section 5.0')).toBe('Section 5.0');
  });

  it('names an untitled section with the site’s strings on pages', () => {
    expect(sectionTitle('en', { id: '8.0', title })).toBe('8.0 Title');
    expect(sectionTitle('en', { id: '5.0' })).toBe('Section 5.0');
    expect(sectionTitle('ja', { id: '5.0' })).toBe('セクション 5.0');
  });
});

describe('sides of a diff', () => {
  const parts: DiffPart[] = [
    { op: '=', text: 'within ' },
    { op: '-', text: '5' },
    { op: '+', text: '10' },
    { op: '=', text: ' days' },
  ];

  it('keep the shared runs and the side’s own', () => {
    expect(sideParts(parts, 'before').map((p) => p.op)).toEqual(['=', '-', '=']);
    expect(sideParts(parts, 'after').map((p) => p.op)).toEqual(['=', '+', '=']);
    expect(sideText(parts, 'before')).toBe('within 5 days');
    expect(sideText(parts, 'after')).toBe('within 10 days');
  });
});
