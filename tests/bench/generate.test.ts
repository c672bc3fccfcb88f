/**
 * The benchmark's input is a real KPI sheet: the generated workbook, written to .xlsx and read back the way
 * the command line reads it, is understood by the layout reader with every generated KPI row and one block
 * per 基本目標 of the seed. (A correctness check of the bench input; benchmarks themselves are not tests.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SHEET_NAME, writeGeneratedWorkbook } from '../../bench/generate';
import { readKpiSheet } from '../../src/core/layout';
import { readGrid } from '../../src/xlsx/read-grid';

describe('bench generator: a workbook the layout reader reads', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kpi-bench-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has 50 KPI rows in 4 基本目標 blocks, each with its 数値目標 headline', async () => {
    const path = await writeGeneratedWorkbook(50, dir);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const result = readKpiSheet(readGrid(workbook.getWorksheet(SHEET_NAME)!));
    if (!result.ok) throw new Error(result.failure.message);
    const blocks = result.sheet.blocks;
    expect(blocks.map((b) => b.goalNumber)).toEqual([1, 2, 3, 4]);
    expect(blocks.map((b) => b.headlines.length)).toEqual([1, 1, 1, 1]);
    expect(blocks.map((b) => b.kpis.length)).toEqual([13, 13, 12, 12]);
    expect(blocks.flatMap((b) => b.kpis.filter((k) => k.role === 'kpi'))).toHaveLength(50);
  });

  it('keeps framework and measure cells merged down over their rows', async () => {
    const path = await writeGeneratedWorkbook(50, dir);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const result = readKpiSheet(readGrid(workbook.getWorksheet(SHEET_NAME)!));
    if (!result.ok) throw new Error(result.failure.message);
    const first = result.sheet.blocks[0].kpis;
    // Seed goal 1: 1 就業の場の拡大 heads seven rows, ① 産業の担い手育成 the first two.
    expect(first.slice(0, 7).every((k) => k.framework.startsWith('1 就業の場の拡大'))).toBe(true);
    expect(first.slice(0, 2).map((k) => k.measure)).toEqual(['① 産業の担い手育成', '① 産業の担い手育成']);
  });

  it('gives the same workbook for the same size', async () => {
    const a = readGrid(
      (await reread(await writeGeneratedWorkbook(50, join(dir, 'a')))).getWorksheet(SHEET_NAME)!,
    );
    const b = readGrid(
      (await reread(await writeGeneratedWorkbook(50, join(dir, 'b')))).getWorksheet(SHEET_NAME)!,
    );
    expect(b.texts).toEqual(a.texts);
  });
});

async function reread(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}
