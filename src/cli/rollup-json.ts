/**
 * The public JSON of `kpi-sheet rollup --json` (schema/rollup-v1.schema.json): the 集計 rows by workbook and
 * 基本目標, the files that could not be read with their reasons, and every KPI of every file.
 */
import type { GoalRow, KpiRow, Rollup, RollupFailure } from '../core/rollup/rollup-rows';
import type { FiscalYear } from '../core/types';
import { pickFields } from './json';

export const ROLLUP_SCHEMA_VERSION = 1;
export const ROLLUP_SCHEMA_ID = `https://kpi-sheet.invalid/schema/rollup-v${ROLLUP_SCHEMA_VERSION}.schema.json`;

/** A 集計 row without the workbook fields its book already carries. */
export type RollupGoalJson = Omit<GoalRow, 'book' | 'title' | 'year' | 'previousYear'>;

export interface RollupJson {
  readonly $schema: string;
  readonly schemaVersion: number;
  readonly books: readonly {
    readonly file: string;
    readonly name: string;
    readonly title: string | null;
    readonly year: FiscalYear;
    readonly previousYear: FiscalYear | null;
    readonly goals: readonly RollupGoalJson[];
  }[];
  readonly failures: readonly RollupFailure[];
  readonly kpis: readonly KpiRow[];
}

/** The fields of a 集計 row in the JSON, in the schema's order. */
const GOAL_FIELDS = [
  'goal',
  'total',
  'kpis',
  'levels',
  'counts',
  'top',
  'share',
  'previousShare',
  'moves',
  'dataIssues',
] as const satisfies readonly (keyof RollupGoalJson)[];

function goalJson(g: GoalRow): RollupGoalJson {
  return pickFields(g, GOAL_FIELDS);
}

export function rollupToJson(rollup: Rollup): RollupJson {
  const { books, kpis, failures } = rollup;
  return {
    $schema: ROLLUP_SCHEMA_ID,
    schemaVersion: ROLLUP_SCHEMA_VERSION,
    books: books.map((b) => ({
      file: b.file,
      name: b.name,
      title: b.title,
      year: b.report.year,
      previousYear: b.report.previousYear,
      goals: b.goals.map(goalJson),
    })),
    failures,
    kpis,
  };
}
