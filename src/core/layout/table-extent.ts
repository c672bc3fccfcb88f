/**
 * Where a table under a header ends, the region it covers (without the add-in's own columns) and the columns
 * its rows are read from.
 */
import { cellAddress } from '../a1';
import { formatFiscalYear } from '../read';
import type { Grid, TableRegion } from '../types';
import type { Column, HeaderRows } from './headers';
import type { Context } from './read-context';
import type { SheetCells } from './sheet-cells';
import type { YearColumn } from './year-cells';

/** `※1 出典…`, `注)…`, `資料:…`: notes below a table, not its rows. */
const NOTE = /^(※|注[0-9０-９:：)）\s]|[(（]注|\*|＊|出典|資料[:：]|備考[:：])/u;
const NOTE_START: ReadonlySet<string> = new Set(['※', '注', '(', '（', '*', '＊', '出', '資', '備']);

function firstText(cells: SheetCells, row: number, from: number, to: number): string {
  for (let col = from; col <= to; col += 1) {
    const text = cells.text(row, col);
    if (text !== '') return text;
  }
  return '';
}

/** Whether a row belongs to the table under `header`: something in its columns, and not a note. */
function isTableRow(ctx: Context, span: ColumnSpan, row: number): boolean {
  const text = firstText(ctx.cells, row, span.first, span.last);
  if (text === '') return false;
  // Every row is asked: the patterns run only for the few texts that could start a note or a 数値目標 line.
  const first = text.charAt(0);
  if (NOTE_START.has(first) && NOTE.test(text)) return false;
  return !(first === '数' && text.startsWith('数値目標'));
}

export function roleCol(columns: readonly Column[], kind: Column['role']['kind']): number | null {
  return columns.find((c) => c.role.kind === kind)?.col ?? null;
}

function inMark(grid: Grid, col: number, top: number, bottom: number): boolean {
  return grid.marks.some(
    (m) =>
      m.sheet === grid.sheet &&
      col >= m.range.left &&
      col <= m.range.right &&
      m.range.top <= bottom &&
      m.range.bottom >= top,
  );
}

interface ColumnSpan {
  readonly first: number;
  readonly last: number;
}

/** The columns a table's rows are looked at in: its header's, one more on the left, two on the right (shifts). */
function spanOf(cells: SheetCells, header: HeaderRows): ColumnSpan {
  let first = Infinity;
  let last = -Infinity;
  for (const c of header.columns) {
    first = Math.min(first, c.col);
    last = Math.max(last, c.col);
  }
  return { first: Math.max(cells.firstCol, first - 1), last: Math.min(cells.lastCol, last + 2) };
}

/**
 * The last row of the table under `header`. It goes on across blank rows until a header, a 基本目標 (unless
 * the rows below it are still this table's) or the end of the data; notes below it are not its rows.
 */
export function tableEnd(ctx: Context, header: HeaderRows): number {
  const { cells } = ctx;
  const span = spanOf(cells, header);
  let last = header.row;
  for (let row = header.row + 1; row <= cells.lastRow; row += 1) {
    if (ctx.headerTops.has(row)) break;
    if (cells.isEmptyRow(row)) continue;
    if (ctx.goalRows.has(row)) {
      const next = nextFilledRow(cells, row);
      if (next === null || ctx.headerTops.has(next) || ctx.goalRows.has(next) || !isTableRow(ctx, span, next))
        break;
      last = row;
      continue;
    }
    if (isTableRow(ctx, span, row)) last = row;
  }
  return last;
}

export function nextFilledRow(cells: SheetCells, after: number): number | null {
  for (let row = after + 1; row <= cells.lastRow; row += 1) if (!cells.isEmptyRow(row)) return row;
  return null;
}

function lastUsedCol(cells: SheetCells, row: number, from: number): number {
  let last = from;
  for (let col = from; col <= cells.lastCol; col += 1) if (cells.text(row, col) !== '') last = col;
  return last;
}

export function region(
  ctx: Context,
  header: HeaderRows,
  lastRow: number,
  columns: readonly Column[],
): TableRegion {
  const { grid } = ctx.cells;
  const own = columns.filter(
    (c) =>
      !(c.role.kind === 'ignored' && c.role.ownFlag) &&
      c.role.kind !== 'direction' &&
      !inMark(grid, c.col, header.top, lastRow),
  );
  const firstCol = Math.min(...columns.map((c) => c.col));
  // firstCol keeps the bound finite when every header column is the add-in's own.
  let lastCol = Math.max(firstCol, ...own.map((c) => c.col));
  // A shifted row can run past the last header: flags must not cover it.
  for (let row = header.top; row <= lastRow; row += 1) {
    const used = lastUsedCol(ctx.cells, row, firstCol);
    for (let col = lastCol + 1; col <= used; col += 1) {
      if (inMark(grid, col, header.top, lastRow)) break;
      const label = columns.find((c) => c.col === col);
      if (label && label.role.kind === 'ignored' && label.role.ownFlag) break;
      if (label?.role.kind === 'direction') break;
      lastCol = col;
    }
  }
  return {
    headerTop: header.top,
    headerRow: header.row,
    firstRow: header.row + 1,
    lastRow,
    firstCol,
    lastCol,
  };
}

/** Columns the row reads, minus the add-in's own output and anything inside its marks. */
export function usableColumns(ctx: Context, header: HeaderRows, lastRow: number): Column[] {
  const { grid } = ctx.cells;
  const usable: Column[] = [];
  for (const column of header.columns) {
    if (column.role.kind === 'direction') {
      usable.push(column);
      continue;
    }
    if (inMark(grid, column.col, header.top, lastRow)) continue;
    if (column.role.kind === 'ignored') {
      if (!column.role.ownFlag) {
        ctx.diagnostics.push({
          cell: cellAddress(header.row, column.col),
          kind: 'ignoredColumn',
          message: `「${column.label}」の列は KPI の値ではないため読み取りませんでした。`,
        });
      }
      continue;
    }
    if (column.role.kind === 'published') {
      ctx.diagnostics.push({
        cell: cellAddress(header.row, column.col),
        kind: 'ignoredColumn',
        message: `「${column.label}」の列は市の評価として読み取り、KPI の値には使いませんでした。`,
      });
    }
    if (column.role.kind === 'year' && column.role.header.eraGuessed && column.role.header.year !== null) {
      const year = column.role.header.year;
      ctx.diagnostics.push({
        cell: cellAddress(header.row, column.col),
        kind: 'guessed',
        message: `「${column.label}」には元号がないため、${formatFiscalYear(year)} (${year}年度) と読みました。違う場合は「列の割り当て」で年度を直してください。`,
      });
    }
    usable.push(column);
  }
  return usable;
}

export function yearColumns(columns: readonly Column[], shift: number): YearColumn[] {
  const years: YearColumn[] = [];
  for (const c of columns)
    if (c.role.kind === 'year') years.push({ col: c.col + shift, header: c.role.header });
  return years;
}
