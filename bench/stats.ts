/** Small helpers for timings: a median and a monotonic clock in milliseconds. */
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function nowMs(): number {
  return performance.now();
}

/** `1234567` → `1,234,567`. */
export function grouped(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
