/**
 * The year before (issue 19): each KPI's grade for the previous evaluation year, judged from the sheet's own
 * year columns with the same settings, and how the grade changed since (上昇 / 維持 / 低下). The meeting asks
 * "what changed since last year"; the answer is the same judgement run one year earlier, nothing new.
 */
import type { Evaluation, FiscalYear, Grade, KpiEvaluation, KpiSheet, Settings } from '../types';
import { evaluateKpi } from './kpi';

/** How a KPI's grade moved since the previous evaluation year. */
export type GradeChange = 'up' | 'same' | 'down';

export const GRADE_CHANGE_LABEL: Readonly<Record<GradeChange, string>> = {
  up: '上昇',
  same: '維持',
  down: '低下',
};

/** Rank of the grades that can be compared; X (評価不能) and 廃止 cannot. */
const RANK: Readonly<Partial<Record<Grade, number>>> = { A: 4, B: 3, C: 2, D: 1 };

export interface PreviousGrade {
  readonly kpiId: string;
  readonly row: number;
  readonly previous: KpiEvaluation;
  /** null when either year's grade is X or 廃止: nothing to compare. */
  readonly change: GradeChange | null;
}

export interface PreviousYear {
  /** The previous evaluation year; null when the sheet has no actual year before the evaluation year. */
  readonly year: FiscalYear | null;
  /** One per KPI and headline of the evaluation, in its order; empty when `year` is null. */
  readonly grades: readonly PreviousGrade[];
}

/**
 * The latest actual year column before `year` that holds any reading on the sheet (a column left empty,
 * or only `—`, is not a year the city evaluated). Column years, not a cell's own year: the meeting
 * compares the table's columns.
 */
export function previousEvaluationYear(sheet: KpiSheet, year: FiscalYear): FiscalYear | null {
  let previous: FiscalYear | null = null;
  for (const block of sheet.blocks) {
    for (const kpi of [...block.headlines, ...block.kpis]) {
      for (const cell of kpi.actuals) {
        if (cell.year >= year || cell.reading.kind === 'missing') continue;
        if (previous === null || cell.year > previous) previous = cell.year;
      }
    }
  }
  return previous;
}

export function gradeChange(previous: Grade, current: Grade): GradeChange | null {
  const before = RANK[previous];
  const now = RANK[current];
  if (before === undefined || now === undefined) return null;
  return now > before ? 'up' : now < before ? 'down' : 'same';
}

/**
 * Every KPI judged at the previous evaluation year, beside `evaluation`'s grade. The settings are the
 * evaluation's, so the previous grades are what evaluating the sheet at that year gives.
 */
export function previousYear(sheet: KpiSheet, evaluation: Evaluation): PreviousYear {
  const year = previousEvaluationYear(sheet, evaluation.year);
  if (year === null) return { year, grades: [] };
  const settings: Settings = { ...evaluation.settings, evaluationYear: year };
  const current = new Map(evaluation.kpis.map((k) => [k.kpiId, k]));
  const grades: PreviousGrade[] = [];
  for (const block of sheet.blocks) {
    for (const kpi of [...block.headlines, ...block.kpis]) {
      const now = current.get(kpi.id);
      if (!now) continue;
      const previous = evaluateKpi(kpi, year, settings);
      grades.push({ kpiId: kpi.id, row: kpi.row, previous, change: gradeChange(previous.grade, now.grade) });
    }
  }
  return { year, grades };
}
