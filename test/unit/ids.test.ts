import { describe, expect, it } from 'vitest';
import {
  compareDotted,
  compareItemIds,
  compareVersionIds,
  sectionOfControl,
} from '../../src/lib/ids.ts';

describe('id ordering', () => {
  it('sorts control numbers numerically, part by part', () => {
    const ids = ['8.1.10', '8.1.2', '10.1.1', '8.1.1', '9.13.3', '9.6.1', '8.2.4', '8.1'];
    expect([...ids].sort(compareItemIds)).toEqual([
      '8.1',
      '8.1.1',
      '8.1.2',
      '8.1.10',
      '8.2.4',
      '9.6.1',
      '9.13.3',
      '10.1.1',
    ]);
  });

  it('puts program rules before controls, by name', () => {
    expect(['8.1.1', 'pre-assessment', 'audit-timing'].sort(compareItemIds)).toEqual([
      'audit-timing',
      'pre-assessment',
      '8.1.1',
    ]);
  });

  it('is a total order: equal ids compare equal, and it is antisymmetric', () => {
    expect(compareDotted('4.2', '4.2')).toBe(0);
    expect(Math.sign(compareDotted('4.2', '4.2.1'))).toBe(
      -Math.sign(compareDotted('4.2.1', '4.2')),
    );
  });

  it('sorts versions as numbers', () => {
    expect(['4.10', '4.2.1', '4.2', '4.9'].sort(compareVersionIds)).toEqual([
      '4.2',
      '4.2.1',
      '4.9',
      '4.10',
    ]);
    expect(() => compareVersionIds('v4', '4.2')).toThrow(/not a version id/);
  });

  it('finds the section of a control', () => {
    expect(sectionOfControl('8.1.10')).toBe('8.0');
    expect(sectionOfControl('10.2.1')).toBe('10.0');
  });
});
