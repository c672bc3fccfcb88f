/**
 * Judging the way each city judges: direction sources in order, a target below the baseline,
 * interim targets, 以上 / 以下, a target of 0 on a lower-is-better KPI, 数値目標 counted apart.
 */
import { evaluate, evaluateKpi, resolveDirection } from '../../../src/core/evaluate';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { Kpi, YearCell } from '../../../src/core/types';
import { kpi, num, pct, sheetOf } from './build';
import * as seed from './seeds';

const judge = (row: Kpi, year = 2024, settings = DEFAULT_SETTINGS) => evaluateKpi(row, year, settings);

function withInterims(row: Kpi, interims: readonly [number, number][]): Kpi {
  const cells: YearCell[] = interims.map(([year, value], i) => ({
    year,
    reading: num(value, '人'),
    cell: { row: row.row, col: 20 + i },
  }));
  return { ...row, interimTargets: cells };
}

describe('direction: the city’s 方向性 column wins, then the 方向 cell, then 以上/以下, then the name', () => {
  const 社会減 = kpi({
    row: 3,
    name: '社会減の数 (年間)',
    baseline: num(400, '人'),
    actuals: [num(330, '人')],
    target: num(200, '人'),
  });

  it.each([
    '社会減の数',
    '住宅火災の件数',
    '交通事故死傷者数',
    '社会的に孤立している高齢者の割合',
    '生活に困っている世帯数',
    '農作物の鳥獣被害額',
    '待機児童数',
    '特養待機者数',
  ])('%s is lower-is-better by its name', (name) => {
    expect(resolveDirection({ name, directionChoice: null })).toEqual({ direction: 'down', source: 'name' });
  });

  it('a countermeasure after the word keeps it higher-is-better (火災予防教室の開催回数)', () => {
    expect(resolveDirection({ name: '火災予防教室の開催回数', directionChoice: null }).direction).toBe('up');
  });

  it('the declared 方向性 beats the user’s 方向 cell and the name', () => {
    const declared = {
      ...社会減,
      declaredDirection: { direction: 'up' as const, cell: 'D3', raw: '増加を目指す' },
      directionChoice: 'down' as const,
    };
    expect(judge(declared)).toMatchObject({ direction: 'up', directionSource: 'declared' });
  });

  it('the user’s 方向 cell beats 以下 on the target and the name', () => {
    const row = {
      ...社会減,
      directionChoice: 'up' as const,
      target: { ...社会減.target!, reading: { ...num(200, '人'), qualifier: '以下' } },
    };
    expect(judge(row)).toMatchObject({ direction: 'up', directionSource: 'user' });
  });

  it('以上 / 以下 on the target mean at least / at most, over the name', () => {
    const atMost = kpi({
      row: 4,
      name: '不法投棄の件数',
      actuals: [num(45, '件')],
      target: { ...num(50, '件', '50件以下'), qualifier: '以下' },
    });
    expect(judge(atMost)).toMatchObject({
      direction: 'down',
      directionSource: 'target',
      achieved: true,
      grade: 'A',
    });
    const atLeast = kpi({
      row: 5,
      name: '事故防止講習の受講者数',
      actuals: [num(290, '人')],
      target: { ...num(300, '人', '300人以上'), qualifier: '以上' },
    });
    expect(judge(atLeast)).toMatchObject({
      direction: 'up',
      directionSource: 'target',
      achieved: false,
      grade: 'B',
    });
  });

  it('社会減 with a target half its baseline is lower-is-better: D at 40 %, not A', () => {
    const row = kpi({
      row: 3,
      name: '社会減の数 (年間)',
      baseline: num(400, '人'),
      actuals: [0, 0, 0, 0, 500].map((v) => num(v, '人')),
      target: num(200, '人'),
    });
    const e = judge(row);
    expect(e).toMatchObject({ direction: 'down', grade: 'D', directionToConfirm: false });
    expect(e.achievementRate).toBeCloseTo(0.4, 9);
  });
});

describe('a target below the baseline with nothing saying lower-is-better', () => {
  const population = kpi({
    row: 6,
    role: 'headline',
    name: '総人口',
    baseline: num(58000, '人'),
    actuals: [0, 0, 0, 0, 55500].map((v) => num(v, '人')),
    target: num(55000, '人'),
  });

  it('stays higher-is-better (a shrinking population’s target) and is graded so', () => {
    expect(judge(population)).toMatchObject({
      direction: 'up',
      directionSource: 'default',
      grade: 'A',
      directionToConfirm: true,
    });
  });

  it('is listed as a data issue naming the target cell and the row’s 方向 to set', () => {
    const issues = evaluate(sheetOf(population), DEFAULT_SETTINGS).summary.dataIssues;
    expect(issues).toEqual([
      {
        cell: 'K6',
        kind: 'directionToConfirm',
        message:
          '目標値 (K6: 55,000人) が基準値 (E6: 58,000人) を下回っていますが、増加を目指す指標として評価しました。減少を目指す指標なら、6行の「方向」を ↓ にしてください (総人口)',
      },
    ]);
  });

  it('is not listed once the user or the city set a direction', () => {
    expect(judge({ ...population, directionChoice: 'up' }).directionToConfirm).toBe(false);
    expect(
      judge({ ...population, declaredDirection: { direction: 'up', cell: 'D6', raw: '↑' } })
        .directionToConfirm,
    ).toBe(false);
  });
});

