/**
 * Interface strings of the self-check, in every site language. Pages pass the strings of their
 * language to the client code, so the browser never downloads both languages.
 */
import type { Lang } from './model.ts';

const en = {
  title: 'Self-check',
  'overview.intro':
    'Mark how far your organisation meets each requirement, tick the evidence you have ready and keep notes. Your answers stay in this browser: nothing is sent anywhere.',
  'panel.intro': 'Your answer is saved in this browser only; nothing is sent anywhere.',
  needsJs:
    'The self-check needs JavaScript. Turn it on to record your answers; they are kept in this browser only.',
  'status.legend': 'Status',
  'status.met': 'Met',
  'status.partly': 'Partly met',
  'status.not-yet': 'Not yet',
  'status.na': 'Not applicable',
  'status.unanswered': 'Not answered',
  'evidence.legend': 'Evidence you have ready',
  'evidence.none': 'No evidence entry is listed for this item.',
  'notes.label': 'Notes',
  'notes.hint': 'Plain text. HTML tags are not accepted.',
  'notes.markup': 'Notes are plain text: remove the HTML tags so they can be saved.',
  'notes.tooLong': 'Notes are limited to {max} characters; this note was not saved.',
  saved: 'Saved in this browser.',
  'panel.overview': 'See all your answers',
  'problem.unavailable':
    'This browser does not let the site store data (private browsing, or storage turned off). Your answers on this page will be lost when you close it: export them from the overview first.',
  'problem.quota':
    'Browser storage is full, so the last change was not saved. Your earlier answers are kept. Export your answers, then free some space.',
  'problem.unreadable':
    'The self-check data stored in this browser could not be read. It is kept unchanged under the storage key “{key}”; new answers start empty.',
  'problem.newer':
    'Your answers were saved by a newer version of this site, so this page will not change them. Reload the page to get the newer version.',
  'carry.offer':
    'You have answers for version {from}. Carry them over to {to}: unchanged items keep their answer, items with reworded text are kept for you to confirm, and changed requirements are reopened.',
  'carry.button': 'Carry over answers from {from}',
  'carry.done':
    'Carried over from {from}: {kept} kept, {flagged} to confirm, {reopened} reopened, {skipped} already answered in {to} left as they were.',
  'carry.failed':
    'The data for the carry-over could not be loaded. Check your connection and try again.',
  'carry.reopened':
    'Reopened: this requirement changed in {to}. Check it against the new text and choose a status again.',
  'carry.previous': 'Your answer in {v} ({id})',
  'carry.previousNotes': 'Notes then',
  'carry.seeChange': 'See what changed',
  'carry.editorial':
    'Carried over from {from}. Only the wording changed: check that your answer still holds.',
  'carry.stale':
    'The text of this item has changed since you answered. Check that your answer still holds.',
  'carry.confirm': 'It still holds',
  undo: 'Undo',
  'undo.last': 'Undo the last import, merge or carry-over ({when})',
  'undo.done': 'Undone: the answers are back as they were.',
  'undo.nothing': 'There is nothing to undo.',
  'version.label': 'Version',
  'section.untitled': 'Section {id}',
  'progress.title': 'Progress',
  'progress.overall': 'All items',
  'progress.answered': '{answered} of {total} answered',
  'progress.breakdown': '{met} met, {partly} partly met, {notYet} not yet, {na} not applicable',
  'progress.section': 'Section',
  'progress.answeredCol': 'Answered',
  'progress.readyCol': 'Met or not applicable',
  'queue.title': 'Re-review queue',
  'queue.intro':
    'Items whose requirement changed since the version you carried your answers from. Read what changed, then answer them again on the item page.',
  'queue.empty': 'Nothing to re-review.',
  'queue.answer': 'Answer on the item page',
  'queue.why': 'Why',
  'field.title': 'Title',
  'field.requirement': 'Requirement',
  'field.evidence': 'Evidence',
  'label.relaxed': 'relaxed',
  'label.tightened': 'tightened',
  'label.clarified': 'clarified',
  'label.editorial': 'editorial',
  'list.title': 'Items',
  'filter.legend': 'Filters',
  'filter.status': 'Show',
  'filter.open': 'Open items (to do)',
  'filter.all': 'All items',
  'filter.changed': 'Changed in this version only',
  'list.empty': 'No item matches these filters.',
  'list.count': '{shown} of {total} items',
  'badge.changed': 'changed in {v}',
  'badge.reopened': 'reopened',
  'badge.editorial': 'to confirm',
  'badge.evidence': 'evidence {done}/{total}',
  'data.failed': 'The list of items could not be loaded. Reload the page to try again.',
  'transfer.title': 'Export, import and share',
  'export.json': 'Download JSON (complete)',
  'export.csv': 'Download CSV',
  'export.md': 'Download Markdown',
  'import.label': 'Import a JSON file',
  'import.tooLarge':
    'This file is larger than {max}: it is not a self-check export. Nothing was changed.',
  'import.notJson': 'This file is not JSON, so it is not a self-check export. Nothing was changed.',
  'import.foreign': 'This JSON file is not a self-check export of this site. Nothing was changed.',
  'import.newer':
    'This file was exported by a newer version of this site. Reload the page to get the newer version, then import again. Nothing was changed.',
  'import.invalid': 'This file cannot be imported. Nothing was changed. Problems found:',
  'issue.proto-key': '{path}: a key that is not allowed',
  'issue.wrong-type': '{path}: wrong type or format',
  'issue.unexpected-field': '{path}: unknown field',
  'issue.unknown-version': '{path}: unknown checklist version',
  'issue.unknown-item': '{path}: no such item in this version',
  'issue.unknown-evidence': '{path}: no such evidence entry',
  'issue.markup': '{path}: notes contain HTML tags',
  'issue.too-long': '{path}: notes are too long',
  'preview.title': 'What this import changes',
  'preview.added': 'New answers',
  'preview.updated': 'Answers replaced by newer ones',
  'preview.removed': 'Answers removed',
  'preview.kept': 'Your newer answers, kept',
  'preview.reviews': 'Review marks added or updated',
  'preview.none': 'No answer changes.',
  'preview.merge': 'Merge (newer answer wins)',
  'preview.replace': 'Replace all my answers',
  'preview.cancel': 'Cancel',
  'preview.mode': 'How to import',
  'preview.apply': 'Import',
  'import.done': 'Imported. You can undo this.',
  'share.create': 'Create a share link',
  'share.copy': 'Copy link',
  'share.copied': 'Link copied.',
  'share.label': 'Share link',
  'share.note':
    'The answers are compressed into the link itself, after the “#”: they never reach a server. Anyone with the link can read them.',
  'share.received':
    'This link holds shared self-check answers. Review what merging them would change:',
  'share.merge': 'Merge into my answers',
  'share.dismiss': 'Dismiss',
  'share.bad': 'This share link is damaged or incomplete, so nothing was imported.',
  'share.merged': 'Merged the shared answers. You can undo this.',
  'reviews.title': 'Reviewed changes',
  'reviews.none':
    'No change is marked as reviewed yet. Mark changes on the “What changed” pages to build a review record.',
  'reviews.count': '{pair}: {n} changes marked as reviewed',
  'reviews.json': 'Download review record (JSON)',
  'reviews.csv': 'Download review record (CSV)',
  'report.print': 'Print the audit-readiness report',
  'report.title': 'Audit-readiness report',
  'report.meta': 'Version {v}, printed {date}.',
  'col.item': 'Item',
  'col.title': 'Title',
  'col.section': 'Section',
  'col.status': 'Status',
  'col.evidence': 'Evidence ready',
  'col.notes': 'Notes',
  'col.updated': 'Updated',
  'col.hash': 'Content hash',
  'col.flag': 'Review',
  'col.version': 'Version',
  'col.change': 'Change',
  'col.reviewedAt': 'Reviewed at',
  'col.fromHash': 'Hash before',
  'col.toHash': 'Hash after',
  'review.label': 'Reviewed',
  'review.at': 'marked {date}',
  'review.stale': 'The text changed after you marked it: review it again.',

  // Requirement levels, readiness and the workbook for AWS.
  'field.level': 'Requirement level',
  'level.mandatory': 'Mandatory',
  'level.recommended': 'Recommended',
  'level.bonus': 'Bonus',
  'readiness.title': 'Readiness for the audit',
  'readiness.intro':
    'Every mandatory control must be met. Counts by part and section; the controls not met yet are listed below, mandatory ones first.',
  'readiness.part': 'Part',
  'readiness.section': 'Section',
  'readiness.mandatoryCol': 'Mandatory met',
  'readiness.allCol': 'Met or not applicable',
  'readiness.open': 'Not met yet ({n})',
  'readiness.none': 'Every control is met or not applicable.',
  'readiness.noLevels':
    'This version states no requirement level for its controls, so they are counted alike.',
  'workbook.title': 'The workbook for AWS',
  'workbook.intro':
    'Download the self-assessment workbook with your answers filled in: Met? from each status (partly met is written as No, with your note) and Partner Response from your notes and the evidence you ticked. Every other cell stays as it was.',
  'workbook.introGenerated':
    'This edition keeps no workbook of its own, so the download is a new workbook with the same columns: ID, Requirement Description, Met? and Partner Response.',
  'workbook.download': 'Download the workbook with my answers',
  'workbook.done': 'Workbook written: {filled} rows answered, {empty} left empty.',
  'workbook.failed': 'The workbook could not be written: {reason}',
  'workbook.importHint':
    'You can also choose a workbook (.xlsx) your team has started in Excel: its Met? and Partner Response columns are read into the self-check.',
  'workbook.unreadable': 'This file is not a workbook the self-check can read: {reason}',
  'workbook.noAnswers': 'No answered row was found in this workbook.',
  'workbook.problems': 'Rows left out ({n}):',
  'workbook.problem.unknownId': 'sheet “{sheet}”, row {row}: {id} is not a control of version {v}',
  'workbook.problem.met':
    'sheet “{sheet}”, row {row} ({id}): Met? holds “{value}”, which is not Yes, No or N/A',
  'workbook.problem.duplicate':
    'sheet “{sheet}”, row {row} ({id}): {id} is answered on another row too',
  'workbook.problem.markup': 'sheet “{sheet}”, row {row} ({id}): Partner Response holds HTML tags',
  'workbook.problem.tooLong':
    'sheet “{sheet}”, row {row} ({id}): Partner Response is longer than {max} characters',
} as const;

