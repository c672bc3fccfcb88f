/**
 * What the demo table shows for one sheet: each cell's text and the colours Excel would paint
 * (its own style, then conditional formats over it). Pure: the page turns it into a table.
 */
import type { CellStyle, Color } from '../../core/types';
import { paint } from './conditional';
import type { CellLookup, PaintedStyle } from './conditional';
import { cellKey } from './demo-workbook';
import type { DemoWorkbook } from './demo-workbook';

export interface ViewCell {
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly style: CellStyle;
  readonly painted: PaintedStyle;
  readonly rowSpan: number;
  readonly colSpan: number;
}

export interface SheetView {
  readonly sheet: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly lastCol: number;
  /** One entry per sheet row; cells covered by a merge are left out. */
  readonly rows: readonly { readonly row: number; readonly cells: readonly ViewCell[] }[];
  /** Excel character widths by column, where the plan set them. */
  readonly columnWidths: ReadonlyMap<number, number>;
}

export function sheetView(book: DemoWorkbook, sheetName: string): SheetView | null {
  const sheet = book.sheet(sheetName);
  if (!sheet) return null;
  const used = book.usedRange(sheetName);
  if (!used) {
    return {
      sheet: sheetName,
      firstRow: 1,
      lastRow: 0,
      lastCol: 0,
      rows: [],
      columnWidths: sheet.columnWidths,
    };
  }
  const lookup: CellLookup = (row, col) => book.cell(sheetName, row, col);
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const merge of sheet.merges) {
    spans.set(cellKey(merge.top, merge.left), {
      rowSpan: merge.bottom - merge.top + 1,
      colSpan: merge.right - merge.left + 1,
    });
    for (let r = merge.top; r <= merge.bottom; r++) {
      for (let c = merge.left; c <= merge.right; c++) {
        if (r !== merge.top || c !== merge.left) covered.add(cellKey(r, c));
      }
    }
  }
  const rows: { row: number; cells: ViewCell[] }[] = [];
  for (let row = 1; row <= used.bottom; row++) {
    const cells: ViewCell[] = [];
    for (let col = 1; col <= used.right; col++) {
      if (covered.has(cellKey(row, col))) continue;
      const cell = book.cell(sheetName, row, col);
      const span = spans.get(cellKey(row, col)) ?? { rowSpan: 1, colSpan: 1 };
      cells.push({ row, col, text: cell.text, style: cell.style, painted: paintAt(row, col), ...span });
    }
    rows.push({ row, cells });
  }
  return {
    sheet: sheetName,
    firstRow: 1,
    lastRow: used.bottom,
    lastCol: used.right,
    rows,
    columnWidths: sheet.columnWidths,
  };

  function paintAt(row: number, col: number): PaintedStyle {
    let fill: Color | undefined;
    let fontColor: Color | undefined;
    let dataBar: PaintedStyle['dataBar'];
    // Earlier rules take priority, as the first rule Excel lists wins a conflict.
    for (const cf of sheet!.conditionalFormats) {
      if (row < cf.range.top || row > cf.range.bottom || col < cf.range.left || col > cf.range.right)
        continue;
      const style = paint(cf.rule, cf.range, { row, col }, lookup);
      if (!style) continue;
      fill ??= style.fill;
      fontColor ??= style.fontColor;
      dataBar ??= style.dataBar;
    }
    return { fill, fontColor, dataBar };
  }
}
