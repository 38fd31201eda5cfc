/**
 * Every built HTML page is valid HTML by html-validate's recommended rules, with the few
 * departures explained in .htmlvalidate.mjs.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { HtmlValidate, StaticConfigLoader, type ConfigData, type Message } from 'html-validate';
import { htmlFiles } from '../../scripts/lib/built-site.ts';
import { ROOT_BUILD, requireBuild } from '../support/builds.ts';

// The repository's config, loaded explicitly: a build outside the repository (MSP_DIST) would
// otherwise find no config file above it and be checked with no rule at all.
const config = (await import(pathToFileURL(resolve('.htmlvalidate.mjs')).href)) as {
  default: ConfigData;
};
const validator = new HtmlValidate(new StaticConfigLoader({ ...config.default, root: true }));

describe('HTML validity of every built page', () => {
  it('uses a configuration that still reports invalid HTML', async () => {
    const report = await validator.validateString(
      '<!doctype html><html lang="en"><head><title>t</title></head><body><p id="a"></p><p id="a"></p><img src="x.png"></body></html>',
      join(ROOT_BUILD.dist, 'probe.html'),
    );
    const rules = report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
    assert.ok(rules.includes('no-dup-id'), `expected no-dup-id, got ${rules.join(', ')}`);
    assert.ok(
      rules.includes('wcag/h37'),
      `expected wcag/h37 (img without alt), got ${rules.join(', ')}`,
    );
  });

  it('has no html-validate error on any page', async () => {
    const dist = requireBuild(ROOT_BUILD);
    const files = await htmlFiles(dist);
    assert.ok(files.length > 0, `no HTML page in ${dist}`);
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
