import { describe, expect, it } from 'vitest';
import { ContentErrors } from '../../src/lib/content-error.ts';
import {
  CODED_ID,
  ITEM_ID,
  compareInReadingOrder,
  compareItemIds,
  isControlId,
} from '../../src/lib/ids.ts';
import { compileContent, type RawFile } from '../../src/lib/load.ts';
import { itemFile, versionFile } from './helpers.ts';

const errorsOf = (files: RawFile[]) => {
  try {
    compileContent(files);
  } catch (e) {
    return (e as ContentErrors).errors.map((x) => x.message);
  }
  throw new Error('expected content errors');
};

const PARTS = {
  parts: [
    { id: 'prerequisites', title: { en: 'Prerequisites', ja: '前提条件' } },
    { id: 'technical', title: { en: 'Technical validation', ja: '技術検証' } },
  ],
  sections: [
    { id: 'prerequisites-business', part: 'prerequisites', confidence: 'S' },
    { id: 'technical-governance', part: 'technical', confidence: 'S' },
    { id: 'technical-business', part: 'technical', confidence: 'S' },
  ],
};
const coded = (id: string, section: string, extra: Record<string, unknown> = {}) =>
  itemFile('7.1', id, { kind: 'control', section, ...extra });

describe('coded ids', () => {
  it('recognises the ABC-001 scheme beside numbers and slugs', () => {
    for (const id of ['BUS-001', 'SECP-002', 'PLAT-004', 'OPS-018']) {
      expect(CODED_ID.test(id), id).toBe(true);
      expect(ITEM_ID.test(id), id).toBe(true);
      expect(isControlId(id), id).toBe(true);
    }
    for (const id of ['bus-001', 'BUS001', 'BUS-', 'B-001', 'BUS-001-2']) {
      expect(CODED_ID.test(id), id).toBe(false);
    }
    expect(isControlId('8.1.10')).toBe(true);
    expect(isControlId('audit-timing')).toBe(false);
  });

  it('orders coded ids by letters, then by number, after slugs and control numbers', () => {
    const ids = ['GOV-002', 'BUS-010', 'BUS-002', '8.1.2', 'audit-timing', 'BUS-001'];
    expect([...ids].sort(compareItemIds)).toEqual([
      'audit-timing',
      '8.1.2',
      'BUS-001',
      'BUS-002',
      'BUS-010',
      'GOV-002',
    ]);
  });

  it('puts items in the order of their sections, then by number', () => {
    const sections = [{ id: 'governance' }, { id: 'business' }];
    const items = [
      { id: 'BUS-002', section: 'business' },
      { id: 'GOV-010', section: 'governance' },
      { id: 'BUS-001', section: 'business' },
      { id: 'GOV-009', section: 'governance' },
    ];
    expect(items.sort(compareInReadingOrder(sections)).map((i) => i.id)).toEqual([
      'GOV-009',
      'GOV-010',
      'BUS-001',
      'BUS-002',
    ]);
  });
});

describe('parts, levels and coded controls in content', () => {
  it('compiles coded controls in section order, with parts and levels', () => {
    const { versions } = compileContent([
      versionFile('7.1', PARTS),
      coded('BUS-002', 'technical-business', { level: 'recommended' }),
      coded('GOV-001', 'technical-governance', { level: 'mandatory' }),
      coded('BUSP-001', 'prerequisites-business'),
    ]);
    const v = versions[0]!;
    expect(v.items.map((i) => [i.id, i.level])).toEqual([
      ['BUSP-001', 'unstated'],
      ['GOV-001', 'mandatory'],
      ['BUS-002', 'recommended'],
    ]);
    expect(v.meta.parts?.map((p) => p.id)).toEqual(['prerequisites', 'technical']);
  });

  it('refuses an unknown level, an undeclared part and a section without its part', () => {
    const meta = structuredClone(PARTS);
    meta.sections[0]!.part = 'elsewhere';
    delete (meta.sections[1] as { part?: string }).part;
    const errors = errorsOf([
      versionFile('7.1', meta),
      coded('BUS-002', 'technical-business', { level: 'optional' }),
    ]);
    expect(errors).toContain(
      'versions/7.1/version.yaml · item 7.1 · field sections[0].part: unknown part "elsewhere" (not declared in parts)',
    );
    expect(errors).toContain(
      'versions/7.1/version.yaml · item 7.1 · field sections[1].part: is missing: the version has parts, so every section names one',
    );
    expect(errors.some((e) => e.includes('BUS-002.yaml') && e.includes('field level'))).toBe(true);
  });

  it('asks for kind control on a coded id and names a lowercase coded id', () => {
    const errors = errorsOf([
      versionFile('7.1', PARTS),
      coded('BUS-002', 'technical-business', { kind: 'rule' }),
      itemFile('7.1', 'Bus-3', { kind: 'control', section: 'technical-business' }),
    ]);
    expect(errors).toContain(
      'versions/7.1/items/BUS-002.yaml · item BUS-002 · field kind: a numbered or coded item must be "control"',
    );
    expect(errors).toContain(
      'versions/7.1/items/Bus-3.yaml · item Bus-3 · field id: must be a coded id such as "BUS-001" (capital letters, a dash, a number)',
    );
  });
});

describe('one-language editions', () => {
  const edition = (languages: string[]): RawFile => ({
    path: 'edition.yaml',
    text: `languages: [${languages.map((l) => `"${l}"`).join(', ')}]\n`,
  });
  const englishOnly = (id: string) =>
    itemFile('1.0', id, {
      title: { en: `Title ${id}` },
      requirement: { en: `Requirement of ${id}.` },
      evidence: [{ key: 'records', en: 'Records.' }],
      provenance: {
        sources: ['src'],
        confidence: 'S',
        coverage: 'full',
        note: { en: 'Imported.' },
      },
    });

  it('builds every language without an edition file', () => {
    expect(
      compileContent([versionFile('1.0'), itemFile('1.0', '8.1.2')]).edition.languages,
    ).toEqual(['en', 'ja']);
  });

  it('needs only English in an English edition, and reads the missing Japanese as empty', () => {
    const meta = versionFile('1.0', {
      summary: { en: 'A version.' },
      sources: [{ id: 'src', title: { en: 'Source' }, publisher: 'Tests', lang: 'en' }],
      sections: [{ id: '8.0', confidence: 'S' }],
    });
    const bundle = compileContent([edition(['en']), meta, englishOnly('8.1.2')]);
    expect(bundle.edition.languages).toEqual(['en']);
    const item = bundle.versions[0]!.items[0]!;
    expect(item.title).toEqual({ en: 'Title 8.1.2', ja: '' });
    expect(item.evidence[0]).toEqual({ key: 'records', en: 'Records.', ja: '' });
  });

  it('still names a missing Japanese text in a two-language edition', () => {
    expect(errorsOf([edition(['en', 'ja']), versionFile('1.0'), englishOnly('8.1.2')])).toContain(
      'versions/1.0/items/8.1.2.yaml · item 8.1.2 · field title.ja: is missing',
    );
  });

  it('refuses an edition that does not start with English', () => {
    expect(errorsOf([edition(['ja']), versionFile('1.0'), itemFile('1.0', '8.1.2')])).toEqual([
      'edition.yaml · field languages: must start with "en" (English pages are the site root) and name a language once',
    ]);
  });
});
