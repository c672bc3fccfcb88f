/**
 * One run of the command line's package editor with settings chosen in code (as the pane's settings do),
 * saved to a file: the read, plan and write of evaluateWorkbook, without its choice of settings.
 */
import { saveWorkbook } from '../../src/cli/write-output';
import { analyzeRead, plan } from '../../src/core/pipeline';
import type { Settings } from '../../src/core/types';
import { openBook, pickBookSheet } from '../../src/xlsx/open-book';
import { applyBookPlan, PACKAGE_CHARTS } from '../../src/xlsx/package/apply-book';
import { NOW } from './evaluated';

export async function runWith(input: string, output: string, settings: Settings): Promise<void> {
  const workbook = await openBook(input);
  const picked = pickBookSheet(workbook, undefined);
  const analyzed = analyzeRead(picked.grid, picked.layout, settings);
  if (!analyzed.ok) throw new Error(analyzed.failure.message);
  const result = applyBookPlan(workbook, plan(analyzed.analysis, { now: NOW, charts: PACKAGE_CHARTS }));
  if (result.skipped.length > 0) throw new Error(JSON.stringify(result.skipped));
  await saveWorkbook(workbook, output);
}
