/** The grade scale as data: presets, levels and conditions, validation that says why. */
import { evaluate, evaluateKpi, levelIndex } from '../../../src/core/evaluate';
import {
  ACHIEVED_SCALE,
  DEFAULT_SETTINGS,
  PRESETS,
  STANDARD_SCALE,
  gradeSymbols,
  presetNameFor,
  validateScale,
} from '../../../src/core/settings';
import type { GradeLevel, GradeScale, Settings } from '../../../src/core/types';
import { age, kpi, num, pct, presence, sheetOf } from './build';
import * as seed from './seeds';

const at = (settings: Settings) => (row: Parameters<typeof evaluateKpi>[0]) =>
  evaluateKpi(row, 2024, settings);

/** A KPI at a given 達成率 in R6 (the target year): 100 as target, the rate as the actual. */
function atRate(rate: number) {
  return kpi({
    row: 7,
    name: '登録者数',
    baseline: num(0, '人'),
    actuals: [0, 0, 0, 0, rate].map((v) => num(v, '人')),
    target: num(100, '人'),
  });
}

describe('presets: the ways cities print their grades', () => {
  it('offers 標準, 進捗率, ◎○△×, S/A/B/C and 達成/未達成, 標準 first', () => {
    expect(Object.keys(PRESETS)).toEqual(['標準', '進捗率', '◎○△×', 'S/A/B/C', '達成/未達成']);
    for (const preset of Object.values(PRESETS)) expect(validateScale(preset.scale)).toEqual([]);
  });

  it.each([
    ['標準', [130, 100, 99.9, 80, 79.9, 60, 59.9, 0], ['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']],
    ['◎○△×', [100, 85, 65, 10], ['◎', '○', '△', '×']],
    ['S/A/B/C', [125, 120, 119, 100, 80, 79], ['S', 'S', 'A', 'A', 'B', 'C']],
    ['達成/未達成', [100, 99.9, 250, 0], ['○', '×', '○', '×']],
  ] as const)('%s on 達成率', (name, rates, grades) => {
    const judge = at(PRESETS[name]);
    expect(rates.map((r) => judge(atRate(r)).grade)).toEqual(grades);
  });

  it('進捗率 grades progress from the baseline on 100 / 80 / 50', () => {
    const judge = at(PRESETS['進捗率']);
    // 空き家バンク 63 → 147 of 150: progress 84 / 87 = 96.6 % → B; 創業者数 15 → 14 of 39: negative → D.
    expect(judge(seed.空き家バンク)).toMatchObject({ grade: 'B', basisUsed: 'progress' });
    expect(judge(seed.創業者数).grade).toBe('D');
    const half = kpi({
      row: 3,
      name: '件数',
      baseline: num(0, '件'),
      actuals: [0, 0, 0, 0, 50].map((v) => num(v, '件')),
      target: num(100, '件'),
    });
    expect(judge(half).grade).toBe('C');
  });

  it('rank is the place on the scale, 1 = best; X and 廃止 have none', () => {
    const judge = at(PRESETS['◎○△×']);
    expect([100, 85, 65, 10].map((r) => judge(atRate(r)).rank)).toEqual([1, 2, 3, 4]);
    expect(judge(seed.工業団地)).toMatchObject({ grade: '廃止', rank: null });
    expect(judge(kpi({ row: 9, name: '未定', actuals: [num(1, '件')] }))).toMatchObject({
      grade: 'X',
      rank: null,
    });
  });

  it('age limits and presences: reached is the scale’s 達成 level, one short of 有 the level above the lowest', () => {
    const short = kpi({
      row: 4,
      name: '不育治療助成',
      baseline: presence('none', '無'),
      actuals: [presence('partial', '不育のみ有')],
      target: presence('present', '有'),
    });
    expect(evaluateKpi(short, 2020, PRESETS['◎○△×']).grade).toBe('△');
    expect(evaluateKpi(short, 2020, PRESETS['達成/未達成']).grade).toBe('×');
    expect(at(PRESETS['S/A/B/C'])(seed.子ども医療費).grade).toBe('A');
    const younger = kpi({
      row: 5,
      name: '医療費',
      actuals: [age(12, '小6まで')],
      target: age(15, '中3まで'),
    });
    expect(evaluateKpi(younger, 2020, PRESETS['達成/未達成']).grade).toBe('×');
  });

  it('no rate at all: achieved counts as 100 %, anything else as the lowest level', () => {
    expect(levelIndex(PRESETS['S/A/B/C'].scale, null, true)).toBe(1);
    expect(levelIndex(STANDARD_SCALE, null, false)).toBe(3);
    expect(at(PRESETS['◎○△×'])(seed.移動数).grade).toBe('×');
  });
});

