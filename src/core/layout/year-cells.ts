/** Reading a row's year cells into baseline, actuals and target, with the diagnostics they call for. */
import { cellAddress } from '../a1';
import { formatFiscalYear, readCell, readRow } from '../read';
import type { Diagnostic, Reading, YearCell, YearHeader } from '../types';
import type { SheetCells } from './sheet-cells';

export interface YearColumn {
  /** Sheet column after the row's realignment. */
  readonly col: number;
  readonly header: YearHeader;
}

export interface YearCells {
  readonly unit: string;
  readonly baseline: YearCell | null;
  readonly actuals: readonly YearCell[];
  readonly target: YearCell | null;
  readonly notes: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

function isEmptyCell(cells: SheetCells, row: number, col: number): boolean {
  return cells.value(row, col) === '' && cells.text(row, col) === '';
}

/** A cell in a table with a 単位 column: a bare number there takes the column's unit. */
function readWithUnit(cells: SheetCells, row: number, col: number, unit: string): Reading {
  const reading = readCell({
    value: cells.value(row, col),
    text: cells.text(row, col),
    numberFormat: cells.format(row, col),
  });
  if (unit === '' || reading.kind !== 'number' || reading.unit !== '') return reading;
  return readCell({ value: `${cells.text(row, col)}${unit}` });
}

interface Placed {
  readonly column: YearColumn;
  reading: Reading;
}

/** `name` is the KPI name (for 割合 / 率 rows); `unit` the row's 単位 cell, '' where there is none. */
export function readYearCells(
  cells: SheetCells,
  row: number,
  columns: readonly YearColumn[],
  name: string,
  unit: string,
): YearCells {
  const placed: Placed[] = columns
    .filter((column) => !isEmptyCell(cells, row, column.col))
    .map((column) => ({ column, reading: readWithUnit(cells, row, column.col, unit) }));
  const rowReading = readRow(
    placed.map((p) => p.reading),
    { name },
  );
  placed.forEach((p, i) => (p.reading = rowReading.readings[i]));

  const diagnostics: Diagnostic[] = [];
  const notes: string[] = [];
  for (const note of rowReading.notes) {
    const p = placed[note.index];
    diagnostics.push({ cell: cellAddress(row, p.column.col), kind: note.kind, message: note.text });
    if (!notes.includes(note.text)) notes.push(note.text);
  }

  const yearCells = placed.map((p): { role: YearHeader['role']; cell: YearCell } => {
    const own = p.reading.kind === 'number' || p.reading.kind === 'percent' ? p.reading.year : undefined;
    const address = cellAddress(row, p.column.col);
    if (p.reading.kind === 'text') {
      diagnostics.push({
        cell: address,
        kind: 'unreadable',
        message: `値として読み取れません: 「${p.reading.raw}」`,
      });
    }
    if (own !== undefined && own !== p.column.header.year) {
      diagnostics.push({
        cell: address,
        kind: 'yearOverride',
        message: `セルに書かれた年度 ${formatFiscalYear(own)} を、列の年度 ${formatFiscalYear(p.column.header.year)} の代わりに使いました: 「${p.reading.raw}」`,
      });
    }
    return {
      role: p.column.header.role,
      cell: { year: own ?? p.column.header.year, reading: p.reading, cell: { row, col: p.column.col } },
    };
  });

  const baseline = yearCells.find((y) => y.role === 'baseline')?.cell ?? null;
  const targets = yearCells.filter((y) => y.role === 'target');
  const target = targets.length > 0 ? targets[targets.length - 1].cell : null;
  const actuals = yearCells
    .filter((y) => y.role === 'actual')
    .map((y) => y.cell)
    .sort((a, b) => a.year - b.year);

  const baselineColumn = columns.find((c) => c.header.role === 'baseline');
  const targetColumn = [...columns].reverse().find((c) => c.header.role === 'target');
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
  return { unit: unit !== '' ? unit : rowReading.unit, baseline, actuals, target, notes, diagnostics };
}
