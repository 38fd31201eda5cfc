import { afterEach, describe, expect, it } from 'vitest';
import { loadScriptGlobal } from '../../src/components/dom.ts';

/** A script element as far as `loadScriptGlobal` uses one. */
class FakeScript extends EventTarget {
  attributes = new Map<string, string>();
  removed = false;
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  append() {}
  remove() {
    this.removed = true;
  }
}

const scope = globalThis as Record<string, unknown>;

/** A document whose head keeps the scripts appended to it. */
function fakeDocument() {
  const appended: FakeScript[] = [];
  scope.document = {
    createElement: () => new FakeScript(),
    head: { append: (s: FakeScript) => appended.push(s) },
  };
  return appended;
}

afterEach(() => {
  delete scope.document;
  delete scope.TestLib;
});

describe('loadScriptGlobal', () => {
  it('runs the script and resolves with the global it defines', async () => {
    const appended = fakeDocument();
    const loading = loadScriptGlobal('/_astro/lib.js', 'TestLib');
    expect(appended.map((s) => s.attributes.get('src'))).toEqual(['/_astro/lib.js']);
    const lib = { version: '1.0' };
    scope.TestLib = lib;
    appended[0]!.dispatchEvent(new Event('load'));
    expect(await loading).toBe(lib);
  });

  it('loads the script once for calls made while it loads', async () => {
    const appended = fakeDocument();
    const first = loadScriptGlobal('/_astro/lib.js', 'TestLib');
    const second = loadScriptGlobal('/_astro/lib.js', 'TestLib');
    expect(appended).toHaveLength(1);
    scope.TestLib = 'loaded';
    appended[0]!.dispatchEvent(new Event('load'));
    expect([await first, await second]).toEqual(['loaded', 'loaded']);
  });

  it('returns a global that is already there without loading anything', async () => {
    const appended = fakeDocument();
    scope.TestLib = 'loaded';
    expect(await loadScriptGlobal('/_astro/lib.js', 'TestLib')).toBe('loaded');
    expect(appended).toEqual([]);
  });

  it('rejects, naming the file, when the script fails or defines nothing; a later call tries again', async () => {
    const appended = fakeDocument();
    const failing = loadScriptGlobal('/_astro/lib.js', 'TestLib');
    appended[0]!.dispatchEvent(new Event('error'));
    await expect(failing).rejects.toThrow('/_astro/lib.js could not be loaded');
    expect(appended[0]!.removed).toBe(true);

    const empty = loadScriptGlobal('/_astro/lib.js', 'TestLib');
    expect(appended).toHaveLength(2);
    appended[1]!.dispatchEvent(new Event('load'));
    await expect(empty).rejects.toThrow('/_astro/lib.js did not define TestLib');
  });
});
