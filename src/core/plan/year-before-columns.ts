/**
 * The year-before columns 「前年度判定」「前年比」, right of 備考 when the setting is on: each KPI's
 * grade at the previous evaluation year and how it changed (上昇 / 維持 / 低下), so the meeting reads this
 * year's grade beside last year's. Computed like the flags, inside the flags' mark: a re-run rewrites them.
 */
import type { KpiEvaluation, PlanValue, Settings, WriteOp } from '../types';
import { rangeOf } from '../a1';
import type { PreviousGrade } from '../evaluate/previous-year';
import { GRADE_CHANGE_LABEL } from '../evaluate/previous-year';
import { gradeFormula } from './conditional';
import type { FlagTable } from './flags';
import { gradeText } from './flags';
import { BORDER, gradeFill, gradesOf, HEADER_STYLE } from './palette';

export const YEAR_BEFORE_HEADERS = ['前年度判定', '前年比'] as const;
export const YEAR_BEFORE_COUNT = YEAR_BEFORE_HEADERS.length;
export const YEAR_BEFORE_WIDTHS: readonly number[] = [11, 7];

/**
 * A fall in the grade reads red, a rise green: Excel's bad / good pairs, whatever colours the city's scale
 * gives its grades.
 */
const CHANGE_STYLE = {
  down: { fill: '#FFC7CE', fontColor: '#9C0006' },
  up: { fill: '#C6EFCE', fontColor: '#006100' },
} as const;

export function yearBeforeValues(previous: PreviousGrade | undefined, settings: Settings): PlanValue[] {
  if (!previous) return ['', ''];
  return [
    gradeText(previous.previous.grade, settings),
    previous.change === null ? '' : GRADE_CHANGE_LABEL[previous.change],
  ];
}

/** Headers, values, styles and colour rules of one table's year-before columns, from `startCol`. */
export function yearBeforeOps(
  target: FlagTable,
  previousByRow: ReadonlyMap<number, PreviousGrade>,
  evaluationsByRow: ReadonlyMap<number, KpiEvaluation>,
  settings: Settings,
): WriteOp[] {
  const { sheet, table, startCol } = target;
  const lastCol = startCol + YEAR_BEFORE_COUNT - 1;
  const ops: WriteOp[] = [
    { op: 'setColumnWidths', sheet, firstCol: startCol, widths: YEAR_BEFORE_WIDTHS },
    {
      op: 'setStyle',
      sheet,
      range: rangeOf(table.headerTop, startCol, table.headerRow, lastCol),
      style: HEADER_STYLE,
    },
    { op: 'setValues', sheet, row: table.headerRow, col: startCol, values: [[...YEAR_BEFORE_HEADERS]] },
  ];
  if (table.lastRow < table.firstRow) return ops;
  const rows: PlanValue[][] = [];
  for (let row = table.firstRow; row <= table.lastRow; row++)
    rows.push(evaluationsByRow.has(row) ? yearBeforeValues(previousByRow.get(row), settings) : [null, null]);
  const data = rangeOf(table.firstRow, startCol, table.lastRow, lastCol);
  ops.push(
    { op: 'setValues', sheet, row: table.firstRow, col: startCol, values: rows },
    {
      op: 'setStyle',
      sheet,
      range: data,
      style: { border: BORDER, horizontal: 'center', vertical: 'middle' },
    },
  );
  const gradeRange = rangeOf(table.firstRow, startCol, table.lastRow, startCol);
  for (const grade of gradesOf(settings.scale))
    ops.push({
      op: 'addConditionalFormat',
      sheet,
      range: gradeRange,
      rule: {
        type: 'formula',
        formula: gradeFormula(grade, startCol, table.firstRow),
        style: gradeFill(settings.scale, grade),
      },
    });
  const changeRange = rangeOf(table.firstRow, lastCol, table.lastRow, lastCol);
  for (const change of ['down', 'up'] as const)
    ops.push({
      op: 'addConditionalFormat',
      sheet,
      range: changeRange,
      rule: { type: 'textEquals', text: GRADE_CHANGE_LABEL[change], style: CHANGE_STYLE[change] },
    });
  return ops;
}
