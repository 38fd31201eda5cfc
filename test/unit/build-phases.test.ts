import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPhases, phaseDurations, type PhaseMarks } from '../../scripts/lib/build-phases.ts';

describe('phaseDurations', () => {
  it('gives each phase the time between its marks, the first from the process start', () => {
    const marks: PhaseMarks = {
      configDone: 1000,
      buildStart: 2500,
      bundled: 4000,
      generated: 14000,
      done: 14250,
    };
    expect(phaseDurations(marks)).toEqual({
      startS: 1,
      contentS: 1.5,
      bundleS: 1.5,
      pagesS: 10,
      finishS: 0.25,
    });
  });

  it('refuses marks out of build order, or missing, naming them', () => {
    const marks = { configDone: 1000, buildStart: 900, bundled: 4000, generated: 5000, done: 6000 };
    expect(() => phaseDurations(marks)).toThrow('buildStart before configDone');
    const missing = { configDone: 1000, buildStart: 2000, generated: 5000, done: 6000 };
    expect(() => phaseDurations(missing as unknown as PhaseMarks)).toThrow(
      'build phase mark missing: bundled',
    );
  });
});

/** Calls a hook of the integration, whatever its declared parameters. */
type AnyHook = (options: unknown) => unknown;

describe('buildPhases', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
  });

  it('notes each hook once, in the order Astro calls them, and writes the notes at the end', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'msp-phases-'));
    folders.push(folder);
    const file = join(folder, 'phases.json');
    const integration = buildPhases(file);
    const hooks = integration.hooks as Record<string, AnyHook>;
    let plugins: { name: string; buildApp: { order: string; handler: () => Promise<void> } }[] = [];
    hooks['astro:config:setup']!({
      updateConfig: (c: { vite: { plugins: typeof plugins } }) => (plugins = c.vite.plugins),
    });
    expect(plugins.map((p) => [p.name, p.buildApp.order])).toEqual([['msp-build-phases', 'post']]);
    const pause = () => new Promise((r) => setTimeout(r, 5));
    const before = performance.now();
    hooks['astro:config:done']!({});
    await pause();
    hooks['astro:build:start']!({});
    await pause();
    await plugins[0]!.buildApp.handler();
    await pause();
    const again = performance.now();
    hooks['astro:config:done']!({});
    hooks['astro:build:generated']!({});
    await pause();
    hooks['astro:build:done']!({});
    const marks = JSON.parse(readFileSync(file, 'utf8')) as PhaseMarks;
    expect(Object.keys(marks).sort()).toEqual(
      ['bundled', 'buildStart', 'configDone', 'done', 'generated'].sort(),
    );
    // The second `astro:config:done` left the first time in place.
    expect(marks.configDone).toBeGreaterThanOrEqual(before);
    expect(marks.configDone).toBeLessThan(again);
    const phases = phaseDurations(marks);
    for (const s of [phases.contentS, phases.bundleS, phases.pagesS, phases.finishS]) {
      expect(s).toBeGreaterThanOrEqual(0.004);
    }
  });
});
