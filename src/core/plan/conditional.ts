/**
 * Conditional formats of one table: a fill per grade on 判定, data bars on 達成率, and the optional
 * row tint over the city's own columns. Each rule covers the table's whole column, so the number of
 * rules per table is fixed (GRADES.length + 1, plus GRADES.length with the tint) whatever the rows.
 */
import type { CellRange, Grade, TableRegion, WriteOp } from '../types';
import { columnLetters, rangeOf } from '../a1';
import { FLAG_OFFSET } from './flags';
import { DATA_BAR, GRADE_FILL, GRADE_TINT, GRADES } from './palette';

/** True when the 判定 cell in the range's top row holds `grade` (its code is the text's start). */
export function gradeFormula(grade: Grade, gradeCol: number, row: number): string {
  const cell = `$${columnLetters(gradeCol)}${row}`;
  return `LEFT(${cell},${grade.length})="${grade}"`;
}

export interface RuleTarget {
  readonly sheet: string;
  readonly table: TableRegion;
  readonly startCol: number;
  /** Last column of the city's own cells (the tint's right edge). */
  readonly cityRight: number;
}

/** The 判定 fills and the 達成率 data bar. */
export function flagRuleOps({ sheet, table, startCol }: RuleTarget): WriteOp[] {
  if (table.lastRow < table.firstRow) return [];
  const gradeCol = startCol + FLAG_OFFSET.grade;
  const rateCol = startCol + FLAG_OFFSET.achievementRate;
  const gradeRange = rangeOf(table.firstRow, gradeCol, table.lastRow, gradeCol);
  const ops: WriteOp[] = GRADES.map((grade) => ({
    op: 'addConditionalFormat',
    sheet,
    range: gradeRange,
    rule: {
      type: 'formula',
      formula: gradeFormula(grade, gradeCol, table.firstRow),
      style: GRADE_FILL[grade],
    },
  }));
  ops.push({
    op: 'addConditionalFormat',
    sheet,
    range: rangeOf(table.firstRow, rateCol, table.lastRow, rateCol),
    rule: { type: 'dataBar', color: DATA_BAR, max: 1 },
  });
  return ops;
}

/** The city's own cells of the table's data rows, up to column `right`: where the row tint goes. */
export function tintRange(table: TableRegion, right: number): CellRange {
  return rangeOf(table.firstRow, table.firstCol, table.lastRow, right);
}

/** Light row tint by grade over the city's columns, keyed on the row's 判定 cell. */
export function tintRuleOps({ sheet, table, startCol, cityRight }: RuleTarget): WriteOp[] {
  if (table.lastRow < table.firstRow) return [];
  const gradeCol = startCol + FLAG_OFFSET.grade;
  return GRADES.map((grade) => ({
    op: 'addConditionalFormat',
    sheet,
    range: tintRange(table, cityRight),
    rule: {
      type: 'formula',
      formula: gradeFormula(grade, gradeCol, table.firstRow),
      style: GRADE_TINT[grade],
    },
  }));
}
