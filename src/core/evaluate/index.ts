/** From a KpiSheet and Settings to an Evaluation of every KPI and headline (EVALUATION.md section 3). */
import type { Evaluation, KpiEvaluation, KpiSheet, Settings } from '../types';
import { evaluateKpi } from './kpi';
import { summarize } from './summary';
import { defaultEvaluationYear } from './year';

export function evaluate(sheet: KpiSheet, settings: Settings): Evaluation {
  const year = settings.evaluationYear ?? defaultEvaluationYear(sheet);
  const kpis: KpiEvaluation[] = sheet.blocks.flatMap((block) =>
    [...block.headlines, ...block.kpis].map((kpi) => evaluateKpi(kpi, year, settings)),
  );
  const byId = new Map<string, KpiEvaluation>();
  for (const k of kpis) byId.set(k.kpiId, k);
  return { year, settings, kpis, summary: summarize(sheet, byId) };
}

export { resolveDirection, directionFromName, LOWER_IS_BETTER_WORDS } from './direction';
export { defaultEvaluationYear, pickLatest } from './year';
export { achievementRate, progressRate, isAchieved } from './rates';
export { pathTarget } from './interim-path';
export { trendOf, TREND_ARROWS } from './trend';
export { gradeFromRate } from './grade';
export { summarize, OVERALL_KEY, NO_DEPARTMENT_KEY } from './summary';
export { evaluateKpi } from './kpi';
