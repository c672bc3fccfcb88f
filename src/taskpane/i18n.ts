/**
 * The pane's words: Japanese, or English when Office's display language is English. Messages that
 * come from the core (data issues, layout failures, notices) are Japanese and shown as they are.
 */
import type { FiscalYear, Grade } from '../core/types';

export type Language = 'ja' | 'en';

const ja = {
  appTitle: 'KPI評価',
  demoBanner:
    'デモ: 同梱のサンプルブック（浅口市の進捗表）で動いています。Excel では開いているシートを使います。',
  sheetLabel: 'シート',
  tabEvaluate: '評価',
  tabSettings: '設定',
  tabClerk: '担当課',
  tabPrint: '印刷',
  tabsLabel: '作業の切り替え',
  found: '見つかったもの',
  goals: '基本目標',
  kpis: 'KPI',
  headlines: '数値目標',
  years: '年度',
  evaluationYear: '評価年度',
  issues: 'データの問題',
  countUnit: '件',
  goalCountUnit: 'つ',
  noIssues: 'データの問題はありません。',
  issuesHelp: '項目を選ぶとシートのそのセルに移動します。',
  notKpiTitle: 'このシートは KPI 表として読めません',
  notKpiHelp:
    'KPI 表のシートを開いてから「読み直す」を押してください。表には「基本目標」「KPI」「担当課」と年度（H30・R2…・目標値）の見出しが必要です。',
  reload: '読み直す',
  evaluate: '評価する',
  evaluating: '評価しています…',
  reading: 'シートを読んでいます…',
  evaluated: '評価しました: {applied} 件の書き込み。',
  skipped: '{count} 件は書き込めませんでした: {reasons}',
  results: '評価結果（基本目標ごとの件数）',
  resultsPending: '「評価する」を押すと、判定をシートに書き込み、件数をここに表示します。',
  resultsStale: '設定が変わりました。「評価する」でシートに反映します。',
  goalColumn: '基本目標',
  overall: '全体',
  judged: '対象',
  settingsTitle: '評価の設定',
  settingsSaved: '設定は「評価する」でブックに保存されます。',
  preset: 'プリセット',
  custom: 'カスタム',
  basis: '判定の基準',
  basisAchievement: '達成率',
  basisProgress: '進捗率',
  thresholds: 'しきい値（%）',
  thresholdA: 'A 以上',
  thresholdB: 'B 以上',
  thresholdC: 'C 以上',
  thresholdsInvalid: 'しきい値は A ≥ B ≥ C ≥ 0 の数で入れてください。',
  yearAuto: '自動（最新の実績年度: {year}）',
  rowTint: '判定に応じて行に薄い色を付ける',
  paperSize: '用紙サイズ',
  settingsProblems: '保存されていた設定の一部を使えませんでした: {problems}',
  clerkTitle: '担当課の入力状況',
  department: '担当課',
  allDepartments: 'すべての担当課',
  missingTitle: '{year} の値が未入力・読めない KPI',
  noMissing: '{year} の値はすべて入力済みです。',
  missing: '未入力',
  unreadable: '読めない値',
  noCell: '{year} の列がありません',
  deptKpis: 'この担当課の KPI（{count} 件）',
  liveOn: '値を入力すると判定が自動で更新されます。',
  liveUpdated: '{count} 行の判定を更新しました。',
  livePending: '評価のあとは、値を入力すると判定が自動で更新されます。',
  printTitle: '印刷の準備',
  printHelp: '印刷範囲・用紙・改ページだけを設定します。判定の列は書き換えません。',
  printButton: '印刷用に整える',
  printing: '印刷設定をしています…',
  printReady: '印刷できます',
  printNotYet: 'まだありません（先に「評価する」）',
  printNone: '印刷の準備ができたシートはまだありません。',
  landscape: '横',
  portrait: '縦',
  fitToWidth: '1ページ幅',
  pagesWide: '{count}ページ幅',
  pageBreaks: '改ページ {count} か所',
  errorPrefix: 'エラー: ',
  officeUnavailable: 'Excel に接続できませんでした。',
  selectFailed: 'セル {cell} を選択できませんでした。',
  cellLabel: 'セル {cell}',
  formulaBar: '数式バー',
  sheetTabs: 'シート見出し',
  demoEditHelp: 'セルを選んで上の欄に入力し Enter で確定します。',
  yearFy: '{era}',
  busy: '処理中…',
} as const;

export type MessageKey = keyof typeof ja;

