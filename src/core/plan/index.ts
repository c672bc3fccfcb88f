// Placeholder until the write plan lands (issue 6).
import type { Evaluation, Grid, KpiSheet, WritePlan } from '../types';

export interface PlanInput {
  readonly grid: Grid;
  readonly sheet: KpiSheet;
  readonly evaluation: Evaluation;
  readonly now: Date;
}

export function planWrite(_input: PlanInput): WritePlan {
  return { ops: [], notices: [] };
}
