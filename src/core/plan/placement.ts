/**
 * Where the flag columns go: one start column for every table of the sheet, right of the widest table,
 * so the columns line up in print. Cells inside the add-in's own earlier output count as free; any other
 * non-empty cell in the way moves the flags right to the next free columns.
 */
import type { CellRange, Grid, OutputMark, TableRegion } from '../types';
import { columnLetters, rangeContains } from '../a1';
import { FLAG_COUNT } from './flags';

export interface Placement {
  readonly startCol: number;
  /** Japanese, when the flags could not go right beside the table. */
  readonly notice: string | null;
}

function cellIsEmpty(grid: Grid, row: number, col: number): boolean {
  const value = grid.values[row - grid.top]?.[col - grid.left];
  return value === undefined || value === '' || (typeof value === 'string' && value.trim() === '');
}

/**
 * The table's own last column. A layout reader that took an earlier run's flag columns for part of the
 * table would push the flags further right on every run; the marks say where the city's table ends.
 */
export function ownLastCol(table: TableRegion, flagMarks: readonly CellRange[]): number {
  let last = table.lastCol;
  for (const mark of flagMarks) {
    const rowsMeet = mark.top <= table.lastRow && table.headerTop <= mark.bottom;
    if (rowsMeet && mark.left > table.firstCol && mark.left <= last) last = mark.left - 1;
  }
  return last;
}

function isFree(
  grid: Grid,
  tables: readonly TableRegion[],
  ours: readonly OutputMark[],
  startCol: number,
  width: number,
): boolean {
  for (const table of tables) {
    for (let row = table.headerTop; row <= table.lastRow; row++) {
      for (let col = startCol; col < startCol + width; col++) {
        if (cellIsEmpty(grid, row, col)) continue;
        if (ours.some((mark) => rangeContains(mark.range, row, col))) continue;
        return false;
      }
    }
  }
  return true;
}

/**
 * Right edge of the city's own cells in a table: its last column that holds anything not ours, so the row
 * tint covers what the city wrote and not an empty gap a reader may count in.
 */
export function cityRight(grid: Grid, table: TableRegion, ours: readonly OutputMark[]): number {
  let right = table.firstCol;
  for (let row = table.headerTop; row <= table.lastRow; row++) {
    for (let col = right + 1; col <= table.lastCol; col++) {
      if (cellIsEmpty(grid, row, col)) continue;
      if (ours.some((mark) => mark.sheet === grid.sheet && rangeContains(mark.range, row, col))) continue;
      right = col;
    }
  }
  return right;
}

/** Last column of the table's header row that holds a label (not ours). */
function headerRight(grid: Grid, table: TableRegion, ours: readonly OutputMark[]): number {
  let right = table.firstCol;
  for (let col = table.firstCol; col <= table.lastCol; col++) {
    if (cellIsEmpty(grid, table.headerRow, col)) continue;
    if (ours.some((mark) => rangeContains(mark.range, table.headerRow, col))) continue;
    right = col;
  }
  return right;
}

/** `width`: the add-in's computed columns, the flags and any optional ones after them. */
export function placeFlags(
  grid: Grid,
  tables: readonly TableRegion[],
  ours: readonly OutputMark[],
  width: number = FLAG_COUNT,
): Placement {
  const flagMarks = ours.filter((mark) => mark.sheet === grid.sheet).map((mark) => mark.range);
  const right = Math.max(...tables.map((table) => ownLastCol(table, flagMarks)));
  let startCol = right + 1;
  while (!isFree(grid, tables, ours, startCol, width)) startCol++;
  // Beside the headers is where a reader looks for the flags; say why they are further right.
  const besideHeaders = Math.max(...tables.map((table) => headerRight(grid, table, ours))) + 1;
  if (startCol <= besideHeaders) return { startCol, notice: null };
  const from = columnLetters(startCol);
  const busy = columnLetters(besideHeaders);
  const busyEnd = columnLetters(startCol - 1);
  const range = busy === busyEnd ? `${busy} 列` : `${busy}〜${busyEnd} 列`;
  return {
    startCol,
    notice: `判定の列は ${from} 列から書きました (表の右の ${range}に別の値があるため)`,
  };
}
