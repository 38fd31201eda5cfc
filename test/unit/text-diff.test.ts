import { describe, expect, it } from 'vitest';
import { sideText } from '../../src/lib/diff-parts.ts';
import {
  changePhrases,
  diffText,
  isEditorialOnly,
  renderCompact,
  tokenize,
} from '../../src/lib/text-diff.ts';

const en = (a: string, b: string, ignoreEditorial = false) =>
  renderCompact(diffText(a, b, 'en', { ignoreEditorial }));
const ja = (a: string, b: string, ignoreEditorial = false) =>
  renderCompact(diffText(a, b, 'ja', { ignoreEditorial }));

describe('diffText (English)', () => {
  it('marks a replaced word, leaving spaces kept', () => {
    expect(en('within 5 business days.', 'within 10 business days.')).toBe(
      'within [-5-]{+10+} business days.',
    );
  });

  it('marks added and removed phrases', () => {
    expect(en('Root MFA is required.', 'Root MFA is required, except without a root user.')).toBe(
      'Root MFA is required{+, except without a root user+}.',
    );
    expect(en('Keep logs for 6 months of operation.', 'Keep logs.')).toBe(
      'Keep logs[- for 6 months of operation-].',
    );
  });

  it('returns one kept run for equal texts and handles empty sides', () => {
    expect(diffText('Same text.', 'Same text.', 'en')).toEqual([{ op: '=', text: 'Same text.' }]);
    expect(en('', 'New entry.')).toBe('{+New entry.+}');
    expect(en('Old entry.', '')).toBe('[-Old entry.-]');
  });

  it('sees case and punctuation changes in strict mode', () => {
    expect(en('Use the CMDB.', 'Use the cmdb!')).toBe('Use the [-CMDB.-]{+cmdb!+}');
  });

  it('ignores case, punctuation, spacing and quote style in editorial mode', () => {
    expect(en('Use the “CMDB”.', 'Use  the "cmdb"!', true)).toBe('Use  the "cmdb"!');
    expect(en('Use the CMDB.', 'Use the approved CMDB.', true)).toBe('Use the {+approved +}CMDB.');
  });

  it('keeps both sides recoverable', () => {
    const parts = diffText('a quick brown fox', 'a slow brown dog', 'en');
    expect(sideText(parts, 'before')).toBe('a quick brown fox');
    expect(sideText(parts, 'after')).toBe('a slow brown dog');
  });
});

describe('diffText (Japanese)', () => {
  it('segments words without spaces', () => {
    expect(tokenize('指摘事項に対応します', 'ja').filter((t) => t.word).length).toBeGreaterThan(2);
  });

  it('marks a changed number inside a sentence', () => {
    expect(
      ja('指摘事項はすべて5営業日以内に対応します。', '指摘事項はすべて10営業日以内に対応します。'),
    ).toBe('指摘事項はすべて[-5-]{+10+}営業日以内に対応します。');
  });

  it('marks an inserted phrase at word level, not the whole sentence', () => {
    expect(
      ja(
        'ソーシャルエンジニアリングのテストを行います。',
        'ソーシャルエンジニアリングのテストを1つの通信チャネルで行います。',
      ),
    ).toBe('ソーシャルエンジニアリングのテストを{+1つの通信チャネルで+}行います。');
  });

  it('ignores full-width punctuation and brackets in editorial mode', () => {
    expect(isEditorialOnly('「CMDB」を使います。', 'CMDB を使います', 'ja')).toBe(true);
    expect(isEditorialOnly('毎年実施します。', '毎月実施します。', 'ja')).toBe(false);
  });
});

describe('changePhrases', () => {
  it('tells a replacement with the words that follow it', () => {
    const parts = diffText(
      'within 5 business days to fix.',
      'within 10 business days to fix.',
      'en',
    );
    expect(changePhrases(parts, 'en')).toEqual([
      { before: '5 business days', after: '10 business days' },
    ]);
  });

  it('tells an insertion with context on both sides', () => {
    const parts = diffText('Test one channel.', 'Test only one channel.', 'en');
    expect(changePhrases(parts, 'en')).toEqual([{ before: '', after: 'Test only one channel' }]);
  });

  it('tells a change at the end with the words before it', () => {
    const parts = diffText('Training is held yearly', 'Training is held annually', 'en');
    expect(changePhrases(parts, 'en')).toEqual([
      { before: 'is held yearly', after: 'is held annually' },
    ]);
  });

  it('gives one phrase per run of changes', () => {
    const parts = diffText('a b c d e f g h', 'a X c d e f Y h', 'en');
    expect(changePhrases(parts, 'en', 1)).toHaveLength(2);
  });
});

describe('changePhrases context', () => {
  it('never reaches across a sentence end', () => {
    const parts = diffText('Run the test.', 'Run the test. Use one channel.', 'en');
    expect(changePhrases(parts, 'en')).toEqual([{ before: '', after: 'Use one channel.' }]);
    const ja = diffText(
      'テストを実施します。',
      'テストを実施します。チャネルは1つで構いません。',
      'ja',
    );
    expect(changePhrases(ja, 'ja')).toEqual([{ before: '', after: 'チャネルは1つで構いません。' }]);
  });
});
