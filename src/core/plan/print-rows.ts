/**
 * Sizes of the KPI sheet as it prints, for laying out its pages: the width of each column (the city's as
 * the host read them, the flags' our own) and the height each table row grows to once its wrapped text
 * fits (the `fitRowHeights` op grows them by the same rule, text-size.ts).
 */
import type { CellRange, Grid, KpiSheet, PlanValue, TableRegion } from '../types';
import { FLAG_COUNT, FLAG_OFFSET, NOTES_FONT_SIZE, type FlagValuesByRow } from './flags';
import { ONE_LINE_HEIGHT, rowHeightFor, TextMeasure, wrappedLines } from './text-size';

/** Excel's default row height in points (Calibri 11). */
export const DEFAULT_ROW_HEIGHT = 15;

/** A city column whose width the host did not read: a typical year column. */
const ASSUMED_WIDTH = 11;

/** Each column's width: the city's, and the flags' as the plan writes them (`flagWidths`, flags.ts). */
export function printWidths(
  grid: Grid,
  flagCol: number,
  flagWidths: readonly number[],
): (col: number) => number {
  return (col) => {
    if (col >= flagCol && col < flagCol + FLAG_COUNT) return flagWidths[col - flagCol];
    return grid.columnWidths?.[col - 1] ?? ASSUMED_WIDTH;
  };
}

function textAt(grid: Grid, row: number, col: number): string {
  return grid.texts[row - grid.top]?.[col - grid.left] ?? '';
}

/** One number per cell (Excel has at most 16,384 columns): no string built per cell looked up. */
function cellKey(row: number, col: number): number {
  return row * 16_384 + col;
}

/** Merges by their top-left cell, and the cells they cover. */
function mergeIndex(grid: Grid): { byTopLeft: Map<number, CellRange>; covered: Set<number> } {
  const byTopLeft = new Map<number, CellRange>();
  const covered = new Set<number>();
  for (const m of grid.merges) {
    byTopLeft.set(cellKey(m.top, m.left), m);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(cellKey(r, c));
  }
  return { byTopLeft, covered };
}

/** Whether the text is one line at that width whatever its characters (none is wider than two units). */
function fitsOneLine(text: string, width: number): boolean {
  return text.length * 2 <= Math.max(1, width - 1.5) && !text.includes('\n');
}

/** A capped rate is text (`−999%未満`) and may wrap; a number is one line. */
function rateHeight(value: PlanValue | undefined, width: number): number {
  return typeof value === 'string' ? rowHeightFor(wrappedLines(value, width)) : 0;
}

/** The height a KPI row's own flag cells need: the latest value, a capped rate, the 備考 at 9 pt. */
function flagRowHeight(flags: readonly PlanValue[], width: (offset: number) => number): number {
  const { latest, notes, achievementRate, progressRate } = FLAG_OFFSET;
  return Math.max(
    rateHeight(flags[achievementRate], width(achievementRate)),
    rateHeight(flags[progressRate], width(progressRate)),
    rowHeightFor(wrappedLines(String(flags[notes] ?? ''), width(notes), NOTES_FONT_SIZE), NOTES_FONT_SIZE),
    rowHeightFor(wrappedLines(String(flags[latest] ?? ''), width(latest))),
  );
}

/** Height in points each row of the tables prints at, once its wrapped text fits (at least the default). */
export function printedRowHeights(
  grid: Grid,
  tables: readonly TableRegion[],
  width: (col: number) => number,
  flagValues: FlagValuesByRow,
  flagCol: number,
): Map<number, number> {
  const { byTopLeft, covered } = mergeIndex(grid);
  // The city's cells repeat their texts (units, departments, dashes): each counted once.
  const measure = new TextMeasure();
  const heights = new Map<number, number>();
  for (const table of tables) {
    for (let row = table.headerTop; row <= table.lastRow; row++) {
      let height = DEFAULT_ROW_HEIGHT;
      const texts = grid.texts[row - grid.top] ?? [];
      for (let col = table.firstCol; col < flagCol; col++) {
        const text = texts[col - grid.left] ?? '';
        if (text === '' || covered.has(cellKey(row, col))) continue;
        const merge = byTopLeft.get(cellKey(row, col));
        // A cell merged down several rows has their height to itself.
        if (merge && merge.bottom > merge.top) continue;
        // Most cells fit on one line in their own column (a merge only widens them): no lookup for those.
        if (fitsOneLine(text, width(col))) {
          height = Math.max(height, ONE_LINE_HEIGHT);
          continue;
        }
        let cellWidth = 0;
        for (let c = col; c <= (merge?.right ?? col); c++) cellWidth += width(c);
        height = Math.max(height, rowHeightFor(measure.lines(text, cellWidth)));
      }
      const flags = row >= table.firstRow ? flagValues.get(row) : undefined;
      if (flags)
        height = Math.max(
          height,
          flagRowHeight(flags, (offset) => width(flagCol + offset)),
        );
      heights.set(row, height);
    }
  }
  // A cell merged down several rows: its last row takes what their heights lack (as fitRowHeights does).
  for (const m of grid.merges) {
    if (m.bottom === m.top || m.left >= flagCol || !heights.has(m.top) || !heights.has(m.bottom)) continue;
    const text = textAt(grid, m.top, m.left);
    if (text === '') continue;
    let cellWidth = 0;
    for (let c = m.left; c <= m.right; c++) cellWidth += width(c);
    const needed = rowHeightFor(measure.lines(text, cellWidth));
    let has = 0;
    for (let r = m.top; r <= m.bottom; r++) has += heights.get(r) ?? DEFAULT_ROW_HEIGHT;
    if (needed > has) heights.set(m.bottom, (heights.get(m.bottom) ?? DEFAULT_ROW_HEIGHT) + needed - has);
  }
  return heights;
}

function normalized(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** The column holding the KPI names: where the first KPI's name is written on its row. */
export function nameColumn(grid: Grid, sheet: KpiSheet): number | null {
  for (const block of sheet.blocks) {
    const table = block.kpiTable;
    const kpi = block.kpis[0];
    if (!table || !kpi) continue;
    const name = normalized(kpi.name);
    for (let col = table.firstCol; col <= table.lastCol; col++) {
      const text = normalized(textAt(grid, kpi.row, col));
      if (text !== '' && (text === name || text.startsWith(name))) return col;
    }
  }
  return null;
}
