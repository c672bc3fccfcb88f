/**
 * Every setting a user can choose, listed once: its name, type, default, Japanese and English label, help,
 * command-line flag and pane control. The CLI's options and help, the pane's settings form, the report's
 * JSON Schema and the workbook's saved settings are made from this list or checked against it
 * (tests/core/settings/registry.test.ts), so a setting cannot exist on one surface and not on another.
 *
 * Kept out of the pane's first script (the 設定 tab imports it in its own chunk): parse.ts does not use it.
 */
import type { Settings } from '../types';
import { DEFAULT_SETTINGS } from './defaults';

export type SettingType =
  'preset' | 'enum' | 'boolean' | 'number' | 'year' | 'scale' | 'mappings' | 'rows' | 'text';

/** Where the pane offers a setting: the tab and the control's `data-testid`. */
export interface PaneControl {
  readonly tab: 'settings' | 'clerk';
  readonly testId: string;
}

export interface CliFlag {
  readonly flag: string;
  /** Shown in the help; absent: a flag without a value. */
  readonly valueName?: string;
  readonly repeatable?: boolean;
  /** A second flag that turns an on/off setting off for this run, over what the workbook saved. */
  readonly offFlag?: string;
}

export interface SettingDefinition {
  /** The Settings field, or the run option's name (`department`). */
  readonly key: string;
  readonly type: SettingType;
  /** As the saved settings and the JSON write it; null: none (the latest year, the sheet's own). */
  readonly defaultValue: string | number | boolean | null;
  readonly label: { readonly ja: string; readonly en: string };
  /** One line for the CLI's help and the pane's hint. */
  readonly help: { readonly ja: string; readonly en: string };
  readonly cli: CliFlag;
  /** `sheet`: chosen on the sheet itself (the 方向 cell's drop-down), not in the pane's form. */
  readonly pane: PaneControl | 'sheet';
  /**
   * `workbook`: saved in the workbook's settings and carried in the report's `settings`; `run`: for one run
   * only (a 担当課 to list, a row's direction that the plan writes into its 方向 cell).
   */
  readonly scope: 'workbook' | 'run';
}

const D = DEFAULT_SETTINGS;

