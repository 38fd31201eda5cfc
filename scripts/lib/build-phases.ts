/**
 * Where an Astro build's time goes, phase by phase, for `npm run bench`: an integration that
 * notes the time at Astro's hooks and writes the notes to a file, and the pure function that
 * turns them into durations. `astro.config.mjs` adds the integration only when
 * MSP_PHASES_FILE names that file, so a normal build does not carry it.
 */
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

/** The moments noted, in the order a build reaches them (ms since the Astro process started). */
export interface PhaseMarks {
  /** The configuration is resolved (`astro:config:done`): Node and Astro have started. */
  configDone: number;
  /** The content is synced and its types written (`astro:build:start`). */
  buildStart: number;
  /** Both bundles are built; page generation starts (a Vite `buildApp` hook, order `post`). */
  bundled: number;
  /** Every page is written (`astro:build:generated`). */
  generated: number;
  /** The integrations' last hook (`astro:build:done`; the sitemap's runs before it). */
  done: number;
}

/** How long each phase of an Astro build took, in seconds. */
export interface AstroPhases {
  /** Node and Astro starting, the configuration loaded. */
  startS: number;
  /** The content config loaded and run, the data store and its types written. */
  contentS: number;
  /** The prerender and client bundles. */
  bundleS: number;
  /** The pages rendered and written. */
  pagesS: number;
  /** What comes after the pages (the sitemap, other integrations' last hooks). */
  finishS: number;
}

/** Each phase and the mark that ends it, in build order; a phase starts where the last ended. */
const PHASE_ENDS = [
  ['startS', 'configDone'],
  ['contentS', 'buildStart'],
  ['bundleS', 'bundled'],
  ['pagesS', 'generated'],
  ['finishS', 'done'],
] as const satisfies readonly (readonly [keyof AstroPhases, keyof PhaseMarks])[];

/** The phases between marks; throws if a mark is missing or the marks are out of build order. */
export function phaseDurations(marks: PhaseMarks): AstroPhases {
  const phases = {} as AstroPhases;
  let from = 0;
  let previous = 'the process start';
  for (const [phase, mark] of PHASE_ENDS) {
    const to = marks[mark];
    if (typeof to !== 'number') throw new Error(`build phase mark missing: ${mark}`);
    if (to < from) throw new Error(`build phase marks out of order: ${mark} before ${previous}`);
    phases[phase] = (to - from) / 1000;
    from = to;
    previous = mark;
  }
  return phases;
}

/** The integration: notes each mark with `performance.now()` and writes them to `file`. */
export function buildPhases(file: string): AstroIntegration {
  const marks: Partial<PhaseMarks> = {};
  // The first time counts: a hook that ran again later would not move its phase's start.
  const note = (mark: keyof PhaseMarks) => {
    marks[mark] ??= performance.now();
  };
  return {
    name: 'msp-build-phases',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // A `post` buildApp hook runs after Vite has built every environment and, being in the
        // user's plugins, before Astro's own `post` hook that generates the pages.
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'msp-build-phases',
                buildApp: { order: 'post', handler: async () => note('bundled') },
              },
            ],
          },
        });
      },
      'astro:config:done': () => note('configDone'),
      'astro:build:start': () => note('buildStart'),
      'astro:build:generated': () => note('generated'),
      'astro:build:done': () => {
        note('done');
        writeFileSync(file, JSON.stringify(marks));
      },
    },
  };
}
