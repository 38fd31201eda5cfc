/**
 * The checklist content model: zod schemas for authored files and the types the rest of the
 * site uses. Pure TypeScript, no Astro import: the build scripts, the pages and the unit tests
 * all share it.
 */
import { z } from 'zod';
import { CHANGE_LABELS, type ChangeLabel } from './change-kinds.ts';
import { CODED_ID, CONTROL_ID, ITEM_ID, RULE_ID, VERSION_ID } from './ids.ts';
import { LEVELS, LEVEL_VALUES, type Level, type LevelValue } from './levels.ts';

// Defined beside the id ordering, which browser code uses without loading zod.
export { CODED_ID, CONTROL_ID, ITEM_ID, RULE_ID, VERSION_ID };

/** Languages the site is written in. English is the default and lives at the site root. */
export const LANGS = ['en', 'ja'] as const;
export type Lang = (typeof LANGS)[number];

// Defined apart, for browser code that must not load zod.
export { LEVELS, LEVEL_VALUES, type Level, type LevelValue };

/** The language of a page's twin: the one in `LANGS` that is not `lang`. */
export function otherLang(lang: Lang): Lang {
  return LANGS.find((l) => l !== lang)!;
}

/** A section id: `8.0` for numbered sections, or a slug such as `program` for program rules. */
export const SECTION_ID = /^(\d+\.0|[a-z][a-z0-9]*(-[a-z0-9]+)*)$/;
/** An evidence key: a lowercase slug, stable across versions. */
export const EVIDENCE_KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/**
 * The schemas of every authored file for an edition written in `languages`. A text needs every
 * language of the edition; a language the edition does not have may be left out and reads as
 * `''` (no page is built in it).
 */
