import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { loadContent } from '../../src/lib/load.ts';
import { sideText } from '../../src/lib/diff-parts.ts';
import {
  changePhrases,
  diffText,
  isEditorialOnly,
  renderCompact,
  tokenize,
} from '../../src/lib/text-diff.ts';
import type { FieldChange } from '../../src/lib/version-diff.ts';

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
    ).toBe('指摘事項はすべて[-5営業日-]{+10営業日+}以内に対応します。');
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

describe('Japanese words in a diff', () => {
  it('keeps a number and its counter as one unit', () => {
    expect(ja('顧客2人の設計書', '顧客3人の設計書')).toBe('顧客[-2人-]{+3人+}の設計書');
    expect(ja('運用実績は6か月分です。', '運用実績は12か月分です。')).toBe(
      '運用実績は[-6か月分-]{+12か月分+}です。',
    );
    expect(ja('事例は1件まで数えます。', '事例は2件まで数えます。')).toBe(
      '事例は[-1件-]{+2件+}まで数えます。',
    );
  });

  it('keeps a verb with its endings as one word', () => {
    expect(ja('エビデンスが求められます。', 'エビデンスは求められません。')).toBe(
      'エビデンス[-が求められます-]{+は求められません+}。',
    );
    expect(tokenize('評価に基づいて行われます', 'ja').map((t) => t.text)).toEqual([
      '評価',
      'に',
      '基づいて',
      '行われます',
    ]);
  });

  it('joins changes that only a particle separates, not those a word separates', () => {
    expect(ja('監査では記録を確認します。', '監査では手順を確認しません。')).toBe(
      '監査では[-記録を確認します-]{+手順を確認しません+}。',
    );
    expect(ja('監査では記録を必ず確認します。', '監査では手順を必ず確認しません。')).toBe(
      '監査では[-記録-]{+手順+}を必ず[-確認します-]{+確認しません+}。',
    );
  });

  it('starts a phrase at the word a particle belongs to', () => {
    const parts = diffText('エビデンスが求められます。', 'エビデンスは求められません。', 'ja');
    expect(changePhrases(parts, 'ja')).toEqual([
      { before: 'エビデンスが求められます', after: 'エビデンスは求められません' },
    ]);
  });
});

/** The changed texts of 4.2 → 4.2.1 (tags aside), by `<item> <field>[:<evidence key>]`. */
const changes = new Map<string, FieldChange>();
for (const item of buildCatalog(await loadContent('content')).diff('4.2', '4.2.1').items) {
  for (const f of item.fields) {
    if (f.field !== 'tags') changes.set(`${item.id} ${f.field}${f.key ? `:${f.key}` : ''}`, f);
  }
}

