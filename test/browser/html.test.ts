/**
 * Every built HTML page is valid HTML by html-validate's recommended rules, with the few
 * departures explained in .htmlvalidate.mjs.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FileSystemConfigLoader, HtmlValidate, type Message } from 'html-validate';
import { ROOT_BUILD, htmlFiles, requireBuild } from './lib/built-site.ts';

describe('HTML validity of every built page', () => {
  it('has no html-validate error on any page', async () => {
    const dist = requireBuild(ROOT_BUILD);
    const files = await htmlFiles(dist);
    assert.ok(files.length > 0, `no HTML page in ${dist}`);
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const problems: string[] = [];
    for (const file of files) {
      const path = join(dist, file);
      const report = await validator.validateString(await readFile(path, 'utf8'), path);
      const messages: Message[] = report.results.flatMap((r) => r.messages);
      for (const m of messages) {
        problems.push(
          `${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message} [${m.selector ?? ''}]`,
        );
      }
    }
    const shown = problems.slice(0, 40).join('\n  ');
    const more = problems.length > 40 ? `\n  … and ${problems.length - 40} more` : '';
    assert.equal(
      problems.length,
      0,
      `html-validate found ${problems.length} problem(s) in ${files.length} pages:\n  ${shown}${more}`,
    );
  });
});
