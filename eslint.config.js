import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The rooms of the tree (README "How it fits together") and the rooms each may import from:
 * `src/` is the site and imports only itself; `scripts/lib/` is the one room that `scripts/`,
 * `test/` and `bench/` share. Imports are relative, so an import into another room is one that
 * climbs to the top of the tree and names that room (`../../test/support/builds.ts`).
 */
const ROOMS = {
  src: ['src'],
  'scripts/lib': ['src', 'scripts/lib'],
  scripts: ['src', 'scripts/lib', 'scripts'],
  test: ['src', 'scripts/lib', 'test'],
  bench: ['src', 'scripts/lib', 'bench'],
};

/** `no-restricted-imports` patterns for the rooms `room` must not import from. */
function forbiddenRooms(room) {
  const allowed = ROOMS[room];
  const patterns = [];
  for (const top of ['src', 'scripts', 'test', 'bench']) {
    if (allowed.includes(top)) continue;
    // `scripts/lib/` is a room of its own inside `scripts/`.
    const except = top === 'scripts' && allowed.includes('scripts/lib') ? '(?!lib/)' : '';
    patterns.push({
      regex: `^(\\.\\./)+${top}/${except}`,
      caseSensitive: true,
      message: `${room}/ may import only from ${allowed.map((r) => `${r}/`).join(', ')} (eslint.config.js ROOMS).`,
    });
  }
  return patterns;
}

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', '.astro/', 'bench/out/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...Object.keys(ROOMS).map((room) => ({
    files: [`${room}/**`],
    ignores: Object.keys(ROOMS)
      .filter((inner) => inner.startsWith(`${room}/`))
      .map((inner) => `${inner}/**`),
    rules: { 'no-restricted-imports': ['error', { patterns: forbiddenRooms(room) }] },
  })),
);
