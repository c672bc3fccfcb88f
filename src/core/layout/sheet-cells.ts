/** Reading a Grid by sheet coordinates: values, display texts, formats, merge masters. */
import type { CellRange, CellValue, Grid } from '../types';

export interface SheetCells {
  readonly grid: Grid;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  value(row: number, col: number): CellValue;
  /** Display text, trimmed. */
  text(row: number, col: number): string;
  format(row: number, col: number): string;
  /** Text of the merge covering the cell (its top-left cell's), or the cell's own text. */
  mergedText(row: number, col: number): string;
  mergeAt(row: number, col: number): CellRange | null;
  isEmptyRow(row: number): boolean;
}

export function sheetCells(grid: Grid): SheetCells {
  const height = grid.values.length;
  const width = grid.values.reduce((max, row) => Math.max(max, row.length), 0);
  const at = <T>(rows: readonly (readonly T[])[], row: number, col: number): T | undefined =>
    rows[row - grid.top]?.[col - grid.left];
  const value = (row: number, col: number): CellValue => at(grid.values, row, col) ?? '';
  const text = (row: number, col: number): string => {
    const shown = at(grid.texts, row, col);
    if (shown !== undefined && shown !== '') return shown.trim();
    const raw = value(row, col);
    return raw === '' ? '' : String(raw).trim();
  };
  const mergeAt = (row: number, col: number): CellRange | null =>
    grid.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) ?? null;
  return {
    grid,
    firstRow: grid.top,
    lastRow: grid.top + height - 1,
    firstCol: grid.left,
    lastCol: grid.left + width - 1,
    value,
    text,
    format: (row, col) => at(grid.formats, row, col) ?? 'General',
    mergedText: (row, col) => {
      const merge = mergeAt(row, col);
      return merge ? text(merge.top, merge.left) : text(row, col);
    },
    mergeAt,
    isEmptyRow: (row) => {
      for (let col = grid.left; col < grid.left + width; col += 1) if (text(row, col) !== '') return false;
      return true;
    },
  };
}

/**
 * The same cells with every column right of `lastCol` read as empty: a shifted row's reading must never reach
 * into the add-in's own flag columns beside the table (a re-run would take 最新値 for the target).
 */
export function clippedAt(cells: SheetCells, lastCol: number): SheetCells {
  const inside = (col: number): boolean => col <= lastCol;
  return {
    ...cells,
    lastCol: Math.min(cells.lastCol, lastCol),
    value: (row, col) => (inside(col) ? cells.value(row, col) : ''),
    text: (row, col) => (inside(col) ? cells.text(row, col) : ''),
    format: (row, col) => (inside(col) ? cells.format(row, col) : 'General'),
    mergedText: (row, col) => (inside(col) ? cells.mergedText(row, col) : ''),
    mergeAt: (row, col) => (inside(col) ? cells.mergeAt(row, col) : null),
  };
}
