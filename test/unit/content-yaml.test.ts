import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseContentYaml } from '../../src/lib/load.ts';

type Outcome = { value: unknown } | { error: string };

/** A parse's value, or its error's kind and message. */
function outcome(read: () => unknown): Outcome {
  try {
    return { value: read() };
  } catch (e) {
    return { error: `${(e as Error).constructor.name}: ${(e as Error).message}` };
  }
}

/** What the `yaml` package, the reference, makes of a text. */
const reference = (text: string) => outcome(() => parse(text, { prettyErrors: true }));
const ours = (text: string) => outcome(() => parseContentYaml(text));

// Plain scalars where YAML 1.1, js-yaml's own schema and YAML 1.2's core schema part ways.
const SCALARS = [
  ...['1', '+12', '-0', '012', '0o17', '0x1F', '0b101', '1_000', '1__0', '0o8', '0X1F'],
  ...['1.5', '.5', '-.5', '1.', '1e3', '1.5E-2', '+1e+3', '1_000.5', '.inf', '-.Inf', '+.INF'],
  ...['.nan', '.NaN', '.NAN', 'inf', 'NaN'],
  ...['true', 'True', 'TRUE', 'false', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'tRUE'],
  ...['~', 'null', 'Null', 'NULL', 'nULL', ''],
  ...['2022-01-01', '2022-01-01T00:00:00Z', '12:30', '1:20:00', '4.2', '4.2.1', '9.6.3'],
  ...['<<', '=', '!', '0.', '00', '+', '-', '1e', 'e3'],
];

describe('parseContentYaml', () => {
  it.each(SCALARS)('reads the plain scalar %j as YAML 1.2 core does', (scalar) => {
    const text = `value: ${scalar}\nlist: [${scalar}]\n`;
    expect(ours(text)).toEqual(reference(text));
  });

  it('reads a content file as the reference does', () => {
    const text = [
      'id: 1.1.1',
      'title:',
      '  en: "Keep <code> & \\"quotes\\""',
      "  ja: 'セルフチェック: 6か月'",
      'requirement:',
      '  en: |',
      '    First line.',
      '',
      '    - a list item',
      '  ja: >-',
      '    折り返す',
      '    テキスト',
      'evidence: []',
      'empty:',
      'anchor: &a { x: 1 }',
      'alias: *a',
      'explicit: !!str 12',
      '# a comment',
      '',
    ].join('\n');
    expect(ours(text)).toEqual(reference(text));
    expect(ours(text)).toMatchObject({ value: { empty: null, explicit: '12' } });
  });

  it.each([
    ['a duplicate key', 'id: 1\nid: 2\n'],
    ['a bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['an unclosed quote', 'a: "open\n'],
    ['an unclosed flow sequence', 'a: [1, 2\n'],
    ['a tab as indentation', 'a:\n\tb: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['an unknown alias', 'a: *missing\n'],
  ])('gives the reference’s error for %s', (_, text) => {
    const expected = reference(text);
    expect(expected).toHaveProperty('error', expect.stringMatching(/Error: /));
    expect(ours(text)).toEqual(expected);
  });
});
