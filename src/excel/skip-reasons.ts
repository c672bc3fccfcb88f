/** Why an operation was left out, in the pane's language: the Excel lacks the API, or did not keep the setting. */

export const REASONS = {
  pageLayout: {
    ja: 'この Excel (ExcelApi 1.9 未満) では印刷設定 (用紙・向き・印刷範囲・改ページ・ヘッダー) を設定できないため、省略しました',
    en: 'Print setup needs ExcelApi 1.9; skipped',
  },
  dataValidation: {
    ja: 'この Excel (ExcelApi 1.8 未満) ではドロップダウンリストと入力時メッセージ (入力規則) を使えないため、省略しました',
    en: 'Drop-down lists and input messages (data validation) need ExcelApi 1.8; skipped',
  },
  fitToWidth: {
    ja: '「横 1 ページに合わせる」印刷設定が Excel に反映されませんでした ([ページ レイアウト] タブを開いていないと反映されないことがあります)。[ページ レイアウト] タブの [拡大縮小印刷] で横を「1 ページ」にしてください',
    en: 'Fit to one page wide did not take in this Excel (it may need the Page Layout tab open); set Width to 1 page on the Page Layout tab',
  },
} as const;
