/**
 * The public JSON of `kpi-sheet compare --json` (schema/compare-v1.schema.json): every KPI of both tables
 * with its marks, and the pairs left for the user to confirm.
 */
import { markCounts, type ChangeMark, type ComparedKpi, type Comparison } from '../core/compare';

export const COMPARE_SCHEMA_VERSION = 1;
export const COMPARE_SCHEMA_ID = `https://kpi-sheet.invalid/schema/compare-v${COMPARE_SCHEMA_VERSION}.schema.json`;

export interface TableSource {
  readonly file: string;
  readonly sheet: string;
}

export interface CompareJson {
  readonly $schema: string;
  readonly schemaVersion: number;
  readonly strategy: TableSource;
  readonly progress: TableSource;
  readonly counts: Record<ChangeMark, number>;
  readonly rows: readonly {
    readonly marks: readonly ChangeMark[];
    readonly score: number | null;
    readonly notes: readonly string[];
    readonly strategy: ComparedKpi | null;
    readonly progress: ComparedKpi | null;
  }[];
  readonly uncertain: readonly {
    readonly score: number;
    readonly strategy: ComparedKpi;
    readonly progress: ComparedKpi;
  }[];
  /** The 比較 sheet written with -o, else null. */
  readonly output: { readonly file: string; readonly sheet: string } | null;
}

export function compareToJson(
  comparison: Comparison,
  strategy: TableSource,
  progress: TableSource,
  output: CompareJson['output'],
): CompareJson {
  return {
    $schema: COMPARE_SCHEMA_ID,
    schemaVersion: COMPARE_SCHEMA_VERSION,
    strategy,
    progress,
    counts: markCounts(comparison),
    rows: comparison.rows.map((r) => ({
      marks: r.marks,
      score: r.score,
      notes: r.notes,
      strategy: r.before,
      progress: r.after,
    })),
    uncertain: comparison.uncertain.map((u) => ({ score: u.score, strategy: u.before, progress: u.after })),
    output,
  };
}
