/**
 * The summary sheet's native chart (issue 19): grade counts per 基本目標 as stacked bars, from the 基本目標別
 * table's own cells (so the chart is the table), beside it. Written only where the host can draw one
 * (PlanContext.charts): the Excel host (Office.js charts) and the package editor of `kpi-sheet evaluate -o`
 * (chart and drawing parts); not the demo workbook nor the ExcelJS oracle. The chart stands right of the
 * summary's print area, for the screen: the printed summary pages do not show it.
 */
import type { ChartSpec, GradeScale, WriteOp } from '../types';
import { ABOLISHED_GRADE } from '../types';
import { rangeOf } from '../a1';
import { gradeFill, gradesOf } from './palette';
import type { WrittenTable } from './summary-cursor';

/** Columns the chart covers, from one column right of the summary's tables, and rows from the table's heading. */
const CHART_WIDTH = 8;
const CHART_ROWS = 16;

/**
 * `table`: where the 基本目標別 table was written, its first grade in column `firstGradeCol`; `lastCol`: the
 * summary's last column. None when the table has no goal rows, or when a page break split its rows (a
 * chart's source is one range).
 */
export function goalChartOp(
  sheet: string,
  table: WrittenTable,
  scale: GradeScale,
  firstGradeCol: number,
  lastCol: number,
): WriteOp | null {
  // The last row is 全体, which the chart leaves out.
  const lastGroup = table.last - 1;
  if (lastGroup < table.first || table.split) return null;
  // The grades drawn: 廃止 (last of the scale's grades) is out of every total, as in the table's 判定数.
  const charted = gradesOf(scale).filter((grade) => grade !== ABOLISHED_GRADE);
  const left = lastCol + 2;
  const chart: ChartSpec = {
    type: 'barStacked',
    title: '基本目標別の判定数',
    series: rangeOf(table.headerRow, firstGradeCol, lastGroup, firstGradeCol + charted.length - 1),
    categories: rangeOf(table.first, 1, lastGroup, 1),
    // The 判定 cells' strong text colours: the fills are too light for bars.
    colors: charted.map((grade) => gradeFill(scale, grade).fontColor ?? gradeFill(scale, grade).fill),
    position: rangeOf(table.headerRow - 1, left, table.headerRow - 2 + CHART_ROWS, left + CHART_WIDTH - 1),
  };
  return { op: 'addChart', sheet, chart };
}
