/**
 * What a summary section needs of the summary sheet's writer: the sheet, the ops so far and the row cursor.
 * Sections in their own modules write through this, so the sheet's writer stays in summary-sheet.ts.
 */
import type { CellStyle, PlanValue, WriteOp } from '../types';
import { rangeOf } from '../a1';

export interface SummaryCursor {
  readonly sheet: string;
  readonly ops: WriteOp[];
  row: number;
  values(values: readonly (readonly PlanValue[])[], col?: number): void;
  style(top: number, left: number, bottom: number, right: number, style: CellStyle): void;
  line(text: string, style: CellStyle): void;
}

export function merge(w: SummaryCursor, top: number, left: number, bottom: number, right: number): void {
  w.ops.push({ op: 'mergeCells', sheet: w.sheet, range: rangeOf(top, left, bottom, right) });
}
