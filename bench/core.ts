/**
 * Core throughput: Grid → WritePlan (readKpiSheet + evaluate + planWrite) at one size, timed per stage,
 * median of several runs after warm-up.
 */
import { evaluate } from '../src/core/evaluate';
import { readKpiSheet } from '../src/core/layout';
import { planWrite } from '../src/core/plan';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import type { Grid } from '../src/core/types';
import { median, nowMs } from './stats';

export interface CoreMeasure {
  readonly kpiRows: number;
  readonly runs: number;
  /** Medians in milliseconds. */
  readonly layoutMs: number;
  readonly evaluateMs: number;
  readonly planMs: number;
  readonly totalMs: number;
  readonly rowsPerSecond: number;
}

const NOW = new Date('2026-11-21T09:00:00+09:00');

function once(grid: Grid): { layout: number; evaluate: number; plan: number; total: number } {
  const t0 = nowMs();
  const layout = readKpiSheet(grid);
  if (!layout.ok) throw new Error(`bench input not readable: ${layout.failure.message}`);
  const t1 = nowMs();
  const evaluation = evaluate(layout.sheet, DEFAULT_SETTINGS);
  const t2 = nowMs();
  const plan = planWrite({ grid, sheet: layout.sheet, evaluation, now: NOW });
  const t3 = nowMs();
  if (plan.ops.length === 0) throw new Error('empty plan');
  return { layout: t1 - t0, evaluate: t2 - t1, plan: t3 - t2, total: t3 - t0 };
}

export function measureCore(kpiRows: number, grid: Grid, runs: number, warmUp: number): CoreMeasure {
  for (let i = 0; i < warmUp; i += 1) once(grid);
  const samples = Array.from({ length: runs }, () => once(grid));
  const totalMs = median(samples.map((s) => s.total));
  return {
    kpiRows,
    runs,
    layoutMs: median(samples.map((s) => s.layout)),
    evaluateMs: median(samples.map((s) => s.evaluate)),
    planMs: median(samples.map((s) => s.plan)),
    totalMs,
    rowsPerSecond: (kpiRows / totalMs) * 1000,
  };
}
