/**
 * Shifted rows: a row whose cells sit one or two columns off their headers (a department name where a value
 * should be, the KPI name in the 具体的な施策 column). Each candidate shift is scored by how well the cells fit
 * their columns; a shift other than none is taken only when it fits strictly better.
 */
import type { LabelReader } from './labels';
import type { SheetCells } from './sheet-cells';

export interface RowColumns {
  readonly name: number;
  readonly department: number | null;
  readonly unit: number | null;
  readonly years: readonly number[];
}

const SHIFTS = [0, 1, -1, 2, -2] as const;

/** Reading a cell is costly; SheetCells reads each distinct cell input once, and the shifts share it. */
function isValue(cells: SheetCells, row: number, col: number): boolean {
  return cells.reading(row, col).kind !== 'text';
}

function scoreValue(cells: SheetCells, row: number, col: number): number {
  if (cells.text(row, col) === '') return 0;
  return isValue(cells, row, col) ? 2 : -2;
}

function scoreDepartment(cells: SheetCells, labels: LabelReader, row: number, col: number): number {
  const text = cells.text(row, col);
  if (text === '') return 0;
  if (labels.looksLikeDepartment(text)) return 2;
  return isValue(cells, row, col) ? -2 : -1;
}

function scoreName(cells: SheetCells, labels: LabelReader, row: number, col: number): number {
  const text = cells.text(row, col);
  if (text === '' || labels.labelLevel(text) !== null) return -2;
  if (labels.looksLikeDepartment(text) || isValue(cells, row, col)) return -2;
  return 2;
}

function scoreUnit(cells: SheetCells, labels: LabelReader, row: number, col: number): number {
  const text = cells.text(row, col);
  if (text === '') return 0;
  return text.length <= 4 && !/[0-9]/u.test(text) && !labels.looksLikeDepartment(text) ? 1 : -1;
}

function score(
  cells: SheetCells,
  labels: LabelReader,
  row: number,
  columns: RowColumns,
  shift: number,
): number {
  let total = scoreName(cells, labels, row, columns.name + shift);
  if (columns.department !== null) total += scoreDepartment(cells, labels, row, columns.department + shift);
  if (columns.unit !== null) total += scoreUnit(cells, labels, row, columns.unit + shift);
  for (const col of columns.years) total += scoreValue(cells, row, col + shift);
  return total;
}

/** The score of a row whose every cell fits its column: no shift can beat it. */
function perfectScore(columns: RowColumns): number {
  return (
    2 + (columns.department !== null ? 2 : 0) + (columns.unit !== null ? 1 : 0) + 2 * columns.years.length
  );
}

/** How many columns right (positive) or left (negative) of its headers the row's cells sit. */
export function rowShift(cells: SheetCells, labels: LabelReader, row: number, columns: RowColumns): number {
  const base = score(cells, labels, row, columns, 0);
  if (base === perfectScore(columns)) return 0;
  let best = 0;
  let bestScore = base;
  for (const shift of SHIFTS) {
    if (shift === 0 || columns.name + shift < cells.firstCol) continue;
    const s = score(cells, labels, row, columns, shift);
    if (s > bestScore) {
      best = shift;
      bestScore = s;
    }
  }
  return best;
}