export function contentSchemas(languages: readonly Lang[]) {
  const textIn = (lang: Lang) =>
    languages.includes(lang) ? nonEmpty : z.string().trim().default('');

  /** A text written in every language of the edition. */
  const localizedText = z.strictObject({
    /** English text. */
    en: textIn('en'),
    /** Japanese text, written for Japanese readers rather than translated word for word. */
    ja: textIn('ja'),
  });

  /** A list of short phrases in every site language (search aliases). */
  const localizedList = z.strictObject({
    /** English phrases. */
    en: z.array(nonEmpty).default([]),
    /** Japanese phrases. */
    ja: z.array(nonEmpty).default([]),
  });

  /**
   * Search terms that an item's own text does not use, each with the words of the text it
   * stands for (`2FA: "multi-factor authentication"`), in every language of the edition.
   */
  const localizedSynonyms = z.strictObject({
    /** English aliases and the English words they stand for. */
    en: z.record(z.string().min(1), nonEmpty).default({}),
    /** Japanese aliases and the Japanese words they stand for. */
    ja: z.record(z.string().min(1), nonEmpty).default({}),
  });

  /** A document that states facts used in the content. */
  const source = z.strictObject({
    /** Stable id, referenced from item provenance (`aws-jp-blog-4.2.1`). */
    id: z.string().regex(RULE_ID, 'must be a lowercase slug'),
    /** Title of the document as the reader would look it up. */
    title: localizedText,
    /** Who published it. */
    publisher: nonEmpty,
    /** Language the document is written in. */
    lang: z.string().min(2),
    /** Where to read it; omitted when no address is recorded in our sources. */
    url: z.url().optional(),
    /** What this document establishes, in a few words. */
    note: localizedText.optional(),
    /**
     * How an item page names the confidence of facts taken from this document, as a short
     * phrase ("stated in the 4.2.1 announcement", "from the official checklist"). Omitted, it is
     * "stated in" followed by the title: see `confidenceLabel`.
     */
    confidenceLabel: localizedText.optional(),
  });

  /**
   * A part of the checklist: a group of sections that a workbook gives a sheet of its own
   * (prerequisites, technical validation). Checklists without parts list none.
   */
  const part = z.strictObject({
    /** Part id: a lowercase slug such as `msp-prerequisites`. */
    id: z.string().regex(RULE_ID, 'must be a lowercase slug'),
    /** The part's title. */
    title: localizedText,
  });

  /** A section of the checklist (`8.0`), or the group of program rules. */
  const section = z.strictObject({
    /** Section id: `8.0`, a slug such as `msp-prerequisites-business`, or `program`. */
    id: z.string().regex(SECTION_ID, 'must look like "8.0" or be a lowercase slug'),
    /** Our title for the section; omitted when the official title is not in the sources. */
    title: localizedText.optional(),
    /** How well the sources establish the section's existence and title (as for items). */
    confidence: z.enum(['S', 'P']),
    /** Id of the part the section belongs to, when the version has parts. */
    part: z.string().regex(RULE_ID, 'must be a lowercase slug').optional(),
  });

  /** Version metadata: `content/versions/<id>/version.yaml`. */
  const versionMeta = z.strictObject({
    /** Version id, equal to its folder name. */
    id: z.string().regex(VERSION_ID, 'must look like "4.2.1"'),
    /** Date the version was published; omitted when no source states it. */
    released: z.iso.date().optional(),
    /** First audit date on which this version is used; omitted when no source states it. */
    auditsFrom: z.iso.date().optional(),
    /** Version this one replaces, if any; it must exist in the content folder. */
    supersedes: z.string().regex(VERSION_ID).optional(),
    /** A few sentences on what this version is. */
    summary: localizedText,
    /** Documents the version's facts come from. */
    sources: z.array(source).min(1),
    /** Parts in reading order, when the checklist has them; every section then names its part. */
    parts: z.array(part).optional(),
    /** Sections in reading order. */
    sections: z.array(section).min(1),
    /**
     * File name of the workbook the version was imported from, kept in the version's folder
     * (`versions/<id>/<file>.xlsx`): the self-check writes a reader's answers into a copy of it.
     */
    workbook: z
      .string()
      .regex(/^[^/\\]+\.xlsx$/i, 'must be the name of an .xlsx file in the version folder')
      .optional(),
  });

  /** One piece of evidence the auditor expects or accepts. */
  const evidence = z.strictObject({
    /** Stable key, unique in the item and kept across versions (`#evidence-<key>`). */
    key: z.string().regex(EVIDENCE_KEY, 'must be a lowercase slug such as "design-documents"'),
    /** What the partner shows, in English. */
    en: textIn('en'),
    /** What the partner shows, in Japanese. */
    ja: textIn('ja'),
    /**
     * True when the sources say only that this evidence is accepted, not that it is required
     * (the page and the list of changes then say so). Left out, the entry is expected.
     */
    accepted: z.boolean().optional(),
  });

  /** Where an item's facts come from and how much of the official control it covers. */
  const provenance = z.strictObject({
    /**
     * Ids of the version's sources, the one the facts rest on first: the item page names the
     * confidence with that source's `confidenceLabel`. Later ones support it, such as the list
     * of changes an unchanged item is inferred from.
     */
    sources: z.array(z.string()).min(1),
    /**
     * Confidence of the facts: `S` stated in the edition's primary source (the release
     * announcement, or the official checklist in a private edition), `P` stated in another
     * public AWS post or a partner's public write-up.
     */
    confidence: z.enum(['S', 'P']),
    /**
     * Whether the text is stated for this version, or carried over unchanged because the
     * source's complete list of changes does not mention this item.
     */
    basis: z.enum(['stated', 'inferred-unchanged']).default('stated'),
    /**
     * How much of the official control this summary covers: `full` (the official text, private
     * editions only), `partial` (some of its requirements), `topic` (only what it is about).
     */
    coverage: z.enum(['full', 'partial', 'topic']),
    /** What is known and what is not, in a sentence. */
    note: localizedText,
  });

  /** An item of a version: `content/versions/<version>/items/<id>.yaml`. */
  const item = z.strictObject({
    /**
     * Item id: a control number (`8.1.10`), a coded control id (`BUS-001`) or a program-rule
     * slug (`audit-timing`).
     */
    id: z.string().superRefine((id, ctx) => {
      if (ITEM_ID.test(id)) return;
      ctx.addIssue({
        code: 'custom',
        message: /[A-Z]/.test(id)
          ? 'must be a coded id such as "BUS-001" (capital letters, a dash, a number)'
          : 'must be a control number such as "8.1.10" or a slug such as "audit-timing"',
      });
    }),
    /** `control` for a numbered or coded control, `rule` for a program rule. */
    kind: z.enum(['control', 'rule']),
    /** Id of the section the item belongs to; it must be declared in version.yaml. */
    section: z.string().regex(SECTION_ID, 'must look like "8.0" or be a lowercase slug'),
    /**
     * How binding the item is: `mandatory`, `recommended` or `bonus` (see `LEVELS`), or
     * `unstated` (the default) when the item's sources do not say.
     */
    level: z.enum(LEVEL_VALUES).default('unstated'),
    /** Our short title. */
    title: localizedText,
    /**
     * What the partner must do, in our words. Paragraphs are separated by a blank line; a line
     * that starts with `• ` is an entry of a bullet list.
     */
    requirement: localizedText,
    /** The evidence the auditor expects; empty when it is not in the sources. */
    evidence: z.array(evidence).default([]),
    /** Topic tags (lowercase slugs), used by search and filters. */
    tags: z.array(z.string().regex(EVIDENCE_KEY, 'must be a lowercase slug')).default([]),
    /**
     * Extra search terms such as abbreviations ("MFA", "多要素認証"), for this version only:
     * each is made of words of the item's own text (title, requirement, evidence, tags, section
     * title), or listed in `synonyms`.
     */
    aliases: localizedList.default({ en: [], ja: [] }),
    /**
     * Aliases whose words the item's text does not use, each with the words of the text it
     * stands for: `{ en: { "2FA": "multi-factor authentication" } }`. Omitted when every alias
     * is made of the text's own words.
     */
    synonyms: localizedSynonyms.optional(),
    /**
     * Ids in the previous version that this item continues: one id that differs from this id
     * means it was renumbered; two items naming the same id mean a split; one item naming
     * several ids means a merge. Omitted when the id is unchanged.
     */
    replaces: z.array(z.string()).default([]),
    /** Where the facts come from and how much of the official control is covered. */
    provenance,
  });

  /** One curated note on a changed item. */
  const changeNote = z.strictObject({
    /** Id of the item in the newer version. */
    item: z.string().min(1),
    /** What kind of change this is for a partner; the first label is the main one. */
    labels: z.array(z.enum(CHANGE_LABELS)).min(1),
    /** What changed, in plain language. */
    summary: localizedText,
    /** Why it changed, as the source explains it. */
    reason: localizedText,
    /** Ids of the sources that state the change. */
    sources: z.array(z.string()).min(1),
  });

  /** Curated notes for a version pair: `content/changes/<from>...<to>.yaml`. */
  const changeNotes = z.strictObject({
    /** Older version id. */
    from: z.string().regex(VERSION_ID),
    /** Newer version id. */
    to: z.string().regex(VERSION_ID),
    /** A few sentences on the release as a whole. */
    overview: localizedText,
    /** One note per changed item. */
    notes: z.array(changeNote),
  });

  return {
    localizedText,
    localizedList,
    localizedSynonyms,
    source,
    part,
    section,
    versionMeta,
    evidence,
    provenance,
    item,
    changeNote,
    changeNotes,
  };
}

