/**
 * Screenshots of four pages (home, a control, compare, self-check) in the light and the dark
 * theme, for the README: `node bench/screenshots.ts --label=after` writes
 * `bench/screenshots/<page>-<theme>-<label>.png` from the build in `dist/` (1280×800; reduced to
 * a 128-colour palette when sharp, which Astro installs for its images, can be loaded).
 * Documentation only: no test runs it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openSite } from '../scripts/lib/site-browser.ts';

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'control', path: '/controls/8.1.10/' },
  { name: 'compare', path: '/compare/4.2...4.2.1/' },
  { name: 'self-check', path: '/self-check/' },
] as const;
const THEMES = ['light', 'dark'] as const;
const OUT = 'bench/screenshots';

/** A palette PNG of the screenshot, or the screenshot as it is without sharp. */
async function reduce(png: Buffer): Promise<Buffer> {
  try {
    const { default: sharp } = await import('sharp');
    return await sharp(png).png({ palette: true, colors: 128, compressionLevel: 9 }).toBuffer();
  } catch {
    return png;
  }
}

const { values } = parseArgs({ options: { label: { type: 'string', default: 'after' } } });
const label = values.label ?? 'after';
await mkdir(OUT, { recursive: true });
const site = await openSite();
try {
  for (const theme of THEMES) {
    for (const { name, path } of PAGES) {
      const page = await site.newPage({
        viewport: { width: 1280, height: 800 },
        colorScheme: theme,
      });
      await page.goto(site.url(path), { waitUntil: 'networkidle' });
      const file = join(OUT, `${name}-${theme}-${label}.png`);
      await writeFile(file, await reduce(await page.screenshot()));
      console.log(file);
    }
  }
} finally {
  await site.close();
}
