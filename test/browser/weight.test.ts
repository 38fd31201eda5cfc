/**
 * Every built page stays within the page-weight budget of its type (budgets.json): HTML, CSS,
 * JavaScript that loads before interaction, and the total, gzipped, measured from the files the
 * page references. Sizes, not timings: the check is deterministic.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import {
  budgetFor,
  heaviestByType,
  overBudget,
  weighBuild,
  type Budgets,
} from '../../scripts/lib/page-weight.ts';
import { ROOT_BUILD, requireBuild } from '../support/builds.ts';

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

describe('page weight of every built page', () => {
  it('keeps every page within its type budget, with every start-up file present', async (t) => {
    requireBuild(ROOT_BUILD);
    const budgets = JSON.parse(await readFile('budgets.json', 'utf8')) as Budgets;
    const pages = await weighBuild(ROOT_BUILD);
    assert.ok(pages.length > 0, 'no page to weigh');
    for (const p of heaviestByType(pages)) {
      t.diagnostic(
        `${p.type}: heaviest ${p.path} html ${kb(p.html)} css ${kb(p.css)} js ${kb(p.js)} total ${kb(p.total)} KB`,
      );
    }
    const problems = pages.flatMap((p) => [
      ...p.missing.map((m) => `${p.path}: start-up file ${m} is missing`),
      ...overBudget(p, budgetFor(budgets, p.type)).map((o) => `${p.path} (${p.type}): ${o}`),
    ]);
    const shown = problems.slice(0, 30).join('\n  ');
    const more = problems.length > 30 ? `\n  … and ${problems.length - 30} more` : '';
    assert.equal(problems.length, 0, `over budget (budgets.json):\n  ${shown}${more}`);
  });
});