/** Keys of the self-check's interface strings. */
export type SelfCheckKey = keyof typeof en;
/** The self-check's strings in one language. */
export type SelfCheckStrings = Record<SelfCheckKey, string>;

const ja: SelfCheckStrings = {
  title: 'セルフチェック',
  'overview.intro':
    '要件ごとに自社の対応状況を記録し、用意できているエビデンスにチェックを入れ、メモを残せます。回答はこのブラウザの中だけに保存され、外部には一切送信されません。',
  'panel.intro': '回答はこのブラウザにのみ保存され、外部には送信されません。',
  needsJs:
    'セルフチェックを使うには JavaScript が必要です。有効にすると回答を記録できます（回答はこのブラウザにのみ保存されます）。',
  'status.legend': '対応状況',
  'status.met': '対応済み',
  'status.partly': '一部対応',
  'status.not-yet': '未対応',
  'status.na': '対象外',
  'status.unanswered': '未回答',
  'evidence.legend': '用意できているエビデンス',
  'evidence.none': 'この項目にはエビデンスの記載がありません。',
  'notes.label': 'メモ',
  'notes.hint': 'プレーンテキストで入力してください。HTML タグは使えません。',
  'notes.markup': 'メモに HTML タグが含まれているため保存できません。タグを削除してください。',
  'notes.tooLong': 'メモは {max} 文字までです。このメモは保存されていません。',
  saved: 'このブラウザに保存しました。',
  'panel.overview': 'すべての回答を見る',
  'problem.unavailable':
    'このブラウザではサイトがデータを保存できません（プライベートブラウズ中か、ストレージが無効になっています）。このページを閉じると回答は失われるため、先に一覧ページからエクスポートしてください。',
  'problem.quota':
    'ブラウザのストレージがいっぱいのため、直前の変更を保存できませんでした。それまでの回答は残っています。回答をエクスポートしてから、空き容量を確保してください。',
  'problem.unreadable':
    'このブラウザに保存されているセルフチェックのデータを読み取れませんでした。データはストレージキー「{key}」にそのまま残してあり、新しい回答は空の状態から始まります。',
  'problem.newer':
    '回答はこのサイトの新しいバージョンで保存されたものなので、このページでは変更しません。ページを再読み込みして新しいバージョンを表示してください。',
  'carry.offer':
    'バージョン {from} の回答があります。{to} に引き継ぐと、変更のない項目は回答をそのまま残し、表現だけが変わった項目は確認用に残し、要件が変わった項目は回答をやり直す対象にします。',
  'carry.button': '{from} の回答を引き継ぐ',
  'carry.done':
    '{from} から引き継ぎました：そのまま {kept} 件、要確認 {flagged} 件、再回答 {reopened} 件。{to} で回答済みだった {skipped} 件は変更していません。',
  'carry.failed':
    '引き継ぎに必要なデータを読み込めませんでした。接続を確認して、もう一度お試しください。',
  'carry.reopened':
    '再回答が必要です：この要件は {to} で変更されました。新しい内容を確認して、対応状況を選び直してください。',
  'carry.previous': '{v} での回答（{id}）',
  'carry.previousNotes': '当時のメモ',
  'carry.seeChange': '変更内容を見る',
  'carry.editorial':
    '{from} から引き継いだ回答です。変わったのは表現だけなので、回答が今も当てはまるか確認してください。',
  'carry.stale':
    '回答したあとで、この項目の本文が変わりました。回答が今も当てはまるか確認してください。',
  'carry.confirm': 'このままで問題ない',
  undo: '元に戻す',
  'undo.last': '直前のインポート・マージ・引き継ぎを元に戻す（{when}）',
  'undo.done': '元に戻しました。回答は変更前の状態です。',
  'undo.nothing': '元に戻せる操作はありません。',
  'version.label': 'バージョン',
  'section.untitled': 'セクション {id}',
  'progress.title': '進捗',
  'progress.overall': 'すべての項目',
  'progress.answered': '{total} 件中 {answered} 件回答済み',
  'progress.breakdown':
    '対応済み {met} 件、一部対応 {partly} 件、未対応 {notYet} 件、対象外 {na} 件',
  'progress.section': 'セクション',
  'progress.answeredCol': '回答済み',
  'progress.readyCol': '対応済みまたは対象外',
  'queue.title': '再確認が必要な項目',
  'queue.intro':
    '回答を引き継いだバージョンから要件が変わった項目です。変更内容を読み、項目のページで回答し直してください。',
  'queue.empty': '再確認が必要な項目はありません。',
  'queue.answer': '項目のページで回答する',
  'queue.why': '理由',
  'field.title': 'タイトル',
  'field.requirement': '要件',
  'field.evidence': 'エビデンス',
  'label.relaxed': '緩和',
  'label.tightened': '厳格化',
  'label.clarified': '明確化',
  'label.editorial': '表現の修正',
  'list.title': '項目',
  'filter.legend': '絞り込み',
  'filter.status': '表示',
  'filter.open': '未完了の項目（やること）',
  'filter.all': 'すべての項目',
  'filter.changed': 'このバージョンで変わった項目のみ',
  'list.empty': '条件に合う項目はありません。',
  'list.count': '{total} 件中 {shown} 件',
  'badge.changed': '{v} で変更',
  'badge.reopened': '再回答',
  'badge.editorial': '要確認',
  'badge.evidence': 'エビデンス {done}/{total}',
  'data.failed': '項目の一覧を読み込めませんでした。ページを再読み込みしてください。',
  'transfer.title': 'エクスポート・インポート・共有',
  'export.json': 'JSON をダウンロード（全データ）',
  'export.csv': 'CSV をダウンロード',
  'export.md': 'Markdown をダウンロード',
  'import.label': 'JSON ファイルをインポート',
  'import.tooLarge':
    'ファイルが {max} を超えているため、セルフチェックのエクスポートではありません。何も変更していません。',
  'import.notJson':
    'JSON 形式ではないため、セルフチェックのエクスポートではありません。何も変更していません。',
  'import.foreign':
    'この JSON ファイルは本サイトのセルフチェックのエクスポートではありません。何も変更していません。',
  'import.newer':
    'このファイルはサイトの新しいバージョンでエクスポートされています。ページを再読み込みしてから、もう一度インポートしてください。何も変更していません。',
  'import.invalid': 'このファイルはインポートできません。何も変更していません。見つかった問題：',
  'issue.proto-key': '{path}：使用できないキーです',
  'issue.wrong-type': '{path}：型または形式が正しくありません',
  'issue.unexpected-field': '{path}：不明なフィールドです',
  'issue.unknown-version': '{path}：存在しないバージョンです',
  'issue.unknown-item': '{path}：このバージョンにない項目です',
  'issue.unknown-evidence': '{path}：存在しないエビデンスです',
  'issue.markup': '{path}：メモに HTML タグが含まれています',
  'issue.too-long': '{path}：メモが長すぎます',
  'preview.title': 'インポートによる変更',
  'preview.added': '新しく追加される回答',
  'preview.updated': 'より新しい回答で置き換わる回答',
  'preview.removed': '削除される回答',
  'preview.kept': 'こちらの方が新しいため残す回答',
  'preview.reviews': '追加・更新される確認済みマーク',
  'preview.none': '回答に変更はありません。',
  'preview.merge': 'マージする（新しい方の回答を採用）',
  'preview.replace': '自分の回答をすべて置き換える',
  'preview.cancel': 'キャンセル',
  'preview.mode': 'インポートの方法',
  'preview.apply': 'インポート',
  'import.done': 'インポートしました。元に戻すこともできます。',
  'share.create': '共有リンクを作成',
  'share.copy': 'リンクをコピー',
  'share.copied': 'リンクをコピーしました。',
  'share.label': '共有リンク',
  'share.note':
    '回答はリンクの「#」以降に圧縮して埋め込まれ、サーバーには送信されません。リンクを知っている人は誰でも内容を読めます。',
  'share.received':
    'このリンクには共有されたセルフチェックの回答が含まれています。マージした場合の変更内容を確認してください：',
  'share.merge': '自分の回答にマージする',
  'share.dismiss': '閉じる',
  'share.bad': '共有リンクが壊れているか途中で切れているため、何もインポートしていません。',
  'share.merged': '共有された回答をマージしました。元に戻すこともできます。',
  'reviews.title': '確認済みの変更',
  'reviews.none':
    '確認済みにした変更はまだありません。「変更点」のページで変更ごとに確認済みにすると、確認記録を作れます。',
  'reviews.count': '{pair}：{n} 件の変更を確認済み',
  'reviews.json': '確認記録をダウンロード（JSON）',
  'reviews.csv': '確認記録をダウンロード（CSV）',
  'report.print': '監査準備レポートを印刷',
  'report.title': '監査準備レポート',
  'report.meta': 'バージョン {v}、{date} 印刷',
  'col.item': '項目',
  'col.title': 'タイトル',
  'col.section': 'セクション',
  'col.status': '対応状況',
  'col.evidence': '用意できているエビデンス',
  'col.notes': 'メモ',
  'col.updated': '更新日時',
  'col.hash': 'コンテンツハッシュ',
  'col.flag': '確認',
  'col.version': 'バージョン',
  'col.change': '変更',
  'col.reviewedAt': '確認日時',
  'col.fromHash': '変更前のハッシュ',
  'col.toHash': '変更後のハッシュ',
  'review.label': '確認済み',
  'review.at': '{date} に確認',
  'review.stale': '確認済みにしたあとで本文が変わりました。もう一度確認してください。',

  // Requirement levels, readiness and the workbook for AWS.
  'field.level': '要件レベル',
  'level.mandatory': '必須',
  'level.recommended': '推奨',
  'level.bonus': 'ボーナス',
  'readiness.title': '監査への準備状況',
  'readiness.intro':
    '必須コントロールはすべて満たす必要があります。パートとセクションごとの件数を示し、まだ満たしていないコントロールを必須のものから順に下に挙げます。',
  'readiness.part': 'パート',
  'readiness.section': 'セクション',
  'readiness.mandatoryCol': '満たした必須項目',
  'readiness.allCol': '対応済みまたは対象外',
  'readiness.open': 'まだ満たしていない項目（{n} 件）',
  'readiness.none': 'すべてのコントロールが対応済みまたは対象外です。',
  'readiness.noLevels':
    'このバージョンにはコントロールの要件レベルが記載されていないため、すべて同じように数えています。',
  'workbook.title': 'AWS に提出するワークブック',
  'workbook.intro':
    '回答を記入したセルフアセスメントのワークブックをダウンロードします。Met? には対応状況（一部対応は No とし、メモを添えます）を、Partner Response にはメモとチェックしたエビデンスを書き込みます。ほかのセルはそのまま残ります。',
  'workbook.introGenerated':
    'このエディションには元のワークブックがないため、同じ列（ID、Requirement Description、Met?、Partner Response）を持つ新しいワークブックをダウンロードします。',
  'workbook.download': '回答を記入したワークブックをダウンロード',
  'workbook.done':
    'ワークブックを書き出しました。回答を記入した行は {filled} 行、空欄の行は {empty} 行です。',
  'workbook.failed': 'ワークブックを書き出せませんでした：{reason}',
  'workbook.importHint':
    'Excel で記入を始めたワークブック（.xlsx）も選べます。Met? と Partner Response の列をセルフチェックに読み込みます。',
  'workbook.unreadable': 'セルフチェックで読み込めるワークブックではありません：{reason}',
  'workbook.noAnswers': 'このワークブックには回答を記入した行がありません。',
  'workbook.problems': '読み込まなかった行（{n} 行）：',
  'workbook.problem.unknownId':
    'シート「{sheet}」{row} 行目：{id} はバージョン {v} のコントロールではありません',
  'workbook.problem.met':
    'シート「{sheet}」{row} 行目（{id}）：Met? の「{value}」は Yes・No・N/A のいずれでもありません',
  'workbook.problem.duplicate':
    'シート「{sheet}」{row} 行目（{id}）：{id} はほかの行でも回答されています',
  'workbook.problem.markup':
    'シート「{sheet}」{row} 行目（{id}）：Partner Response に HTML タグが含まれています',
  'workbook.problem.tooLong':
    'シート「{sheet}」{row} 行目（{id}）：Partner Response が {max} 文字を超えています',
};

const strings: Record<Lang, SelfCheckStrings> = { en, ja };

/** The self-check's strings in `lang`; `keys` picks a subset for a small element. */
export function selfCheckStrings(lang: Lang): SelfCheckStrings;
export function selfCheckStrings<K extends SelfCheckKey>(
  lang: Lang,
  keys: readonly K[],
): Record<K, string>;
export function selfCheckStrings(lang: Lang, keys?: readonly SelfCheckKey[]) {
  const all = strings[lang];
  return keys ? Object.fromEntries(keys.map((k) => [k, all[k]])) : all;
}
