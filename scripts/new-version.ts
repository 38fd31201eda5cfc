/**
 * Starts the next checklist version as a copy of the latest one:
 * `npm run version:new -- <new> [--from <old>] [--content <dir>] [--audits-from YYYY-MM-DD]`.
 * Never overwrites anything; prints what to do next.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AuthoringError } from './lib/authoring/authoring-error.ts';
import { readContentFolder, writeContentFiles } from './lib/authoring/content-files.ts';
import { planNewVersion } from './lib/authoring/new-version.ts';
import { contentDir } from '../src/lib/site-config.ts';

const USAGE =
  'usage: npm run version:new -- <new> [--from <old>] [--content <dir>] [--audits-from YYYY-MM-DD]';

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      content: { type: 'string' },
      'audits-from': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 1) throw new AuthoringError(`give one new version id\n${USAGE}`);
  const dir = resolve(values.content ?? contentDir(process.env));
  const plan = planNewVersion(await readContentFolder(dir), {
    version: positionals[0]!,
    from: values.from,
    auditsFrom: values['audits-from'],
  });
  await writeContentFiles(dir, plan.files);
  console.log(
    `Created version ${plan.version} in ${dir} from ${plan.from} (${plan.files.length} files).`,
  );
  console.log('Next:');
  plan.nextSteps.forEach((step, i) => console.log(`  ${i + 1}. ${step}`));
} catch (e) {
  if (e instanceof AuthoringError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`version:new: ${(e as Error).message}`);
    process.exit(1);
  }
  throw e;
}
