/** What a comparison of two readings of one strategy gives: its rows and the pairs to confirm. */
import type { ChangeMark } from './changes';

/** One KPI as the comparison shows it. */
export interface ComparedKpi {
  readonly goal: string;
  readonly name: string;
  readonly unit: string;
  readonly baseline: string;
  readonly target: string;
  readonly row: number;
  readonly sheet: string;
}

export interface ComparisonRow {
  /** Marks for a matched pair (several can apply), or 追加 / 削除 alone. */
  readonly marks: readonly ChangeMark[];
  readonly before: ComparedKpi | null;
  readonly after: ComparedKpi | null;
  /** Name similarity 0..1 of a matched pair; null for 追加 / 削除. */
  readonly score: number | null;
  /** Japanese notes on the pair: a value one table left out (not a change). */
  readonly notes: readonly string[];
}

/** A pair that looks alike but not enough to merge: the user decides. Both KPIs also appear as 削除 / 追加. */
export interface UncertainMatch {
  readonly before: ComparedKpi;
  readonly after: ComparedKpi;
  readonly score: number;
}

export interface Comparison {
  readonly rows: readonly ComparisonRow[];
  readonly uncertain: readonly UncertainMatch[];
}
