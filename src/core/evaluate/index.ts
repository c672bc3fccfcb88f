/** From a KpiSheet and Settings to an Evaluation of every KPI and headline (EVALUATION.md section 3). */
import type { Evaluation, FiscalYear, Kpi, KpiEvaluation, KpiSheet, Settings } from '../types';
import { evaluateKpi } from './kpi';
import { comparePublished } from './published';
import { summarize } from './summary';
import { defaultEvaluationYear } from './year';

/**
 * `year`: the evaluation year when the caller decided it for several sheets at once (analyzeBook); the
 * settings keep saying what the user chose (a year, or the sheet's latest).
 */
export function evaluate(
  sheet: KpiSheet,
  settings: Settings,
  year: FiscalYear = settings.evaluationYear ?? defaultEvaluationYear(sheet),
): Evaluation {
  const chosen = new Map((settings.directionOverrides ?? []).map((o) => [o.row, o.direction]));
  // A direction given for the run counts as the row's 方向 cell (the user's choice).
  const withChoice = (kpi: Kpi): Kpi => {
    const direction = chosen.get(kpi.row);
    return direction === undefined ? kpi : { ...kpi, directionChoice: direction };
  };
  const kpis: KpiEvaluation[] = sheet.blocks.flatMap((block) =>
    [...block.headlines, ...block.kpis].map((kpi) => evaluateKpi(withChoice(kpi), year, settings)),
  );
  const byId = new Map<string, KpiEvaluation>();
  for (const k of kpis) byId.set(k.kpiId, k);
  const published = comparePublished(sheet, year, settings);
  return { year, settings, kpis, summary: summarize(sheet, byId, settings.scale, published) };
}

export { resolveDirection, directionFromName, directionFromTarget, LOWER_IS_BETTER_WORDS } from './direction';
export { comparePublished, percentText, rateAgrees } from './published';
export { defaultEvaluationYear, pickLatest } from './year';
export { achievementRate, progressRate, isAchieved } from './rates';
export { pathTarget, targetFor } from './interim-path';
export { trendOf, TREND_ARROWS } from './trend';
export { gradeFromRate, levelIndex } from './grade';
export { summarize, OVERALL_KEY, NO_DEPARTMENT_KEY, HEADLINES_KEY } from './summary';
export { evaluateKpi } from './kpi';
