/** The message after an undo: what came back, and what was changed since and left alone. */
import type { EntryKey } from '../../lib/self-check/entries.ts';
import { fmt } from '../../lib/self-check/format.ts';
import type { UndoInfo } from '../../lib/self-check/storage.ts';

type Strings = Record<'undo.done' | 'undo.kept' | 'undo.nothing', string>;

/** `4.2.1 · 8.1.10`: where an entry belongs. */
const where = (k: EntryKey) => (k.id ? `${k.group} · ${k.id}` : k.group);

export function undoMessage(s: Strings, info: UndoInfo | undefined): string {
  if (!info) return s['undo.nothing'];
  const done = fmt(s['undo.done'], { n: info.undoable.length });
  if (info.changedSince.length === 0) return done;
  const items = info.changedSince.map(where).join(', ');
  return `${done} ${fmt(s['undo.kept'], { items })}`;
}
