/** What each operation is to the write: its description for the pane, its target sheet and its phase. */
import { columnLetters, compactRangeAddress } from '../core/a1';
import type { CellRange, WriteOp } from '../core/types';

/** Short description of an operation for the pane: `setValues KPI!P5:Q40`. */
export function describeOp(op: WriteOp): string {
  switch (op.op) {
    case 'deleteSheet':
    case 'addSheet':
      return `${op.op} ${op.sheet}`;
    case 'removeMark':
      return `${op.op} ${op.name}`;
    case 'addMark':
      return `${op.op} ${op.mark.name}`;
    case 'setValues':
      return `${op.op} ${op.sheet}!${compactRangeAddress(valuesRange(op))}`;
    case 'setColumnWidths':
      return `${op.op} ${op.sheet}!${columnLetters(op.firstCol)}:${columnLetters(op.firstCol + op.widths.length - 1)}`;
    case 'setPageLayout':
    case 'addChart':
      return `${op.op} ${op.sheet}`;
    default:
      return `${op.op} ${op.sheet}!${compactRangeAddress(op.range)}`;
  }
}

export type SetValuesOp = Extract<WriteOp, { op: 'setValues' }>;

export function valuesRange(op: SetValuesOp): CellRange {
  const width = Math.max(1, ...op.values.map((row) => row.length));
  return {
    top: op.row,
    left: op.col,
    bottom: op.row + Math.max(op.values.length, 1) - 1,
    right: op.col + width - 1,
  };
}

export const REMOVAL = new Set<WriteOp['op']>([
  'clearRange',
  'removeConditionalFormats',
  'removeDataValidation',
  'deleteSheet',
  'removeMark',
]);

export function writePhase(op: WriteOp): number {
  if (REMOVAL.has(op.op)) return 0;
  if (op.op === 'addSheet') return 1;
  if (op.op === 'addMark') return 2;
  return 3;
}

/** The sheet an operation writes to, if any. */
export function targetSheet(op: WriteOp): string | null {
  switch (op.op) {
    case 'removeMark':
      return null;
    case 'addMark':
      return op.mark.sheet;
    default:
      return op.sheet;
  }
}
