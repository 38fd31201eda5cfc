import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { changesAtom, csvCell, diffCsv, diffJson, versionJson } from '../../src/lib/export-data.ts';
import { loadContent } from '../../src/lib/load.ts';

const catalog = buildCatalog(await loadContent('content'));
const diff = catalog.diff('4.2', '4.2.1');

describe('data files', () => {
  it('version JSON holds every item', () => {
    const json = versionJson(catalog.version('4.2.1'));
    expect(json.items.map((i) => i.id)).toEqual(catalog.version('4.2.1').items.map((i) => i.id));
    expect(JSON.parse(JSON.stringify(json)).version.auditsFrom).toBe('2022-01-01');
  });

  it('diff JSON carries kinds, notes and per-language runs', () => {
    const json = diffJson(diff);
    const timing = json.items.find((i) => i.id === 'audit-timing')!;
    expect(timing.kind).toBe('modified');
    expect(timing.note?.labels).toContain('relaxed');
    expect(timing.fields[0]!.diff.en.some((p) => p.op === '+' && p.text === '10')).toBe(true);
  });

  it('CSV parses back to one row per changed field, both languages', () => {
    const rows: Record<string, string>[] = parseCsv(diffCsv(diff), { columns: true });
    const timing = rows.filter((r) => r.item === 'audit-timing');
    expect(timing).toHaveLength(1);
    expect(timing[0]!.before_en).toContain('5 business days');
    expect(timing[0]!.after_en).toContain('10 business days');
    expect(timing[0]!.after_ja).toContain('10営業日');
    const unchanged = diff.items.filter((i) => i.kind === 'unchanged').map((i) => i.id);
    expect(rows.some((r) => unchanged.includes(r.item!))).toBe(false);
  });

  it('CSV cells cannot run as spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('plain')).toBe('"plain"');
  });

  it('Atom feed has one entry per changed item, with absolute links under the base path', () => {
    const xml = changesAtom(catalog, 'en', 'https://example.test/docs/', 'Changes');
    const changed = diff.items.filter((i) => i.kind !== 'unchanged').length;
    expect(xml.match(/<entry>/g)).toHaveLength(changed);
    expect(xml).toContain(
      '<link rel="alternate" href="https://example.test/docs/compare/4.2...4.2.1/#change-8.1.10"/>',
    );
    expect(changesAtom(catalog, 'ja', 'https://example.test/', 'x')).toContain(
      'https://example.test/ja/compare/',
    );
  });

  it('titles each entry in the feed language, labels included', () => {
    const titles = (lang: 'en' | 'ja') =>
      [
        ...changesAtom(catalog, lang, 'https://example.test/', 'x').matchAll(
          /<title>(.*)<\/title>/g,
        ),
      ]
        .slice(1)
        .map((m) => m[1]);
    expect(titles('en')).toContain('4.2 → 4.2.1: 8.1.10 MFA on the root user (relaxed)');
    expect(titles('ja')).toContain('4.2 → 4.2.1：8.1.10 ルートユーザーの多要素認証（MFA）（緩和）');
    expect(titles('ja').filter((x) => /[a-z]{4,}\)$/.test(x!))).toEqual([]);
  });
});
