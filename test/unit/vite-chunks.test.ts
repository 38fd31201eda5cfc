import { describe, expect, it } from 'vitest';
import { smallClientBundles, styleChunk } from '../../scripts/lib/vite-chunks.ts';

describe('styleChunk', () => {
  const root = '/repo/src/components';

  it('puts the styles of shared components and stylesheets in the site file', () => {
    expect(styleChunk(`${root}/ChangeCard.astro?astro&type=style&index=0&lang.css`)).toBe('site');
    expect(styleChunk(`${root}/nav/Sidebar.astro?astro&type=style&index=0&lang.css`)).toBe('site');
    expect(styleChunk('/repo/src/styles/global.css')).toBe('site');
  });

  it("leaves a page type's own styles, and modules that are not styles, to their pages", () => {
    expect(styleChunk(`${root}/ComparePage.astro?astro&type=style&index=0&lang.css`)).toBe(
      undefined,
    );
    expect(
      styleChunk(`${root}/self-check/SelfCheckOverview.astro?astro&type=style&index=0&lang.css`),
    ).toBe(undefined);
    // A name that only ends like a listed one is not listed.
    expect(styleChunk(`${root}/MyComparePage.astro?astro&type=style&index=0&lang.css`)).toBe(
      'site',
    );
    expect(styleChunk(`${root}/ItemPage.astro`)).toBe(undefined);
    expect(styleChunk(`${root}/copy-link.ts`)).toBe(undefined);
  });
});

describe('smallClientBundles', () => {
  const plugin = smallClientBundles();

  it('turns preloading off and inlines constants in the browser build only; the helper is a plain call', async () => {
    expect(plugin.configEnvironment('client')).toEqual({
      build: {
        modulePreload: false,
        rolldownOptions: { optimization: { inlineConst: { mode: 'all' } } },
      },
    });
    expect(plugin.configEnvironment('prerender')).toBe(undefined);
    expect(plugin.applyToEnvironment({ name: 'prerender' })).toBe(false);
    const helper = plugin.load('\0vite/preload-helper.js')!;
    const url = `data:text/javascript,${encodeURIComponent(helper)}`;
    const { __vitePreload } = (await import(url)) as { __vitePreload: (f: () => number) => number };
    expect(__vitePreload(() => 42)).toBe(42);
    expect(plugin.load('/repo/src/x.ts')).toBe(undefined);
  });

  it('fails the build, naming the chunk, when a code-split chunk imports a stylesheet', () => {
    const error = (message: string): never => {
      throw new Error(message);
    };
    const chunk = (css: string[]) => ({
      type: 'chunk',
      fileName: '_astro/panel.js',
      viteMetadata: { importedCss: new Set(css) },
    });
    expect(() => plugin.generateBundle.call({ error }, {}, { a: chunk([]) })).not.toThrow();
    expect(() =>
      plugin.generateBundle.call({ error }, {}, { a: chunk(['_astro/panel.css']) }),
    ).toThrow(/_astro\/panel\.js imports a stylesheet/);
  });
});
