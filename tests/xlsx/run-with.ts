/** One run of the xlsx host with settings chosen in code (as the pane's settings do), saved to a file. */
import { saveWorkbook } from '../../src/cli/write-output';
import { analyzeRead, plan } from '../../src/core/pipeline';
import type { Settings } from '../../src/core/types';
import { applyPlan } from '../../src/xlsx/apply-plan';
import { loadWorkbook, pickKpiSheet } from '../../src/xlsx/workbook';
import { NOW } from './evaluated';

export async function runWith(input: string, output: string, settings: Settings): Promise<void> {
  const workbook = await loadWorkbook(input);
  const picked = pickKpiSheet(workbook, undefined);
  const analyzed = analyzeRead(picked.grid, picked.layout, settings);
  if (!analyzed.ok) throw new Error(analyzed.failure.message);
  const result = applyPlan(workbook, plan(analyzed.analysis, { now: NOW }));
  if (result.skipped.length > 0) throw new Error(JSON.stringify(result.skipped));
  await saveWorkbook(workbook, output);
}
