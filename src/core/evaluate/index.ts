// Placeholder until the evaluation lands (issue 5).
import type { Evaluation, KpiSheet, Settings } from '../types';

export function evaluate(_sheet: KpiSheet, _settings: Settings): Evaluation {
  throw new Error('evaluate: not implemented yet');
}