export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  {
    key: 'preset',
    type: 'preset',
    defaultValue: D.preset,
    label: { ja: 'プリセット', en: 'Preset' },
    help: { ja: '設定のプリセット (評価段階と判定の基準)', en: 'Preset: grade scale and basis' },
    cli: { flag: '--preset', valueName: 'NAME' },
    pane: { tab: 'settings', testId: 'preset' },
    scope: 'workbook',
  },
  {
    key: 'basis',
    type: 'enum',
    defaultValue: D.basis,
    label: { ja: '判定の基準', en: 'Basis' },
    help: {
      ja: '判定の基準: 達成率 (achievement) か進捗率 (progress)',
      en: 'Grade on achievement or progress',
    },
    cli: { flag: '--basis', valueName: 'achievement|progress' },
    pane: { tab: 'settings', testId: 'basis' },
    scope: 'workbook',
  },
  {
    key: 'scale',
    type: 'scale',
    defaultValue: null,
    label: { ja: '評価段階', en: 'Grade scale' },
    help: {
      ja: '評価段階のしきい値 (%)、大きい順 (標準: A / B / C)',
      en: 'Rate thresholds of the levels, highest first',
    },
    cli: { flag: '--thresholds', valueName: '100,80,60' },
    pane: { tab: 'settings', testId: 'scale-level-0-rate' },
    scope: 'workbook',
  },
  {
    key: 'interimPath',
    type: 'boolean',
    defaultValue: D.interimPath,
    label: { ja: '按分目標と比べる', en: 'Interim targets' },
    help: {
      ja: '目標年度より前でも按分目標を使わず、最終目標と比べます',
      en: 'Compare with the final target, not the interim one',
    },
    cli: { flag: '--no-path' },
    pane: { tab: 'settings', testId: 'interim-path' },
    scope: 'workbook',
  },
  {
    key: 'trendTolerance',
    type: 'number',
    defaultValue: D.trendTolerance,
    label: { ja: '傾向 → の幅', en: 'Trend tolerance' },
    help: {
      ja: '傾向を → とみなす現状値からの変化の幅 (0.05 または 5%)',
      en: 'Change from the baseline still shown as → (5%)',
    },
    cli: { flag: '--tolerance', valueName: '0.05' },
    pane: { tab: 'settings', testId: 'trend-tolerance' },
    scope: 'workbook',
  },
  {
    key: 'evaluationYear',
    type: 'year',
    defaultValue: D.evaluationYear,
    label: { ja: '評価年度', en: 'Evaluation year' },
    help: {
      ja: '評価年度 (R5, 2023, 令和5年度; 既定: 実績のある最新年度)',
      en: 'Year judged (default: the latest with actuals)',
    },
    cli: { flag: '--year', valueName: 'R5' },
    pane: { tab: 'settings', testId: 'year' },
    scope: 'workbook',
  },
  {
    key: 'rowTint',
    type: 'boolean',
    defaultValue: D.rowTint,
    label: { ja: '行の色分け', en: 'Row tint' },
    help: { ja: '判定に応じて行を薄く色分けしません', en: 'Leave the rows untinted' },
    cli: { flag: '--no-tint' },
    pane: { tab: 'settings', testId: 'row-tint' },
    scope: 'workbook',
  },
  {
    key: 'paperSize',
    type: 'enum',
    defaultValue: D.paperSize,
    label: { ja: '用紙', en: 'Paper' },
    help: {
      ja: '印刷の用紙 (A4: KPI の表は 2 ページ幅、A3: 1 ページ幅。既定: A4)',
      en: 'Paper for printing (A4 or A3)',
    },
    cli: { flag: '--paper', valueName: 'A4|A3' },
    pane: { tab: 'settings', testId: 'paper' },
    scope: 'workbook',
  },
  {
    key: 'columnMappings',
    type: 'mappings',
    defaultValue: null,
    label: { ja: '列の割り当て', en: 'Column mapping' },
    help: {
      ja: '列の割り当て (inspect が表示する形。指定しない列は使いません。ブックに保存された割り当てより優先)',
      en: 'Which column holds what (as inspect prints it)',
    },
    cli: { flag: '--columns', valueName: "'row=3,A=name,C=baseline:2019,E=target:2024'" },
    pane: { tab: 'settings', testId: 'column-mapping' },
    scope: 'workbook',
  },
  {
    key: 'commentColumns',
    type: 'boolean',
    defaultValue: false,
    label: {
      ja: '「要因・分析」「今後の方向性」の入力列を追加する',
      en: 'Add input columns for factor analysis and outlook',
    },
    help: {
      ja: '各課が書く「要因・分析」「今後の方向性」の列を判定の右に加えます (書かれた内容は消えません)',
      en: 'Adds the columns departments write their analysis and outlook in',
    },
    cli: { flag: '--comments', offFlag: '--no-comments' },
    pane: { tab: 'settings', testId: 'comment-columns' },
    scope: 'workbook',
  },
  {
    key: 'previousYearColumns',
    type: 'year',
    defaultValue: false,
    label: {
      ja: '前年度の判定と前年比 (上昇・維持・低下) の列を追加する',
      en: 'Add the previous year’s grade and its change',
    },
    help: {
      ja: '「前年度判定」「前年比」の列を加えます (auto: 評価年度の前の年度、R5 のように年度も指定できます)',
      en: 'Adds the previous year’s grade and its change (auto or a year)',
    },
    cli: { flag: '--previous-year', valueName: 'R5|auto' },
    pane: { tab: 'settings', testId: 'previous-year-columns' },
    scope: 'workbook',
  },
  {
    key: 'directionOverrides',
    type: 'rows',
    defaultValue: null,
    label: { ja: '方向', en: 'Direction' },
    help: {
      ja: '行の方向を指定します (up: 高いほど良い、down: 低いほど良い、keep: シートのまま)。方向セルに書かれ、次回も使われます。繰り返し指定できます',
      en: 'A row’s direction (up, down, keep); written to its 方向 cell',
    },
    cli: { flag: '--direction', valueName: 'ROW=up|down|keep', repeatable: true },
    pane: 'sheet',
    scope: 'run',
  },
  {
    key: 'department',
    type: 'text',
    defaultValue: null,
    label: { ja: '担当課', en: 'Department' },
    help: {
      ja: 'この担当課の KPI だけを表・JSON・CSV に出します',
      en: 'Report only this department’s KPIs',
    },
    cli: { flag: '--department', valueName: 'NAME' },
    pane: { tab: 'clerk', testId: 'department' },
    scope: 'run',
  },
];

