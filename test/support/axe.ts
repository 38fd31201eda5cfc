/** axe-core run in a page of a built site, shared by the accessibility checks. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

const AXE = resolve('node_modules/axe-core/axe.min.js');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string | undefined }[];
}

/**
 * Defines `window.axe` in the page. It goes in through the browser's devtools protocol: the
 * site's content security policy refuses it as an inline script, as it should.
 */
export async function injectAxe(page: Page): Promise<void> {
  await page.evaluate(await readFile(AXE, 'utf8'));
}

/** The violations axe-core finds on the page as it is. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await injectAxe(page);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Violation[] }> } }
    ).axe;
    const { violations } = await axe.run(document);
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** Violations as lines for an assertion message. */
export function describeViolations(violations: Violation[]): string {
  return violations
    .map(
      (v) =>
        `  ${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `    ${n.target.join(' ')}${n.failureSummary ? `: ${n.failureSummary.split('\n').slice(1, 2).join('').trim()}` : ''}`,
          )
          .join('\n'),
    )
    .join('\n');
}
