/**
 * The target a reading is held to (EVALUATION.md section 3). At or after the final target year: the final
 * target. Before it: the city's interim target for the reading's year when it gives one (`中間目標(2020年度)`);
 * else, with the path setting on, the line through baseline, interim targets and final target at that year;
 * with it off, the next target the KPI is heading for.
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

export type TargetSource = 'final' | 'interim' | 'path' | 'next';

export interface YearTarget {
  readonly value: number;
  readonly source: TargetSource;
  /** The year of the interim or next target used (the final target's year for `final`). */
  readonly year: FiscalYear;
}

export interface TargetInputs {
  readonly baseline: YearValue | null;
  /** Interim targets comparable with the reading, ascending by year. */
  readonly interims: readonly YearValue[];
  readonly final: YearValue;
  /** The evaluation year. */
  readonly year: FiscalYear;
  /** The year of the reading judged. */
  readonly readingYear: FiscalYear;
  readonly interimPath: boolean;
}

export function targetFor(inputs: TargetInputs): YearTarget {
  const { final, readingYear } = inputs;
  if (inputs.year >= final.year) return { value: final.value, source: 'final', year: final.year };
  const interims = inputs.interims.filter((t) => t.year < final.year);
  const exact = interims.find((t) => t.year === readingYear);
  if (exact) return { value: exact.value, source: 'interim', year: exact.year };

  const milestones = [...interims, final];
  const next = milestones.find((t) => t.year > readingYear) ?? final;
  if (inputs.interimPath) {
    const before = [...(inputs.baseline ? [inputs.baseline] : []), ...interims].filter(
      (t) => t.year <= readingYear,
    );
    const from = before.length > 0 ? before[before.length - 1] : null;
    const onLine = from ? pathTarget(from, next, readingYear) : null;
    if (onLine !== null) return { value: onLine, source: 'path', year: next.year };
  }
  if (interims.length === 0) return { value: final.value, source: 'final', year: final.year };
  return { value: next.value, source: 'next', year: next.year };
}