export type SettingSource = 'default' | 'workbook' | 'commandLine';

/** The settings the pane's form offers, with their controls: what a test of the form checks it against. */
export const PANE_SETTINGS: readonly (SettingDefinition & { readonly pane: PaneControl })[] =
  SETTING_DEFINITIONS.filter(
    (d): d is SettingDefinition & { readonly pane: PaneControl } => d.pane !== 'sheet',
  );

export function settingDefinition(key: string): SettingDefinition {
  const found = SETTING_DEFINITIONS.find((d) => d.key === key);
  if (!found) throw new Error(`no setting ${key}`);
  return found;
}

/** The keys of Settings that travel together with a registry entry (`--previous-year R5` sets both). */
export function settingFields(key: string): readonly (keyof Settings)[] {
  if (key === 'previousYearColumns') return ['previousYearColumns', 'previousYear'];
  if (key === 'preset') return ['preset', 'basis', 'scale'];
  return [key as keyof Settings];
}

/** Chosen together: any of them on the command line sets all of them (the rest from the defaults). */
export const JUDGING_KEYS: ReadonlySet<string> = new Set([
  'preset',
  'basis',
  'scale',
  'interimPath',
  'trendTolerance',
]);

/** The registry keys a saved settings text stores (version 1's `thresholds` and `labels` are the scale). */
export function storedKeys(json: unknown): ReadonlySet<string> {
  let data: unknown = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch {
      return new Set();
    }
  }
  if (typeof data !== 'object' || data === null) return new Set();
  const keys = new Set<string>();
  for (const key of Object.keys(data)) {
    if (key === 'thresholds' || key === 'labels') keys.add('scale');
    else if (key === 'previousYear') keys.add('previousYearColumns');
    else if (SETTING_DEFINITIONS.some((d) => d.key === key)) keys.add(key);
  }
  return keys;
}

export interface ChosenSettings {
  readonly settings: Settings;
  /** Where each registry key's value comes from. */
  readonly sources: Readonly<Record<string, SettingSource>>;
}

/**
 * The settings of a run: what the command line gave, else what the workbook saved, else the default. The
 * judging settings go as one group (a `--basis` asks for a judgement the saved scale was not made for); every
 * other setting one by one (`--paper A3` changes the paper only). `fromCommand` is the defaults with the
 * command line's values applied; `given` the registry keys the command line set.
 */
export function chooseSettings(
  fromCommand: Settings,
  given: ReadonlySet<string>,
  saved: { readonly settings: Settings; readonly stored: ReadonlySet<string> } | null,
): ChosenSettings {
  const judgingGiven = [...given].some((key) => JUDGING_KEYS.has(key));
  const merged: Record<string, unknown> = { ...(saved?.settings ?? fromCommand) };
  const sources: Record<string, SettingSource> = {};
  for (const { key, scope } of SETTING_DEFINITIONS) {
    const fromLine = JUDGING_KEYS.has(key) ? judgingGiven : given.has(key);
    if (fromLine || !saved || scope === 'run') {
      for (const field of settingFields(key)) merged[field] = fromCommand[field];
      sources[key] = given.has(key) ? 'commandLine' : 'default';
    } else {
      sources[key] = saved.stored.has(key) ? 'workbook' : 'default';
    }
  }
  for (const [field, value] of Object.entries(merged)) if (value === undefined) delete merged[field];
  return { settings: merged as unknown as Settings, sources };
}
