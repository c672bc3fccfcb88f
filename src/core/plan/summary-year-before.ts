/**
 * The summary sheet's 「前年度との比較」: per 基本目標 how many KPIs' grades rose, held or fell since
 * the previous evaluation year, then the KPIs that fell, with both grades. KPI rows only, as the grade counts
 * above it (headlines are judged but not counted).
 */
import type { Evaluation, KpiSheet, PlanValue } from '../types';
import type { GradeChange, PreviousYear } from '../evaluate/previous-year';
import { GRADE_CHANGE_LABEL } from '../evaluate/previous-year';
import { gradeText } from './flags';
import { BORDER, HEADER_STYLE } from './palette';
import { fiscalYearText } from './reading-text';
import { goalShort, rowCell, tallerRows, type SummaryTable } from './summary-cursor';
import { ONE_LINE_HEIGHT, rowHeightFor, wrappedLines } from './text-size';

const CELL = { border: BORDER, vertical: 'middle' } as const;
const CHANGES: readonly GradeChange[] = ['up', 'same', 'down'];

interface GoalChanges {
  readonly goal: string;
  readonly counts: Record<GradeChange | 'none', number>;
}

export interface FallenKpi {
  readonly name: string;
  readonly department: string;
  readonly previous: string;
  readonly current: string;
  readonly goal: string;
  readonly row: number;
  /** Block.sheet: set where the evaluation covers several sheets. */
  readonly sheet?: string;
}

export interface YearBeforeChanges {
  readonly byGoal: readonly GoalChanges[];
  readonly fallen: readonly FallenKpi[];
}

/** The counts per 基本目標 and the KPIs that fell, in sheet order. */
export function yearBeforeChanges(
  sheet: KpiSheet,
  evaluation: Evaluation,
  previous: PreviousYear,
): YearBeforeChanges {
  const before = new Map(previous.grades.map((g) => [g.kpiId, g]));
  const now = new Map(evaluation.kpis.map((k) => [k.kpiId, k]));
  const byGoal: GoalChanges[] = [];
  const fallen: FallenKpi[] = [];
  for (const block of sheet.blocks) {
    const counts = { up: 0, same: 0, down: 0, none: 0 };
    for (const kpi of block.kpis) {
      const grade = before.get(kpi.id);
      const current = now.get(kpi.id);
      if (!grade || !current) continue;
      counts[grade.change ?? 'none'] += 1;
      if (grade.change === 'down') {
        fallen.push({
          name: kpi.name,
          department: kpi.department,
          previous: gradeText(grade.previous.grade, evaluation.settings),
          current: gradeText(current.grade, evaluation.settings),
          goal: block.goal,
          row: kpi.row,
          ...(block.sheet === undefined ? {} : { sheet: block.sheet }),
        });
      }
    }
    byGoal.push({ goal: block.goal, counts });
  }
  return { byGoal, fallen };
}

/** Printed height of a row whose texts wrap in their columns (`widths`: the summary's). */
function heightOf(cells: readonly { col: number; text: string }[], widths: readonly number[]): number {
  const lines = Math.max(1, ...cells.map((c) => wrappedLines(c.text, widths[c.col - 1] ?? 8)));
  return rowHeightFor(lines);
}

/** The counts per 基本目標, then the KPIs that fell; one table saying why when there is no year before. */
export function yearBeforeTables(
  sheet: KpiSheet,
  evaluation: Evaluation,
  previous: PreviousYear,
  widths: readonly number[],
): SummaryTable[] {
  const header: PlanValue[] = ['基本目標', ...CHANGES.map((c) => GRADE_CHANGE_LABEL[c]), '比較不可'];
  const headerStyle =
    (right: number): SummaryTable['styleHeader'] =>
    (w, row, height) =>
      w.style(row, 1, row, right, { ...HEADER_STYLE, rowHeight: height });
  const from = previous.year;
  if (from === null) {
    return [
      {
        heading: '前年度との比較',
        header,
        styleHeader: headerStyle(header.length),
        rows: [],
        heights: [],
        styleRows: () => undefined,
        empty: '前年度の実績列がないため比較できません',
      },
    ];
  }
  const { byGoal, fallen } = yearBeforeChanges(sheet, evaluation, previous);
  const goalHeights = byGoal.map((g) => heightOf([{ col: 1, text: g.goal }], widths));
  const counts: SummaryTable = {
    heading: `前年度との比較 (${fiscalYearText(from)} → ${fiscalYearText(evaluation.year)})`,
    header,
    styleHeader: headerStyle(header.length),
    rows: byGoal.map((g): PlanValue[] => [g.goal, ...CHANGES.map((c) => g.counts[c]), g.counts.none]),
    heights: goalHeights,
    styleRows: (w, first, fromIndex, to) => {
      const last = first + to - fromIndex;
      w.style(first, 1, last, 1, { ...CELL, wrap: true, rowHeight: ONE_LINE_HEIGHT });
      w.style(first, 2, last, header.length, { ...CELL, horizontal: 'center' });
      tallerRows(w, first, goalHeights, fromIndex, to, ONE_LINE_HEIGHT);
    },
    empty: '該当なし',
  };
  const listHeader: PlanValue[] = ['KPI', '担当課', '前年度', '今年度', '基本目標', '行'];
  const fallenRows = fallen.map((f): PlanValue[] => [
    f.name,
    f.department,
    f.previous,
    f.current,
    goalShort(f.goal),
    rowCell(f.sheet, f.row),
  ]);
  // Every cell wraps: a grade's label (`B 概ね順調`) and a row on another sheet (`基本目標1!10`) can be wider
  // than their column, and would print across its edges.
  const fallenHeights = fallenRows.map((row) =>
    heightOf(
      row.map((value, i) => ({ col: i + 1, text: String(value ?? '') })),
      widths,
    ),
  );
  const fell: SummaryTable = {
    heading: '前年度から判定が下がった KPI',
    header: listHeader,
    styleHeader: headerStyle(listHeader.length),
    rows: fallenRows,
    heights: fallenHeights,
    styleRows: (w, first, fromIndex, to) => {
      const last = first + to - fromIndex;
      w.style(first, 1, last, 2, { ...CELL, wrap: true, rowHeight: ONE_LINE_HEIGHT });
      w.style(first, 3, last, 4, { ...CELL, horizontal: 'center', bold: true, wrap: true });
      w.style(first, 5, last, 6, { ...CELL, horizontal: 'center', wrap: true });
      tallerRows(w, first, fallenHeights, fromIndex, to, ONE_LINE_HEIGHT);
    },
    empty: '該当なし',
  };
  return [counts, fell];
}
