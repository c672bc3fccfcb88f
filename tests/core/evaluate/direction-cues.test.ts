/**
 * Direction from every cue a city uses: words stating the aim of less in the name (削減, 抑制, ゼロ), a target of
 * 0, the city's own direction column, and a conflict reported where a lower-is-better name meets a target
 * above the baseline.
 */
import { evaluate, evaluateKpi, resolveDirection } from '../../../src/core/evaluate';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { kpi, num, sheetOf } from './build';

describe('direction: the name, a target of 0, and disagreeing cues', () => {
  it.each([
    '一人当たり医療費の抑制',
    '温室効果ガス排出量の削減',
    '不法投棄件数の減少 (年間)',
    '交通事故死者ゼロ',
  ])('%s states the aim of less: lower is better', (name) => {
    expect(resolveDirection({ name, directionChoice: null })).toEqual({
      direction: 'down',
      source: 'name',
    });
  });

  it.each(['ごみ削減量', 'CO2排出の削減率', '医療費抑制の取組件数'])(
    '%s counts the reduction: higher is better',
    (name) => {
      expect(resolveDirection({ name, directionChoice: null }).direction).toBe('up');
    },
  );

  it('a target of 0 below a baseline above 0: fewer is better (the target says so)', () => {
    const row = kpi({
      row: 3,
      name: '不法投棄の通報件数',
      baseline: num(14, '件'),
      actuals: [num(6, '件')],
      target: num(0, '件'),
    });
    expect(evaluateKpi(row, 2024, DEFAULT_SETTINGS)).toMatchObject({
      direction: 'down',
      directionSource: 'target',
    });
  });

  it('net migration (転入−転出) with a target of 0 stays up: 0 is a balance', () => {
    const row = kpi({
      row: 4,
      name: '社会動態(転入−転出)',
      baseline: num(12, '人'),
      actuals: [num(-5, '人')],
      target: num(0, '人'),
    });
    expect(evaluateKpi(row, 2024, DEFAULT_SETTINGS)).toMatchObject({
      direction: 'up',
      directionSource: 'default',
    });
  });

  it('a lower-is-better name with a target above the baseline: no grade on a guess, a data issue instead', () => {
    const row = kpi({
      row: 5,
      name: '待機児童数',
      baseline: num(3, '人'),
      actuals: [num(5, '人')],
      target: num(8, '人'),
    });
    const judged = evaluateKpi(row, 2024, DEFAULT_SETTINGS);
    expect(judged).toMatchObject({ grade: 'X', directionToConfirm: true, achieved: null });
    expect(judged.notes.join(' ')).toContain('目標値 (8) が基準値 (3) を上回っています');
    const issues = evaluate(sheetOf(row), DEFAULT_SETTINGS).summary.dataIssues;
    expect(issues.find((i) => i.kind === 'directionToConfirm')?.message).toContain(
      '方向を決められないため評価していません',
    );
  });

  it('the city’s direction column settles a disagreement', () => {
    const row = kpi({
      row: 6,
      name: '待機児童数',
      baseline: num(3, '人'),
      actuals: [num(5, '人')],
      target: num(8, '人'),
    });
    const declared = { ...row, declaredDirection: { direction: 'up' as const, cell: 'F6', raw: '増加' } };
    expect(evaluateKpi(declared, 2024, DEFAULT_SETTINGS)).toMatchObject({
      direction: 'up',
      directionSource: 'declared',
      directionToConfirm: false,
    });
  });
});