describe('a city’s own scale', () => {
  const five: GradeScale = {
    ...STANDARD_SCALE,
    levels: [
      {
        symbol: 'S',
        label: '大きく上回る',
        color: '#A9D08E',
        condition: { kind: 'rate', min: 110 },
        followUp: false,
      },
      { symbol: 'A', label: '達成', color: '#C6EFCE', condition: { kind: 'achieved' }, followUp: false },
      { symbol: 'B', label: '順調', color: '#DDEBF7', condition: { kind: 'rate', min: 90 }, followUp: false },
      {
        symbol: 'C',
        label: 'やや遅れ',
        color: '#FFEB9C',
        condition: { kind: 'rate', min: 50 },
        followUp: true,
      },
      { symbol: 'D', label: '遅れ', color: '#FFC7CE', condition: { kind: 'otherwise' }, followUp: true },
    ],
  };
  const custom: Settings = { ...DEFAULT_SETTINGS, preset: 'カスタム', scale: five };

  it('five levels, one of them “achieved”, grade and count as the city set them', () => {
    const judge = at(custom);
    expect([115, 100, 95, 60, 10].map((r) => judge(atRate(r)).grade)).toEqual(['S', 'A', 'B', 'C', 'D']);
    const evaluation = evaluate(
      sheetOf(...[115, 100, 95, 60, 10].map((r, i) => ({ ...atRate(r), id: `R${i}`, row: i + 1 }))),
      custom,
    );
    expect(evaluation.summary.overall.counts).toEqual({ S: 1, A: 1, B: 1, C: 1, D: 1, X: 0, 廃止: 0 });
    // S and A mean achieved; C and D are followed up.
    expect(evaluation.summary.overall.achievedShare).toBeCloseTo(2 / 5, 9);
    expect(evaluation.summary.followUps.map((f) => f.grade)).toEqual(['C', 'D']);
    expect(presetNameFor(custom)).toBe('カスタム');
    expect(presetNameFor({ basis: 'achievement', scale: ACHIEVED_SCALE })).toBe('達成/未達成');
    expect(gradeSymbols(five)).toEqual(['S', 'A', 'B', 'C', 'D', 'X', '廃止']);
  });
});

describe('an invalid scale cannot be saved and says why, in Japanese and English', () => {
  const level = (
    symbol: string,
    condition: GradeLevel['condition'],
    extra: Partial<GradeLevel> = {},
  ): GradeLevel => ({
    symbol,
    label: `${symbol}の名前`,
    color: '#C6EFCE',
    condition,
    followUp: false,
    ...extra,
  });
  const scaleOf = (...levels: GradeLevel[]): GradeScale => ({ ...STANDARD_SCALE, levels });
  const otherwise = { kind: 'otherwise' } as const;
  const rate = (min: number) => ({ kind: 'rate', min }) as const;

  it.each([
    [
      'thresholds out of order',
      scaleOf(level('A', rate(80)), level('B', rate(100)), level('C', otherwise)),
      'thresholdOrder',
      '2段目: しきい値 100% は1段目より小さくしてください (上の段階ほど高い率)',
      "Level 2: threshold 100% must be below Level 1's (higher levels need higher rates)",
    ],
    [
      'an empty symbol',
      scaleOf(level('A', rate(100)), level(' ', otherwise)),
      'emptySymbol',
      '2段目: 記号が空です',
      'Level 2: the symbol is empty',
    ],
    [
      'a repeated symbol',
      scaleOf(level('A', rate(100)), level('A', otherwise)),
      'duplicateSymbol',
      '2段目: 記号「A」が1段目と同じです',
      'Level 2: symbol "A" is the same as Level 1',
    ],
    [
      'a symbol starting another',
      scaleOf(level('A', rate(100)), level('AA', otherwise)),
      'prefixSymbol',
      '2段目: 記号「AA」が「A」で始まるため判定セルから区別できません',
      'Level 2: symbol "AA" starts with "A", so the grade cell cannot tell them apart',
    ],
    [
      'X taken for a level',
      scaleOf(level('A', rate(100)), level('X', otherwise)),
      'reservedSymbol',
      '2段目: 「X」は評価不能 (X) と廃止のための記号です',
      'Level 2: "X" is kept for X (not judged) and 廃止 (abolished)',
    ],
    [
      'a last level that is not “otherwise”',
      scaleOf(level('A', rate(100)), level('B', rate(50))),
      'lastNotOtherwise',
      '2段目: 最後の段階は「それ以外」にしてください (どの KPI もいずれかの段階に入るように)',
      'Level 2: the last level must be "otherwise", so every KPI gets a level',
    ],
    [
      '“otherwise” above the last level',
      scaleOf(level('A', otherwise), level('B', otherwise)),
      'otherwiseNotLast',
      '1段目: 「それ以外」は最後の段階だけに使えます',
      'Level 1: only the last level can be "otherwise"',
    ],
    [
      'one level only',
      scaleOf(level('A', otherwise)),
      'tooFewLevels',
      '段階は 2 つ以上にしてください',
      'A scale needs at least two levels',
    ],
    [
      'a negative threshold',
      scaleOf(level('A', rate(-5)), level('B', otherwise)),
      'badThreshold',
      '1段目: しきい値は 0 以上の数にしてください',
      'Level 1: the threshold must be a number of 0 or more',
    ],
    [
      'a colour that is not #RRGGBB',
      scaleOf(level('A', rate(100), { color: 'green' }), level('B', otherwise)),
      'badColor',
      '1段目: 色は #RRGGBB で指定してください',
      'Level 1: give the colour as #RRGGBB',
    ],
    [
      '“achieved” below an 80 % level',
      scaleOf(level('B', rate(80)), level('A', { kind: 'achieved' }), level('C', otherwise)),
      'achievedAfterRate',
      '2段目: 「達成」は 100% 未満のしきい値の段階より上に置いてください',
      'Level 2: "achieved" must come above every level with a threshold below 100%',
    ],
  ] as const)('%s', (_case, scale, kind, ja, en) => {
    expect(validateScale(scale)).toContainEqual(expect.objectContaining({ kind, ja, en }));
  });

  it('a valid scale has no problems', () => {
    expect(validateScale(ACHIEVED_SCALE)).toEqual([]);
  });
});

describe('percent KPIs and a scale', () => {
  it('受診率 33.6 % of 42 % is exactly 80 %: B on 標準, ○ on ◎○△×', () => {
    const row = kpi({ row: 8, name: '受診率', actuals: [pct(33.6)], target: pct(42) });
    expect(evaluateKpi(row, 2024, DEFAULT_SETTINGS).grade).toBe('B');
    expect(evaluateKpi(row, 2024, PRESETS['◎○△×']).grade).toBe('○');
  });
});
