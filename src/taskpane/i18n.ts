/**
 * The pane's words: Japanese, or English when Office's display language is English. Messages that
 * come from the core (data issues, layout failures, notices) are Japanese and shown as they are.
 */
import { gradeLabelOf } from '../core/settings';
import type { FiscalYear, Grade, GradeScale } from '../core/types';

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
  evaluated:
    '評価しました: {year} の KPI {judged} 件を判定し（廃止 {abolished} 件は数えません）、シートとサマリーに書き込みました。',
  listSeparator: '、',
  yearUnknown: '年度不明',
  evaluatedSheets:
    '評価しました: {year} の {count} シート ({names}) の KPI {judged} 件を判定し（廃止 {abolished} 件は数えません）、各シートと 1 つのサマリーに書き込みました。',
  printed: '印刷の設定をしました: {count} シート。一覧は「印刷」タブにあります。',
  skipped: '{count} か所は書き込めませんでした: {reasons}',
  results: '評価結果（基本目標ごとの件数）',
  resultsPending: '「評価する」を押すと、判定をシートに書き込み、件数をここに表示します。',
  resultsStale:
    '設定が変わりました。ここの件数は新しい設定によるもので、シートとサマリーはまだ前の設定のままです。「評価する」で書き込みます。',
  editedStale:
    '前回の評価のあと {count} 行の値が変わりました。その行の判定は更新済みですが、サマリーシート（KPI評価サマリー）の件数は前回のままで、ここの件数と違うことがあります。「評価する」で更新します。',
  heldSettings: '評価できません: {problem} 「設定」タブで直すと「評価する」が使えます。',
  judgedColumn: '判定数',
  overallLine: '全体: 判定 {judged} 件（廃止 {abolished} 件は数えません）、達成割合 {share}',
  achievedShareHelp: '達成割合 = 判定数のうち A の割合。件数の数え方はサマリーシートと同じです。',
  gradeXHelp: 'X 評価不能 = 値か目標が足りず判定できない KPI（判定数に入ります）。廃止は判定数に入りません。',
  evaluateHelp:
    '判定を表の右の列に書き込み、サマリーシートと印刷設定を作り直します。元の表のセルは変えません。',
  reloadHelp: '開いているシートを読み直します。前の結果のメッセージは消えます。',
  columnsTitle: 'シートに書き込む列の見方',
  colLatest:
    '最新値: 評価に使った値。「14人 (R5)」の (R5) は、評価年度の値がないため R5 の値を使ったという意味です。',
  colRates: '達成率 = 実績 ÷ 目標。進捗率 = 基準値から目標までのうち進んだ割合。',
  colTrend: '傾向: 基準値と比べて ↗ 良くなった、→ 変わらない、↘ 悪くなった（方向を考えて）。',
  colGrade: '判定: A〜D はしきい値で決まります。X 評価不能、廃止は判定数に入りません。',
  colDirection:
    '方向: ↑ 多いほど良い、↓ 少ないほど良い。方向のセルを選ぶと ▼ で選べ、変えるとその行の判定が変わります。',
  goalColumn: '基本目標',
  overall: '全体',
  judged: '対象',
  settingsTitle: '評価の設定',
  settingsSaved: '設定は「評価する」でブックに保存されます。',
  presetStandard: '標準（達成率 100・80・60）',
  presetProgress: '進捗重視（進捗率 100・80・50）',
  presetCircles: '◎○△×（達成率 100・80・60）',
  presetSabc: 'S/A/B/C（達成率 120・100・80）',
  presetAchieved: '達成/未達成（目標に届いたかどうか）',
  custom: 'カスタム',
  thresholdsHelp: '「率が次以上」は上で選んだ基準（達成率または進捗率）の % です。',
  yearAuto: '自動（最新の実績年度: {year}）',
  settingsProblems: '保存されていた設定の一部を使えませんでした: {problems}',
  clerkTitle: '担当課の入力状況',
  clerkHelp:
    'KPI を選ぶと、{year} の値を入れるセルに移動します。値は数と単位で（例: 40人）入力すると、判定がすぐ更新されます。',
  allDepartments: 'すべての担当課',
  lookAlike:
    '「{odd}」（{oddCount} 件）は「{like}」（{likeCount} 件）とよく似た名前です。同じ課なら担当課の列の書き方を揃えてください。',
  showDepartment: '「{department}」を表示',
  itemLatest: '値 {value}',
  itemNoValue: '値なし',
  itemTarget: '目標 {value}',
  itemRateAchievement: '達成率 {rate}',
  itemRateProgress: '進捗率 {rate}',
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
  printDone: '印刷の準備ができたシート',
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
  evaluated:
    'Evaluated: judged {judged} KPIs for {year} ({abolished} abolished not counted) and wrote the grades and the summary sheet.',
  listSeparator: ', ',
  yearUnknown: 'year unknown',
  evaluatedSheets:
    'Evaluated: judged {judged} KPIs on {count} sheets ({names}) for {year} ({abolished} abolished not counted) and wrote the grades on each sheet and one summary sheet.',
  printed: 'Set up printing for {count} sheet(s). The Print tab lists them.',
  skipped: '{count} could not be written: {reasons}',
  results: 'Results (count per grade by goal)',
  resultsPending: 'Press Evaluate to write the grades into the sheet and see the counts here.',
  resultsStale:
    'Settings changed. These counts use the new settings; the sheet and the summary still show the old ones. Press Evaluate to write them.',
  editedStale:
    'Values changed in {count} row(s) after the last evaluation. Their grades are updated, but the summary sheet (KPI評価サマリー) still has the old counts, which may differ from these. Press Evaluate to update it.',
  heldSettings: 'Cannot evaluate: {problem} Fix it on the Settings tab to evaluate again.',
  judgedColumn: 'Judged',
  overallLine: 'Total: {judged} judged ({abolished} abolished not counted), share achieved {share}',
  achievedShareHelp: 'Share achieved = judged KPIs graded A. Counted the same way as the summary sheet.',
  gradeXHelp:
    'X not judged = a value or target is missing (counted as judged). Abolished KPIs are not counted.',
  evaluateHelp:
    'Writes the grades in columns to the right of the table and rebuilds the summary sheet and print setup. The table’s own cells are not changed.',
  reloadHelp: 'Reads the open sheet again and clears earlier messages.',
  columnsTitle: 'How to read the columns added to the sheet',
  colLatest:
    '最新値 (latest): the value judged. “14人 (R5)”: (R5) means the evaluation year had no value, so R5’s was used.',
  colRates: '達成率 = actual ÷ target. 進捗率 = share of the way from baseline to target.',
  colTrend: '傾向 (trend): against the baseline, ↗ better, → same, ↘ worse (in the KPI’s direction).',
  colGrade: '判定 (grade): A–D by the thresholds. X not judged; abolished KPIs are not counted.',
  colDirection:
    '方向 (direction): ↑ higher is better, ↓ lower is better. Select its cell to pick from ▼; changing it re-grades the row.',
  goalColumn: 'Goal',
  overall: 'Total',
  judged: 'Judged',
  settingsTitle: 'Evaluation settings',
  settingsSaved: 'Settings are saved in the workbook when you press Evaluate.',
  presetStandard: 'Standard (achievement 100 / 80 / 60)',
  presetProgress: 'Progress-focused (progress 100 / 80 / 50)',
  presetCircles: '◎○△× (achievement 100 / 80 / 60)',
  presetSabc: 'S/A/B/C (achievement 120 / 100 / 80)',
  presetAchieved: 'Achieved / not achieved (target reached or not)',
  custom: 'Custom',
  thresholdsHelp: '“Rate at least” is in percent of the basis chosen above (achievement or progress).',
  yearAuto: 'Automatic (latest actual year: {year})',
  settingsProblems: 'Some saved settings could not be used: {problems}',
  clerkTitle: 'Department input status',
  clerkHelp:
    'Choose a KPI to go to the cell for its {year} value. Type a number with its unit (e.g. 40人); the grade updates at once.',
  allDepartments: 'All departments',
  lookAlike:
    '“{odd}” ({oddCount}) looks like “{like}” ({likeCount}). If they are one department, write its name the same way.',
  showDepartment: 'Show “{department}”',
  itemLatest: 'value {value}',
  itemNoValue: 'no value',
  itemTarget: 'target {value}',
  itemRateAchievement: 'achievement {rate}',
  itemRateProgress: 'progress {rate}',
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
  printDone: 'Sheets ready to print',
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
  // 0: a table that names no year anywhere (UNKNOWN_YEAR in core/read).
  if (year === 0) return t('yearUnknown');
  if (current === 'en') return t('yearFy', { year });
  if (year >= 2019) return year === 2019 ? 'R元' : `R${year - 2018}`;
  if (year >= 1989) return year === 1989 ? 'H元' : `H${year - 1988}`;
  return String(year);
}

