/**
 * A table that names no year anywhere (`現状値 → 目標値` with bare values): read and shown, each KPI
 * with no actual gets X with the reason, and nothing prints "0" as a year.
 */
import { evaluate } from '../../../src/core/evaluate';
import { readKpiSheet } from '../../../src/core/layout';
import { planWrite } from '../../../src/core/plan';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { WriteOp } from '../../../src/core/types';
import { fixtureGrid } from '../layout/fixture-grid';

const NOW = new Date('2026-11-21T09:00:00+09:00');

async function run() {
  const grid = await fixtureGrid('layouts/no-year-arrow.xlsx');
  const layout = readKpiSheet(grid);
  if (!layout.ok) throw new Error(layout.failure.message);
  const evaluation = evaluate(layout.sheet, DEFAULT_SETTINGS);
  return { evaluation, plan: planWrite({ grid, sheet: layout.sheet, evaluation, now: NOW }) };
}

function writtenTexts(ops: readonly WriteOp[]): string[] {
  return ops.flatMap((op) => {
    if (op.op === 'setValues') return op.values.flat().filter((v): v is string => typeof v === 'string');
    if (op.op === 'setPageLayout') return [op.layout.header, op.layout.footer];
    return [];
  });
}

describe('a table with no year anywhere', () => {
  it('judges each KPI X with the reason 実績値なし, not "up to year 0"', async () => {
    const { evaluation } = await run();
    expect(evaluation.year).toBe(0);
    expect(evaluation.kpis.map((k) => [k.grade, k.notes])).toEqual([
      ['X', ['実績値なし']],
      ['X', ['実績値なし']],
    ]);
  });

  it('says on the summary and in the footer that the year is unknown, and never prints year 0', async () => {
    const { plan } = await run();
    const texts = writtenTexts(plan.ops);
    expect(texts).toContain(
      '評価年度: 不明 (表のどこにも年度がありません。「列の割り当て」で列の年度を指定できます)',
    );
    expect(texts.some((t) => t.includes('評価年度不明'))).toBe(true);
    expect(texts.filter((t) => /(^|[^\d])0(年度|までの)/.test(t))).toEqual([]);
  });
});
