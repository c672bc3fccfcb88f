/** Reading a Grid by sheet coordinates: values, display texts, formats, merge masters, cell readings. */
import { cachedCellReader } from '../read';
import type { CellRange, CellValue, Grid, Reading } from '../types';

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
  /** The cell read by readCell (value, text and number format). */
  reading(row: number, col: number): Reading;
  /** A text read by readCell, as if it were a cell's value. */
  readingOf(text: string): Reading;
}

/**
 * Merges by each row they cover: looking a cell's merge up among all of them made every call linear in the
 * sheet's merges (thousands in a long table).
 */
function mergesByRow(merges: readonly CellRange[]): Map<number, CellRange[]> {
  const byRow = new Map<number, CellRange[]>();
  for (const merge of merges) {
    for (let row = merge.top; row <= merge.bottom; row += 1) {
      const list = byRow.get(row);
      if (list) list.push(merge);
      else byRow.set(row, [merge]);
    }
  }
  return byRow;
}

/** Display texts, trimmed, row by row: every step asks for them again, so each is trimmed once. */
function trimmedTexts(grid: Grid, height: number, width: number): string[] {
  const texts = new Array<string>(height * width);
  for (let r = 0; r < height; r += 1) {
    const values = grid.values[r];
    const shownRow = grid.texts[r];
    for (let c = 0; c < width; c += 1) {
      const shown = shownRow?.[c];
      const raw = values?.[c] ?? '';
      texts[r * width + c] =
        shown !== undefined && shown !== '' ? shown.trim() : raw === '' ? '' : String(raw).trim();
    }
  }
  return texts;
}

export function sheetCells(grid: Grid): SheetCells {
  const height = grid.values.length;
  const width = grid.values.reduce((max, row) => Math.max(max, row.length), 0);
  const inGrid = (row: number, col: number): boolean =>
    row >= grid.top && row < grid.top + height && col >= grid.left && col < grid.left + width;
  const indexOf = (row: number, col: number): number => (row - grid.top) * width + (col - grid.left);
  const at = <T>(rows: readonly (readonly T[])[], row: number, col: number): T | undefined =>
    rows[row - grid.top]?.[col - grid.left];
  const value = (row: number, col: number): CellValue => at(grid.values, row, col) ?? '';
  const texts = trimmedTexts(grid, height, width);
  const text = (row: number, col: number): string => (inGrid(row, col) ? texts[indexOf(row, col)] : '');
  const format = (row: number, col: number): string => at(grid.formats, row, col) ?? 'General';
  const byRow = mergesByRow(grid.merges);
  const mergeAt = (row: number, col: number): CellRange | null =>
    byRow.get(row)?.find((m) => col >= m.left && col <= m.right) ?? null;
  // Realignment and year cells read the same cells again: each cell is read once, each distinct input once.
  const read = cachedCellReader();
  const readings = new Array<Reading | undefined>(height * width).fill(undefined);
  const reading = (row: number, col: number): Reading => {
    const inside = inGrid(row, col);
    const known = inside ? readings[indexOf(row, col)] : undefined;
    if (known !== undefined) return known;
    const own = value(row, col);
    const fresh =
      typeof own === 'string'
        ? read.text(own)
        : read.cell({ value: own, text: text(row, col), numberFormat: format(row, col) });
    if (inside) readings[indexOf(row, col)] = fresh;
    return fresh;
  };
  return {
    grid,
    firstRow: grid.top,
    lastRow: grid.top + height - 1,
    firstCol: grid.left,
    lastCol: grid.left + width - 1,
    value,
    text,
    format,
    mergedText: (row, col) => {
      const merge = mergeAt(row, col);
      return merge ? text(merge.top, merge.left) : text(row, col);
    },
    mergeAt,
    isEmptyRow: (row) => {
      if (row < grid.top || row >= grid.top + height) return true;
      const start = (row - grid.top) * width;
      for (let i = start; i < start + width; i += 1) if (texts[i] !== '') return false;
      return true;
    },
    reading,
    readingOf: read.text,
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
    reading: (row, col) => (inside(col) ? cells.reading(row, col) : cells.readingOf('')),
  };
}
