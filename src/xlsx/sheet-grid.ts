/**
 * The Grid both .xlsx readers (the package editor's and the ExcelJS oracle's) hand to core: the sheet read
 * from A1, with the workbook's marks and sheet names beside it.
 */
import type { CellRange, CellValue, Grid, OutputMark } from '../core/types';

/** Rows from sheet row 1, each from column 1: value, display text and number format of every cell. */
export interface GridRows {
  readonly values: CellValue[][];
  readonly texts: string[][];
  readonly formats: string[][];
}

/** What the Grid says of the workbook around the sheet. */
export interface GridBook {
  readonly marks: readonly OutputMark[];
  readonly sheets: readonly { readonly name: string; readonly hidden: boolean }[];
}

export function emptyGridRows(): GridRows {
  return { values: [], texts: [], formats: [] };
}

export function sheetGrid(
  sheet: string,
  rows: GridRows,
  merges: readonly CellRange[],
  book: GridBook,
  columnWidths: readonly number[],
): Grid {
  return {
    sheet,
    top: 1,
    left: 1,
    values: rows.values,
    texts: rows.texts,
    formats: rows.formats,
    merges,
    marks: book.marks,
    sheetNames: book.sheets.map((s) => s.name),
    hiddenSheets: book.sheets.filter((s) => s.hidden).map((s) => s.name),
    columnWidths,
  };
}