/** The schemas of an edition in every site language (the public edition). */
const bilingual = contentSchemas(LANGS);

/** A text written in every site language. */
export const localizedText = bilingual.localizedText;
export type LocalizedText = z.infer<typeof localizedText>;
/** A list of short phrases in every site language (search aliases). */
export const localizedList = bilingual.localizedList;
export const localizedSynonyms = bilingual.localizedSynonyms;
export const sourceSchema = bilingual.source;
export type Source = z.infer<typeof sourceSchema>;

/** The confidence label of a source in one language: its own, or one made from its title. */
export function confidenceLabel(source: Source, lang: Lang): string {
  if (source.confidenceLabel) return source.confidenceLabel[lang];
  return lang === 'ja' ? `「${source.title.ja}」に記載` : `stated in “${source.title.en}”`;
}
export const partSchema = bilingual.part;
export type Part = z.infer<typeof partSchema>;
export const sectionSchema = bilingual.section;
export type Section = z.infer<typeof sectionSchema>;
export const versionMetaSchema = bilingual.versionMeta;
export type VersionMeta = z.infer<typeof versionMetaSchema>;
export const evidenceSchema = bilingual.evidence;
export type Evidence = z.infer<typeof evidenceSchema>;
export const provenanceSchema = bilingual.provenance;
export type Provenance = z.infer<typeof provenanceSchema>;
export const itemSchema = bilingual.item;
export type Item = z.infer<typeof itemSchema>;
export const changeNoteSchema = bilingual.changeNote;
export type ChangeNote = z.infer<typeof changeNoteSchema>;
export const changeNotesSchema = bilingual.changeNotes;
export type ChangeNotes = z.infer<typeof changeNotesSchema>;

/** Path of the edition file inside the content folder. */
export const EDITION_FILE = 'edition.yaml';

/** The edition: `content/edition.yaml`, optional. */
export const editionSchema = z.strictObject({
  /**
   * Languages the content is written in, English first; pages, search indexes and feeds are
   * built for these only. Without an edition file: every site language.
   */
  languages: z
    .array(z.enum(LANGS))
    .min(1)
    .refine((l) => l[0] === 'en' && new Set(l).size === l.length, {
      message: 'must start with "en" (English pages are the site root) and name a language once',
    })
    .default([...LANGS]),
});
export type Edition = z.infer<typeof editionSchema>;

/** A section with its items, in reading order. */
export interface SectionWithItems extends Section {
  items: Item[];
}

/** A whole, validated checklist version. */
export interface Checklist {
  meta: VersionMeta;
  /** Items in reading order (section order, then id order). */
  items: Item[];
}

export { CHANGE_LABELS, type ChangeLabel };
