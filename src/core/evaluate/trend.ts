/** The latest reading against the baseline, in the KPI's direction (EVALUATION.md section 3). */
import type { Direction, Trend } from '../types';
import { sign } from './direction';

/**
 * `same` when the change is within `tolerance` of the baseline (a fraction: 0.05 = ±5 %; 0 = exact), else
 * `better` or `worse` as d·(A − B) is positive or negative.
 */
export function trendOf(latest: number, baseline: number, direction: Direction, tolerance: number): Trend {
  const change = latest - baseline;
  const allowed = Math.max(0, tolerance) * Math.abs(baseline);
  if (!(Math.abs(change) > allowed)) return 'same';
  return sign(direction) * change > 0 ? 'better' : 'worse';
}

/** Arrows for people: ↗ better, → same, ↘ worse. */
export const TREND_ARROWS: Readonly<Record<Trend, string>> = { better: '↗', same: '→', worse: '↘' };
