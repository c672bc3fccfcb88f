/**
 * Writes the rollup (core/rollup) as a new workbook with the package editor: an empty package, the plan's
 * sheets and cells, the 全KPI table part, and the header rows frozen. Nothing here decides what a cell holds.
 */
import { cellAddress } from '../core/a1';
import type { RollupLayout } from '../core/rollup/rollup-sheets';
import type { ApplyResult } from '../core/host';
import { applyBookPlan } from './package/apply-book';
import { newWorkbook } from './package/new-book';
import { addTablePart } from './package/table-part';
import type { WorksheetPart } from './package/worksheet-part';

/** Keeps the top `rows` rows in view (Excel's ウィンドウ枠の固定); the first sheet is the one shown. */
function freezeRows(sheet: WorksheetPart, rows: number, selected: boolean): void {
  const below = cellAddress(rows + 1, 1);
  const tab = selected ? ' tabSelected="1"' : '';
  sheet.put(
    'sheetViews',
    `<sheetViews><sheetView${tab} workbookViewId="0">` +
      `<pane ySplit="${rows}" topLeftCell="${below}" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="${below}" sqref="${below}"/>` +
      '</sheetView></sheetViews>',
  );
}

export interface RollupBytes {
  readonly bytes: Buffer;
  /** Ops the package editor could not carry out (none is expected: every sheet is new). */
  readonly applied: ApplyResult;
}

export function rollupWorkbook(layout: RollupLayout): RollupBytes {
  const book = newWorkbook();
  const applied = applyBookPlan(book, layout.plan);
  addTablePart(book, layout.table);
  const first = book.sheets()[0]?.name;
  for (const { sheet, rows } of layout.frozenRows) {
    const part = book.worksheet(sheet);
    if (part) freezeRows(part, rows, sheet === first);
  }
  return { bytes: book.toBuffer(), applied };
}
