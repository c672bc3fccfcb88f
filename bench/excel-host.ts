/**
 * Excel host against the recording fake of Office.js: `context.sync()` calls and conditional-format rules
 * of one full run (read, judge, plan, apply) as the pane does it, and of a second run on the result (a
 * re-run must not add rules).
 */
import type { Grid } from '../src/core/types';
import { fullRun, seeded } from '../tests/excel/harness';
import type { FakeExcel } from '../tests/excel/fake-excel';

export interface ExcelHostMeasure {
  readonly kpiRows: number;
  readonly readSyncs: number;
  readonly applySyncs: number;
  readonly rules: number;
  readonly rerunApplySyncs: number;
  readonly rulesAfterRerun: number;
}

function ruleCount(fake: FakeExcel): number {
  return fake.state.sheets.reduce((sum, sheet) => sum + sheet.conditionalFormats.length, 0);
}

export async function measureExcelHost(kpiRows: number, grid: Grid): Promise<ExcelHostMeasure> {
  const { fake, host } = seeded(grid);
  const first = await fullRun(host);
  const readSyncs = host.lastReadSyncs;
  const rules = ruleCount(fake);
  const second = await fullRun(host);
  return {
    kpiRows,
    readSyncs,
    applySyncs: first.result.syncs,
    rules,
    rerunApplySyncs: second.result.syncs,
    rulesAfterRerun: ruleCount(fake),
  };
}