/** English for the presets' labels; a city's own labels show as written. */
const LABELS_EN: Readonly<Record<string, string>> = {
  達成: 'achieved',
  概ね順調: 'on track',
  要努力: 'needs effort',
  遅れ: 'behind',
  未達成: 'not achieved',
  目標を大きく上回る: 'well above target',
  評価不能: 'not judged',
  廃止: 'abolished',
};

/** The grade's label on the scale: the city's own in Japanese, the presets' translated in English. */
export function gradeLabel(grade: Grade, scale: GradeScale): string {
  const label = gradeLabelOf(scale, grade);
  return current === 'en' ? (LABELS_EN[label] ?? label) : label;
}

/** The grade as a chip shows it: the code (`D`), and `Abolished` for 廃止 in English. */
export function gradeCode(grade: Grade): string {
  return current === 'en' && grade === '廃止' ? 'Abolished' : grade;
}

/** Code and label (`D 遅れ`, `D behind`); the label alone where it is the code (`廃止`, `Abolished`). */
export function gradeName(grade: Grade, scale: GradeScale): string {
  const code = gradeCode(grade);
  const label = gradeLabel(grade, scale);
  return label.toLowerCase() === code.toLowerCase() ? code : `${code} ${label}`;
}

const PRESET_KEYS: Readonly<Record<string, MessageKey>> = {
  標準: 'presetStandard',
  進捗率: 'presetProgress',
  '◎○△×': 'presetCircles',
  'S/A/B/C': 'presetSabc',
  '達成/未達成': 'presetAchieved',
};

/** A preset's name for the pane, saying what it sets (the saved name stays the core's: 標準, 進捗率 …). */
export function presetLabel(name: string): string {
  const key = PRESET_KEYS[name];
  return key ? t(key) : name;
}

/** 35.9% from 0.359, as the sheet formats rates (0.0%). */
export function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}
