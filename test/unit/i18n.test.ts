/**
 * The translation system: both dictionaries hold exactly the schema's keys, once each, with the
 * same placeholders; every key is used by the site; `t()`, `clientStrings()` and the browser's
 * translator fill and pick strings as documented. Expectations come from the raw JSON files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANGE_KINDS, CHANGE_LABELS } from '../../src/lib/change-kinds.ts';
import { CLIENT_STRINGS, FILE_STRINGS } from '../../src/lib/client-strings.ts';
import { uiStringsSchema } from '../../src/lib/i18n-schema.ts';
import { clientStrings, dictionary, t } from '../../src/lib/i18n.ts';
import { LANGS, LEVEL_VALUES, itemSchema, provenanceSchema } from '../../src/lib/model.ts';
import { FILTER_NAMES } from '../../src/lib/search/query-state.ts';
import type { ImportMode } from '../../src/lib/self-check/import-answers.ts';
import type { StatusFilter } from '../../src/lib/self-check/progress.ts';
import type { Problem } from '../../src/lib/self-check/storage.ts';
import { STATUSES } from '../../src/lib/self-check/types.ts';
import type { IssueCode } from '../../src/lib/self-check/validate.ts';
import type { WorkbookProblem } from '../../src/lib/self-check/workbook.ts';
import { THEMES } from '../../src/lib/theme.ts';
import { fetchedTranslator } from '../../src/lib/fetched-strings.ts';
import { elementTranslator, format, translator } from '../../src/lib/translate.ts';
import type { EvidenceChange, FieldChange } from '../../src/lib/version-diff.ts';

const raw = Object.fromEntries(
  LANGS.map((lang) => [lang, readFileSync(`src/translations/${lang}.json`, 'utf8')]),
) as Record<(typeof LANGS)[number], string>;
const parsed = Object.fromEntries(
  LANGS.map((lang) => [lang, JSON.parse(raw[lang]) as Record<string, string>]),
) as Record<(typeof LANGS)[number], Record<string, string>>;
const schemaKeys = Object.keys(uiStringsSchema.shape).sort();

/** Every object key written in a JSON text, duplicates included (JSON.parse keeps the last). */
function writtenKeys(json: string): string[] {
  return [...json.matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)].map((m) => JSON.parse(`"${m[1]}"`));
}

/** The `{name}` placeholders of a string, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

/** Every member of a string union, checked complete by the compiler. */
function members<T extends string>(all: Record<T, true>): T[] {
  return Object.keys(all) as T[];
}

/**
 * Keys the site builds from a prefix and a value (`label.${l}`), with every value the prefix
 * takes. The source must build each of them, and the dictionaries must hold each key.
 */
const DYNAMIC_KEYS: Record<string, readonly string[]> = {
  'kind.': CHANGE_KINDS,
  'label.': CHANGE_LABELS,
  'field.': members<FieldChange['field']>({
    title: true,
    requirement: true,
    level: true,
    evidence: true,
    tags: true,
  }),
  'level.': LEVEL_VALUES,
  'evidence.': members<EvidenceChange['change']>({
    added: true,
    accepted: true,
    removed: true,
    reworded: true,
  }),
  'change.': ['before', 'after'] satisfies ('before' | 'after')[],
  'item.kind.': itemSchema.shape.kind.options,
  'item.coverage.': provenanceSchema.shape.coverage.options,
  'search.filter.': FILTER_NAMES,
  'selfCheck.status.': ['unanswered', ...STATUSES],
  'selfCheck.filter.': ['open', 'all'] satisfies StatusFilter[],
  'selfCheck.problem.': members<Problem>({
    unavailable: true,
    quota: true,
    unreadable: true,
    newer: true,
    invalid: true,
  }),
  'selfCheck.issue.': members<IssueCode>({
    'proto-key': true,
    'wrong-type': true,
    'unexpected-field': true,
    'unknown-version': true,
    'unknown-item': true,
    'unknown-evidence': true,
    'too-deep': true,
    'too-long': true,
  }),
  'selfCheck.preview.': members<ImportMode>({ merge: true, replace: true }),
  'selfCheck.reviews.': ['json', 'csv'],
  'theme.': THEMES,
  'selfCheck.workbook.problem.': members<WorkbookProblem['code']>({
    unknownId: true,
    met: true,
    duplicate: true,
    tooLong: true,
  }),
};

/**
 * The site's source text. Left out: the schema, which lists every key, and the lists of strings
 * sent to the browser, where naming a key chooses it for an element but does not use it.
 */
