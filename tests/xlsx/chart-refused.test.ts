/**
 * The package editor writes no charts yet (issue 19): a plan that asks for the summary's bar chart gets the
 * rest of its work done and the chart back in `skipped`, with a Japanese reason, never silently dropped.
 */
import { join } from 'node:path';
import { analyzeRead, plan } from '../../src/core/pipeline';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { openBook, pickBookSheet } from '../../src/xlsx/open-book';
import { applyBookPlan } from '../../src/xlsx/package/apply-book';
import { FIXTURES, NOW } from './evaluated';

describe('a chart asked of the package editor', () => {
  it('is refused with a Japanese reason, and every other op is applied', async () => {
    const book = await openBook(join(FIXTURES, 'asakuchi-progress.xlsx'));
    const picked = pickBookSheet(book, undefined);
    const analyzed = analyzeRead(picked.grid, picked.layout, DEFAULT_SETTINGS);
    if (!analyzed.ok) throw new Error(analyzed.failure.message);
    const writePlan = plan(analyzed.analysis, { now: NOW, charts: 'native' });
    expect(writePlan.ops.filter((op) => op.op === 'addChart')).toHaveLength(1);
    const result = applyBookPlan(book, writePlan);
    expect(result.skipped).toEqual([
      { op: 'addChart', reason: 'グラフは .xlsx ファイルにはまだ書けません (Excel アドインでは書けます)' },
    ]);
    expect(result.applied).toBe(writePlan.ops.length - 1);
  });
});
