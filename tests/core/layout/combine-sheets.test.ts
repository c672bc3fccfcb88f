import { readKpiSheet } from '../../../src/core/layout';
import { bookSheets, combineSheets, type ReadKpiSheet } from '../../../src/core/layout/combine-sheets';
import { analyzeBook } from '../../../src/core/pipeline';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { Grid } from '../../../src/core/types';
import { fixtureGrid, inlineGrid } from './fixture-grid';

const PER_GOAL = 'layouts/structure-sheet-per-goal.xlsx';
const GOALS = ['基本目標1', '基本目標2', '基本目標3'];

async function readSheet(file: string, sheet: string): Promise<ReadKpiSheet & { grid: Grid }> {
  const grid = await fixtureGrid(file, sheet);
  const layout = readKpiSheet(grid);
  if (!layout.ok) throw new Error(layout.failure.message);
  return { name: sheet, sheet: layout.sheet, grid };
}

describe('which KPI sheets a run over the workbook judges together', () => {
  it('takes every sheet of a table kept one sheet per 基本目標', async () => {
    const sheets = await Promise.all(GOALS.map((s) => readSheet(PER_GOAL, s)));
    const { included, repeated } = bookSheets(sheets);
    expect(included.map((s) => s.name)).toEqual(GOALS);
    expect(repeated).toEqual([]);
  });

  it('leaves out a sheet that repeats an earlier one (last year’s copy of the table), saying which', async () => {
    const r6 = await readSheet('asakuchi-progress.xlsx', 'KPI一覧');
    const r5 = { ...r6, name: 'R5' };
    const { included, repeated } = bookSheets([r6, r5]);
    expect(included.map((s) => s.name)).toEqual(['KPI一覧']);
    expect(repeated).toEqual([{ name: 'R5', like: 'KPI一覧' }]);
  });

  it('keeps a sheet that shares a few KPI names with another (fewer than half of its own)', () => {
    const grid = (kpis: readonly string[]): Grid =>
      inlineGrid([['KPI', '基準値(H30)', 'R4', '目標値(R6)'], ...kpis.map((k) => [k, '5人', '8人', '10人'])]);
    const read = (name: string, kpis: readonly string[]): ReadKpiSheet => {
      const layout = readKpiSheet(grid(kpis));
      if (!layout.ok) throw new Error(layout.failure.message);
      return { name, sheet: layout.sheet };
    };
    const a = read('基本目標1', ['新規創業者数', '企業誘致件数', '就業者数']);
    const b = read('基本目標2', ['転入者数', '観光入込客数', '新規創業者数']);
    expect(bookSheets([a, b]).included.map((s) => s.name)).toEqual(['基本目標1', '基本目標2']);
  });
});

describe('several sheets as one KpiSheet: every id and address says its sheet', () => {
  it('qualifies KPI ids and blocks with the sheet, in workbook order', async () => {
    const sheets = await Promise.all(GOALS.map((s) => readSheet(PER_GOAL, s)));
    const combined = combineSheets(sheets);
    expect(combined.sheet).toBe(GOALS.join('、'));
    expect(combined.blocks.map((b) => [b.sheet, b.goal])).toEqual([
      ['基本目標1', '1 しごとをつくる'],
      ['基本目標2', '2 ひとの流れをつくる'],
      ['基本目標3', '3 結婚・出産・子育ての希望をかなえる'],
    ]);
    const ids = combined.blocks.flatMap((b) => b.kpis.map((k) => k.id));
    expect(ids).toEqual(['基本目標1!R3', '基本目標2!R3', '基本目標2!R4', '基本目標3!R3']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives one sheet back as it is', async () => {
    const one = await readSheet(PER_GOAL, '基本目標2');
    expect(combineSheets([one])).toBe(one.sheet);
  });
});

describe('analyzeBook: the sheets at one evaluation year, each judged as the whole run judges it', () => {
  it('judges each sheet at the book’s year and sums them in the combined evaluation', async () => {
    const reads = await Promise.all(
      GOALS.map(async (s) => {
        const grid = await fixtureGrid(PER_GOAL, s);
        return { grid, layout: readKpiSheet(grid) };
      }),
    );
    const book = analyzeBook(reads, DEFAULT_SETTINGS);
    expect(book?.sheets.map((s) => s.grid.sheet)).toEqual(GOALS);
    expect(new Set(book?.sheets.map((s) => s.evaluation.year))).toEqual(
      new Set([book?.combined.evaluation.year]),
    );
    const perSheet = book?.sheets.flatMap((s) => s.evaluation.kpis.map((k) => k.grade));
    expect(book?.combined.evaluation.kpis.map((k) => k.grade)).toEqual(perSheet);
    expect(book?.combined.evaluation.summary.overall.judged).toBe(4);
    // The settings still say what the user chose (no year): a saved workbook is not pinned to this one.
    expect(book?.combined.evaluation.settings.evaluationYear).toBe(DEFAULT_SETTINGS.evaluationYear);
  });

  it('is null when no sheet reads as a KPI table', () => {
    const grid = inlineGrid([
      ['予算', '金額'],
      ['道路維持', '1,200千円'],
    ]);
    expect(analyzeBook([{ grid, layout: readKpiSheet(grid) }], DEFAULT_SETTINGS)).toBeNull();
  });
});
