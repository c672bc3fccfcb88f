/** Reading a row's year cells into baseline, actuals and target, with the diagnostics they call for. */
import { cellAddress } from '../a1';
import { formatFiscalYear, readRow, UNKNOWN_YEAR } from '../read';
import type { Diagnostic, FiscalYear, Reading, YearCell } from '../types';
import type { SheetCells } from './sheet-cells';
import type { ValueHeader } from './value-header';

/** The year a cell gets when neither its header nor the cell names one (`基準値 | 目標値`, no year anywhere). */
export { UNKNOWN_YEAR };

export interface YearColumn {
  /** Sheet column after the row's realignment. */
  readonly col: number;
  readonly header: ValueHeader;
}

export interface YearCells {
  readonly unit: string;
  readonly baseline: YearCell | null;
  readonly actuals: readonly YearCell[];
  readonly target: YearCell | null;
  /** 中間目標 cells, ascending by year. */
  readonly interimTargets: readonly YearCell[];
  /** 見込 cells: a year's expected value, kept apart from the actuals. */
  readonly forecasts: readonly YearCell[];
  readonly notes: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

function isEmptyCell(cells: SheetCells, row: number, col: number): boolean {
  return cells.text(row, col) === '' && cells.value(row, col) === '';
}

/** A cell in a table with a 単位 column: a bare number there takes the column's unit (`千人`, `件/年`). */
function readWithUnit(cells: SheetCells, row: number, col: number, unit: string): Reading {
  const reading = cells.reading(row, col);
  if (unit === '' || reading.kind !== 'number' || reading.unit !== '') return reading;
  const value = cells.value(row, col);
  // A numeric cell shows its value rounded (`18` for 18.4 in `#,##0`): the unit applies to the value itself.
  const scaled = /^[十百千万億]/u.test(unit) && typeof value === 'number';
  return cells.readingOf(`${scaled ? String(value) : cells.text(row, col)}${unit}`);
}

/** Where a value column without a year (and a cell without one) puts its reading. */
export type YearlessActuals =
  /** The row's target year: a report of results against a dated target (the 交付金 form's 実績値). */
  | 'targetYear'
  /** No year (UNKNOWN_YEAR): the table has actuals with years, this one is not placed among them. */
  | 'unknown';

function inYearOrder(cells: readonly YearCell[]): boolean {
  for (let i = 1; i < cells.length; i += 1) if (cells[i].year < cells[i - 1].year) return false;
  return true;
}

function lastTargetColumn(columns: readonly YearColumn[]): YearColumn | undefined {
  for (let i = columns.length - 1; i >= 0; i -= 1) if (columns[i].header.role === 'target') return columns[i];
  return undefined;
}

/** `name` is the KPI name (for 割合 / 率 rows); `unit` the row's 単位 cell, '' where there is none. */
export function readYearCells(
  cells: SheetCells,
  row: number,
  columns: readonly YearColumn[],
  name: string,
  unit: string,
  targetYear: FiscalYear | null = null,
  yearlessActuals: YearlessActuals = 'unknown',
): YearCells {
  const placedColumns: YearColumn[] = [];
  const cellReadings: Reading[] = [];
  for (const column of columns) {
    if (isEmptyCell(cells, row, column.col)) continue;
    placedColumns.push(column);
    cellReadings.push(readWithUnit(cells, row, column.col, unit));
  }
  const rowReading = readRow(cellReadings, { name });

  const diagnostics: Diagnostic[] = [];
  const notes: string[] = [];
  for (const note of rowReading.notes) {
    const column = placedColumns[note.index];
    diagnostics.push({ cell: cellAddress(row, column.col), kind: note.kind, message: note.text });
    if (!notes.includes(note.text)) notes.push(note.text);
  }

  // One pass in sheet order: the first baseline, the last target, the actuals (sorted by year below).
  let baseline: YearCell | null = null;
  let target: YearCell | null = null;
  const actuals: YearCell[] = [];
  const interimTargets: YearCell[] = [];
  const forecasts: YearCell[] = [];
  for (let i = 0; i < placedColumns.length; i += 1) {
    const column = placedColumns[i];
    const reading = rowReading.readings[i];
    const own = reading.kind === 'number' || reading.kind === 'percent' ? reading.year : undefined;
    if (reading.kind === 'text') {
      diagnostics.push({
        cell: cellAddress(row, column.col),
        kind: 'unreadable',
        message: `値として読み取れません: 「${reading.raw}」`,
      });
    }
    if (own !== undefined && column.header.year !== null && own !== column.header.year) {
      diagnostics.push({
        cell: cellAddress(row, column.col),
        kind: 'yearOverride',
        message: `セルに書かれた年度 ${formatFiscalYear(own)} を、列の年度 ${formatFiscalYear(column.header.year)} の代わりに使いました: 「${reading.raw}」`,
      });
    }
    const role = column.header.role;
    const fallback = role === 'target' && targetYear !== null ? targetYear : UNKNOWN_YEAR;
    const year = own ?? column.header.year ?? fallback;
    const cell: YearCell = { year, reading, cell: { row, col: column.col } };
    if (role === 'baseline') baseline ??= cell;
    else if (role === 'target') target = cell;
    else if (role === 'interim') interimTargets.push(cell);
    else if (role === 'forecast') forecasts.push(cell);
    else actuals.push(cell);
  }
  if (yearlessActuals === 'targetYear' && target !== null && target.year !== UNKNOWN_YEAR) {
    const at = target.year;
    for (let i = 0; i < actuals.length; i += 1)
      if (actuals[i].year === UNKNOWN_YEAR) actuals[i] = { ...actuals[i], year: at };
  }
  if (!inYearOrder(interimTargets)) interimTargets.sort((a, b) => a.year - b.year);
  // Year columns usually run in order: sort (a stable sort, so equal years keep sheet order) only when not.
  if (!inYearOrder(actuals)) actuals.sort((a, b) => a.year - b.year);

  const baselineColumn = columns.find((c) => c.header.role === 'baseline');
  const targetColumn = lastTargetColumn(columns);
  if (baselineColumn && (baseline === null || baseline.reading.kind === 'missing')) {
    diagnostics.push({
      cell: cellAddress(row, baseline?.cell.col ?? baselineColumn.col),
      kind: 'missingBaseline',
      message: '現状値 (基準値) がありません。',
    });
  }
  if (targetColumn && (target === null || target.reading.kind === 'missing')) {
    diagnostics.push({
      cell: cellAddress(row, target?.cell.col ?? targetColumn.col),
      kind: 'missingTarget',
      message: '目標値がありません。',
    });
  }
  return {
    // A 単位 cell with a scale or a period (`千人`, `件/年`) names the cell's unit, not the readings' (人, 件).
    unit: unit !== '' && !(/^[十百千万億]|\//u.test(unit) && rowReading.unit !== '') ? unit : rowReading.unit,
    baseline,
    actuals,
    target,
    interimTargets,
    forecasts,
    notes,
    diagnostics,
  };
}
