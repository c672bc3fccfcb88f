// Placeholder until the layout reader lands (issue 4).
import type { Grid, LayoutResult } from '../types';

export function readKpiSheet(_grid: Grid): LayoutResult {
  return {
    ok: false,
    failure: { reason: 'noKpiTable', message: 'KPI 表の読み取りはまだ実装されていません。' },
  };
}
