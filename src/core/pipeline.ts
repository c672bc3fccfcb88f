/**
 * The whole domain in one call chain: Grid → KpiSheet → Evaluation → WritePlan.
 * Hosts (xlsx, Excel, the demo page) call these and nothing deeper.
 */
import { evaluate } from './evaluate';
import { readKpiSheet } from './layout';
import { planWrite } from './plan';
import type {
  ChartSupport,
  Evaluation,
  Grid,
  KpiSheet,
  LayoutFailure,
  LayoutResult,
  Settings,
  WritePlan,
} from './types';

export interface Analysis {
  readonly grid: Grid;
  readonly sheet: KpiSheet;
  readonly evaluation: Evaluation;
}

export type AnalysisResult =
  | { readonly ok: true; readonly analysis: Analysis }
  | { readonly ok: false; readonly failure: LayoutFailure };

export function analyze(grid: Grid, settings: Settings): AnalysisResult {
  return analyzeRead(grid, readKpiSheet(grid), settings);
}

/**
 * analyze for a sheet whose layout the host has already read (to choose the sheet among several): the same
 * result without reading the whole sheet a second time.
 */
export function analyzeRead(grid: Grid, layout: LayoutResult, settings: Settings): AnalysisResult {
  if (!layout.ok) return layout;
  return { ok: true, analysis: { grid, sheet: layout.sheet, evaluation: evaluate(layout.sheet, settings) } };
}

export interface PlanContext {
  /** When the run happens: printed on the summary sheet and the footer. */
  readonly now: Date;
  /** Whether the host draws native charts; absent: none (the xlsx host and the demo). */
  readonly charts?: ChartSupport;
}

export function plan(analysis: Analysis, context: PlanContext): WritePlan {
  return planWrite({ ...analysis, now: context.now, charts: context.charts });
}
