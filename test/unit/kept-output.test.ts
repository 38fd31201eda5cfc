import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  lastBuildFinished,
  manifestOutputs,
  manifestDigest,
  markBuildDone,
  markBuildStart,
  removeFiles,
  staleFiles,
} from '../../scripts/lib/kept-output.ts';
import { filesBelow } from '../support/site-folder.ts';

/** A folder with `files` (relative paths), each last written at `time` (ms since the epoch). */
function folderWith(files: Record<string, number>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mce-kept-'));
  for (const [path, time] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, path);
    utimesSync(file, time / 1000, time / 1000);
  }
  return dir;
}

describe('the build marker', () => {
  it('lets the next build keep the output only after a build finished', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mce-marker-'));
    const out = join(dir, 'dist');
    const marker = join(dir, 'state');
    const manifest = join(dir, 'incremental-build.json');
    writeFileSync(manifest, '{"routes":{}}');
    expect(lastBuildFinished(marker, out, manifest)).toBe(false);
    mkdirSync(out);
    const start = markBuildStart(marker);
    expect(start).toBeGreaterThan(Date.now() - 60_000);
    expect(lastBuildFinished(marker, out, manifest)).toBe(false);
    markBuildDone(marker, manifestDigest(manifest));
    expect(lastBuildFinished(marker, out, manifest)).toBe(true);
    // A build that starts and fails leaves the marker saying so.
    markBuildStart(marker);
    expect(lastBuildFinished(marker, out, manifest)).toBe(false);
  });

  it('does not keep the output once a build into another folder rewrote Astro’s manifest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mce-marker-'));
    const out = join(dir, 'dist');
    mkdirSync(out);
    const marker = join(dir, 'state');
    const manifest = join(dir, 'incremental-build.json');
    writeFileSync(manifest, '{"routes":{"a":{}}}');
    markBuildDone(marker, manifestDigest(manifest));
    writeFileSync(manifest, '{"routes":{"b":{}}}');
    expect(lastBuildFinished(marker, out, manifest)).toBe(false);
  });

  it('does not keep an output folder that is gone, whatever the marker says', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mce-marker-'));
    const marker = join(dir, 'state');
    const manifest = join(dir, 'incremental-build.json');
    markBuildDone(marker, manifestDigest(manifest));
    expect(lastBuildFinished(marker, join(dir, 'dist'), manifest)).toBe(false);
  });
});

describe('manifestOutputs', () => {
  it('lists the output file of every path of every route in Astro’s manifest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mce-manifest-'));
    const file = join(dir, 'incremental-build.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        routes: {
          'src/pages/[...lang]/controls/[id].astro': {
            dependencyHash: 'x',
            paths: {
              '/controls/1.1/': { cacheKey: 'a', outputFile: 'controls/1.1/index.html' },
              '/ja/controls/1.1/': { cacheKey: 'b', outputFile: 'ja/controls/1.1/index.html' },
            },
          },
          'src/pages/other.astro': { paths: { '/other/': { cacheKey: 'c' } } },
        },
      }),
    );
    expect([...manifestOutputs(file)].sort()).toEqual([
      'controls/1.1/index.html',
      'ja/controls/1.1/index.html',
    ]);
    expect(manifestOutputs(join(dir, 'missing.json')).size).toBe(0);
  });
});

describe('staleFiles and removeFiles', () => {
  const before = Date.UTC(2026, 0, 1);
  const since = Date.UTC(2026, 0, 2);
  const after = Date.UTC(2026, 0, 3);

  it('finds what was written before the build and is not a page the build kept', () => {
    const dir = folderWith({
      'controls/1.1/index.html': before, // kept by Astro: in the manifest
      'controls/1.2/index.html': before, // an item since removed
      'controls/index.html': after, // written by this build
      '_astro/old.js': before, // a script of the last build
      '_astro/new.js': after,
      'pagefind/pagefind.js': before,
    });
    const kept = new Set(['controls/1.1/index.html']);
    expect(staleFiles(dir, since, kept)).toEqual([
      '_astro/old.js',
      'controls/1.2/index.html',
      'pagefind/pagefind.js',
    ]);
    expect(staleFiles(dir, since, kept, ['pagefind'])).toEqual([
      '_astro/old.js',
      'controls/1.2/index.html',
    ]);
  });

  it('removes them and the folders they leave empty, and nothing else', () => {
    const dir = folderWith({
      'controls/1.1/index.html': after,
      'controls/1.2/index.html': before,
      'v/1.0/controls/1.2/index.html': before,
      'v/1.0/index.html': after,
      'pagefind/pagefind.js': before,
    });
    removeFiles(dir, staleFiles(dir, since, new Set()));
    expect(filesBelow(dir)).toEqual(['controls/1.1/index.html', 'v/1.0/index.html']);
    expect(readdirSync(join(dir, 'controls'))).toEqual(['1.1']);
    expect(readdirSync(join(dir, 'v', '1.0'))).toEqual(['index.html']);
    expect(readdirSync(dir).sort()).toEqual(['controls', 'v']);
  });
});
