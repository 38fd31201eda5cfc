import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { THEME_KEY, parseTheme, themeScript } from '../../src/lib/theme.ts';

/** Runs the head script against a stored value (or a storage that throws) and a bare root. */
function runHeadScript(stored: string | null | Error): Record<string, string> {
  const dataset: Record<string, string> = {};
  const localStorage = {
    getItem(key: string) {
      if (stored instanceof Error) throw stored;
      return key === THEME_KEY ? stored : null;
    },
  };
  runInNewContext(themeScript(), { localStorage, document: { documentElement: { dataset } } });
  return dataset;
}

describe('theme', () => {
  it('applies a stored light or dark theme before the page is drawn', () => {
    expect(runHeadScript('dark')).toEqual({ theme: 'dark' });
    expect(runHeadScript('light')).toEqual({ theme: 'light' });
  });

  it('leaves the system theme for auto, nothing stored or anything else', () => {
    expect(runHeadScript('auto')).toEqual({});
    expect(runHeadScript(null)).toEqual({});
    expect(runHeadScript('"><script>')).toEqual({});
  });

  it('does not stop the page when storage is blocked', () => {
    expect(runHeadScript(new Error('SecurityError'))).toEqual({});
  });

  it('reads any stored value as one of the three themes', () => {
    expect(['light', 'dark', 'auto', '', 'blue', null, undefined].map(parseTheme)).toEqual([
      'light',
      'dark',
      'auto',
      'auto',
      'auto',
      'auto',
      'auto',
    ]);
  });
});
