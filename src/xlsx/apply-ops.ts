/**
 * What both .xlsx writers (the package editor and the ExcelJS oracle) do with a plan: every op in order; an
 * op that fails is skipped with its reason and the rest go on; the defined names are written last.
 */
import type { ApplyResult, SkippedOperation } from '../core/host';
import type { WriteOp, WritePlan } from '../core/types';

export interface OpApplier {
  apply(op: WriteOp): void;
  /** Writes the defined names the ops collected. */
  flushNames(): void;
}

export function applyEachOp(applier: OpApplier, plan: WritePlan): ApplyResult {
  const skipped: SkippedOperation[] = [];
  let applied = 0;
  for (const op of plan.ops) {
    try {
      applier.apply(op);
      applied++;
    } catch (error) {
      skipped.push({ op: op.op, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  applier.flushNames();
  return { applied, skipped, syncs: 0 };
}
