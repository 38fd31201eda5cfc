/**
 * The build's policy pass: sees that each page has its content security policy (csp.ts), writes
 * `_headers` with the policy of all pages, and lists the pages with a searchable part for the
 * search index. What it learns of each page is kept in a record, so that an incremental build
 * reads again only the pages written since the last one.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFiles } from './built-site.ts';
import {
  headerPolicy,
  headersFile,
  inlineAttributeProblems,
  inlineHashes,
  pagePolicy,
  withPolicyMeta,
  type InlineHashes,
} from '../../src/lib/csp.ts';

/** What the pass found in one page with its policy in it. */
export interface PageRecord {
  /** Hashes of the page's inline scripts and styles. */
  hashes: InlineHashes;
  /** Whether the page has a part for the search index (`data-pagefind-body`). */
  searchable: boolean;
}

/** What the pass found: every page, those with a searchable part, and the record of each. */
export interface PolicyPass {
  pages: string[];
  searchable: string[];
  records: Record<string, PageRecord>;
}

/** Pages left by the last build, whose records need not be made again. */
export interface KeptPages {
  /** Pages last written before this time (the file system's clock) are the last build's. */
  since: number;
  /** The last pass's records. */
  records: Record<string, PageRecord>;
}

/** A failed pass: pages with inline code that the policy cannot allow. */
export class InlineCodeError extends Error {
  /** One line per page and kind of inline code. */
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `The content security policy forbids inline code; move it into a script or stylesheet:\n  ${problems.join('\n  ')}`,
    );
    this.problems = problems;
  }
}

/**
 * Runs the pass over the build in `dir`. A page of `kept` (not written since, with a record)
 * is not read: the last pass put its policy in and found nothing forbidden, or the build would
 * have stopped. Throws `InlineCodeError`, after looking at every page, if any page has inline
 * code the policy forbids; `_headers` is then not written.
 */
export async function applyContentSecurityPolicy(
  dir: string,
  kept?: KeptPages,
): Promise<PolicyPass> {
  const pages = await htmlFiles(dir);
  const problems: string[] = [];
  const records: Record<string, PageRecord> = {};
  for (const page of pages) {
    const file = join(dir, page);
    const known = kept && Object.hasOwn(kept.records, page) ? kept.records[page] : undefined;
    if (known && statSync(file).mtimeMs < kept!.since) {
      records[page] = known;
      continue;
    }
    const html = readFileSync(file, 'utf8');
    for (const p of inlineAttributeProblems(html)) problems.push(`${page}: ${p}`);
    const hashes = inlineHashes(html);
    records[page] = { hashes, searchable: html.includes('data-pagefind-body') };
    // The layout writes the policy of the inline code it knows (BaseLayout.astro), so most pages
    // need no writing; a page whose inline code is other than that gets its own policy here.
    const withPolicy = withPolicyMeta(html, pagePolicy(hashes));
    if (withPolicy !== html) writeFileSync(file, withPolicy);
  }
  if (problems.length > 0) throw new InlineCodeError(problems);
  writeFileSync(
    join(dir, '_headers'),
    headersFile(headerPolicy(pages.map((p) => records[p]!.hashes))),
  );
  return { pages, searchable: pages.filter((p) => records[p]!.searchable), records };
}

/** The records of a pass as saved for the next build, with the manifest that build left. */
interface SavedRecords {
  manifest: string;
  records: Record<string, PageRecord>;
}

/** Saves a pass's records to `file`, with the digest of Astro's manifest after the build. */
export function saveRecords(file: string, manifest: string, pass: PolicyPass): void {
  const saved: SavedRecords = { manifest, records: pass.records };
  writeFileSync(file, JSON.stringify(saved));
}

/**
 * The pages the last build left, from the records in `file`, when they were saved with the
 * manifest the kept output was built with (`manifest`): the same manifest means no build has
 * written pages since. Pages written at or after `since` are this build's.
 */
export function keptPages(file: string, manifest: string, since: number): KeptPages | undefined {
  if (!existsSync(file)) return undefined;
  const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedRecords;
  return saved.manifest === manifest ? { since, records: saved.records } : undefined;
}