/** Every Japanese change of 4.2 → 4.2.1, as read from the two versions' texts. */
describe('every Japanese change of 4.2 → 4.2.1', () => {
  const solutionRequirement =
    'パートナーが顧客に提供するマネージドソリューションを扱うコントロールです。評価[-には、そのソリューションに-]{+は下に挙げる4種類のエビデンスに基づいて行われ、+}6か月分の運用実績[-があること-]を示すエビデンス[-が求められます-]{+は求められません+}。';
  const solutionEvidence = {
    'evidence:public-product-page': '{+ソリューションの機能を説明した、一般公開の製品ページ+}',
    'evidence:provisioning-code':
      '{+顧客アカウントへのソリューションの展開に使う、プロビジョニングや自動化のコード+}',
    'evidence:running-in-customer-account':
      '{+ソリューションが顧客のアカウントで実際に動いていることを示すエビデンス+}',
    'evidence:itsm-alerts':
      '{+ソリューションが出すアラートが、パートナーのチケット管理／ITSMシステムに連携されていることを示すエビデンス+}',
    'evidence:operating-history': '[-ソリューションの6か月分の運用実績を示すエビデンス-]',
  };
  const expected: Record<string, string> = {
    'audit-timing requirement':
      '監査で挙がった指摘事項には、[-5営業日-]{+10営業日+}以内にすべて対処します。',
    'case-studies requirement':
      '顧客事例（ケーススタディ）は監査で確認される資料の一つです。{+事例として数えられるのは顧客1社につき1件までで、グループ会社や社内顧客の事例は対象外です。パートナーが自社で書く事例に決まった文書形式はありません。書き方の手本がほしい場合に備えて、AWSは例とテンプレートを収めた事例作成ガイドへのリンクを示しています。+}',
    '2.1 requirement':
      'パートナーの財務の健全性を扱うコントロールです。{+エビデンスには、財務状況を社内で点検したビジネスレビューと、その結果を基に立てたアクションプランを使えます。+}',
    '2.1 evidence:internal-business-review': '{+財務状況を社内で点検したビジネスレビュー+}',
    '2.1 evidence:response-measures': '{+ビジネスレビューを基に立てたアクションプラン+}',
    '4.1 evidence:own-csat-collection':
      'パートナーが顧客満足度（CSAT）のデータを顧客から集めていることを示すエビデンス{+。APNに表示されるCSATデータでは代わりになりません。+}',
    '4.1.2 requirement':
      'パートナーは、顧客満足度（CSAT）の低いスコアに対応します。{+低スコアとみなすしきい値は、パートナー自身が定めておくことが求められます。+}',
    '5.1.1 requirement':
      'パートナーは、顧客向けの設計書を提示します。{+設計書は、互いに関係のない別々の顧客3社分をそろえます。+}',
    '5.1.1 evidence:design-documents': '{+互いに関係のない別々の+}顧客[-向け-]{+3社分+}の設計書',
    '8.1.10 requirement':
      'AWSアカウントのルートユーザーは、多要素認証（MFA）で保護します。{+ルートユーザーを持たないアカウント（AWS OrganizationsやAWS Control Towerで作成したアカウントなど）は、この要件の対象外です。+}',
    '8.1.11 requirement':
      'パートナーは、ソーシャルエンジニアリングのテストとセキュリティトレーニングを実施します。{+テストに使うコミュニケーションチャネルは1つだけで構いません。トレーニングは毎年実施します。+}',
    '9.13.3 requirement':
      'パートナーの構成管理データベース（CMDB）を扱うコントロールです。{+CMDBには、承認ワークフローか、構成が変わったときにアラートを出す仕組みのどちらかを組み込みます。+}',
    '9.13.3 evidence:recent-changes': '{+直近の変更を特定できるエビデンス+}',
  };
  for (const id of ['9.6.1', '9.6.2', '9.6.3']) {
    expected[`${id} requirement`] = solutionRequirement;
    for (const [field, text] of Object.entries(solutionEvidence)) expected[`${id} ${field}`] = text;
  }

  it('covers every changed Japanese text', () => {
    expect([...changes.keys()].sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [key, compact] of Object.entries(expected)) {
    it(key, () => {
      expect(renderCompact(changes.get(key)!.diff.ja)).toBe(compact);
    });
  }

  it('tells the changes as phrases of whole words', () => {
    const phrases = (key: string) => changePhrases(changes.get(key)!.diff.ja, 'ja');
    expect(phrases('audit-timing requirement')).toEqual([
      { before: '5営業日以内', after: '10営業日以内' },
    ]);
    expect(phrases('9.6.1 requirement')).toEqual([
      {
        before: '評価には、そのソリューションに6か月分',
        after: '評価は下に挙げる4種類のエビデンスに基づいて行われ、6か月分',
      },
      { before: '運用実績があることを示す', after: '' },
      { before: 'エビデンスが求められます', after: 'エビデンスは求められません' },
    ]);
    expect(phrases('5.1.1 evidence:design-documents')).toEqual([
      { before: '', after: '互いに関係のない別々の顧客' },
      { before: '向けの設計書', after: '3社分の設計書' },
    ]);
  });
});