const NOT_USES = new Set(['src/lib/i18n-schema.ts', 'src/lib/client-strings.ts']);
const source = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .map((f) => join('src', f).replaceAll('\\', '/'))
  .filter((f) => /\.(ts|astro|mdx|js)$/.test(f) && !NOT_USES.has(f))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('dictionaries', () => {
  it('hold exactly the keys of the schema, in both languages', () => {
    for (const lang of LANGS) {
      expect(Object.keys(parsed[lang]).sort(), lang).toEqual(schemaKeys);
    }
  });

  it('write each key once', () => {
    for (const lang of LANGS) {
      const keys = writtenKeys(raw[lang]);
      const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
      expect(repeated, lang).toEqual([]);
    }
  });

  it('give each key the same placeholders in every language', () => {
    const differing = schemaKeys.filter(
      (k) => placeholders(parsed.en[k]!).join() !== placeholders(parsed.ja[k]!).join(),
    );
    expect(differing).toEqual([]);
  });

  it('have no empty string, and a description for every key', () => {
    for (const lang of LANGS) {
      expect(
        schemaKeys.filter((k) => !parsed[lang][k]?.trim()),
        lang,
      ).toEqual([]);
    }
    const undescribed = schemaKeys.filter(
      (k) => !uiStringsSchema.shape[k as keyof typeof uiStringsSchema.shape].description?.trim(),
    );
    expect(undescribed).toEqual([]);
  });

  it('have no key the site does not use', () => {
    const dynamic = new Set(
      Object.entries(DYNAMIC_KEYS).flatMap(([prefix, values]) => values.map((v) => prefix + v)),
    );
    const quoted = (k: string) => ["'", '"', '`'].some((q) => source.includes(`${q}${k}${q}`));
    expect(schemaKeys.filter((k) => !dynamic.has(k) && !quoted(k))).toEqual([]);
  });

  it('hold every key the site builds from a prefix, and the site builds each prefix', () => {
    for (const [prefix, values] of Object.entries(DYNAMIC_KEYS)) {
      expect(source.includes('`' + prefix + '${'), prefix).toBe(true);
      expect(
        values.filter((v) => !(prefix + v in parsed.en)),
        prefix,
      ).toEqual([]);
    }
  });

  it('stop the build naming the file and the key when one is wrong', () => {
    const missing = Object.fromEntries(Object.entries(parsed.ja).filter(([k]) => k !== 'nav.home'));
    expect(() => dictionary('ja', missing as never)).toThrow(
      /src\/translations\/ja\.json.*nav\.home/,
    );
    expect(() => dictionary('en', { ...parsed.en, 'nav.homme': 'Home' } as never)).toThrow(
      /src\/translations\/en\.json.*nav\.homme/,
    );
  });
});

describe('t()', () => {
  it('returns the string of the language, placeholders filled', () => {
    expect(t('en', 'nav.home')).toBe(parsed.en['nav.home']);
    expect(t('ja', 'nav.home')).toBe(parsed.ja['nav.home']);
    const expected = parsed.ja['compare.title']!.replace('{from}', '4.2').replace('{to}', '4.2.1');
    expect(t('ja', 'compare.title', { from: '4.2', to: '4.2.1' })).toBe(expected);
  });

  it('fills from own properties only and leaves a placeholder without a value', () => {
    expect(format('{n} of {total}', { n: 3 })).toBe('3 of {total}');
    expect(format('{toString} {n}', { n: 0 })).toBe('{toString} 0');
    expect(format('{a}{a}', { a: 'x' })).toBe('xx');
    expect(format('no placeholder')).toBe('no placeholder');
  });
});

describe('strings for the browser', () => {
  it('clientStrings() picks exactly the keys that start with a prefix', () => {
    const prefixes = ['search.status.', 'palette.none'] as const;
    const expected = Object.fromEntries(
      Object.entries(parsed.ja).filter(([k]) => prefixes.some((p) => k.startsWith(p))),
    );
    expect(clientStrings('ja', prefixes)).toEqual(expected);
  });

  it('clientStrings() refuses a prefix that matches no key', () => {
    expect(() => clientStrings('en', ['nosuch.'])).toThrow(/nosuch\./);
  });

  it('every list of client strings matches keys with each prefix', () => {
    for (const [element, prefixes] of Object.entries(CLIENT_STRINGS)) {
      for (const p of prefixes) {
        expect(
          schemaKeys.some((k) => k.startsWith(p)),
          `${element}: ${p}`,
        ).toBe(true);
      }
    }
  });

  it('an element’s translator reads data-strings and fills placeholders', () => {
    const strings = clientStrings('en', CLIENT_STRINGS.compareExplorer);
    const element = { dataset: { strings: JSON.stringify(strings) } };
    const expected = parsed.en['compare.shown']!.replace('{n}', '2').replace('{total}', '5');
    expect(elementTranslator(element)('compare.shown', { n: 2, total: 5 })).toBe(expected);
    // A key the page did not pass shows as the key, so the gap is visible.
    expect(translator<string>({})('copy.done')).toBe('copy.done');
  });

  describe('an element’s strings file', () => {
    afterEach(() => vi.unstubAllGlobals());
    const element = { dataset: { stringsSrc: '/data/strings.ja.json' } };

    it('is read from the path in data-strings-src and fills placeholders', async () => {
      const file = clientStrings('ja', FILE_STRINGS);
      const asked: string[] = [];
      vi.stubGlobal('fetch', (url: string) => {
        asked.push(url);
        return Promise.resolve(new Response(JSON.stringify(file)));
      });
      const tr = await fetchedTranslator(element);
      expect(asked).toEqual(['/data/strings.ja.json']);
      const expected = parsed.ja['selfCheck.notes.tooLong']!.replace('{max}', '20000');
      expect(tr('selfCheck.notes.tooLong', { max: 20000 })).toBe(expected);
    });

    it('leaves the keys standing when the file cannot be read', async () => {
      vi.stubGlobal('fetch', () => Promise.resolve(new Response('gone', { status: 404 })));
      vi.spyOn(console, 'error').mockImplementation(() => {});
      expect((await fetchedTranslator(element))('selfCheck.saved')).toBe('selfCheck.saved');
    });
  });
});
