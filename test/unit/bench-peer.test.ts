import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateBenchContent } from '../../scripts/lib/bench-content.ts';
import {
  clearPeerCaches,
  peerConfig,
  peerContent,
  removePeerSite,
  writePeerSite,
} from '../../scripts/lib/bench-peer.ts';
import type { Item } from '../../src/lib/model.ts';

/** A page's front matter and body. */
function split(text: string): { data: { title: string; description: string }; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`no front matter in ${text.slice(0, 40)}`);
  return { data: parse(match[1]!) as { title: string; description: string }, body: match[2]! };
}

describe('peerContent', () => {
  const files = generateBenchContent({ items: 40, versions: 2 });
  const items = (version: string) =>
    files
      .filter((f) => f.path.startsWith(`versions/${version}/items/`))
      .map((f) => parse(f.text) as Item);

  it.each([50, 101, 150, 400])('makes %i pages at most, the same in both languages', (pages) => {
    const content = peerContent(files, pages);
    const ja = content.filter((f) => f.path.startsWith('src/content/docs/ja/'));
    const en = content.filter((f) => !f.path.startsWith('src/content/docs/ja/'));
    // In each language: a home page, an index and a page per section of each version, a page
    // per item of each version and a history page per item id.
    const versions = ['1.0', '1.1'];
    const sections = versions.map((v) => {
      const meta = parse(files.find((f) => f.path === `versions/${v}/version.yaml`)!.text) as {
        sections: unknown[];
      };
      return meta.sections.length;
    });
    const ids = new Set(versions.flatMap((v) => items(v).map((i) => i.id)));
    const available =
      1 +
      versions.length +
      sections[0]! +
      sections[1]! +
      items('1.0').length +
      items('1.1').length +
      ids.size;
    expect(content.length).toBe(Math.min(pages - (pages % 2), 2 * available));
    expect(new Set(content.map((f) => f.path)).size).toBe(content.length);
    expect(ja.map((f) => f.path.replace('/ja/', '/'))).toEqual(en.map((f) => f.path));
  });

  it('puts dashes for dots in paths, so that no two items share a slug', () => {
    const paths = peerContent(files, 400).map((f) => f.path);
    expect(paths.filter((p) => /\/[^/]*\.[^/]*\//.test(p) || /\d\.\d/.test(p))).toEqual([]);
    const slugs = paths.map((p) => p.replace(/-/g, ''));
    expect(new Set(slugs).size).toBe(paths.length);
  });

  it("gives an item page the item's title, requirement and evidence in its language", () => {
    const item = items('1.1')[3]!;
    const path = (lang: string) => `src/content/docs/${lang}1-1/${item.id.replaceAll('.', '-')}.md`;
    const content = peerContent(files, 400);
    for (const [lang, prefix] of [
      ['en', ''],
      ['ja', 'ja/'],
    ] as const) {
      const file = content.find((f) => f.path === path(prefix));
      expect(file, path(prefix)).toBeDefined();
      const { data, body } = split(file!.text);
      expect(data.title).toBe(`${item.id} ${item.title[lang]}`);
      expect(body).toContain(item.requirement[lang]);
      for (const e of item.evidence) expect(body).toContain(`- ${e[lang]}`);
      expect(body).toContain('<form>');
    }
  });

  it('keeps quotes and colons of a title inside the front matter', () => {
    const tricky = files.map((f) =>
      f.path === 'versions/1.0/version.yaml'
        ? { ...f, text: f.text.replace(/summary:\n {2}en: .*/, 'summary:\n  en: \'a: "b" # c\'') }
        : f,
    );
    const index = peerContent(tricky, 400).find((f) => f.path === 'src/content/docs/1-0/index.md');
    expect(split(index!.text).data.description).toBe('a: "b" # c');
  });
});

describe('peerConfig', () => {
  it('links each version index from the sidebar, by its dashed path', () => {
    const config = peerConfig(['1.0', '1.1']);
    expect(config).toContain('{"label":"1.0","link":"/1-0/"}');
    expect(config).toContain('{"label":"1.1","link":"/1-1/"}');
    expect(config).toContain("defaultLocale: 'root'");
  });
});

describe('the peer site in its install folder', () => {
  /** An install folder as installPeer leaves it, with the peer's packages. */
  function installFolder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'peer-site-'));
    for (const name of ['package.json', 'package-lock.json']) writeFileSync(join(dir, name), '{}');
    mkdirSync(join(dir, 'node_modules/astro'), { recursive: true });
    return dir;
  }
  const files = generateBenchContent({ items: 12, versions: 2 });
  /** What a build leaves: caches, and an output folder per build. */
  const build = (dir: string, out: string) => {
    for (const cache of ['.astro', '.astro-cache', 'node_modules/.astro']) {
      mkdirSync(join(dir, cache), { recursive: true });
      writeFileSync(join(dir, cache, 'data-store.json'), '{}');
    }
    mkdirSync(join(dir, out));
    writeFileSync(join(dir, out, 'index.html'), '');
  };

  it('loses its caches before each build and keeps its pages and outputs', async () => {
    const dir = installFolder();
    await writePeerSite(dir, files, 60);
    build(dir, 'dist-1');
    await clearPeerCaches(dir);
    expect(readdirSync(dir).sort()).toEqual([
      'astro.config.mjs',
      'dist-1',
      'node_modules',
      'package-lock.json',
      'package.json',
      'src',
    ]);
    expect(readdirSync(join(dir, 'node_modules'))).toEqual(['astro']);
    expect(existsSync(join(dir, 'src/content/docs/index.md'))).toBe(true);
  });

  it('goes whole, outputs included, leaving the packages', async () => {
    const dir = installFolder();
    await writePeerSite(dir, files, 60);
    build(dir, 'dist-1');
    build(dir, 'dist-2');
    await removePeerSite(dir);
    expect(readdirSync(dir).sort()).toEqual(['node_modules', 'package-lock.json', 'package.json']);
    expect(readdirSync(join(dir, 'node_modules'))).toEqual(['astro']);
  });
});
