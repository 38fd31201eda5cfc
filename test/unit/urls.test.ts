/** Base-aware links, pair keys and the other language. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pairKey, splitPairKey } from '../../src/lib/ids.ts';
import { LANGS, otherLang } from '../../src/lib/model.ts';
import { basePath } from '../../src/lib/site-config.ts';
import { baseHref, comparePath, dataPaths, href } from '../../src/lib/urls.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('href and baseHref', () => {
  it('link from the site root when there is no base path', () => {
    expect(basePath()).toBe('/');
    expect(href('en', '/controls/8.1.10/')).toBe('/controls/8.1.10/');
    expect(href('ja', '/controls/8.1.10/')).toBe('/ja/controls/8.1.10/');
    expect(href('ja', '/')).toBe('/ja/');
    expect(baseHref('/data/palette.ja.json')).toBe('/data/palette.ja.json');
  });

  it('put the configured base path in front of every link', () => {
    vi.stubEnv('BASE_URL', '/msp/checklist/');
    expect(basePath()).toBe('/msp/checklist/');
    expect(href('en', '/')).toBe('/msp/checklist/');
    expect(href('ja', '/compare/')).toBe('/msp/checklist/ja/compare/');
    expect(baseHref('/favicon.svg')).toBe('/msp/checklist/favicon.svg');
    expect(baseHref(dataPaths.paletteIndex('en'))).toBe('/msp/checklist/data/palette.en.json');
  });
});

describe('pair keys', () => {
  it('join two versions with three dots and split them again', () => {
    expect(pairKey('4.2', '4.2.1')).toBe('4.2...4.2.1');
    expect(splitPairKey('4.2...4.2.1')).toEqual(['4.2', '4.2.1']);
    expect(splitPairKey('4.2')).toBeUndefined();
    expect(splitPairKey('1...2...3')).toBeUndefined();
  });

  it('name the compare page and the diff files', () => {
    expect(comparePath('4.2', '4.2.1')).toBe('/compare/4.2...4.2.1/');
    expect(dataPaths.diff('4.2', '4.2.1')).toBe('/data/diffs/4.2...4.2.1.json');
    expect(dataPaths.csv('4.2', '4.2.1')).toBe('/data/diffs/4.2...4.2.1.csv');
    expect(dataPaths.changesIndex('ja')).toBe('/data/changes-index.ja.json');
  });
});

describe('otherLang', () => {
  it('is the one other language of the site', () => {
    expect(otherLang('en')).toBe('ja');
    expect(otherLang('ja')).toBe('en');
    for (const lang of LANGS) expect(otherLang(otherLang(lang))).toBe(lang);
  });
});
