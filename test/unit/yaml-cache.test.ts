import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateBenchContent } from '../../scripts/lib/bench-content.ts';
import { ContentErrors } from '../../src/lib/content-error.ts';
import { compileContent, parseContentYaml, type RawFile } from '../../src/lib/load.ts';
import { withParsedYaml, yamlCacheFile } from '../../src/lib/yaml-cache.ts';

// The parser, counted: the cache's point is how often it runs.
vi.mock('../../src/lib/load.ts', async (actual) => {
  const load = await actual<typeof import('../../src/lib/load.ts')>();
  return { ...load, parseContentYaml: vi.fn(load.parseContentYaml) };
});
const parses = () => vi.mocked(parseContentYaml).mock.calls.length;

const files = generateBenchContent({ items: 20, versions: 2 });
let dir: string;
let cache: string;
beforeEach(async () => {
  vi.mocked(parseContentYaml).mockClear();
  dir = await mkdtemp(join(tmpdir(), 'msp-yaml-cache-'));
  cache = join(dir, 'sub', 'cache.bin');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('withParsedYaml', () => {
  it('gives the content the same bundle as parsing it, with or without a cache file', async () => {
    const first = await withParsedYaml(files, cache);
    expect(first.every((f) => 'parsed' in f)).toBe(true);
    expect((await stat(cache)).size).toBeGreaterThan(0);
    const second = await withParsedYaml(files, cache);
    expect(compileContent(first)).toEqual(compileContent(files));
    expect(compileContent(second)).toEqual(compileContent(files));
  });

  it('parses a file again only when its text changed', async () => {
    await withParsedYaml(files, cache);
    expect(parses()).toBe(files.length);
    await withParsedYaml(files, cache);
    expect(parses()).toBe(files.length);
    const path = files.find((f) => f.path.includes('/items/'))!.path;
    const changed = files.map((f): RawFile =>
      f.path === path ? { path, text: `${f.text}# note\n` } : f,
    );
    const out = await withParsedYaml(changed, cache);
    expect(parses()).toBe(files.length + 1);
    expect(vi.mocked(parseContentYaml).mock.lastCall![0]).toBe(
      `${files.find((f) => f.path === path)!.text}# note\n`,
    );
    expect(compileContent(out)).toEqual(compileContent(changed));
  });

  it('rewrites the cache file only when something changed', async () => {
    await withParsedYaml(files, cache);
    const written = (await stat(cache)).mtimeMs;
    await withParsedYaml(files, cache);
    expect((await stat(cache)).mtimeMs).toBe(written);
    await withParsedYaml(files.slice(1), cache);
    expect((await stat(cache)).mtimeMs).not.toBe(written);
  });

  it('leaves a file that does not parse to the content check, which names it', async () => {
    const path = files.find((f) => f.path.includes('/items/'))!.path;
    const broken = files.map((f): RawFile =>
      f.path === path ? { path, text: 'id: [unclosed' } : f,
    );
    await withParsedYaml(files, cache);
    const out = await withParsedYaml(broken, cache);
    expect('parsed' in out.find((f) => f.path === path)!).toBe(false);
    expect(() => compileContent(out)).toThrow(ContentErrors);
    expect(() => compileContent(out)).toThrow(
      new RegExp(`${path.replace(/\./g, '\\.')}.*not valid YAML`),
    );
  });

  it('parses everything when the cache file cannot be read', async () => {
    const out = await withParsedYaml(files, join(dir, 'missing', 'x.bin'));
    expect(compileContent(out)).toEqual(compileContent(files));
  });
});

describe('yamlCacheFile', () => {
  it('names one file in the cache folder per content folder', () => {
    const a = yamlCacheFile('/cache', '/site/content');
    expect(a).toBe(yamlCacheFile('/cache', '/site/content'));
    expect(a).not.toBe(yamlCacheFile('/cache', '/other/content'));
    expect(a).toMatch(/^\/cache\/content-yaml-[0-9a-f]{12}\.bin$/);
  });
});
