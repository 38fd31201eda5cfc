import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSync } from 'vite';
import { describe, expect, it } from 'vitest';
import { prebuiltScripts, smallClientBundles, styleChunk } from '../../scripts/lib/vite-chunks.ts';

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

describe('prebuiltScripts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mce-prebuilt-'));
  const file = join(dir, 'lib.min.js');
  const library = '/*! Lib 1.0 */\n!function(){window.Lib={ok:!0}}();';
  writeFileSync(file, `${library}\n//# sourceMappingURL=lib.min.js.map\n`);
  const plugin = prebuiltScripts([{ specifier: 'lib', file, global: 'Lib' }]);
  const parse = { parse: (code: string) => parseSync('module.js', code).program };

  it('applies to the browser build only', () => {
    expect(plugin.apply).toBe('build');
    expect(plugin.applyToEnvironment({ name: 'client' })).toBe(true);
    expect(plugin.applyToEnvironment({ name: 'prerender' })).toBe(false);
  });

  it('turns each import() of the library into a call of its loader, and leaves the rest', () => {
    const code = [
      "const a = async () => (await import('lib')).default;",
      "const b = () => import('other');",
      "import('lib').then((m) => m.default);",
    ].join('\n');
    expect(plugin.transform.call(parse, code, '/repo/src/a.ts')?.code).toBe(
      [
        'import { load as __mcePrebuilt0 } from "\\u0000mce-prebuilt:lib";',
        'const a = async () => (await __mcePrebuilt0()).default;',
        "const b = () => import('other');",
        '__mcePrebuilt0().then((m) => m.default);',
      ].join('\n'),
    );
    // The name in a string is not an import; nor is a static import, which would load it at once.
    expect(plugin.transform.call(parse, "const s = 'lib';", '/repo/src/b.ts')).toBe(undefined);
    expect(plugin.transform.call(parse, "import x from 'lib'; x;", '/repo/src/c.ts')).toBe(
      undefined,
    );
    expect(plugin.transform.call(parse, "import('lib')", '\0virtual')).toBe(undefined);
  });

  it('emits the file as its publisher made it, without the source-map comment, and loads its global', () => {
    const emitted: unknown[] = [];
    const context = {
      emitFile: (f: unknown) => {
        emitted.push(f);
        return 'ref1';
      },
    };
    expect(plugin.resolveId('\0mce-prebuilt:lib')).toBe('\0mce-prebuilt:lib');
    expect(plugin.resolveId('lib')).toBe(undefined);
    const loader = plugin.load.call(context, '\0mce-prebuilt:lib')!;
    expect(emitted).toEqual([{ type: 'asset', name: 'lib.min.js', source: `${library}\n` }]);
    expect(loader).toContain('const url = import.meta.ROLLUP_FILE_URL_ref1;');
    expect(loader).toContain('loadScriptGlobal(url, "Lib")');
    expect(plugin.load.call(context, '/repo/src/a.ts')).toBe(undefined);
  });
});
