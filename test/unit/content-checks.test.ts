import { describe, expect, it } from 'vitest';
import { aliasErrors, englishStem } from '../../src/lib/content-checks.ts';
import { ContentErrors } from '../../src/lib/content-error.ts';
import { compileContent, loadContent, type RawFile } from '../../src/lib/load.ts';
import { itemSchema, versionMetaSchema, type Item } from '../../src/lib/model.ts';
import { SOURCE, itemData, itemFile, versionFile } from './helpers.ts';

const META = versionMetaSchema.parse({
  id: '1.0',
  auditsFrom: '2022-01-01',
  summary: { en: 'A version.', ja: 'バージョンです。' },
  sources: [SOURCE],
  sections: [
    { id: '9.0', title: { en: 'Service operations', ja: 'サービス運用' }, confidence: 'S' },
  ],
});

/** A control 9.6.1 whose text speaks of a managed solution and its 6 months in operation. */
function solution(extra: Record<string, unknown>): Item {
  return itemSchema.parse(
    itemData('9.6.1', {
      title: {
        en: 'Managed solutions offered to customers',
        ja: '顧客に提供するマネージドソリューション',
      },
      requirement: {
        en: 'The solution has launched opportunities and has been in operation for 6 months.',
        ja: 'ソリューションに6か月分の運用実績があることを示すエビデンスが求められます。',
      },
      evidence: [],
      tags: ['managed-solution'],
      ...extra,
    }),
  );
}

const FILE = 'versions/1.0/items/9.6.1.yaml';
const messages = (item: Item) => aliasErrors(FILE, item, META).map((e) => e.message);

describe('aliasErrors', () => {
  it('accepts aliases made of the text words, by stem, tag and section title', () => {
    const item = solution({
      aliases: {
        en: [
          'managed solution',
          'launched opportunity',
          'operations',
          '6 months',
          'service operations',
        ],
        ja: [
          'マネージドソリューション',
          '運用実績',
          '6か月',
          'サービス運用',
          '顧客ごとのソリューション',
        ],
      },
    });
    expect(messages(item)).toEqual([]);
  });

  it('names file, item and field for an alias the text does not use', () => {
    const item = solution({ aliases: { en: ['managed solution', 'ITSM'], ja: ['チケット管理'] } });
    expect(messages(item)).toEqual([
      `${FILE} · item 9.6.1 · field aliases.en[1]: "ITSM" uses words that are not in this item's own text (title, requirement, evidence, tags or section title): drop it, or add it to synonyms.en with the words of the text it stands for`,
      `${FILE} · item 9.6.1 · field aliases.ja[0]: "チケット管理" uses words that are not in this item's own text (title, requirement, evidence, tags or section title): drop it, or add it to synonyms.ja with the words of the text it stands for`,
    ]);
  });

  it('accepts a synonym that stands for words of the text', () => {
    const item = solution({
      aliases: { en: ['operating history'], ja: ['稼働実績'] },
      synonyms: {
        en: { 'operating history': 'in operation for 6 months' },
        ja: { 稼働実績: '運用実績' },
      },
    });
    expect(messages(item)).toEqual([]);
  });

  it('rejects a synonym for words the text does not use, or for no alias', () => {
    const item = solution({
      aliases: { en: ['ITSM'], ja: [] },
      synonyms: { en: { ITSM: 'ticketing system', SaaS: 'managed solution' } },
    });
    expect(messages(item)).toEqual([
      `${FILE} · item 9.6.1 · field synonyms.en.ITSM: "ticketing system" uses words that are not in this item's own text (title, requirement, evidence, tags or section title)`,
      `${FILE} · item 9.6.1 · field synonyms.en.SaaS: "SaaS" is not one of aliases.en`,
    ]);
  });

  it('stems English words so that forms of one word match', () => {
    expect(englishStem('opportunities')).toBe(englishStem('opportunity'));
    expect(englishStem('leaving')).toBe(englishStem('leaves'));
    expect(englishStem('affiliated')).toBe(englishStem('affiliate'));
    expect(englishStem('processes')).toBe('process');
    expect(englishStem('access')).toBe('access');
    expect(englishStem('audit')).not.toBe(englishStem('auditor'));
  });
});

describe('the alias check in the content loader', () => {
  it('stops compiling with file, item and field', () => {
    const files: RawFile[] = [
      versionFile('1.0'),
      itemFile('1.0', '8.1.2', { aliases: { en: ['Records', 'Control Tower'], ja: ['記録'] } }),
    ];
    let error: unknown;
    try {
      compileContent(files);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentErrors);
    expect((error as ContentErrors).errors.map((e) => [e.file, e.item, e.field])).toEqual([
      ['versions/1.0/items/8.1.2.yaml', '8.1.2', 'aliases.en[1]'],
    ]);
  });

  it('finds a term of the 4.2.1 text given as an alias of the 4.2 item', async () => {
    const { versions } = await loadContent('content');
    const [v42, v421] = versions;
    const find = (items: Item[], id: string) => items.find((i) => i.id === id)!;
    const with4 = (item: Item): Item => ({
      ...item,
      aliases: { ...item.aliases, en: [...item.aliases.en, 'ITSM', 'Control Tower'] },
    });
    for (const [id, alias] of [
      ['9.6.1', 'ITSM'],
      ['8.1.10', 'Control Tower'],
    ] as const) {
      const older = aliasErrors('a.yaml', with4(find(v42!.items, id)), v42!.meta);
      const newer = aliasErrors('a.yaml', with4(find(v421!.items, id)), v421!.meta);
      expect(older.map((e) => e.problem)).toContainEqual(expect.stringContaining(`"${alias}"`));
      expect(newer.map((e) => e.problem)).not.toContainEqual(expect.stringContaining(`"${alias}"`));
    }
  });
});