const en: Record<MessageKey, string> = {
  appTitle: 'KPI evaluation',
  demoBanner:
    'Demo: running on the bundled sample workbook (Asakuchi progress table). In Excel it uses the open sheet.',
  sheetLabel: 'Sheet',
  tabEvaluate: 'Evaluate',
  tabSettings: 'Settings',
  tabClerk: 'Department',
  tabPrint: 'Print',
  tabsLabel: 'Switch task',
  found: 'Found on this sheet',
  goals: 'Basic goals',
  kpis: 'KPIs',
  headlines: 'Headline targets',
  years: 'Years',
  evaluationYear: 'Evaluation year',
  issues: 'Data issues',
  countUnit: '',
  goalCountUnit: '',
  noIssues: 'No data issues.',
  issuesHelp: 'Choose an item to go to its cell.',
  notKpiTitle: 'This sheet cannot be read as a KPI table',
  notKpiHelp:
    'Open the KPI table sheet, then press Reload. The table needs 基本目標, KPI and 担当課 headers and year columns (H30, R2 … 目標値).',
  reload: 'Reload',
  evaluate: 'Evaluate',
  evaluating: 'Evaluating…',
  reading: 'Reading the sheet…',
  evaluated: 'Evaluated: {applied} writes.',
  skipped: '{count} could not be written: {reasons}',
  results: 'Results (count per grade by goal)',
  resultsPending: 'Press Evaluate to write the grades into the sheet and see the counts here.',
  resultsStale: 'Settings changed. Press Evaluate to write them into the sheet.',
  goalColumn: 'Goal',
  overall: 'Total',
  judged: 'Judged',
  settingsTitle: 'Evaluation settings',
  settingsSaved: 'Settings are saved in the workbook when you press Evaluate.',
  preset: 'Preset',
  custom: 'Custom',
  basis: 'Grade on',
  basisAchievement: 'Achievement rate',
  basisProgress: 'Progress rate',
  thresholds: 'Thresholds (%)',
  thresholdA: 'A from',
  thresholdB: 'B from',
  thresholdC: 'C from',
  thresholdsInvalid: 'Enter thresholds as numbers with A ≥ B ≥ C ≥ 0.',
  yearAuto: 'Automatic (latest actual year: {year})',
  rowTint: 'Tint rows by grade',
  paperSize: 'Paper size',
  settingsProblems: 'Some saved settings could not be used: {problems}',
  clerkTitle: 'Department input status',
  department: 'Department',
  allDepartments: 'All departments',
  missingTitle: 'KPIs with no readable value for {year}',
  noMissing: 'Every value for {year} is filled in.',
  missing: 'missing',
  unreadable: 'unreadable',
  noCell: 'no {year} column',
  deptKpis: "This department's KPIs ({count})",
  liveOn: 'Grades update as you type values.',
  liveUpdated: 'Updated the grades of {count} rows.',
  livePending: 'After an evaluation, grades update as you type values.',
  printTitle: 'Print setup',
  printHelp: 'Sets print area, paper and page breaks only. Grades are not rewritten.',
  printButton: 'Prepare for printing',
  printing: 'Setting up printing…',
  printReady: 'ready to print',
  printNotYet: 'not there yet (evaluate first)',
  printNone: 'No sheet is ready to print yet.',
  landscape: 'landscape',
  portrait: 'portrait',
  fitToWidth: 'one page wide',
  pagesWide: '{count} pages wide',
  pageBreaks: '{count} page breaks',
  errorPrefix: 'Error: ',
  officeUnavailable: 'Could not connect to Excel.',
  selectFailed: 'Could not select cell {cell}.',
  cellLabel: 'Cell {cell}',
  formulaBar: 'Formula bar',
  sheetTabs: 'Sheet tabs',
  demoEditHelp: 'Select a cell, type in the box above and press Enter.',
  yearFy: 'FY{year}',
  busy: 'Working…',
};

const catalogues: Record<Language, Record<MessageKey, string>> = { ja, en };

let current: Language = 'ja';

/** Office's display language (`en-US`) or the browser's, when outside Office. */
export function languageFor(displayLanguage: string | undefined): Language {
  return displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

export function setLanguage(language: Language): void {
  current = language;
}

export function language(): Language {
  return current;
}

export function t(key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return catalogues[current][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** R6, H30, R元 in Japanese; FY2024 in English. */
export function yearLabel(year: FiscalYear): string {
  if (current === 'en') return t('yearFy', { year });
  if (year >= 2019) return year === 2019 ? 'R元' : `R${year - 2018}`;
  if (year >= 1989) return year === 1989 ? 'H元' : `H${year - 1988}`;
  return String(year);
}

const GRADE_NAMES_EN: Readonly<Record<Grade, string>> = {
  A: 'achieved',
  B: 'on track',
  C: 'needs effort',
  D: 'behind',
  X: 'not judged',
  廃止: 'abolished',
};

/** The grade's label: the city's own in Japanese, a fixed translation in English. */
export function gradeLabel(grade: Grade, cityLabels: Readonly<Record<Grade, string>>): string {
  return current === 'en' ? GRADE_NAMES_EN[grade] : cityLabels[grade];
}
