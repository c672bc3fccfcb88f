import { evaluate } from '../../src/core/evaluate';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Kpi } from '../../src/core/types';
import { historyChart } from '../../src/taskpane/ui/history-chart';
import { kpi, missing, num, sheetOf, text } from '../core/evaluate/build';
import * as seed from '../core/evaluate/seeds';

function chartOf(row: Kpi) {
  const evaluation = evaluate(sheetOf(row), DEFAULT_SETTINGS).kpis[0];
  return historyChart(row, evaluation, DEFAULT_SETTINGS.scale);
}

describe('history chart: one point per year with a value, in the plot’s coordinates', () => {
  // 創業支援事業による創業者数: H30 15人, R2–R6 8, 18, 25, 25, 14人, target R6 39人 (D).
  const chart = chartOf(seed.創業者数)!;

  it('has the row’s actual values by year', () => {
    expect(chart.points.map((p) => [p.year, p.value])).toEqual([
      [2020, 8],
      [2021, 18],
      [2022, 25],
      [2023, 25],
      [2024, 14],
    ]);
  });

  it('spans the years from the baseline (left edge) to the target (right edge)', () => {
    expect(chart.baseline).toMatchObject({ year: 2018, value: 15, x: chart.plot.left });
    expect(chart.target).toMatchObject({ year: 2024, value: 39, x: chart.plot.right });
    expect(chart.points[4].x).toBe(chart.plot.right);
    // H30 … R6 are seven years: R2 is two sixths along.
    expect(chart.points[0].x).toBeCloseTo(
      chart.plot.left + (2 / 6) * (chart.plot.right - chart.plot.left),
      2,
    );
    expect(chart.xTicks.map((t) => t.label)).toEqual(['H30', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6']);
  });

  it('puts higher values higher, on a scale from 0 to 40 in steps of 10', () => {
    expect(chart.yTicks.map((t) => t.label)).toEqual(['0', '10', '20', '30', '40']);
    const { top, bottom } = chart.plot;
    const yOf = (v: number) => top + ((40 - v) / 40) * (bottom - top);
    for (const p of chart.points) expect(p.y).toBeCloseTo(yOf(p.value), 2);
    expect(chart.target!.y).toBeCloseTo(yOf(39), 2);
    expect(chart.points[2].y).toBe(chart.points[3].y);
  });

  it('draws the interim path: the straight line from baseline to target, a vertex per year', () => {
    expect(chart.path.map((p) => [p.year, p.value])).toEqual([
      [2018, 15],
      [2019, 19],
      [2020, 23],
      [2021, 27],
      [2022, 31],
      [2023, 35],
      [2024, 39],
    ]);
  });

  it('is in the grade’s colour (D 遅れ: the red of the 判定 cell)', () => {
    expect(chart.grade).toBe('D');
    expect([chart.color, chart.fill]).toEqual(['#9C0006', '#FFC7CE']);
  });
});

describe('history chart: what cannot be drawn is left out', () => {
  it('skips missing and unreadable cells, keeping the years with values', () => {
    const row = kpi({
      row: 20,
      name: '消防団員数',
      baseline: num(900, '人'),
      actuals: [num(880, '人'), missing(), text('集計中'), num(850, '人'), num(804, '人')],
      target: num(940, '人'),
    });
    expect(chartOf(row)!.points.map((p) => p.year)).toEqual([2020, 2023, 2024]);
  });

  it('draws age limits by age (中3まで 15, 満18歳まで 18), and gives no chart for presences', () => {
    expect(chartOf(seed.子ども医療費)!.points.map((p) => p.value)).toEqual([15, 15, 18, 18, 18]);
    expect(chartOf(seed.不妊不育)).toBeNull();
  });

  it('shows a cell with its own year at that year (9,174人 (H28年))', () => {
    expect(chartOf(seed.市内民営事業所従業者数)!.baseline).toMatchObject({ year: 2016, value: 9174 });
  });
});
