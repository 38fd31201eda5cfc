/**
 * Evidence cells: one piece of evidence per line, each with a stable key. A line may start
 * with its key (`design-docs: Design documents…`); otherwise the key comes from the first
 * meaningful English words. English and Japanese lines pair up by key when every Japanese line
 * names one, else by position.
 */
import { EVIDENCE_KEY, type Evidence } from '../../../src/lib/model.ts';

/** One line of an evidence cell. */
export interface EvidenceLine {
  /** Key written at the start of the line, if any. */
  key?: string;
  text: string;
}

// A list marker in front of the text: ASCII ones need a space after them ("-10%" is text).
const BULLET = /^(?:[-*+•‣◦▪–—]\s+|[・●○■□◆◇]\s*)/u;
// A key prefix needs a space after the colon, so "https://…" stays text.
const KEY_PREFIX = /^([a-z0-9]+(?:-[a-z0-9]+)*):\s+(\S.*)$/;
const STOP_WORDS = new Set(
  'a an the of and or to for in on with that which is are be by as at from its their this these'.split(
    ' ',
  ),
);
const MAX_KEY_LENGTH = 48;

/** Splits a cell into its non-empty lines, without list markers, reading `key:` prefixes. */
export function splitEvidenceLines(cell: string): EvidenceLine[] {
  return cell
    .split(/\r\n|\r|\n|\u2028/)
    .map((l) => l.trim().replace(BULLET, '').trim())
    .filter((l) => l !== '')
    .map((l) => {
      const m = KEY_PREFIX.exec(l);
      return m ? { key: m[1]!, text: m[2]!.trim() } : { text: l };
    });
}

/**
 * A key made of the first few meaningful words of an English text (`Design documents for the
 * solution` → `design-documents-solution`); undefined when it has no Latin letters or digits.
 */
export function keyFromText(text: string): string | undefined {
  const words = text
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const meaningful = words.filter((w) => !STOP_WORDS.has(w));
  let key = '';
  for (const word of (meaningful.length > 0 ? meaningful : words).slice(0, 5)) {
    const next = key ? `${key}-${word}` : word;
    if (key && next.length > MAX_KEY_LENGTH) break;
    key = next;
  }
  key = key.slice(0, MAX_KEY_LENGTH).replace(/-+$/, '');
  return EVIDENCE_KEY.test(key) ? key : undefined;
}

export interface EvidenceCells {
  en: string;
  ja: string;
  /** How the two columns are named in messages (their header text). */
  enLabel: string;
  jaLabel: string;
  /** Use the English lines when the Japanese cell is empty. */
  fillJaWithEn: boolean;
}

/** Evidence entries from an English and a Japanese cell, or the reasons they cannot be used. */
export function evidenceFromCells(cells: EvidenceCells): {
  evidence: Evidence[];
  problems: string[];
} {
  const problems: string[] = [];
  const en = splitEvidenceLines(cells.en);
  let ja = splitEvidenceLines(cells.ja);
  if (en.length === 0) {
    if (ja.length > 0) {
      problems.push(
        `${cells.jaLabel} has ${ja.length} line(s) but ${cells.enLabel} is empty; keys come from the English lines`,
      );
    }
    return { evidence: [], problems };
  }
  if (ja.length === 0) {
    if (!cells.fillJaWithEn) {
      problems.push(
        `${cells.jaLabel} is empty: write the Japanese lines, or pass --fill-ja-with-en to use the English ones`,
      );
      return { evidence: [], problems };
    }
    ja = en;
  }

  const keys: string[] = [];
  const taken = new Set<string>();
  for (const line of en) {
    if (!line.key) continue;
    if (taken.has(line.key)) problems.push(`evidence key "${line.key}" is used twice`);
    taken.add(line.key);
  }
  en.forEach((line, i) => {
    if (line.key) {
      keys.push(line.key);
      return;
    }
    const base = keyFromText(line.text);
    if (!base) {
      problems.push(
        `${cells.enLabel} line ${i + 1} ("${line.text.slice(0, 40)}") has no English words to make a key from: start it with "key: "`,
      );
      keys.push('');
      return;
    }
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    taken.add(key);
    keys.push(key);
  });

  let jaText: (string | undefined)[];
  if (ja !== en && ja.every((l) => l.key)) {
    const byKey = new Map(ja.map((l) => [l.key!, l.text]));
    jaText = keys.map((k) => byKey.get(k));
    for (const l of ja) {
      if (!keys.includes(l.key!)) {
        problems.push(`${cells.jaLabel} has key "${l.key}" that no English line has`);
      }
    }
    keys.forEach((k, i) => {
      if (k && jaText[i] === undefined) {
        problems.push(`${cells.jaLabel} has no line with key "${k}"`);
      }
    });
  } else if (ja.length !== en.length) {
    problems.push(
      `${cells.enLabel} has ${en.length} line(s) but ${cells.jaLabel} has ${ja.length}: lines pair up by position, or by "key: " prefixes`,
    );
    jaText = [];
  } else {
    jaText = ja.map((l, i) => {
      if (l.key && l.key !== keys[i]) {
        problems.push(
          `${cells.jaLabel} line ${i + 1} has key "${l.key}" but English line ${i + 1} has "${keys[i]}"`,
        );
      }
      return l.text;
    });
  }
  if (problems.length > 0) return { evidence: [], problems };
  return {
    evidence: en.map((line, i) => ({ key: keys[i]!, en: line.text, ja: jaText[i]! })),
    problems,
  };
}
