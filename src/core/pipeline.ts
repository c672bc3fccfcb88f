/**
 * The whole domain in one call chain: Grid → KpiSheet → Evaluation → WritePlan.
 * Hosts (xlsx, Excel, the demo page) call these and nothing deeper. Reading and judging are in analyze.ts
 * (re-exported here), which the task pane loads without the planner.
 */
import type { Analysis, BookAnalysis } from './analyze';
import { planBookWrite, planWrite } from './plan';
import type { ChartSupport, WritePlan } from './types';

export * from './analyze';

export interface PlanContext {
  /** When the run happens: printed on the summary sheet and the footer. */
  readonly now: Date;
  /** Whether the host draws native charts (the Excel host and the package editor); absent: none (the demo). */
  readonly charts?: ChartSupport;
}

export function plan(analysis: Analysis, context: PlanContext): WritePlan {
  return planWrite({ ...analysis, now: context.now, charts: context.charts });
}

/** The plan for a book analysis: each sheet's flags, one summary over all of them. */
export function planBook(book: BookAnalysis, context: PlanContext): WritePlan {
  if (book.sheets.length === 1) return plan(book.sheets[0], context);
  return planBookWrite({
    sheets: book.sheets,
    combined: book.combined,
    now: context.now,
    ...(context.charts === undefined ? {} : { charts: context.charts }),
  });
}
