import { describe, expect, it } from 'vitest';
import { pageType } from '../../scripts/lib/built-site.ts';

describe('pageType', () => {
  it('names variable segments and drops the language', () => {
    expect(pageType('/')).toBe('/');
    expect(pageType('/ja/')).toBe('/');
    expect(pageType('/controls/8.1.10/')).toBe('/controls/<id>/');
    expect(pageType('/ja/v/4.2/controls/audit-timing/')).toBe('/v/<version>/controls/<id>/');
    expect(pageType('/v/4.2.1/')).toBe('/v/<version>/');
    expect(pageType('/compare/4.2...4.2.1/')).toBe('/compare/<pair>/');
    expect(pageType('/self-check/')).toBe('/self-check/');
    expect(pageType('/404.html')).toBe('404');
    expect(pageType('/japan/')).toBe('/japan/');
  });
});
