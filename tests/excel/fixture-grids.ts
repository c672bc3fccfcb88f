/** Fixture workbooks as Grids (through the xlsx host's reader), and bigger grids made from them. */
import path from 'node:path';
import { analyze } from '../../src/core/pipeline';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { CellRange, Grid, KpiSheet } from '../../src/core/types';
import { readGrid } from '../../src/xlsx/read-grid';
import { loadWorkbook } from '../../src/xlsx/workbook';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');

export async function fixtureGrid(file: string): Promise<Grid> {
  const workbook = await loadWorkbook(path.join(FIXTURES, file));
  // As the Excel host reads a sheet: it does not read column widths (only the xlsx reader does).
  const { columnWidths, ...grid } = readGrid(workbook.worksheets[0]);
  void columnWidths;
  return grid;
}

export function kpiSheetOf(grid: Grid): KpiSheet {
  const result = analyze(grid, DEFAULT_SETTINGS);
  if (!result.ok) throw new Error(result.failure.message);
  return result.analysis.sheet;
}

export function kpiCount(grid: Grid): number {
  return kpiSheetOf(grid).blocks.reduce((n, b) => n + b.kpis.length, 0);
}

/**
 * The fixture with its last KPI table's rows repeated until the sheet has at least `kpis` KPI rows
 * (rows below the table move down; merges inside the repeated rows are repeated with them).
 */
export function grownGrid(grid: Grid, kpis: number): Grid {
  const sheet = kpiSheetOf(grid);
  const block = [...sheet.blocks].reverse().find((b) => b.kpiTable !== null && b.kpis.length > 0);
  if (!block || !block.kpiTable) throw new Error('no KPI table to repeat');
  const table = block.kpiTable;
  const size = table.lastRow - table.firstRow + 1;
  const have = sheet.blocks.reduce((n, b) => n + b.kpis.length, 0);
  const copies = Math.max(0, Math.ceil((kpis - have) / block.kpis.length));
  const extra = copies * size;
  const at = table.lastRow - grid.top + 1;
  const grow = <V>(rows: readonly (readonly V[])[]): V[][] => {
    const block = rows.slice(table.firstRow - grid.top, at).map((r) => [...r]);
    const out = rows.slice(0, at).map((r) => [...r]);
    for (let i = 0; i < copies; i++) out.push(...block.map((r) => [...r]));
    out.push(...rows.slice(at).map((r) => [...r]));
    return out;
  };
  const merges: CellRange[] = [];
  for (const m of grid.merges) {
    if (m.top > table.lastRow) merges.push({ ...m, top: m.top + extra, bottom: m.bottom + extra });
    else merges.push(m);
    if (m.top >= table.firstRow && m.bottom <= table.lastRow) {
      for (let i = 1; i <= copies; i++)
        merges.push({ ...m, top: m.top + i * size, bottom: m.bottom + i * size });
    }
  }
  return { ...grid, values: grow(grid.values), texts: grow(grid.texts), formats: grow(grid.formats), merges };
}
