/**
 * A run over the whole workbook from Excel (issue 13: one sheet per 基本目標): the sheet the user is on and
 * every other visible worksheet that may hold a KPI table, read and judged together, the way the command
 * line does. The add-in's own sheets and hidden sheets are not read.
 */
import { readKpiSheet } from '../core/layout';
import { ownSheets } from '../core/plan/marks';
import { analyzeBook, type BookAnalysis } from '../core/pipeline';
import type { Grid, Settings } from '../core/types';
import type { CellEditMode, WorkbookHost } from './workbook-host';

/** The other sheets a run over the workbook reads, in workbook order. */
export function otherSheetsToRead(active: Grid): string[] {
  const skip = new Set([active.sheet, ...ownSheets(active), ...(active.hiddenSheets ?? [])]);
  // A host that does not say which sheets are hidden reads the active sheet alone.
  if (active.hiddenSheets === undefined) return [];
  return active.sheetNames.filter((name) => !skip.has(name));
}

/**
 * The book from the active sheet's grid: the other sheets are read one by one (a sync or more each, as
 * many as there are sheets, not rows); null when no sheet reads as a KPI table.
 */
export async function readBook(
  host: WorkbookHost,
  active: Grid,
  settings: Settings,
  cellEdit?: CellEditMode,
): Promise<BookAnalysis | null> {
  const grids: Grid[] = [active];
  for (const name of otherSheetsToRead(active)) grids.push(await host.readGrid(name, cellEdit));
  const order = new Map(active.sheetNames.map((name, i) => [name, i]));
  grids.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0));
  return analyzeBook(
    grids.map((grid) => ({ grid, layout: readKpiSheet(grid) })),
    settings,
    active.sheet,
  );
}
