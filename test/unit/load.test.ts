import { describe, expect, it } from 'vitest';
import { ContentErrors } from '../../src/lib/content-error.ts';
import { compileContent, loadContent, type RawFile } from '../../src/lib/load.ts';
import { itemFile, versionFile } from './helpers.ts';

/** The messages of the errors that compiling `files` throws (fails if it does not throw). */
function errorsOf(files: RawFile[]): string[] {
  try {
    compileContent(files);
  } catch (e) {
    expect(e).toBeInstanceOf(ContentErrors);
    return (e as ContentErrors).errors.map((x) => x.message);
  }
  throw new Error('expected content errors');
}

const good = () => [versionFile('1.0'), itemFile('1.0', '8.1.2'), itemFile('1.0', 'audit-timing')];

describe('compileContent', () => {
  it('compiles valid content, items in section then id order', () => {
    const files = [...good(), itemFile('1.0', '8.1.10'), itemFile('1.0', '8.1.9')];
    const { versions } = compileContent(files);
    expect(versions.map((v) => v.meta.id)).toEqual(['1.0']);
    expect(versions[0]!.items.map((i) => i.id)).toEqual([
      'audit-timing',
      '8.1.2',
      '8.1.9',
      '8.1.10',
    ]);
  });

  it('fills schema defaults', () => {
    const { versions } = compileContent([
      versionFile('1.0'),
      itemFile('1.0', '8.1.2', { tags: undefined, evidence: undefined }),
    ]);
    const item = versions[0]!.items[0]!;
    expect(item.tags).toEqual([]);
    expect(item.evidence).toEqual([]);
    expect(item.replaces).toEqual([]);
    expect(item.provenance.basis).toBe('stated');
  });

  it('names file, item and field for a missing field', () => {
    expect(
      errorsOf([versionFile('1.0'), itemFile('1.0', '8.1.2', { requirement: undefined })]),
    ).toEqual(['versions/1.0/items/8.1.2.yaml · item 8.1.2 · field requirement: is missing']);
  });

  it('names the language that is missing', () => {
    expect(
      errorsOf([versionFile('1.0'), itemFile('1.0', '8.1.2', { title: { en: 'Only English' } })]),
    ).toEqual(['versions/1.0/items/8.1.2.yaml · item 8.1.2 · field title.ja: is missing']);
  });

  it('rejects an empty text', () => {
    expect(
      errorsOf([
        versionFile('1.0'),
        itemFile('1.0', '8.1.2', { title: { en: ' ', ja: 'タイトル' } }),
      ]),
    ).toEqual(['versions/1.0/items/8.1.2.yaml · item 8.1.2 · field title.en: must not be empty']);
  });

  it('rejects a duplicate id', () => {
    const clash = { ...itemFile('1.0', '8.1.2'), path: 'versions/1.0/items/8.1.2-copy.yaml' };
    const errors = errorsOf([...good(), clash]);
    expect(errors).toEqual([
      'versions/1.0/items/8.1.2-copy.yaml · item 8.1.2 · field id: duplicate id (also in versions/1.0/items/8.1.2.yaml)',
    ]);
  });

  it('rejects an id that does not match the file name', () => {
    const moved = { ...itemFile('1.0', '8.1.3'), path: 'versions/1.0/items/8.1.4.yaml' };
    expect(errorsOf([versionFile('1.0'), moved])).toEqual([
      'versions/1.0/items/8.1.4.yaml · item 8.1.3 · field id: must equal the file name ("8.1.4")',
    ]);
  });

  it('rejects an unknown section', () => {
    expect(
      errorsOf([versionFile('1.0'), itemFile('1.0', 'audit-timing', { section: 'rules' })]),
    ).toEqual([
      'versions/1.0/items/audit-timing.yaml · item audit-timing · field section: unknown section "rules" (not declared in version.yaml)',
    ]);
  });

  it('rejects a control filed under another section', () => {
    expect(
      errorsOf([versionFile('1.0'), itemFile('1.0', '8.1.2', { section: 'program' })]),
    ).toEqual([
      'versions/1.0/items/8.1.2.yaml · item 8.1.2 · field section: control 8.1.2 belongs in section 8.0',
    ]);
  });

  it('rejects a malformed id', () => {
    const errors = errorsOf([versionFile('1.0'), itemFile('1.0', '8.1.')]);
    expect(errors).toEqual([
      'versions/1.0/items/8.1..yaml · item 8.1. · field id: must be a control number such as "8.1.10" or a slug such as "audit-timing"',
    ]);
  });

  it('rejects evidence keys that are not unique', () => {
    const evidence = [
      { key: 'records', en: 'A.', ja: 'A' },
      { key: 'records', en: 'B.', ja: 'B' },
    ];
    expect(errorsOf([versionFile('1.0'), itemFile('1.0', '8.1.2', { evidence })])).toEqual([
      'versions/1.0/items/8.1.2.yaml · item 8.1.2 · field evidence[1].key: duplicate evidence key "records"',
    ]);
  });

  it('rejects a malformed evidence key', () => {
    const evidence = [{ key: 'Records 1', en: 'A.', ja: 'A' }];
    expect(errorsOf([versionFile('1.0'), itemFile('1.0', '8.1.2', { evidence })])).toEqual([
      'versions/1.0/items/8.1.2.yaml · item 8.1.2 · field evidence[0].key: must be a lowercase slug such as "design-documents"',
    ]);
  });

  it('rejects a version that supersedes an absent version', () => {
    const errors = errorsOf([versionFile('1.1', { supersedes: '1.0' }), itemFile('1.1', '8.1.2')]);
    expect(errors).toEqual([
      'versions/1.1/version.yaml · item 1.1 · field supersedes: version 1.0 is not in the content',
    ]);
  });

  it('rejects items of a version with no version.yaml', () => {
    expect(errorsOf([...good(), itemFile('2.0', '8.1.2')])).toEqual([
      'versions/2.0/items/8.1.2.yaml: version 2.0 has items but no versions/2.0/version.yaml',
    ]);
  });

  it('rejects an unknown provenance source', () => {
    const provenance = {
      sources: ['nowhere'],
      confidence: 'S',
      coverage: 'topic',
      note: { en: 'x', ja: 'x' },
    };
    expect(errorsOf([versionFile('1.0'), itemFile('1.0', '8.1.2', { provenance })])).toEqual([
      'versions/1.0/items/8.1.2.yaml · item 8.1.2 · field provenance.sources[0]: unknown source "nowhere"',
    ]);
  });

  it('reports unparseable YAML with the file name', () => {
    const broken = { path: 'versions/1.0/items/8.1.3.yaml', text: 'id: "8.1.3\ntitle: [' };
    const errors = errorsOf([...good(), broken]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^versions\/1\.0\/items\/8\.1\.3\.yaml · item 8\.1\.3: not valid YAML: /,
    );
  });

  it('rejects a file that is not a mapping', () => {
    expect(
      errorsOf([...good(), { path: 'versions/1.0/items/8.1.3.yaml', text: '- a\n- b\n' }]),
    ).toEqual(['versions/1.0/items/8.1.3.yaml · item 8.1.3: must be a YAML mapping']);
  });

  it('rejects unknown fields, so typos do not pass silently', () => {
    expect(
      errorsOf([
        versionFile('1.0'),
        itemFile('1.0', '8.1.2', { requirment: { en: 'x', ja: 'x' } }),
      ]),
    ).toEqual(['versions/1.0/items/8.1.2.yaml · item 8.1.2: unknown field "requirment"']);
  });

  it('rejects files outside the layout', () => {
    expect(errorsOf([...good(), { path: 'notes.yaml', text: 'a: 1' }])[0]).toMatch(
      /^notes\.yaml: unexpected file/,
    );
  });

  it('reports every error at once', () => {
    const errors = errorsOf([
      versionFile('1.0'),
      itemFile('1.0', '8.1.2', { requirement: undefined }),
      itemFile('1.0', '8.1.3', { section: '9.0' }),
    ]);
    expect(errors).toHaveLength(2);
  });
});

describe('loadContent', () => {
  it('loads the real content folder', async () => {
    const { versions, notes } = await loadContent('content');
    expect(versions.map((v) => v.meta.id)).toEqual(['4.2', '4.2.1']);
    expect(notes.map((n) => `${n.from}...${n.to}`)).toEqual(['4.2...4.2.1']);
  });
});

describe('compileContent error noise', () => {
  it('reports a broken version.yaml once, not again for each of its items', () => {
    const broken = { ...versionFile('1.0'), text: 'id: "1.0"\nsummary: [' };
    const errors = errorsOf([broken, itemFile('1.0', '8.1.2')]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^versions\/1\.0\/version\.yaml · item 1\.0: not valid YAML/);
  });
});
