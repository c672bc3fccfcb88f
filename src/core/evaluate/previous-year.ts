/**
 * The year before: each KPI's grade for the previous evaluation year, judged from the sheet's own
 * year columns with the same settings, and how the grade changed since (上昇 / 維持 / 低下). The meeting asks
 * "what changed since last year"; the answer is the same judgement run one year earlier, nothing new.
 */
import type { Evaluation, FiscalYear, KpiEvaluation, KpiSheet, Settings } from '../types';
import { evaluateKpi } from './kpi';

/** How a KPI's grade moved since the previous evaluation year. */
export type GradeChange = 'up' | 'same' | 'down';

export const GRADE_CHANGE_LABEL: Readonly<Record<GradeChange, string>> = {
  up: '上昇',
  same: '維持',
  down: '低下',
};

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

/**
 * By the grades' positions on the settings' scale (KpiEvaluation.rank, 1 = best), so ◎○△× and S/A/B/C
 * compare as A–D do; X (評価不能) and 廃止 have no position and nothing to compare.
 */
export function gradeChange(
  previous: Pick<KpiEvaluation, 'rank'>,
  current: Pick<KpiEvaluation, 'rank'>,
): GradeChange | null {
  if (previous.rank === null || current.rank === null) return null;
  return current.rank < previous.rank ? 'up' : current.rank > previous.rank ? 'down' : 'same';
}

/**
 * The year before of each evaluation already judged, by the sheet it was judged for: one run asks for it
 * in the plan (summary, year-before columns) and again in the report, for the same sheet and evaluation.
 * Both are immutable, so the answer cannot go stale.
 */
const judged = new WeakMap<Evaluation, { readonly sheet: KpiSheet; readonly result: PreviousYear }>();

/**
 * Every KPI judged at the previous evaluation year, beside `evaluation`'s grade. The settings are the
 * evaluation's, so the previous grades are what evaluating the sheet at that year gives.
 */
export function previousYear(sheet: KpiSheet, evaluation: Evaluation): PreviousYear {
  const known = judged.get(evaluation);
  if (known !== undefined && known.sheet === sheet) return known.result;
  const result = judgePreviousYear(sheet, evaluation);
  judged.set(evaluation, { sheet, result });
  return result;
}

function judgePreviousYear(sheet: KpiSheet, evaluation: Evaluation): PreviousYear {
  const chosen = evaluation.settings.previousYear;
  // A chosen year is used when it is before the evaluation year; otherwise the sheet's year before.
  const year =
    chosen !== undefined && chosen < evaluation.year
      ? chosen
      : previousEvaluationYear(sheet, evaluation.year);
  if (year === null) return { year, grades: [] };
  const settings: Settings = { ...evaluation.settings, evaluationYear: year };
  const current = new Map(evaluation.kpis.map((k) => [k.kpiId, k]));
  const grades: PreviousGrade[] = [];
  for (const block of sheet.blocks) {
    for (const kpi of [...block.headlines, ...block.kpis]) {
      const now = current.get(kpi.id);
      if (!now) continue;
      // The direction does not depend on the year: the one this year's grade was judged by.
      const previous = evaluateKpi(kpi, year, settings, {
        direction: now.direction,
        source: now.directionSource,
      });
      grades.push({ kpiId: kpi.id, row: kpi.row, previous, change: gradeChange(previous, now) });
    }
  }
  return { year, grades };
}
