/**
 * The JSON of `kpi-sheet evaluate --json`: the inspect JSON, each KPI with `direction` and `evaluation`, and
 * `summary` at the top level. Years are numbers, rates fractions (0.359) and exact (a cell caps them at
 * `999%超`), `grade` the scale's symbol (A/B/C/D, ◎/○/△/×, …, or X/廃止) whatever labels the settings show,
 * with `rank` its place on the scale (1 = best, `levels` the scale's length; null for X and 廃止) so a script
 * can compare across scales; `trend` the Trend code (better/same/worse): codes, so a script need not know
 * the arrows. `summary.published` lists every cell where the city's own 達成率 or grade differs from ours.
 */
import type { Judged } from '../core/pipeline';
import type { Direction, KpiEvaluation, KpiSheet } from '../core/types';
import type { Settings, Summary } from '../core/types';
import { kpiSheetToJson, type BlockJson, type InspectJson, type KpiJson } from './json';

export interface KpiEvaluationJson {
  readonly year: number;
  readonly latestYear: number | null;
  readonly achieved: boolean | null;
  readonly achievementRate: number | null;
  readonly progressRate: number | null;
  readonly pathTarget: number | null;
  readonly trend: KpiEvaluation['trend'];
  readonly grade: KpiEvaluation['grade'];
  readonly rank: number | null;
  readonly levels: number;
  readonly directionToConfirm: boolean;
  readonly basisUsed: KpiEvaluation['basisUsed'];
  readonly notes: readonly string[];
}

export function kpiEvaluationJson(e: KpiEvaluation, settings: Settings): KpiEvaluationJson {
  return {
    year: e.year,
    latestYear: e.latestYear,
    achieved: e.achieved,
    achievementRate: e.achievementRate,
    progressRate: e.progressRate,
    pathTarget: e.pathTarget,
    trend: e.trend,
    grade: e.grade,
    rank: e.rank,
    levels: settings.scale.levels.length,
    directionToConfirm: e.directionToConfirm,
    basisUsed: e.basisUsed,
    notes: e.notes,
  };
}

export type KpiWithEvaluationJson = KpiJson & {
  readonly direction: Direction;
  readonly directionSource: KpiEvaluation['directionSource'];
  readonly evaluation: KpiEvaluationJson | null;
};

export interface BlockWithEvaluationJson extends Omit<BlockJson, 'headline' | 'kpis'> {
  readonly headline: readonly KpiWithEvaluationJson[];
  readonly kpis: readonly KpiWithEvaluationJson[];
}

export interface EvaluateJson extends Omit<InspectJson, 'blocks'> {
  readonly blocks: readonly BlockWithEvaluationJson[];
  /** The evaluation year (Gregorian year the fiscal year starts in). */
  readonly year: number;
  /** The sheets judged: several where the workbook keeps one sheet per 基本目標 (each block says its own). */
  readonly sheets: readonly string[];
  readonly settings: Settings;
  readonly summary: Summary;
}

function sheetsOf(sheet: KpiSheet): string[] {
  const named = [...new Set(sheet.blocks.map((b) => b.sheet).filter((s): s is string => s !== undefined))];
  return named.length > 0 ? named : [sheet.sheet];
}

/** The inspect JSON of the sheet, each KPI with its direction and evaluation, and the summary. */
export function evaluationJson(analysis: Judged, file: string): EvaluateJson {
  const { evaluation } = analysis;
  const byId = new Map(evaluation.kpis.map((e) => [e.kpiId, e]));
  const withEvaluation = (kpi: KpiJson): KpiWithEvaluationJson => {
    const e = byId.get(kpi.id);
    return {
      ...kpi,
      direction: e?.direction ?? 'up',
      directionSource: e?.directionSource ?? 'default',
      evaluation: e ? kpiEvaluationJson(e, evaluation.settings) : null,
    };
  };
  const inspect = kpiSheetToJson(analysis.sheet, file);
  return {
    ...inspect,
    blocks: inspect.blocks.map((block) => ({
      ...block,
      headline: block.headline.map(withEvaluation),
      kpis: block.kpis.map(withEvaluation),
    })),
    year: evaluation.year,
    sheets: sheetsOf(analysis.sheet),
    settings: evaluation.settings,
    summary: evaluation.summary,
  };
}
