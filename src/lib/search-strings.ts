/** Interface strings of search: the header box, the search page and the quick-jump palette. */
import type { Lang } from './model.ts';

const en = {
  'page.intro':
    'Search every page of this site: type a control number such as 8.1.10, a topic such as MFA or CMDB, or any words, in English or Japanese.',
  'page.noscript':
    'Search needs JavaScript, which is turned off or blocked in this browser. Without it, find an item in the list of all items by section.',
  'page.browse': 'Browse all items',
  'form.label': 'Search the checklist',
  'form.placeholder': 'Control number, topic or words',
  'form.submit': 'Search',
  'form.mode': 'Search in',
  'form.mode.pages': 'All pages',
  'form.mode.changes': 'What changed between versions',
  'form.filters': 'Filters',
  'form.any': 'Any',
  'filter.version': 'Version',
  'filter.section': 'Section',
  'filter.kind': 'Type of item',
  'filter.level': 'Requirement level',
  'filter.label': 'Change in that version',
  'status.loading': 'Searching…',
  'status.empty': 'Type something to search.',
  'status.count.one': '1 result for “{q}”.',
  'status.count': '{n} results for “{q}”.',
  'status.none': 'No page matches “{q}”.',
  'status.closest': 'No item page contains “{q}”. The closest items come first.',
  'status.error': 'Search could not be loaded. Reload the page to try again.',
  'changes.count.one': '1 change matches “{q}”.',
  'changes.count': '{n} changes match “{q}”.',
  'changes.none': 'No change between versions matches “{q}”.',
  'result.idMatch': 'number match',
  'result.version': 'Version {v}',
  'result.otherVersions': 'Also in',
  'result.sections': 'Matching sections',
  'result.pair': '{from} → {to}',
  'result.added': 'Added in {v}',
  'result.removed': 'Removed in {v}',
  'result.field.title': 'Title',
  'result.field.requirement': 'Requirement',
  'result.field.evidence': 'Evidence',
  'result.field.level': 'Requirement level',
  'header.label': 'Suggestions',
  'header.all': 'All results for “{q}”',
  'palette.open': 'Jump to…',
  'palette.title': 'Jump to an item',
  'palette.label': 'Control number, title or topic',
  'palette.recent': 'Recently opened',
  'palette.results': 'Items',
  'palette.none': 'No item matches “{q}”.',
  'palette.searchAll': 'Search all pages for “{q}”',
  'palette.help': '↑ ↓ choose · Enter open · Esc close',
  'palette.close': 'Close',
  'palette.shortcut': 'Shortcut: Ctrl+K or /',
} as const;

export type SearchKey = keyof typeof en;

const ja: Record<SearchKey, string> = {
  'page.intro':
    'このサイトの全ページを検索できます。8.1.10 のようなコントロール番号、MFA や CMDB のようなトピック、そのほかのキーワードを、日本語でも英語でも入力してください。',
  'page.noscript':
    '検索には JavaScript が必要ですが、このブラウザーでは無効になっているか、ブロックされています。セクション別の項目一覧からお探しください。',
  'page.browse': 'すべての項目を見る',
  'form.label': 'チェックリストを検索',
  'form.placeholder': 'コントロール番号・トピック・キーワード',
  'form.submit': '検索',
  'form.mode': '検索対象',
  'form.mode.pages': 'すべてのページ',
  'form.mode.changes': 'バージョン間の変更点',
  'form.filters': '絞り込み',
  'form.any': 'すべて',
  'filter.version': 'バージョン',
  'filter.section': 'セクション',
  'filter.kind': '項目の種類',
  'filter.level': '要件レベル',
  'filter.label': 'そのバージョンでの変更',
  'status.loading': '検索しています…',
  'status.empty': '検索する語句を入力してください。',
  'status.count.one': '「{q}」の検索結果：1 件',
  'status.count': '「{q}」の検索結果：{n} 件',
  'status.none': '「{q}」に一致するページはありません。',
  'status.closest': '「{q}」を含む項目ページはありません。近い項目を先に表示しています。',
  'status.error': '検索を読み込めませんでした。ページを再読み込みしてください。',
  'changes.count.one': '「{q}」に一致する変更：1 件',
  'changes.count': '「{q}」に一致する変更：{n} 件',
  'changes.none': 'バージョン間の変更に「{q}」に一致するものはありません。',
  'result.idMatch': '番号が一致',
  'result.version': 'バージョン {v}',
  'result.otherVersions': 'ほかのバージョン',
  'result.sections': '一致した箇所',
  'result.pair': '{from} → {to}',
  'result.added': '{v} で追加',
  'result.removed': '{v} で削除',
  'result.field.title': 'タイトル',
  'result.field.requirement': '要件',
  'result.field.evidence': 'エビデンス',
  'result.field.level': '要件レベル',
  'header.label': '候補',
  'header.all': '「{q}」の検索結果をすべて表示',
  'palette.open': 'ジャンプ…',
  'palette.title': '項目へジャンプ',
  'palette.label': 'コントロール番号・タイトル・トピック',
  'palette.recent': '最近開いた項目',
  'palette.results': '項目',
  'palette.none': '「{q}」に一致する項目はありません。',
  'palette.searchAll': '「{q}」をすべてのページから検索',
  'palette.help': '↑ ↓ で選択・Enter で開く・Esc で閉じる',
  'palette.close': '閉じる',
  'palette.shortcut': 'ショートカット：Ctrl+K または /',
};

const strings: Record<Lang, Record<SearchKey, string>> = { en, ja };

/** The search string `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function searchText(
  lang: Lang,
  key: SearchKey,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  return fill(strings[lang][key], vars);
}

/** The strings a client-side search widget needs, for a `data-strings` attribute. */
export function searchStrings(lang: Lang, keys: readonly SearchKey[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, strings[lang][k]]));
}

/** Fills `{name}` placeholders in a string taken from `data-strings`. */
export function fill(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in vars ? String(vars[name]) : m,
  );
}
