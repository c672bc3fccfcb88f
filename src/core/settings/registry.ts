/**
 * Every setting a user can choose, listed once: its name, type, default, Japanese and English label, help,
 * command-line flag and pane control. The CLI's options and help, the pane's settings form, the report's
 * JSON Schema and the workbook's saved settings are made from this list or checked against it
 * (tests/core/settings/registry.test.ts), so a setting cannot exist on one surface and not on another.
 * The words of each setting (labels, help, flag) are in setting-texts.json, under the setting's key.
 *
 * Kept out of the pane's first script (the 設定 tab imports it in its own chunk): parse.ts does not use it.
 */
import type { Settings } from '../types';
import { DEFAULT_SETTINGS } from './defaults';
import SETTING_TEXTS from './setting-texts.json';

export type SettingType =
  'preset' | 'enum' | 'boolean' | 'number' | 'year' | 'scale' | 'mappings' | 'rows' | 'text';

/** The cards of the pane's 設定 tab, top to bottom (src/taskpane/ui/settings). */
export type SettingsCard = 'grading' | 'year' | 'output' | 'mapping' | 'meeting';

/** Where the pane offers a setting: the tab, the card on the 設定 tab, and the control's `data-testid`. */
export interface PaneControl {
  readonly tab: 'settings' | 'clerk';
  readonly testId: string;
  /** The 設定 tab's card that shows it; absent on the clerk's tab. */
  readonly card?: SettingsCard;
  /** A box in the pane where the type takes a value: `--previous-year R5|auto` is ticked for the year before. */
  readonly checkbox?: boolean;
}

export interface LanguageText {
  readonly ja: string;
  readonly en: string;
}

/** One value of an `enum` setting, as the pane's drop-down names it. */
export interface SettingChoice {
  readonly value: string;
  readonly label: LanguageText;
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
  readonly label: LanguageText;
  /** One line for the CLI's help, and the pane's line of help unless `paneHelp` says it for the control. */
  readonly help: LanguageText;
  /** The line of help under the pane's control, where the CLI's line speaks of a flag (`--no-tint`). */
  readonly paneHelp?: LanguageText;
  /** The values of an `enum` setting, in the order the pane offers them. */
  readonly choices?: readonly SettingChoice[];
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

type SettingKey = keyof typeof SETTING_TEXTS;

/** A setting the workbook saves, chosen on the pane's 設定 tab in `card` with the control `testId`. */
function saved(
  key: SettingKey,
  type: SettingType,
  defaultValue: SettingDefinition['defaultValue'],
  card: SettingsCard,
  testId: string,
  checkbox = false,
): SettingDefinition {
  return {
    key,
    type,
    defaultValue,
    ...SETTING_TEXTS[key],
    pane: { tab: 'settings', card, testId, ...(checkbox ? { checkbox } : {}) },
    scope: 'workbook',
  };
}

/** A setting for one run only: never saved, none unless given. */
function forRun(key: SettingKey, type: SettingType, pane: SettingDefinition['pane']): SettingDefinition {
  return { key, type, defaultValue: null, ...SETTING_TEXTS[key], pane, scope: 'run' };
}

export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  saved('preset', 'preset', D.preset, 'grading', 'preset'),
  saved('basis', 'enum', D.basis, 'grading', 'basis'),
  saved('scale', 'scale', null, 'grading', 'grade-scale'),
  saved('interimPath', 'boolean', D.interimPath, 'grading', 'interim-path'),
  saved('trendTolerance', 'number', D.trendTolerance, 'grading', 'trend-tolerance'),
  saved('evaluationYear', 'year', D.evaluationYear, 'year', 'year'),
  saved('rowTint', 'boolean', D.rowTint, 'output', 'row-tint'),
  saved('paperSize', 'enum', D.paperSize, 'output', 'paper'),
  saved('columnMappings', 'mappings', null, 'mapping', 'column-mapping'),
  saved('commentColumns', 'boolean', false, 'meeting', 'comment-columns'),
  saved('previousYearColumns', 'year', false, 'meeting', 'previous-year-columns', true),
  forRun('directionOverrides', 'rows', 'sheet'),
  forRun('department', 'text', { tab: 'clerk', testId: 'department' }),
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
