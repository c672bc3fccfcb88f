/**
 * The whole domain in one call chain: Grid → KpiSheet → Evaluation → WritePlan.
 * Hosts (xlsx, Excel, the demo page) call these and nothing deeper.
 */
import { evaluate } from './evaluate';
import { readKpiSheet } from './layout';
import { planWrite } from './plan';
import type {
  ChartSupport,
  ColumnMapping,
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

/** The user's column mappings that apply to this grid's sheet (saved for it, or given for whatever sheet is read). */
function mappingsFor(grid: Grid, settings: Settings): readonly ColumnMapping[] {
  return (settings.columnMappings ?? []).filter((m) => m.sheet === '' || m.sheet === grid.sheet);
}

export function analyze(grid: Grid, settings: Settings): AnalysisResult {
  return analyzeRead(grid, readKpiSheet(grid, { mappings: mappingsFor(grid, settings) }), settings);
}

/**
 * analyze for a sheet whose layout the host has already read (to choose the sheet among several): the same
 * result without reading the whole sheet a second time.
 */
export function analyzeRead(grid: Grid, layout: LayoutResult, settings: Settings): AnalysisResult {
  // A layout read before the settings were known is read again with the user's mapping for the sheet.
  const mappings = mappingsFor(grid, settings);
  const read =
    mappings.length > 0 && !(layout.ok && layout.sheet.mappings?.some((m) => m.source === 'user'))
      ? readKpiSheet(grid, { mappings })
      : layout;
  if (!read.ok) return read;
  return { ok: true, analysis: { grid, sheet: read.sheet, evaluation: evaluate(read.sheet, settings) } };
}

export interface PlanContext {
  /** When the run happens: printed on the summary sheet and the footer. */
  readonly now: Date;
  /** Whether the host draws native charts (the Excel host and the package editor); absent: none (the demo). */
  readonly charts?: ChartSupport;
}

export function plan(analysis: Analysis, context: PlanContext): WritePlan {
  return planWrite({ ...analysis, now: context.now, charts: context.charts });
}
