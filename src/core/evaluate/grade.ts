/**
 * The grade (EVALUATION.md section 3): on the chosen basis and thresholds, with the fallbacks when a rate is
 * undefined; by rank for age limits and presences.
 */
import type { Direction, Grade, GradeBasis, GradeBasisUsed, Thresholds } from '../types';
import { sign } from './direction';

export interface GradeDecision {
  readonly grade: Grade;
  readonly basisUsed: GradeBasisUsed;
  readonly notes: readonly string[];
}

const BASIS_NAMES: Readonly<Record<GradeBasis, string>> = { achievement: '達成率', progress: '進捗率' };

/** Rate (a fraction) against thresholds in percent points; rounded so 0.8 × 100 counts as 80. */
export function gradeFromRate(rate: number, thresholds: Thresholds): Grade {
  const points = Math.round(rate * 100 * 1e9) / 1e9;
  if (points >= thresholds.a) return 'A';
  if (points >= thresholds.b) return 'B';
  if (points >= thresholds.c) return 'C';
  return 'D';
}

export interface RateInputs {
  readonly achievementRate: number | null;
  readonly progressRate: number | null;
  readonly achieved: boolean;
  /** The target compared against (the path target when one applies). */
  readonly target: number;
  readonly basis: GradeBasis;
  readonly thresholds: Thresholds;
}

export function gradeByRates(inputs: RateInputs): GradeDecision {
  const { basis, thresholds } = inputs;
  const other: GradeBasis = basis === 'achievement' ? 'progress' : 'achievement';
  const rates: Readonly<Record<GradeBasis, number | null>> = {
    achievement: inputs.achievementRate,
    progress: inputs.progressRate,
  };
  const chosen = rates[basis];
  if (chosen !== null) return { grade: gradeFromRate(chosen, thresholds), basisUsed: basis, notes: [] };

  const fallback = rates[other];
  const targetIsZero = inputs.target === 0;
  if (fallback !== null) {
    const note = targetIsZero
      ? `目標0のため${BASIS_NAMES[other]}で判定`
      : `${BASIS_NAMES[basis]}を算出できないため${BASIS_NAMES[other]}で判定`;
    return { grade: gradeFromRate(fallback, thresholds), basisUsed: other, notes: [note] };
  }

  const reason = targetIsZero ? '目標0のため' : '';
  return {
    grade: inputs.achieved ? 'A' : 'D',
    basisUsed: 'achieved',
    notes: [`${reason}達成率・進捗率を算出できず、達成/未達で判定`],
  };
}

/**
 * Age limits and presences compare by rank: achieved (A) when the reading ranks at or above the target;
 * one rank short of the target, but above nothing (不育のみ有 against 有), is C; anything further is D.
 */
export function gradeByRank(latest: number, target: number, direction: Direction, lowest: number): Grade {
  const short = sign(direction) * (target - latest);
  if (short <= 0) return 'A';
  if (short <= 1 && latest > lowest) return 'C';
  return 'D';
}
