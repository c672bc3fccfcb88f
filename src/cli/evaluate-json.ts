/**
 * The JSON of `kpi-sheet evaluate --json`: the inspect JSON, each KPI with `direction` and `evaluation`, and
 * `summary` at the top level. Years are numbers, rates fractions (0.359) and exact (a cell caps them at
 * `999%超`), `grade` the scale's symbol (A/B/C/D, ◎/○/△/×, …, or X/廃止) whatever labels the settings show,
 * with `rank` its place on the scale (1 = best, `levels` the scale's length; null for X and 廃止) so a script
 * can compare across scales; `trend` the Trend code (better/same/worse): codes, so a script need not know
 * the arrows. `summary.published` lists every cell where the city's own 達成率 or grade differs from ours.
 */
import type { Judged } from '../core/pipeline';
import type { BookReport, GoalReport, KpiReport } from '../core/report/kpi-report';
import type { Direction, KpiEvaluation, KpiSheet } from '../core/types';
import type { Settings, Summary } from '../core/types';
import { kpiSheetToJson, pickFields, type BlockJson, type InspectJson, type KpiJson } from './json';

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

/** The report's fields a KPI carries in the JSON, in the order it prints them. */
const REPORT_FIELDS = [
  'grade',
  'rate',
  'pathTarget',
  'previousGrade',
  'change',
  'comments',
  'cells',
  'diagnostics',
] as const satisfies readonly (keyof KpiReport)[];

/** The report's fields of a KPI (core/report): the same in the JSON and the CSV. */
export type KpiReportJson = Pick<KpiReport, (typeof REPORT_FIELDS)[number]>;

export type KpiWithEvaluationJson = KpiJson &
  Partial<KpiReportJson> & {
    readonly direction: Direction;
    readonly directionSource: KpiEvaluation['directionSource'];
    readonly evaluation: KpiEvaluationJson | null;
  };

export interface BlockWithEvaluationJson extends Omit<BlockJson, 'headline' | 'kpis'> {
  readonly headline: readonly KpiWithEvaluationJson[];
  readonly kpis: readonly KpiWithEvaluationJson[];
  /** Grade counts of the block's KPI rows this year, and the year before (null: no year before). */
  readonly counts?: GoalReport['counts'];
  readonly previousCounts?: GoalReport['previousCounts'];
}

/** The report's JSON Schema (schema/), versioned: a change a script would notice gets a new version. */
export const REPORT_SCHEMA_VERSION = 1;
export const REPORT_SCHEMA_ID = `https://kpi-sheet.invalid/schema/report-v${REPORT_SCHEMA_VERSION}.schema.json`;

export interface EvaluateJson extends Omit<InspectJson, 'blocks'> {
  readonly $schema: string;
  readonly schemaVersion: number;
  readonly blocks: readonly BlockWithEvaluationJson[];
  /** The evaluation year (Gregorian year the fiscal year starts in). */
  readonly year: number;
  /** The sheets judged: several where the workbook keeps one sheet per 基本目標 (each block says its own). */
  readonly sheets: readonly string[];
  /** The year the previous-year grades are of; null when the sheet has none before `year`. */
  readonly previousYear: number | null;
  /** `--department`: the 担当課 the blocks are limited to; null: every KPI. */
  readonly department: string | null;
  readonly settings: Settings;
  readonly summary: Summary;
}

function sheetsOf(sheet: KpiSheet): string[] {
  const named = [...new Set(sheet.blocks.map((b) => b.sheet).filter((s): s is string => s !== undefined))];
  return named.length > 0 ? named : [sheet.sheet];
}

/**
 * The inspect JSON of the sheet, each KPI with its direction and evaluation, and the summary; with `report`
 * (core/report) each KPI also carries the report's fields, each block its grade counts, and a report made for
 * one 担当課 keeps only its KPIs (and the blocks they are in).
 */
export function evaluationJson(
  analysis: Judged,
  file: string,
  report?: BookReport,
  department?: string,
): EvaluateJson {
  const { evaluation } = analysis;
  const byId = new Map(evaluation.kpis.map((e) => [e.kpiId, e]));
  // Ids are per sheet (R12); a combined sheet's blocks say which sheet a KPI is on.
  const reportOf = new Map((report?.kpis ?? []).map((r) => [`${r.sheet}\u0000${r.id}`, r]));
  const withEvaluation =
    (sheet: string) =>
    (kpi: KpiJson): KpiWithEvaluationJson => {
      const e = byId.get(kpi.id);
      const r = reportOf.get(`${sheet}\u0000${kpi.id}`);
      return {
        ...kpi,
        direction: e?.direction ?? 'up',
        directionSource: e?.directionSource ?? 'default',
        evaluation: e ? kpiEvaluationJson(e, evaluation.settings) : null,
        ...(r ? pickFields(r, REPORT_FIELDS) : {}),
      };
    };
  const inspect = kpiSheetToJson(analysis.sheet, file);
  const keep = (kpi: KpiJson): boolean => department === undefined || kpi.department === department;
  const blocks = inspect.blocks.map((block) => {
    const sheet = block.sheet ?? inspect.sheet;
    const goal = report?.goals.find((g) => g.goal === block.goal && g.sheet === sheet);
    return {
      ...block,
      headline: block.headline.filter(keep).map(withEvaluation(sheet)),
      kpis: block.kpis.filter(keep).map(withEvaluation(sheet)),
      ...(goal ? { counts: goal.counts, previousCounts: goal.previousCounts } : {}),
    };
  });
  return {
    $schema: REPORT_SCHEMA_ID,
    schemaVersion: REPORT_SCHEMA_VERSION,
    ...inspect,
    blocks: blocks.filter((b) => department === undefined || b.headline.length + b.kpis.length > 0),
    year: evaluation.year,
    previousYear: report?.previousYear ?? null,
    department: department ?? null,
    sheets: sheetsOf(analysis.sheet),
    settings: evaluation.settings,
    summary: evaluation.summary,
  };
}
