/**
 * The domain's chain up to the judgement: Grid → KpiSheet → Evaluation, for one sheet or a workbook.
 * pipeline.ts adds the last step (→ WritePlan); the task pane imports this module at start and the planner
 * only when it writes (its own script chunk), so the pane's first script carries no planner.
 */
import { compareOutputSheets } from './compare/mark';
import { defaultEvaluationYear, evaluate } from './evaluate';
import { readKpiSheet } from './layout';
import { bookSheets, combineSheets, type RepeatedSheet } from './layout/combine-sheets';
import type {
  ColumnMapping,
  Evaluation,
  Grid,
  KpiSheet,
  LayoutFailure,
  LayoutResult,
  Settings,
} from './types';

/** A KpiSheet with its evaluation: what a report shows. */
export interface Judged {
  readonly sheet: KpiSheet;
  readonly evaluation: Evaluation;
}

export interface Analysis extends Judged {
  readonly grid: Grid;
}

export type AnalysisResult =
  | { readonly ok: true; readonly analysis: Analysis }
  | { readonly ok: false; readonly failure: LayoutFailure };

/** The user's column mappings that apply to this grid's sheet (saved for it, or given for whatever sheet is read). */
function mappingsFor(grid: Grid, settings: Settings): readonly ColumnMapping[] {
  return (settings.columnMappings ?? []).filter((m) => m.sheet === '' || m.sheet === grid.sheet);
}

/** A layout read before the settings were known, read again with the user's mapping for the sheet. */
function withMappings(grid: Grid, layout: LayoutResult, settings: Settings): LayoutResult {
  const mappings = mappingsFor(grid, settings);
  return mappings.length > 0 && !(layout.ok && layout.sheet.mappings?.some((m) => m.source === 'user'))
    ? readKpiSheet(grid, { mappings })
    : layout;
}

export function analyze(grid: Grid, settings: Settings): AnalysisResult {
  return analyzeRead(grid, readKpiSheet(grid, { mappings: mappingsFor(grid, settings) }), settings);
}

/**
 * analyze for a sheet whose layout the host has already read (to choose the sheet among several): the same
 * result without reading the whole sheet a second time.
 */
export function analyzeRead(grid: Grid, layout: LayoutResult, settings: Settings): AnalysisResult {
  const read = withMappings(grid, layout, settings);
  if (!read.ok) return read;
  return { ok: true, analysis: { grid, sheet: read.sheet, evaluation: evaluate(read.sheet, settings) } };
}

/** A sheet the host read, with the layout reading it gave. */
export interface SheetRead {
  readonly grid: Grid;
  readonly layout: LayoutResult;
}

/**
 * The KPI sheets of a workbook judged in one run (one sheet per 基本目標): each sheet for its own
 * flags, all of them as one for the summary and the report, at one evaluation year.
 */
export interface BookAnalysis {
  /** In workbook order; one when the workbook keeps its KPIs on one sheet. */
  readonly sheets: readonly Analysis[];
  /** All of them as one (combineSheets); the one sheet's own when there is one. */
  readonly combined: Judged;
  /** KPI sheets left out because they repeat an earlier sheet's KPIs (bookSheets). */
  readonly repeated: readonly RepeatedSheet[];
}

/**
 * Every sheet whose layout reads as a KPI table, judged together; null when none does (the caller reports
 * why its first choice could not be read). Sheets that repeat an earlier sheet's KPIs are left out.
 */
export function analyzeBook(
  reads: readonly SheetRead[],
  settings: Settings,
  /** The sheet the user is on (the pane, the ribbon): judged even when another sheet repeats its KPIs. */
  first?: string,
): BookAnalysis | null {
  const sheets: { name: string; sheet: KpiSheet; grid: Grid }[] = [];
  // The 比較 sheet lists KPIs in columns a reader can take for a KPI table: it is the add-in's, not the city's.
  const ours = new Set(reads.flatMap(({ grid }) => compareOutputSheets(grid.marks)));
  for (const { grid, layout } of reads) {
    if (ours.has(grid.sheet)) continue;
    const read = withMappings(grid, layout, settings);
    if (read.ok) sheets.push({ name: grid.sheet, sheet: read.sheet, grid });
  }
  if (sheets.length === 0) return null;
  const { included, repeated } = bookSheets(sheets, first);
  const combinedSheet = combineSheets(included);
  const year = settings.evaluationYear ?? defaultEvaluationYear(combinedSheet);
  const analyses = included.map(({ grid, sheet }): Analysis => ({
    grid,
    sheet,
    evaluation: evaluate(sheet, settings, year),
  }));
  const combined =
    analyses.length === 1
      ? analyses[0]
      : { sheet: combinedSheet, evaluation: evaluate(combinedSheet, settings, year) };
  return { sheets: analyses, combined, repeated };
}
