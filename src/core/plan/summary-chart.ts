/**
 * The summary sheet's native chart (issue 19): grade counts per 基本目標 as stacked bars, from the 基本目標別
 * table's own cells (so the chart is the table), beside it. Written only where the host can draw one.
 */
import type { ChartSpec, Grade, WriteOp } from '../types';
import { rangeOf } from '../a1';
import { GRADE_FILL } from './palette';

/** The grades drawn: 廃止 is out of every total, as in the table's 判定数. */
const CHARTED: readonly Grade[] = ['A', 'B', 'C', 'D', 'X'];

export interface CountTableRows {
  /** The header row (the series names: the grade texts). */
  readonly headerRow: number;
  /** First group row and last (the 全体 row, which the chart leaves out). */
  readonly first: number;
  readonly last: number;
  /** Column of the first grade (A). */
  readonly firstGradeCol: number;
}

/** Columns the chart covers right of the summary's tables, and rows from the table's heading down. */
const CHART_COLS = { left: 11, right: 18 } as const;
const CHART_ROWS = 16;

export function goalChartOp(sheet: string, table: CountTableRows): WriteOp | null {
  if (table.last - 1 < table.first) return null;
  const lastGroup = table.last - 1;
  const chart: ChartSpec = {
    type: 'barStacked',
    title: '基本目標別の判定数',
    series: rangeOf(
      table.headerRow,
      table.firstGradeCol,
      lastGroup,
      table.firstGradeCol + CHARTED.length - 1,
    ),
    categories: rangeOf(table.first, 1, lastGroup, 1),
    // The 判定 cells' strong text colours: the fills are too light for bars.
    colors: CHARTED.map((grade) => GRADE_FILL[grade].fontColor ?? GRADE_FILL[grade].fill),
    position: rangeOf(
      table.headerRow - 1,
      CHART_COLS.left,
      table.headerRow - 2 + CHART_ROWS,
      CHART_COLS.right,
    ),
  };
  return { op: 'addChart', sheet, chart };
}
