/**
 * A run over the whole workbook from Excel (one sheet per 基本目標): the sheet the user is on and
 * every other visible worksheet that may hold a KPI table, read and judged together, the way the command
 * line does. The add-in's own sheets and hidden sheets are not read.
 */
import { readKpiSheet } from '../core/layout';
import { ownSheets } from '../core/plan/marks';
import { analyzeBook, type BookAnalysis } from '../core/analyze';
import type { Grid, Settings } from '../core/types';
import type { CellEditMode, WorkbookHost } from '../core/host';

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

/**
 * What a run over the workbook did beyond the active sheet, for the pane's notices (Japanese, as the plan's
 * notices are): the sheets judged together, and any sheet left out because it repeats another's KPIs.
 */
export function bookNotices(book: BookAnalysis): string[] {
  const names = (list: readonly string[]) => list.map((name) => `「${name}」`).join('');
  const notices =
    book.sheets.length > 1
      ? [`シート${names(book.sheets.map((s) => s.grid.sheet))}をまとめて評価し、サマリーは 1 つにしました`]
      : [];
  for (const r of book.repeated) {
    notices.push(
      `シート「${r.name}」は「${r.like}」と同じ KPI の表のため評価しませんでした。` +
        'そのシートを開いて評価すると、そちらを評価します',
    );
  }
  return notices;
}
