import {
  DEFAULT_SETTINGS,
  PRESETS,
  gradeLabelOf,
  gradeSymbols,
  parseSettings,
  rateThresholds,
  serializeSettings,
  withRateThresholds,
} from '../../../src/core/settings';
import type { Settings } from '../../../src/core/types';

/** Every label of the scale by symbol, X and 廃止 included. */
function labelsOf(settings: Settings): Record<string, string> {
  return Object.fromEntries(gradeSymbols(settings.scale).map((g) => [g, gradeLabelOf(settings.scale, g)]));
}

describe('presets', () => {
  it('標準 is 達成率 with 100/80/60 and is the default', () => {
    expect(PRESETS['標準'].basis).toBe('achievement');
    expect(rateThresholds(PRESETS['標準'].scale)).toEqual([100, 80, 60]);
    expect(DEFAULT_SETTINGS).toBe(PRESETS['標準']);
  });
  it('進捗率 is progress with 100/80/50', () => {
    expect(PRESETS['進捗率'].basis).toBe('progress');
    expect(rateThresholds(PRESETS['進捗率'].scale)).toEqual([100, 80, 50]);
  });
  it('labels: A 達成 … 廃止 廃止', () => {
    expect(labelsOf(DEFAULT_SETTINGS)).toEqual({
      A: '達成',
      B: '概ね順調',
      C: '要努力',
      D: '遅れ',
      X: '評価不能',
      廃止: '廃止',
    });
  });
});

describe('settings stored in the workbook: parse and serialize', () => {
  it('round-trips every preset without problems', () => {
    for (const preset of Object.values(PRESETS)) {
      expect(parseSettings(serializeSettings(preset))).toEqual({ settings: preset, problems: [] });
    }
  });

  it('round-trips custom settings', () => {
    const scale = withRateThresholds(DEFAULT_SETTINGS.scale, [100, 70, 40]) ?? DEFAULT_SETTINGS.scale;
    const custom: Settings = {
      ...DEFAULT_SETTINGS,
      preset: 'カスタム',
      scale: { ...scale, levels: scale.levels.map((l, i) => (i === 0 ? { ...l, label: '順調' } : l)) },
      interimPath: false,
      evaluationYear: 2023,
    };
    expect(parseSettings(serializeSettings(custom))).toEqual({ settings: custom, problems: [] });
  });

  it('empty or missing settings are the defaults, silently', () => {
    expect(parseSettings('')).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(parseSettings({})).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('a preset name alone gives that preset', () => {
    expect(parseSettings('{"preset":"進捗率"}').settings).toEqual(PRESETS['進捗率']);
  });

  it('broken JSON falls back to the defaults and says so', () => {
    const { settings, problems } = parseSettings('{basis: progress');
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toEqual(['保存された設定を JSON として読めないため、既定の設定を使います']);
  });

  it('a non-object falls back', () => {
    expect(parseSettings('[1,2]').problems).toEqual([
      '保存された設定の形式が不正なため、既定の設定を使います',
    ]);
  });

  it('bad fields fall back one by one, keeping the good ones', () => {
    const { settings, problems } = parseSettings(
      JSON.stringify({
        basis: 'progress',
        thresholds: { a: 60, b: 80, c: 100 },
        trendTolerance: 'x',
        evaluationYear: 20.5,
        paperSize: 'A3',
      }),
    );
    expect(rateThresholds(settings.scale)).toEqual([100, 80, 60]);
    expect(settings).toMatchObject({
      basis: 'progress',
      trendTolerance: 0,
      evaluationYear: null,
      paperSize: 'A3',
    });
    expect(problems).toEqual([
      '設定「thresholds」が不正なため既定値 (100/80/60) を使います',
      '設定「trendTolerance」が不正なため既定値 (0) を使います',
      '設定「evaluationYear」が不正なため既定値 (実績のある最新年度) を使います',
    ]);
  });

  it('a bad label falls back for that grade only', () => {
    const { settings, problems } = parseSettings({ labels: { A: '順調', B: 3 } });
    expect(labelsOf(settings)).toMatchObject({ A: '順調', B: '概ね順調' });
    expect(problems).toEqual(['設定「labels.B」が不正なため既定値 (概ね順調) を使います']);
  });
});
