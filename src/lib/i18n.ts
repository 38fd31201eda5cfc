/**
 * Interface strings in every site language: one dictionary per language in
 * `src/translations/<lang>.json`, its keys described in `i18n-schema.ts`, read with `t()`.
 * Content text lives in `content/`, not here.
 */
import en from '../translations/en.json' with { type: 'json' };
import ja from '../translations/ja.json' with { type: 'json' };
import { uiStringsSchema, type UiKey } from './i18n-schema.ts';
import { sectionLabel } from './labels.ts';
import type { Lang, LevelValue } from './model.ts';
import { format, type Params, type Strings } from './translate.ts';

export type { UiKey };
/** The keys that start with one of the prefixes `P`. */
export type KeysWith<P extends string> = Extract<UiKey, `${P}${string}`>;

/**
 * A dictionary checked against the schema: a missing key or a key the schema does not know is
 * a compile error, and again a build error naming the file and the key.
 */
export function dictionary<D extends Record<UiKey, string>>(
  lang: Lang,
  strings: D & Record<Exclude<keyof D, UiKey>, never>,
): Record<UiKey, string> {
  const parsed = uiStringsSchema.safeParse(strings);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'keys'}: ${i.message}`);
  throw new Error(`src/translations/${lang}.json · ${problems.join(' · ')}`);
}

const dictionaries: Record<Lang, Record<UiKey, string>> = {
  en: dictionary('en', en),
  ja: dictionary('ja', ja),
};
const UI_KEYS = Object.keys(uiStringsSchema.shape) as UiKey[];

/** The interface string `key` in `lang`, with its `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: UiKey, params?: Params): string {
  return format(dictionaries[lang][key], params);
}

/**
 * The strings in `lang` whose keys start with one of `prefixes`, for a custom element's
 * `data-strings` (the lists are in `client-strings.ts`). A prefix that matches no key throws.
 */
export function clientStrings<const P extends string>(
  lang: Lang,
  prefixes: readonly P[],
): Strings<KeysWith<P>> {
  // Every page asks for the same few lists: each is picked once per language.
  const byLang = picks.get(prefixes) ?? new Map<Lang, Readonly<Partial<Record<UiKey, string>>>>();
  picks.set(prefixes, byLang);
  let picked = byLang.get(lang);
  if (!picked) {
    const strings: Partial<Record<UiKey, string>> = {};
    for (const prefix of prefixes) {
      const keys = UI_KEYS.filter((k) => k.startsWith(prefix));
      if (keys.length === 0) throw new Error(`no interface string key starts with "${prefix}"`);
      for (const k of keys) strings[k] = dictionaries[lang][k];
    }
    picked = Object.freeze(strings);
    byLang.set(lang, picked);
  }
  return picked as Strings<KeysWith<P>>;
}

const picks = new WeakMap<readonly string[], Map<Lang, Readonly<Partial<Record<UiKey, string>>>>>();

/** The display name of a requirement level (`mandatory` → "Mandatory"). */
export function levelLabel(lang: Lang, level: LevelValue): string {
  return t(lang, `level.${level}`);
}

// One formatter per language: making one costs more than formatting many dates with it.
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

/** Formats an ISO date for display. */
export function formatDate(lang: Lang, iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  let formatter = dateFormats.get(lang);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
      dateStyle: 'long',
      timeZone: 'UTC',
    });
    dateFormats.set(lang, formatter);
  }
  return formatter.format(d);
}

/** A section's display label (`sectionLabel`) with this dictionary's name for an untitled one. */
export function sectionTitle(
  lang: Lang,
  section: { id: string; title?: { en: string; ja: string } | undefined },
): string {
  return sectionLabel(section, lang, t(lang, 'section.untitled', { id: section.id }));
}
