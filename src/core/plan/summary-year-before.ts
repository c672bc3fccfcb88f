/**
 * The summary sheet's 「前年度との比較」 (issue 19): per 基本目標 how many KPIs' grades rose, held or fell since
 * the previous evaluation year, then the KPIs that fell, with both grades. KPI rows only, as the grade counts
 * above it (headlines are judged but not counted).
 */
import type { Evaluation, KpiSheet, PlanValue } from '../types';
import type { GradeChange, PreviousYear } from '../evaluate/previous-year';
import { GRADE_CHANGE_LABEL } from '../evaluate/previous-year';
import { gradeText } from './flags';
import { BORDER, HEADER_STYLE } from './palette';
import { fiscalYearText } from './reading-text';
import type { SummaryCursor } from './summary-cursor';

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
}

export interface YearBeforeTables {
  readonly byGoal: readonly GoalChanges[];
  readonly fallen: readonly FallenKpi[];
}

/** The counts per 基本目標 and the KPIs that fell, in sheet order. */
export function yearBeforeTables(
  sheet: KpiSheet,
  evaluation: Evaluation,
  previous: PreviousYear,
): YearBeforeTables {
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
        });
      }
    }
    byGoal.push({ goal: block.goal, counts });
  }
  return { byGoal, fallen };
}

export function yearBeforeSection(
  w: SummaryCursor,
  sheet: KpiSheet,
  evaluation: Evaluation,
  previous: PreviousYear,
): void {
  const from = previous.year;
  if (from === null) {
    w.line('前年度との比較: 前年度の実績列がないため比較できません', { bold: true, fontSize: 12 });
    return;
  }
  const { byGoal, fallen } = yearBeforeTables(sheet, evaluation, previous);
  w.line(`前年度との比較 (${fiscalYearText(from)} → ${fiscalYearText(evaluation.year)})`, {
    bold: true,
    fontSize: 12,
  });
  const header: PlanValue[] = ['基本目標', ...CHANGES.map((c) => GRADE_CHANGE_LABEL[c]), '比較不可'];
  w.values([header]);
  w.style(w.row, 1, w.row, header.length, HEADER_STYLE);
  w.row++;
  const first = w.row;
  w.values(byGoal.map((g): PlanValue[] => [g.goal, ...CHANGES.map((c) => g.counts[c]), g.counts.none]));
  const last = first + byGoal.length - 1;
  w.style(first, 1, last, 1, { ...CELL, wrap: true });
  w.style(first, 2, last, header.length, { ...CELL, horizontal: 'center' });
  w.row = last + 1;

  w.row++;
  w.line('前年度から判定が下がった KPI', { bold: true, fontSize: 12 });
  const listHeader: PlanValue[] = ['KPI', '担当課', '前年度', '今年度', '基本目標', '行'];
  w.values([listHeader]);
  w.style(w.row, 1, w.row, listHeader.length, HEADER_STYLE);
  w.row++;
  if (fallen.length === 0) {
    w.line('該当なし', { horizontal: 'left' });
    return;
  }
  const top = w.row;
  w.values(fallen.map((f): PlanValue[] => [f.name, f.department, f.previous, f.current, f.goal, f.row]));
  const bottom = top + fallen.length - 1;
  w.style(top, 1, bottom, 2, { ...CELL, wrap: true });
  w.style(top, 3, bottom, 4, { ...CELL, horizontal: 'center', bold: true });
  w.style(top, 5, bottom, 5, { ...CELL, wrap: true });
  w.style(top, 6, bottom, 6, { ...CELL, horizontal: 'center' });
  w.row = bottom + 1;
}
