/**
 * Scaffolding of the next checklist version: a copy of the latest version under a new id, with
 * its metadata updated and an empty change-notes file for the pair. Pure: content files in,
 * files to write out; `scripts/new-version.ts` does the reading and writing.
 */
import { isMap, parseDocument, Scalar, type Document } from 'yaml';
import { compareVersionIds } from '../../../src/lib/ids.ts';
import type { RawFile } from '../../../src/lib/load.ts';
import { VERSION_ID } from '../../../src/lib/model.ts';
import { AuthoringError } from './authoring-error.ts';
import { notesPath, notesSkeleton, versionPath, versionsIn } from './content-files.ts';
import { YAML_OUTPUT } from './yaml-style.ts';

/** Written in place of a date nobody has given yet; the content check rejects it. */
export const DATE_PLACEHOLDER = 'YYYY-MM-DD';

export interface NewVersionOptions {
  /** Id of the version to create (`4.3`). */
  version: string;
  /** Version to copy; defaults to the latest, and must be the latest. */
  from?: string | undefined;
  /** First audit date of the new version (`YYYY-MM-DD`); a failing placeholder when omitted. */
  auditsFrom?: string | undefined;
}

export interface NewVersionPlan {
  from: string;
  version: string;
  /** Files to create, relative to the content folder. */
  files: RawFile[];
  /** What the author still has to do, in order. */
  nextSteps: string[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function quoted(value: string): Scalar<string> {
  const s = new Scalar(value);
  s.type = Scalar.QUOTE_DOUBLE;
  return s;
}

/** Sets a top-level key, placing it right after `after` when the key is new. */
function setAfter(doc: Document, key: string, value: unknown, after: string): void {
  const map = doc.contents;
  if (!isMap(map)) throw new AuthoringError('version.yaml must be a YAML mapping');
  if (map.has(key)) {
    map.set(key, value);
    return;
  }
  const at = map.items.findIndex((p) => String((p.key as Scalar | null)?.value) === after);
  const pair = doc.createPair(key, value);
  map.items.splice(at < 0 ? map.items.length : at + 1, 0, pair);
}

/**
 * Plans version `version` as a copy of the latest version. Throws `AuthoringError` when the id
 * is malformed or taken, when `from` is missing or not the latest, or when a file it would
 * create exists already.
 */
export function planNewVersion(
  existing: readonly RawFile[],
  opts: NewVersionOptions,
): NewVersionPlan {
  const { version } = opts;
  if (!VERSION_ID.test(version)) {
    throw new AuthoringError(`"${version}" is not a version id: use numbers such as 4.3 or 4.2.2`);
  }
  const versions = versionsIn(existing);
  const latest = versions.at(-1);
  if (!latest) throw new AuthoringError('the content folder holds no version to start from');
  const from = opts.from ?? latest;
  if (!versions.includes(from)) {
    throw new AuthoringError(
      `there is no version ${from} to copy (the content holds ${versions.join(', ')})`,
    );
  }
  if (versions.includes(version)) {
    throw new AuthoringError(`version ${version} exists already: it is never overwritten`);
  }
  if (from !== latest) {
    throw new AuthoringError(
      `${from} is not the latest version (${latest}): a new version continues the latest, ` +
        `because change notes pair neighbouring versions`,
    );
  }
  if (compareVersionIds(version, from) <= 0) {
    throw new AuthoringError(`${version} must sort after ${from}: ids sort as numbers`);
  }
  if (opts.auditsFrom !== undefined && !ISO_DATE.test(opts.auditsFrom)) {
    throw new AuthoringError(`--audits-from must be a date such as 2026-01-01`);
  }

  const prefix = `versions/${from}/`;
  const metaFile = existing.find(
    (f) => f.path === `${prefix}version.yaml` || f.path === `${prefix}version.yml`,
  );
  if (!metaFile) throw new AuthoringError(`no ${versionPath(from)}`);
  const doc = parseDocument(metaFile.text);
  if (doc.errors.length > 0) {
    throw new AuthoringError(`${metaFile.path} is not valid YAML: fix it first`);
  }
  doc.set('id', quoted(version));
  doc.delete('released');
  setAfter(doc, 'auditsFrom', quoted(opts.auditsFrom ?? DATE_PLACEHOLDER), 'id');
  setAfter(doc, 'supersedes', quoted(from), 'auditsFrom');
  doc.set('summary', {
    en: quoted(`Version ${version} of the checklist.`),
    ja: quoted(`チェックリストのバージョン${version}です。`),
  });

  const files: RawFile[] = [{ path: versionPath(version), text: doc.toString(YAML_OUTPUT) }];
  for (const f of existing) {
    if (f.path.startsWith(`${prefix}items/`)) {
      files.push({ path: `versions/${version}/${f.path.slice(prefix.length)}`, text: f.text });
    }
  }
  const notes = notesSkeleton(from, version, {
    en: `Version ${version} was started from a copy of ${from}.`,
    ja: `バージョン${version}は、${from}をコピーして作成した版です。`,
  });
  const taken = files.concat(notes).filter((f) => existing.some((e) => e.path === f.path));
  if (taken.length > 0) {
    throw new AuthoringError(
      `these files exist already and are never overwritten: ${taken.map((f) => f.path).join(', ')}`,
    );
  }
  files.push(notes);

  const nextSteps = [
    ...(opts.auditsFrom === undefined
      ? [
          `Set auditsFrom in ${versionPath(version)} (the content check fails until the placeholder ${DATE_PLACEHOLDER} is a date).`,
        ]
      : []),
    `Write the summary in ${versionPath(version)}, and add released: once the version is published.`,
    `Edit the items in versions/${version}/items/: reword, add or delete files; a renumbered, split or merged item lists its old ids in replaces.`,
    `For every substantive change, add a note to ${notesPath(from, version)} and rewrite its overview.`,
    'Run npm run check:content: it lists each change that still has no note.',
  ];
  return { from, version, files, nextSteps };
}
