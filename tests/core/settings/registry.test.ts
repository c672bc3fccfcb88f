/**
 * Every setting in the registry is on every surface: an option of evaluate and of settings, with its help;
 * in the report's JSON Schema; read back by the saved-settings parser (the run-only ones never saved); and
 * with a text for `kpi-sheet settings`. The pane's form is checked against PANE_SETTINGS by the pane's tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EVALUATE_HELP } from '../../../src/cli/evaluate';
import { REPORT_SCHEMA_VERSION } from '../../../src/cli/evaluate-json';
import { EVALUATE_OPTIONS } from '../../../src/cli/options';
import { SETTINGS_HELP, SETTINGS_OPTIONS } from '../../../src/cli/settings-command';
import { DEFAULT_SETTINGS, parseSettings, PRESETS, serializeSettings } from '../../../src/core/settings';
import {
  PANE_SETTINGS,
  SETTING_DEFINITIONS,
  settingFields,
  storedKeys,
  type SettingDefinition,
} from '../../../src/core/settings/registry';
import { settingText } from '../../../src/core/settings/setting-text';
import type { Settings } from '../../../src/core/types';

const SCHEMA = JSON.parse(
  readFileSync(
    path.join(__dirname, '..', '..', '..', 'schema', `report-v${REPORT_SCHEMA_VERSION}.schema.json`),
    'utf8',
  ),
) as {
  properties: Record<string, unknown>;
  $defs: { settings: { properties: Record<string, unknown> } };
};

const WORKBOOK = SETTING_DEFINITIONS.filter((d) => d.scope === 'workbook');
const RUN = SETTING_DEFINITIONS.filter((d) => d.scope === 'run');

/** A value other than the default, by the setting's type: what a user would choose instead. */
function chosen(d: SettingDefinition): Partial<Settings> {
  const other = PRESETS[Object.keys(PRESETS).find((name) => name !== DEFAULT_SETTINGS.preset)!];
  switch (d.type) {
    case 'preset':
      return { preset: other.preset, basis: other.basis, scale: other.scale };
    case 'scale':
      return { scale: other.scale };
    case 'boolean':
      return { [d.key]: !(DEFAULT_SETTINGS[d.key as keyof Settings] ?? false) };
    case 'enum':
      return d.key === 'basis' ? { basis: 'progress' } : { paperSize: 'A3' };
    case 'number':
      return { [d.key]: 0.1 };
    case 'year':
      return d.key === 'previousYearColumns'
        ? { previousYearColumns: true, previousYear: 2022 }
        : { [d.key]: 2023 };
    case 'mappings':
      return {
        columnMappings: [
          {
            sheet: 'KPI一覧',
            headerRow: 3,
            headerTop: 3,
            source: 'user',
            columns: [
              { col: 1, role: 'name', year: null, header: 'KPI' },
              { col: 3, role: 'baseline', year: 2019, header: '基準値' },
              { col: 5, role: 'target', year: 2024, header: '目標値' },
            ],
          },
        ],
      };
    default:
      throw new Error(`no sample value for ${d.key} (${d.type}): add one here`);
  }
}

describe('the registry lists each setting once', () => {
  test('keys and flags are unique, every label and help in Japanese and English', () => {
    expect(new Set(SETTING_DEFINITIONS.map((d) => d.key)).size).toBe(SETTING_DEFINITIONS.length);
    expect(new Set(SETTING_DEFINITIONS.map((d) => d.cli.flag)).size).toBe(SETTING_DEFINITIONS.length);
    for (const d of SETTING_DEFINITIONS) {
      expect(d.label.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(d.label.en).toMatch(/^[\x20-\x7e’]+$/);
      expect(d.help.ja).not.toBe('');
      expect(d.help.en).not.toBe('');
    }
  });
});

describe('every setting is a command-line option, shown in the help', () => {
  test.each(SETTING_DEFINITIONS.map((d) => [d.key, d]))('%s', (_key, d) => {
    for (const options of [EVALUATE_OPTIONS, SETTINGS_OPTIONS]) {
      const option = options.find((o) => o.name === d.cli.flag);
      expect(option).toBeDefined();
      expect(option!.kind).toBe(d.cli.valueName === undefined ? 'flag' : 'value');
    }
    for (const help of [EVALUATE_HELP, SETTINGS_HELP]) {
      const line = help
        .split('\n')
        .find((l) => l.trimStart().startsWith(d.cli.flag + ' ') || l.trim() === d.cli.flag);
      expect(line).toContain(d.help.ja);
      if (d.cli.valueName !== undefined) expect(line).toContain(d.cli.valueName);
    }
  });
});

describe('every setting is in the report’s JSON Schema', () => {
  test.each(SETTING_DEFINITIONS.map((d) => [d.key, d]))('%s', (_key, d) => {
    // A run's 担当課 is the report's own field; every other setting is one of the report's settings.
    if (d.key === 'department') expect(SCHEMA.properties).toHaveProperty('department');
    else
      for (const field of settingFields(d.key))
        expect(SCHEMA.$defs.settings.properties).toHaveProperty(field);
  });
});

describe('every workbook setting is saved and read back by the saved-settings parser', () => {
  test.each(WORKBOOK.map((d) => [d.key, d]))('%s', (_key, d) => {
    const settings: Settings = { ...DEFAULT_SETTINGS, ...chosen(d) };
    const text = serializeSettings(settings);
    const parsed = parseSettings(text);
    expect(parsed.problems).toEqual([]);
    for (const field of settingFields(d.key)) expect(parsed.settings[field]).toEqual(settings[field]);
    expect(storedKeys(text)).toContain(d.key);
    expect(settingText(d, parsed.settings, 'ja')).not.toBe(settingText(d, DEFAULT_SETTINGS, 'ja'));
  });

  test.each(RUN.map((d) => [d.key, d]))('%s is for one run: never saved', (_key, d) => {
    const text = serializeSettings({
      ...DEFAULT_SETTINGS,
      directionOverrides: [{ row: 12, direction: 'down' }],
    });
    expect(storedKeys(text)).not.toContain(d.key);
    expect(settingText(d, DEFAULT_SETTINGS, 'ja')).not.toBe('');
  });
});

describe('the pane’s form has a control for every setting not chosen on the sheet', () => {
  test('PANE_SETTINGS is the registry less the sheet’s own, each with a control id', () => {
    expect(PANE_SETTINGS.map((d) => d.key)).toEqual(
      SETTING_DEFINITIONS.filter((d) => d.pane !== 'sheet').map((d) => d.key),
    );
    expect(new Set(PANE_SETTINGS.map((d) => d.pane.testId)).size).toBe(PANE_SETTINGS.length);
  });

  test('each setting of the 設定 tab names its card, the clerk’s none; every choice has both languages', () => {
    for (const d of PANE_SETTINGS) {
      if (d.pane.tab === 'settings') expect(d.pane.card).toBeDefined();
      else expect(d.pane.card).toBeUndefined();
      expect(d.paneHelp?.ja ?? d.help.ja).not.toBe('');
      expect(d.paneHelp?.en ?? d.help.en).not.toBe('');
    }
    for (const d of SETTING_DEFINITIONS.filter((s) => s.type === 'enum')) {
      expect(d.choices?.map((c) => c.value)).toContain(d.defaultValue);
      for (const c of d.choices ?? []) expect(c.label.en).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});
