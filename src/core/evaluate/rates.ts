/**
 * 達成率 and 進捗率 (EVALUATION.md section 3), as fractions. Each is null where the formula is undefined;
 * neither is ever NaN or Infinity. Percent readings are in percent points, so they compare in points.
 */
import type { Direction } from '../types';
import { sign } from './direction';

/** The value itself when it is a finite number, else null. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** d·(A − T) ≥ 0. */
export function isAchieved(latest: number, target: number, direction: Direction): boolean {
  return sign(direction) * (latest - target) >= 0;
}

/** up: A ÷ T (T > 0); down: T ÷ A (A > 0; a target of 0 gives 0). */
export function achievementRate(latest: number, target: number, direction: Direction): number | null {
  if (direction === 'up') return target > 0 ? finiteOrNull(latest / target) : null;
  return latest > 0 ? finiteOrNull(target / latest) : null;
}

/** (A − B) ÷ (T − B), only when the target asks for improvement: d·(T − B) > 0. */
export function progressRate(
  latest: number,
  baseline: number,
  target: number,
  direction: Direction,
): number | null {
  const span = target - baseline;
  if (!(sign(direction) * span > 0)) return null;
  return finiteOrNull((latest - baseline) / span);
}
