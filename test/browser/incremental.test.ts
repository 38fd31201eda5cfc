/**
 * The incremental build (`MSP_INCREMENTAL=1`) writes into the last build's output: after one
 * item is reworded and another removed, its output must be the same, file for file and byte
 * for byte, as a build of the same content from scratch.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import {
  generateBenchContent,
  rewordOneItem,
  writeBenchContent,
} from '../../scripts/lib/bench-content.ts';
import type { ChangeNotes } from '../../src/lib/model.ts';
import { runScript } from '../support/run-script.ts';
import { filesBelow } from '../support/site-folder.ts';

let tmp: string | undefined;
after(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('an incremental build into the last output', () => {
  it('after a reworded item and a removed one, equals a build from scratch', async () => {
    tmp = await mkdtemp(join(tmpdir(), 'msp-incremental-'));
    const content = join(tmp, 'content');
    const kept = join(tmp, 'kept');
    const fresh = join(tmp, 'fresh');
    const files = generateBenchContent({ items: 20, versions: 2 });
    await writeBenchContent(content, files);
    const incremental = { MSP_CONTENT_DIR: content, MSP_OUT_DIR: kept, MSP_INCREMENTAL: '1' };
    runScript(['scripts/build.ts'], incremental);

    // One item reworded; the last other item of the latest version removed, with a change note.
    const edit = rewordOneItem(files);
    await writeFile(join(content, edit.path), edit.text);
    const notesFile = files.filter((f) => f.path.startsWith('changes/')).at(-1)!;
    const notes = parse(notesFile.text) as ChangeNotes;
    const latestItems = files.filter((f) => f.path.startsWith(`versions/${notes.to}/items/`));
    const removed = latestItems.filter((f) => f.path !== edit.path).at(-1)!.path;
    const removedId = removed.replace(/^.*\//, '').replace(/\.yaml$/, '');
    notes.notes = [
      { ...notes.notes[0]!, item: removedId },
      ...notes.notes.filter((n) => n.item !== removedId),
    ];
    await writeFile(join(content, notesFile.path), stringify(notes));
    await unlink(join(content, removed));
    const written = (dir: string) =>
      new Map(filesBelow(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs] as const));
    const before = written(kept);

    runScript(['scripts/build.ts'], incremental);
    runScript(['scripts/build.ts'], { MSP_CONTENT_DIR: content, MSP_OUT_DIR: fresh });

    // The rebuild kept the last output: the older version's item pages, whose outline did
    // not change, were left as they were, except those of the two items that changed later.
    const after = written(kept);
    const editedId = edit.path.replace(/^.*\/|\.yaml$/g, '');
    const olderPages = [...before.keys()].filter((f) => {
      const m = new RegExp(
        `^(ja/)?v/${notes.from.replace(/\./g, '\\.')}/controls/([^/]+)/index\\.html$`,
      ).exec(f);
      return m !== null && m[2] !== editedId && m[2] !== removedId;
    });
    assert.ok(olderPages.length >= 30, `${olderPages.length} pages of ${notes.from}`);
    const rewritten = olderPages.filter((f) => after.get(f) !== before.get(f));
    assert.deepEqual(rewritten, [], 'pages written again although unchanged');
    assert.ok(!filesBelow(kept).includes(`controls/${removedId}/index.html`));
    const keptFiles = filesBelow(kept);
    assert.deepEqual(keptFiles, filesBelow(fresh));
    const differ = keptFiles.filter(
      (f) => !readFileSync(join(kept, f)).equals(readFileSync(join(fresh, f))),
    );
    assert.deepEqual(differ, [], 'files that differ from the build from scratch');
  });

  it('renders no item page again when only the command that started it differs', async () => {
    tmp ??= await mkdtemp(join(tmpdir(), 'msp-incremental-'));
    const content = join(tmp, 'content-same');
    const out = join(tmp, 'same');
    await writeBenchContent(content, generateBenchContent({ items: 12, versions: 2 }));
    const env = { MSP_CONTENT_DIR: content, MSP_OUT_DIR: out, MSP_INCREMENTAL: '1' };
    // The shell sets `_` to the command it runs: `npm`, `node`, a script's path.
    runScript(['scripts/build.ts'], { ...env, _: '/usr/bin/npm' });
    const itemPages = filesBelow(out).filter((f) => /(^|\/)controls\/[^/]+\/index\.html$/.test(f));
    assert.ok(itemPages.length >= 40, `${itemPages.length} item pages`);
    const times = new Map(itemPages.map((f) => [f, statSync(join(out, f)).mtimeMs]));
    runScript(['scripts/build.ts'], { ...env, _: '/work/a/longer/path/to/node_modules/.bin/node' });
    const rewritten = itemPages.filter((f) => statSync(join(out, f)).mtimeMs !== times.get(f));
    assert.deepEqual(rewritten, [], 'item pages written again');
  });
});
