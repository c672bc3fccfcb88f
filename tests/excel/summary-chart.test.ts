/**
 * The summary sheet's bar chart of grade counts per 基本目標, drawn natively by the Excel host from
 * the 基本目標別 table's cells; the demo and the ExcelJS oracle are not asked for one (the package editor's
 * chart parts are tested in tests/xlsx/summary-chart.test.ts).
 */
import { analyze, plan } from '../../src/core/pipeline';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { WriteOp } from '../../src/core/types';
import { fixtureGrid } from './fixture-grids';
import { NOW, seeded } from './harness';

const SUMMARY = 'KPI評価サマリー';

async function runAsThePane() {
  const { fake, host } = seeded(await fixtureGrid('asakuchi-progress.xlsx'));
  const run = async () => {
    const analysis = analyze(await host.readGrid(), DEFAULT_SETTINGS);
    if (!analysis.ok) throw new Error(analysis.failure.message);
    const writePlan = plan(analysis.analysis, { now: NOW, charts: host.charts });
    return { writePlan, result: await host.applyPlan(writePlan) };
  };
  return { fake, host, run };
}

function valuesAt(fake: Awaited<ReturnType<typeof runAsThePane>>['fake'], address: string) {
  return fake.state.values(SUMMARY, address);
}

describe('the bar chart of grade counts per 基本目標', () => {
  it('is drawn from the 基本目標別 table: a bar per goal, a segment per grade A–X in the 判定 colours', async () => {
    const { fake, host, run } = await runAsThePane();
    expect(host.charts).toBe('native');
    const { writePlan, result } = await run();
    expect(result.skipped).toEqual([]);
    const op = writePlan.ops.find((o): o is Extract<WriteOp, { op: 'addChart' }> => o.op === 'addChart');
    expect(op).toBeDefined();
    const charts = fake.state.sheet(SUMMARY)!.charts;
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    expect(chart).toMatchObject({
      type: 'BarStacked',
      seriesBy: 'Columns',
      title: '基本目標別の判定数',
      legend: 'Bottom',
    });
    // The series are the grade columns of the table, headed A 達成 … X 評価不能; the categories its goals.
    const [header, ...rows] = valuesAt(fake, chart.source);
    expect(header).toEqual(['A 達成', 'B 概ね順調', 'C 要努力', 'D 遅れ', 'X 評価不能']);
    expect(rows).toHaveLength(4);
    const goals = valuesAt(fake, chart.series[0].xAxisValues!).map((r) => String(r[0]));
    expect(goals).toHaveLength(4);
    expect(goals[0]).toMatch(/^1 浅口市における安定した雇用を創出する/);
    expect(chart.series.map((s) => s.xAxisValues)).toEqual(Array(5).fill(chart.series[0].xAxisValues));
    expect(chart.series.map((s) => s.fill)).toEqual(['#006100', '#1F4E78', '#7F6000', '#9C0006', '#595959']);
    // The counts it draws are the table's: goal 1 has A 2, B 2, C 0, D 1, X 3 in the progress table.
    expect(rows[0]).toEqual([2, 2, 0, 1, 3]);
    // Under the table (heading at row 9, 全体 at 15), across the summary's nine columns: at the top of the
    // summary's second A4 page (a break before row 16), as the rest of the first page is too short for it.
    expect(chart.position).toEqual(['A16', 'I31']);
    expect(valuesAt(fake, 'A9')).toEqual([['基本目標別']]);
  });

  it('is one chart after a re-run (the summary sheet is made anew)', async () => {
    const { fake, run } = await runAsThePane();
    await run();
    await run();
    expect(fake.state.sheet(SUMMARY)!.charts).toHaveLength(1);
  });

  it('is not asked of a host that cannot draw it (the demo and the ExcelJS oracle: no `charts`)', async () => {
    const analysis = analyze(await fixtureGrid('asakuchi-progress.xlsx'), DEFAULT_SETTINGS);
    if (!analysis.ok) throw new Error(analysis.failure.message);
    expect(plan(analysis.analysis, { now: NOW }).ops.some((op) => op.op === 'addChart')).toBe(false);
  });
});
