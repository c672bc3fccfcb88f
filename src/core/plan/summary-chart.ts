/**
 * The summary sheet's native chart: grade counts per 基本目標 as stacked bars, from the 基本目標別
 * table's own cells (so the chart is the table), beside it. Written only where the host can draw one
 * (PlanContext.charts): the Excel host (Office.js charts) and the package editor of `kpi-sheet evaluate -o`
 * (chart and drawing parts); not the demo workbook nor the ExcelJS oracle. The chart stands under the table,
 * across the summary's columns, so the printed summary shows it to the meeting too.
 */
import type { CellRange, ChartSpec, GradeScale, WriteOp } from '../types';
import { ABOLISHED_GRADE } from '../types';
import { rangeOf } from '../a1';
import { gradeFill, gradesOf } from './palette';
import type { WrittenTable } from './summary-cursor';

/** Rows the chart covers under the 基本目標別 table (of the default height: 240 pt, about 8.5 cm). */
export const CHART_ROWS = 16;

/** Whether the table can be charted: it has goal rows, and no page break split them (a chart's source is one range). */
export function chartable(table: WrittenTable): boolean {
  // The last row is 全体, which the chart leaves out.
  return table.last - 1 >= table.first && !table.split;
}

/**
 * `table`: where the 基本目標別 table was written, its first grade in column `firstGradeCol`; `position`: the
 * cells the chart covers. None when the table cannot be charted.
 */
export function goalChartOp(
  sheet: string,
  table: WrittenTable,
  scale: GradeScale,
  firstGradeCol: number,
  position: CellRange,
): WriteOp | null {
  const lastGroup = table.last - 1;
  if (!chartable(table)) return null;
  // The grades drawn: 廃止 (last of the scale's grades) is out of every total, as in the table's 判定数.
  const charted = gradesOf(scale).filter((grade) => grade !== ABOLISHED_GRADE);
  const chart: ChartSpec = {
    type: 'barStacked',
    title: '基本目標別の判定数',
    series: rangeOf(table.headerRow, firstGradeCol, lastGroup, firstGradeCol + charted.length - 1),
    categories: rangeOf(table.first, 1, lastGroup, 1),
    // The 判定 cells' strong text colours: the fills are too light for bars.
    colors: charted.map((grade) => gradeFill(scale, grade).fontColor ?? gradeFill(scale, grade).fill),
    position,
  };
  return { op: 'addChart', sheet, chart };
}
