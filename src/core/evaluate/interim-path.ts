/**
 * The interim path (EVALUATION.md section 3): before the target year a KPI is judged against the straight
 * line from (baseline year, B) to (target year, T), not against the final target.
 */
import type { FiscalYear } from '../types';
import { finiteOrNull } from './rates';

export interface YearValue {
  readonly year: FiscalYear;
  readonly value: number;
}

/** The target for `year` on the line from baseline to target; null when `year` is not strictly between. */
export function pathTarget(baseline: YearValue, target: YearValue, year: FiscalYear): number | null {
  if (!(baseline.year < target.year) || year >= target.year || year < baseline.year) return null;
  const share = (year - baseline.year) / (target.year - baseline.year);
  return finiteOrNull(baseline.value + (target.value - baseline.value) * share);
}
