/**
 * The part of a full plan that rewrites some rows only: live re-judging writes the touched rows'
 * flag values and nothing else (rules, styles, marks and the summary stay as the full run left them).
 */
import type { WriteOp, WritePlan } from '../types';

type SetValues = Extract<WriteOp, { op: 'setValues' }>;

/** setValues cells of `sheet` that lie on `rows`, one op per run of consecutive rows. */
export function restrictToRows(plan: WritePlan, sheet: string, rows: readonly number[]): WritePlan {
  const wanted = new Set(rows);
  const ops: WriteOp[] = [];
  for (const op of plan.ops) {
    if (op.op !== 'setValues' || op.sheet !== sheet) continue;
    ops.push(...rowRuns(op, wanted));
  }
  return { ops, notices: [] };
}

function rowRuns(op: SetValues, wanted: ReadonlySet<number>): SetValues[] {
  const runs: SetValues[] = [];
  let start = -1;
  const flush = (end: number): void => {
    if (start >= 0) runs.push({ ...op, row: op.row + start, values: op.values.slice(start, end) });
    start = -1;
  };
  op.values.forEach((_, i) => {
    if (wanted.has(op.row + i)) {
      if (start < 0) start = i;
    } else {
      flush(i);
    }
  });
  flush(op.values.length);
  return runs;
}
