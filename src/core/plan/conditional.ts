/**
 * Conditional formats of one table: a fill per grade on 判定, data bars on 達成率, and the optional
 * row tint over the city's own columns. Each rule covers the table's whole column, so the number of
 * rules per table is fixed (one per grade of the scale + 1, plus one per grade with the tint) whatever the rows.
 */
import type { CellRange, Grade, GradeScale, TableRegion, WriteOp } from '../types';
import { columnLetters, rangeOf } from '../a1';
import { FLAG_OFFSET } from './flags';
import { DATA_BAR, gradeFill, gradesOf, gradeTint } from './palette';

/**
 * True when the 判定 cell in the range's top row holds `grade`: its symbol is the text's start (a scale's
 * symbols never start one another, so one rule matches each cell).
 */
export function gradeFormula(grade: Grade, gradeCol: number, row: number): string {
  const cell = `$${columnLetters(gradeCol)}${row}`;
  return `LEFT(${cell},${grade.length})="${grade.replace(/"/g, '""')}"`;
}

export interface RuleTarget {
  readonly sheet: string;
  readonly table: TableRegion;
  readonly startCol: number;
  /** Last column of the city's own cells (the tint's right edge). */
  readonly cityRight: number;
  readonly scale: GradeScale;
}

/** The 判定 fills and the 達成率 data bar. */
export function flagRuleOps({ sheet, table, startCol, scale }: RuleTarget): WriteOp[] {
  if (table.lastRow < table.firstRow) return [];
  const gradeCol = startCol + FLAG_OFFSET.grade;
  const rateCol = startCol + FLAG_OFFSET.achievementRate;
  const gradeRange = rangeOf(table.firstRow, gradeCol, table.lastRow, gradeCol);
  const ops: WriteOp[] = gradesOf(scale).map((grade) => ({
    op: 'addConditionalFormat',
    sheet,
    range: gradeRange,
    rule: {
      type: 'formula',
      formula: gradeFormula(grade, gradeCol, table.firstRow),
      style: gradeFill(scale, grade),
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
export function tintRuleOps({ sheet, table, startCol, cityRight, scale }: RuleTarget): WriteOp[] {
  if (table.lastRow < table.firstRow) return [];
  const gradeCol = startCol + FLAG_OFFSET.grade;
  return gradesOf(scale).map((grade) => ({
    op: 'addConditionalFormat',
    sheet,
    range: tintRange(table, cityRight),
    rule: {
      type: 'formula',
      formula: gradeFormula(grade, gradeCol, table.firstRow),
      style: gradeTint(scale, grade),
    },
  }));
}
