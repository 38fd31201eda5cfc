/**
 * Full-text results as the site shows them (ranking, one hit per item, excerpts, highlight
 * links), the search page's URL state and the landing page's marks.
 */
import { describe, expect, it } from 'vitest';
import { markParts, termPattern } from '../../src/lib/search/highlight.ts';
import { parseSearchState, searchStateParams } from '../../src/lib/search/query-state.ts';
import {
  collapseVersions,
  excerptParts,
  findsItem,
  hitFromPagefind,
  rankSiteHits,
  withHighlight,
  type SiteHit,
} from '../../src/lib/search/site-hits.ts';

function hit(url: string, extra: Partial<SiteHit> = {}): SiteHit {
  return {
    url,
    title: url,
    excerpt: '',
    subResults: [],
    otherVersions: [],
    idMatch: false,
    ...extra,
  };
}

const item = (id: string, version: string, extra: Partial<SiteHit> = {}) =>
  hit(version === '4.2.1' ? `/controls/${id}/` : `/v/${version}/controls/${id}/`, {
    id,
    version,
    ...extra,
  });

describe('hits from pagefind', () => {
  it('reads the item metadata and keeps only sub-results with an anchor', () => {
    const h = hitFromPagefind({
      url: '/controls/8.1.10/',
      excerpt: 'x',
      meta: { id: '8.1.10', version: '4.2.1', kind: 'control', section: '8.0', title: 'MFA' },
      sub_results: [
        { title: 'MFA', url: '/controls/8.1.10/', excerpt: 'a' },
        { title: 'Requirement', url: '/controls/8.1.10/#requirement', excerpt: 'b' },
      ],
    });
    expect(h).toMatchObject({ id: '8.1.10', version: '4.2.1', kind: 'control', title: 'MFA' });
    expect(h.subResults.map((s) => s.url)).toEqual(['/controls/8.1.10/#requirement']);
  });

  it('falls back to the URL for a page without a title', () => {
    expect(hitFromPagefind({ url: '/x/', excerpt: '', meta: {} }).title).toBe('/x/');
  });
});

describe('ranking', () => {
  it('puts the items an id query names first, in id order, then the text matches', () => {
    const text = [hit('/controls/'), item('9.13.3', '4.2.1'), item('8.1.11', '4.2.1')];
    const named = [item('8.1.11', '4.2.1'), item('8.1.10', '4.2'), item('8.1.10', '4.2.1')];
    const ranked = rankSiteHits('8.1.1', named, text);
    expect(ranked.map((h) => h.id ?? h.url)).toEqual(['8.1.10', '8.1.11', '/controls/', '9.13.3']);
    expect(ranked[0]).toMatchObject({ version: '4.2.1', idMatch: true });
    expect(ranked[0]!.otherVersions).toEqual([{ version: '4.2', url: '/v/4.2/controls/8.1.10/' }]);
  });

  it('keeps the excerpt of the text match for a page the id query also names', () => {
    const ranked = rankSiteHits(
      '8.1.10',
      [item('8.1.10', '4.2.1', { excerpt: 'plain' })],
      [item('8.1.10', '4.2.1', { excerpt: '<mark>8.1.10</mark>' })],
    );
    expect(ranked).toHaveLength(1);
    expect(ranked[0]).toMatchObject({ excerpt: '<mark>8.1.10</mark>', idMatch: true });
  });

  it('shows one hit per item, the newest version leading, where its best page ranked', () => {
    const collapsed = collapseVersions([
      item('9.6.1', '4.2'),
      hit('/'),
      item('9.6.1', '4.2.1'),
      item('8.1.10', '4.2.1'),
    ]);
    expect(collapsed.map((h) => `${h.id ?? h.url}@${h.version ?? ''}`)).toEqual([
      '9.6.1@4.2.1',
      '/@',
      '8.1.10@4.2.1',
    ]);
    expect(collapsed[0]!.otherVersions.map((o) => o.version)).toEqual(['4.2']);
  });

  it('drops a page that repeats another page’s title and excerpt', () => {
    const same = { title: 'All items (4.2.1)', excerpt: 'MFA' };
    const collapsed = collapseVersions([hit('/controls/', same), hit('/v/4.2.1/controls/', same)]);
    expect(collapsed.map((h) => h.url)).toEqual(['/controls/']);
  });
});