describe('interim targets (中間目標) are the target for their year and shape the path', () => {
  // Baseline H30 100, interim R2 (2020) 140, final R6 (2024) 160.
  const row = withInterims(
    kpi({
      row: 7,
      name: '登録者数',
      baseline: num(100, '人'),
      actuals: [130, 140, 146, 150, 150].map((v) => num(v, '人')),
      target: num(160, '人'),
    }),
    [[2020, 140]],
  );

  it('in the interim year the interim target is the target: 130 of 140 → B, noted', () => {
    const e = judge(row, 2020);
    expect(e).toMatchObject({ pathTarget: 140, grade: 'B' });
    expect(e.achievementRate).toBeCloseTo(130 / 140, 9);
    expect(e.notes).toContain('中間目標 R2: 140');
  });

  it('between interim and final, the line runs from the interim target, not the baseline: R4 → 150', () => {
    const e = judge(row, 2022);
    expect(e.pathTarget).toBeCloseTo(150, 9);
    expect(e.notes).toContain('按分目標 R4: 150');
  });

  it('with the path off, the next target in force: R4 is held to R6’s 160', () => {
    const e = judge(row, 2022, { ...DEFAULT_SETTINGS, interimPath: false });
    expect(e).toMatchObject({ pathTarget: 160 });
    expect(e.notes).toContain('次の目標 R6: 160');
  });

  it('several interim years on one row; at the final year the final target', () => {
    const two = withInterims(row, [
      [2020, 140],
      [2022, 150],
    ]);
    expect(judge(two, 2022)).toMatchObject({ pathTarget: 150, grade: 'B' });
    expect(judge(two, 2024)).toMatchObject({ pathTarget: null, grade: 'B' });
  });

  it('an interim target in another unit is not used', () => {
    const odd = { ...row, interimTargets: [{ year: 2020, reading: pct(50), cell: { row: 7, col: 20 } }] };
    expect(judge(odd, 2020).notes.some((n) => n.startsWith('中間目標'))).toBe(false);
  });
});

describe('a target of 0 on a lower-is-better KPI', () => {
  it('is achieved at 0', () => {
    const row = kpi({
      row: 8,
      name: '待機児童数',
      baseline: num(12, '人'),
      actuals: [0, 0, 0, 0, 0].map((v) => num(v, '人')),
      target: num(0, '人'),
    });
    expect(judge(row)).toMatchObject({ achieved: true, grade: 'A' });
    expect(judge(row).notes).toContain('目標0を達成');
  });

  it('otherwise is judged by progress from the baseline, with a note: 12 → 3 is 75 % of the way → C', () => {
    const row = kpi({
      row: 8,
      name: '待機児童数',
      baseline: num(12, '人'),
      actuals: [0, 0, 0, 0, 3].map((v) => num(v, '人')),
      target: num(0, '人'),
    });
    const e = judge(row);
    expect(e).toMatchObject({ grade: 'C', basisUsed: 'progress', achievementRate: 0 });
    expect(e.progressRate).toBeCloseTo(0.75, 9);
    expect(e.notes).toContain('目標0のため進捗率で判定');
  });

  it('with no progress to measure (baseline 0), 達成率 0 % → D, as the seed 待機児童 23人 vs 0人', () => {
    const e = judge(seed.待機児童);
    expect(e).toMatchObject({ grade: 'D', basisUsed: 'achievement', achievementRate: 0 });
    expect(e.notes).toContain('目標0: 基準値からの進捗を算出できないため達成率で判定');
  });
});

describe('数値目標 headlines are counted apart from the KPI rows', () => {
  it('overall counts the KPIs; headlines count the 数値目標', () => {
    const evaluation = evaluate(
      sheetOf(seed.移動数, seed.合計特殊出生率, seed.創業者数, seed.空き家バンク),
      DEFAULT_SETTINGS,
    );
    expect(evaluation.summary.overall).toMatchObject({
      judged: 2,
      counts: { A: 0, B: 1, C: 0, D: 1, X: 0, 廃止: 0 },
    });
    expect(evaluation.summary.headlines).toMatchObject({
      key: '数値目標',
      judged: 2,
      counts: { A: 0, B: 1, C: 0, D: 1, X: 0, 廃止: 0 },
    });
  });

  it('a sheet without headlines has an empty headline group', () => {
    const evaluation = evaluate(sheetOf(seed.創業者数), DEFAULT_SETTINGS);
    expect(evaluation.summary.headlines).toMatchObject({ judged: 0, achievedShare: null });
  });
});
