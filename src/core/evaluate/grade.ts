/**
 * The grade (EVALUATION.md section 3): a level of the settings' scale, chosen on the basis rate with the
 * fallbacks when a rate is undefined; by rank for age limits and presences.
 */
import type { Direction, Grade, GradeBasis, GradeBasisUsed, GradeScale } from '../types';
import { meansAchieved } from '../settings/scale';
import { sign } from './direction';

export interface GradeDecision {
  readonly grade: Grade;
  /** 1 = the scale's best level. */
  readonly rank: number;
  readonly basisUsed: GradeBasisUsed;
  readonly notes: readonly string[];
}

const BASIS_NAMES: Readonly<Record<GradeBasis, string>> = { achievement: '達成率', progress: '進捗率' };

/** A fraction in percent points, rounded so 0.8 × 100 counts as 80. */
function percentPoints(rate: number): number {
  return Math.round(rate * 100 * 1e9) / 1e9;
}

/**
 * The first level whose condition holds, best first, as a 0-based index. With no rate (`points` null) an
 * achieved KPI counts as exactly 100 % and any other KPI as below every threshold, so an achieved KPI gets
 * the scale's 達成 level and the rest its lowest (A or D on 標準, as before scales were data).
 */
export function levelIndex(scale: GradeScale, points: number | null, achieved: boolean): number {
  const rate = points ?? (achieved ? 100 : -Infinity);
  const index = scale.levels.findIndex(({ condition }) => {
    if (condition.kind === 'otherwise') return true;
    if (condition.kind === 'achieved') return achieved;
    return rate >= condition.min;
  });
  return index >= 0 ? index : scale.levels.length - 1;
}

function decision(
  scale: GradeScale,
  index: number,
  basisUsed: GradeBasisUsed,
  notes: string[],
): GradeDecision {
  return { grade: scale.levels[index].symbol, rank: index + 1, basisUsed, notes };
}

/** The level a rate (a fraction) reaches on the scale; `achieved` answers the `achieved` conditions. */
export function gradeFromRate(rate: number, scale: GradeScale, achieved: boolean = rate >= 1): Grade {
  return scale.levels[levelIndex(scale, percentPoints(rate), achieved)].symbol;
}

export interface RateInputs {
  readonly achievementRate: number | null;
  readonly progressRate: number | null;
  readonly achieved: boolean;
  /** The target compared against (the path target when one applies). */
  readonly target: number;
  readonly direction: Direction;
  readonly basis: GradeBasis;
  readonly scale: GradeScale;
}

export function gradeByRates(inputs: RateInputs): GradeDecision {
  const { basis, scale, achieved } = inputs;
  const other: GradeBasis = basis === 'achievement' ? 'progress' : 'achievement';
  const rates: Readonly<Record<GradeBasis, number | null>> = {
    achievement: inputs.achievementRate,
    progress: inputs.progressRate,
  };
  const targetIsZero = inputs.target === 0;
  const on = (b: GradeBasis, notes: string[]): GradeDecision => {
    const rate = rates[b] as number;
    return decision(scale, levelIndex(scale, percentPoints(rate), achieved), b, notes);
  };

  // A lower-is-better target of 0: 達成率 T ÷ A is 0 % for any A > 0, which says nothing about how far the
  // KPI came, so a KPI not yet at 0 is judged on its progress from the baseline.
  if (targetIsZero && inputs.direction === 'down' && basis === 'achievement' && !achieved) {
    if (rates.progress !== null) return on('progress', ['目標0のため進捗率で判定']);
    if (rates.achievement !== null) {
      return on('achievement', ['目標0: 基準値からの進捗を算出できないため達成率で判定']);
    }
  }

  if (rates[basis] !== null) return on(basis, []);

  if (rates[other] !== null) {
    const note = targetIsZero
      ? `目標0のため${BASIS_NAMES[other]}で判定`
      : `${BASIS_NAMES[basis]}を算出できないため${BASIS_NAMES[other]}で判定`;
    return on(other, [note]);
  }

  const reason = targetIsZero ? '目標0のため' : '';
  return decision(scale, levelIndex(scale, null, achieved), 'achieved', [
    `${reason}達成率・進捗率を算出できず、達成/未達で判定`,
  ]);
}

/**
 * Age limits and presences compare by rank: achieved when the reading ranks at or above the target (the
 * scale's 達成 level); one rank short of the target, but above nothing (不育のみ有 against 有), is the level
 * just above the lowest (C on 標準) unless that level means achieved; anything further is the lowest.
 */
export function gradeByRank(
  latest: number,
  target: number,
  direction: Direction,
  lowest: number,
  scale: GradeScale,
): GradeDecision {
  const short = sign(direction) * (target - latest);
  const bottom = scale.levels.length - 1;
  if (short <= 0) return decision(scale, levelIndex(scale, null, true), 'rank', []);
  if (short <= 1 && latest > lowest && bottom >= 1) {
    if (!meansAchieved(scale.levels[bottom - 1])) return decision(scale, bottom - 1, 'rank', []);
  }
  return decision(scale, bottom, 'rank', []);
}
