/** The message after an undo: what came back, and what was changed since and left alone. */
import type { EntryKey } from '../../lib/self-check/entries.ts';
import type { UndoInfo } from '../../lib/self-check/storage.ts';
import type { Translate } from '../../lib/translate.ts';

/** The strings an undo message is made of (the panel and the overview both receive them). */
export type UndoKey = 'selfCheck.undo.done' | 'selfCheck.undo.kept' | 'selfCheck.undo.nothing';

/** `4.2.1 · 8.1.10`: where an entry belongs. */
const where = (k: EntryKey) => (k.id ? `${k.group} · ${k.id}` : k.group);

export function undoMessage(t: Translate<UndoKey>, info: UndoInfo | undefined): string {
  if (!info) return t('selfCheck.undo.nothing');
  const done = t('selfCheck.undo.done', { n: info.undoable.length });
  if (info.changedSince.length === 0) return done;
  const items = info.changedSince.map(where).join(', ');
  return `${done} ${t('selfCheck.undo.kept', { items })}`;
}
