/**
 * The peer `npm run bench` measures this site against, on the same machine in the same run:
 * a Starlight site with as many pages, made from the same synthetic checklist. Starlight and
 * its Astro are installed from `bench/starlight-peer/` (its own package.json and lockfile) into
 * a cache folder outside the project's dependencies, once, and each build's site is written
 * there anew. The pages carry the items' text as Markdown, in English and Japanese: a page
 * per item of each version with the sections of this site's item page, a history page per
 * item, an index per version and, to fill up a small checklist, a page per section.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileContent, type RawFile } from '../../src/lib/load.ts';
import { LANGS, type Item, type Lang } from '../../src/lib/model.ts';

/** The peer's package.json and package-lock.json, committed. */
export const PEER_PACKAGE = fileURLToPath(new URL('../../bench/starlight-peer/', import.meta.url));

/** The versions of Starlight and Astro the peer's lockfile installs. */
export function peerVersions(): { starlight: string; astro: string } {
  const lock = JSON.parse(readFileSync(join(PEER_PACKAGE, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  const version = (name: string) => lock.packages[`node_modules/${name}`]?.version ?? 'unknown';
  return { starlight: version('@astrojs/starlight'), astro: version('astro') };
}

/** A YAML string that needs no escaping rules beyond JSON's (JSON is YAML). */
const quoted = (text: string) => JSON.stringify(text);

function page(title: string, description: string, body: string): string {
  return `---\ntitle: ${quoted(title)}\ndescription: ${quoted(description)}\n---\n\n${body}\n`;
}

/** The checklist's versions, oldest first, each with its items in reading order. */
const versionsOf = (files: readonly RawFile[]) => compileContent([...files]).versions;

/**
 * A path as the peer's pages and links spell it: dots become dashes, since Starlight's slugs
 * drop dots and `1.1.11` and `1.11.1` would meet.
 */
const link = (path: string) => path.replaceAll('.', '-');
/** The file of a page below `src/content/docs/`, English at the root as Starlight's default. */
const docPath = (lang: Lang, path: string) =>
  `src/content/docs/${lang === 'en' ? '' : 'ja/'}${link(path)}.md`;

/** The peer pages' own words, for the sections an item page of this site has too. */
const LABELS = {
  en: {
    evidence: 'Evidence the auditor expects',
    selfCheck: 'Self-check',
    status: 'Status',
    statuses: ['Not answered', 'Met', 'Partly met', 'Not yet', 'Not applicable'],
    ready: 'Evidence you have ready',
    notes: 'Notes',
    history: 'Change history',
    unchanged: 'No change to this item between the versions on this site.',
    before: 'Before this version:',
    source: 'Where this comes from',
    coverage: 'Coverage',
    confidence: 'Confidence',
    tags: 'Tags',
  },
  ja: {
    evidence: '監査で求められる証跡',
    selfCheck: 'セルフチェック',
    status: '状況',
    statuses: ['未回答', '満たしている', '一部満たしている', 'まだ満たしていない', '該当しない'],
    ready: '用意できている証跡',
    notes: 'メモ',
    history: '変更履歴',
    unchanged: 'このサイトにあるバージョンの間で、この項目に変更はありません。',
    before: 'このバージョンより前：',
    source: '出典',
    coverage: '範囲',
    confidence: '確度',
    tags: 'タグ',
  },
} as const;

/** An item page's body: the sections of this site's item page, as Markdown and a form. */
function itemBody(lang: Lang, item: Item, previous: Item | undefined): string {
  const l = LABELS[lang];
  const options = l.statuses.map((s) => `<option>${s}</option>`).join('');
  const boxes = item.evidence
    .map((e) => `<label><input type="checkbox" name="${e.key}"> ${e[lang]}</label>`)
    .join('\n');
  const changed = previous && previous.requirement[lang] !== item.requirement[lang];
  return [
    item.requirement[lang],
    `## ${l.evidence}`,
    item.evidence.map((e) => `- ${e[lang]}`).join('\n'),
    `## ${l.selfCheck}`,
    `<form>\n<label>${l.status} <select>${options}</select></label>\n<fieldset><legend>${l.ready}</legend>\n${boxes}\n</fieldset>\n<label>${l.notes} <textarea></textarea></label>\n</form>`,
    `## ${l.history}`,
    changed ? `${l.before} ${previous.requirement[lang]}` : l.unchanged,
    `## ${l.source}`,
    item.provenance.note?.[lang] ?? '',
    [
      `- ${l.coverage}: ${item.provenance.coverage}`,
      `- ${l.confidence}: ${item.provenance.confidence}`,
      `- ${l.tags}: ${item.tags.join(', ')}`,
    ].join('\n'),
  ].join('\n\n');
}

/**
 * The peer's content pages for a checklist's files, `pages` of them at most: in each
 * language a home page, then as many as fit of the version indexes, the item pages, the
 * history pages and the section pages, in that order.
 */
export function peerContent(files: readonly RawFile[], pages: number): RawFile[] {
  const versions = versionsOf(files);
  const ids = [...new Set(versions.flatMap((v) => v.items.map((i) => i.id)))];
  // As many pages in each language, the same ones, so that Starlight adds no fallback pages.
  const perLanguage = Math.floor(Math.max(0, pages - LANGS.length) / LANGS.length);
  return LANGS.flatMap((lang) => {
    const indexes: RawFile[] = [];
    const items: RawFile[] = [];
    versions.forEach(({ meta, items: list }, v) => {
      const links = list.map((i) => `- [${i.id} ${i.title[lang]}](./${link(i.id)}/)`);
      indexes.push({
        path: docPath(lang, `${meta.id}/index`),
        text: page(meta.id, meta.summary[lang], links.join('\n')),
      });
      const before = new Map(versions[v - 1]?.items.map((i) => [i.id, i]));
      for (const i of list) {
        items.push({
          path: docPath(lang, `${meta.id}/${i.id}`),
          text: page(
            `${i.id} ${i.title[lang]}`,
            i.requirement[lang],
            itemBody(lang, i, before.get(i.id)),
          ),
        });
      }
    });
    const histories = ids.map((id) => {
      const body = versions
        .flatMap((v) => {
          const item = v.items.find((i) => i.id === id);
          return item ? [`## ${v.meta.id}\n\n${item.requirement[lang]}`] : [];
        })
        .join('\n\n');
      return { path: docPath(lang, `history/${id}`), text: page(id, id, body) };
    });
    // Section pages fill up a small checklist, whose site has more pages than items.
    const sections = versions.flatMap(({ meta, items: list }) =>
      meta.sections.map((section) => {
        const body = list
          .filter((i) => i.section === section.id)
          .map((i) => `## ${i.id} ${i.title[lang]}\n\n${i.requirement[lang]}`)
          .join('\n\n');
        const title = section.title?.[lang] ?? section.id;
        return {
          path: docPath(lang, `${meta.id}/sections/${section.id}`),
          text: page(`${meta.id} ${title}`, title, body),
        };
      }),
    );
    const home = {
      path: docPath(lang, 'index'),
      text: page('Benchmark checklist', 'Synthetic pages for the benchmark.', 'Synthetic pages.'),
    };
    return [home, ...[...indexes, ...items, ...histories, ...sections].slice(0, perLanguage)];
  });
}

/** The peer's Astro configuration: two languages and a sidebar of the version indexes. */
export function peerConfig(versionIds: readonly string[]): string {
  const sidebar = versionIds.map((id) => ({ label: id, link: `/${link(id)}/` }));
  return `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  cacheDir: './.astro-cache',
  integrations: [
    starlight({
      title: 'Benchmark checklist',
      defaultLocale: 'root',
      locales: { root: { label: 'English', lang: 'en' }, ja: { label: '日本語', lang: 'ja' } },
      sidebar: ${JSON.stringify(sidebar)},
    }),
  ],
});
`;
}

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

/**
 * Installs the peer's packages into `cache` (with `npm ci`, from the committed lockfile)
 * unless that lockfile is installed there already. Returns the folder that holds
 * `node_modules`, or why it could not install.
 */
export function installPeer(cache: string): { dir: string } | { error: string } {
  const lock = readFileSync(join(PEER_PACKAGE, 'package-lock.json'));
  const digest = createHash('sha256').update(lock).digest('hex');
  const stamp = join(cache, 'installed.sha256');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return { dir: cache };
  mkdirSync(cache, { recursive: true });
  for (const name of ['package.json', 'package-lock.json']) {
    copyFileSync(join(PEER_PACKAGE, name), join(cache, name));
  }
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: cache,
    stdio: 'inherit',
  });
  if (r.status !== 0) return { error: `npm ci in ${cache} ended with ${r.status ?? r.signal}` };
  writeFileSync(stamp, digest);
  return { dir: cache };
}

/** Where a peer site's builds keep what they cache: removed before each, so that it is cold. */
const PEER_CACHES = ['.astro', '.astro-cache', 'node_modules/.astro'];

/** A peer site's own files in the install folder, beside its caches and its outputs. */
const SITE_FILES = ['astro.config.mjs', 'src'];

/** A peer build's output folder in the install folder (`--outDir`): `dist`, `dist-2`, … */
const OUTPUT = /^dist(-\d+)?$/;

/** Removes the peer site's caches, so that its next build is cold. */
export async function clearPeerCaches(install: string): Promise<void> {
  for (const name of PEER_CACHES) await rm(join(install, name), { recursive: true, force: true });
}

/** Removes the peer site from the install folder: its files, caches and outputs. */
export async function removePeerSite(install: string): Promise<void> {
  const outputs = (await readdir(install)).filter((name) => OUTPUT.test(name));
  for (const name of [...SITE_FILES, ...PEER_CACHES, ...outputs]) {
    await rm(join(install, name), { recursive: true, force: true });
  }
}

/**
 * Writes a peer site into the install folder (Vite bundles Starlight only from the project's
 * own `node_modules`), after removing the last one (`removePeerSite`).
 */
export async function writePeerSite(
  install: string,
  files: readonly RawFile[],
  pages: number,
): Promise<void> {
  await removePeerSite(install);
  await mkdir(join(install, 'src'), { recursive: true });
  const versionIds = files.flatMap(
    (f) => /^versions\/([^/]+)\/version\.yaml$/.exec(f.path)?.[1] ?? [],
  );
  await writeFile(join(install, 'astro.config.mjs'), peerConfig(versionIds));
  await writeFile(join(install, 'src/content.config.ts'), CONTENT_CONFIG);
  for (const f of peerContent(files, pages)) {
    const path = join(install, f.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, f.text);
  }
}