describe('near misses', () => {
  it('counts an item page found when a marked run matches a query word', () => {
    const found = [item('8.1.11', '4.2.1', { excerpt: 'a <mark>Social-engineering</mark> test' })];
    expect(findsItem(found, 'social engineering')).toBe(true);
    expect(findsItem([item('8.1.10', '4.2.1', { idMatch: true })], '8.1.10')).toBe(true);
    const ja = [
      item('8.1.10', '4.2.1', { excerpt: 'ルートユーザーの<mark>多</mark><mark>要素</mark>認証' }),
    ];
    expect(findsItem(ja, '多要素認証')).toBe(true);
  });

  it('treats pagefind’s short-prefix fallbacks and non-item pages as not finding an item', () => {
    const prefix = [item('9.6.1', '4.2.1', { excerpt: 'Evidence <mark>of</mark> the code' })];
    expect(findsItem(prefix, 'offbording')).toBe(false);
    expect(findsItem([hit('/', { excerpt: '<mark>so</mark> they' })], 'socail')).toBe(false);
    expect(findsItem([], 'anything')).toBe(false);
  });
});

describe('excerpts and links', () => {
  it('splits an excerpt into text and marked runs, unescaping brackets and dropping other tags', () => {
    expect(excerptParts('a &lt;b&gt; <mark>MFA</mark> & <em>c</em>')).toEqual([
      { text: 'a <b> ', mark: false },
      { text: 'MFA', mark: true },
      { text: ' & c', mark: false },
    ]);
  });

  it('adds the query for highlighting before the fragment', () => {
    expect(withHighlight('/controls/8.1.10/#requirement', 'root user')).toBe(
      '/controls/8.1.10/?highlight=root%20user#requirement',
    );
    expect(withHighlight('/x/?a=1', '多要素')).toBe(
      `/x/?a=1&highlight=${encodeURIComponent('多要素')}`,
    );
    expect(withHighlight('/x/', '  ')).toBe('/x/');
  });
});

describe('landing-page marks', () => {
  it('marks every term, case-insensitively, longest first', () => {
    const pattern = termPattern(['root user', 'MFA'])!;
    expect(markParts('The Root user has MFA; root-user', pattern)).toEqual([
      { text: 'The ', mark: false },
      { text: 'Root', mark: true },
      { text: ' ', mark: false },
      { text: 'user', mark: true },
      { text: ' has ', mark: false },
      { text: 'MFA', mark: true },
      { text: '; ', mark: false },
      { text: 'root', mark: true },
      { text: '-', mark: false },
      { text: 'user', mark: true },
    ]);
    expect(markParts('nothing here', pattern)).toBeUndefined();
    expect(termPattern([' '])).toBeUndefined();
  });

  it('escapes terms that look like patterns', () => {
    const pattern = termPattern(['8.1.10 (MFA)'])!;
    expect(markParts('8x1x10', pattern)).toBeUndefined();
    expect(
      markParts('see 8.1.10', pattern)
        ?.filter((p) => p.mark)
        .map((p) => p.text),
    ).toEqual(['8.1.10']);
  });
});

describe('search page URL', () => {
  it('reads the query, the mode and the filters, ignoring empty values', () => {
    const state = parseSearchState(
      new URLSearchParams('q=mfa&mode=changes&version=4.2.1&section=&label=relaxed&x=1'),
    );
    expect(state).toEqual({
      q: 'mfa',
      mode: 'changes',
      filters: { version: '4.2.1', label: 'relaxed' },
    });
    expect(parseSearchState(new URLSearchParams('mode=other')).mode).toBe('pages');
  });

  it('writes a shareable query string that reads back the same', () => {
    const state = {
      q: ' 8.1.10 ',
      mode: 'pages' as const,
      filters: { kind: 'control', section: '8.0' },
    };
    const params = searchStateParams(state);
    expect(params.toString()).toBe('q=8.1.10&section=8.0&kind=control');
    expect(parseSearchState(params)).toEqual({ ...state, q: '8.1.10' });
  });
});
