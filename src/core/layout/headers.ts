/** Finding the header rows of a sheet by what they say, and the role of each of their columns. */
import { columnRole, wordRole, type Column, type ColumnRole } from './labels';
import { mayNameByCells, nameByCells, saysTargetWord, withoutTextTargets } from './name-column';
import type { SheetCells } from './sheet-cells';
import { cacheByText } from './text-cache';

export type TableKind = 'kpi' | 'headline';

export type { Column } from './labels';

export interface HeaderRows {
  readonly kind: TableKind;
  readonly top: number;
  /** The row right above the data. */
  readonly row: number;
  readonly columns: readonly Column[];
  /** Set when the columns come from a user's mapping, not from the header's words. */
  readonly mapped?: boolean;
}

type RoleOf = (label: string) => ColumnRole | null;

function valueColumns(columns: readonly Column[]): number {
  return columns.filter((c) => c.role.kind === 'year' || c.role.kind === 'yearGroup').length;
}

function has(columns: readonly Column[], kind: ColumnRole['kind']): boolean {
  return columns.some((c) => c.role.kind === kind);
}

/** The table a header row would open, by its words alone; the same as its columns' roles say. */
function tableKind(columns: readonly Column[]): TableKind | null {
  if (has(columns, 'name')) return 'kpi';
  if (has(columns, 'goal') && has(columns, 'headlineName')) return 'headline';
  // 数値目標 without a 基本目標 column names the KPIs of an ordinary table (`数値目標 | 基準値 | 目標値`).
  return has(columns, 'headlineName') ? 'kpi' : null;
}

/** A KPI table named by its 数値目標 column reads that column as the KPI names. */
function withNames(kind: TableKind, columns: readonly Column[]): Column[] {
  if (kind !== 'kpi' || has(columns, 'name')) return [...columns];
  return columns.map((c) => (c.role.kind === 'headlineName' ? { ...c, role: { kind: 'name' } } : c));
}

function rowColumns(cells: SheetCells, row: number, roleOf: RoleOf): Column[] {
  const columns: Column[] = [];
  for (let col = cells.firstCol; col <= cells.lastCol; col += 1) {
    const label = cells.text(row, col);
    const role = roleOf(label);
    if (role) columns.push({ col, role, label });
  }
  return columns;
}

function isValueRole(role: ColumnRole | null): boolean {
  return role !== null && (role.kind === 'year' || role.kind === 'yearGroup' || role.kind === 'published');
}

/** The text a cell of the lower header row adds: '' where a merge from the upper row covers it. */
function lowerText(cells: SheetCells, upper: number, col: number): string {
  const merge = cells.mergeAt(upper + 1, col);
  if (merge && merge.top <= upper) return '';
  return cells.mergedText(upper + 1, col);
}

/**
 * Whether the row below a header row is the header's second row: roles under years (`現状値 | 実績値 | 目標値`
 * under `16年度 | 22年度 | 27年度`) or years under roles (`平成30年度 | 令和元年度 …` under a merged 実績). It holds
 * no KPI name and no value, and at least one of its cells names a year or a role.
 */
function isSecondRow(cells: SheetCells, upper: number, columns: readonly Column[], roleOf: RoleOf): boolean {
  const lower = upper + 1;
  if (lower > cells.lastRow) return false;
  const name = columns.find((c) => c.role.kind === 'name' || c.role.kind === 'headlineName');
  if (name && lowerText(cells, upper, name.col) !== '') return false;
  let named = 0;
  for (let col = cells.firstCol; col <= cells.lastCol; col += 1) {
    const text = lowerText(cells, upper, col);
    if (text === '') continue;
    const kind = cells.reading(lower, col).kind;
    if (kind === 'number' || kind === 'percent') return false;
    if (isValueRole(roleOf(text))) named += 1;
  }
  return named > 0;
}

/** Both rows of a two-row header read column by column: each value column takes its role and year from either. */
function twoRowColumns(cells: SheetCells, upper: number, roleOf: RoleOf): Column[] {
  const columns: Column[] = [];
  for (let col = cells.firstCol; col <= cells.lastCol; col += 1) {
    const top = cells.mergedText(upper, col);
    const bottom = lowerText(cells, upper, col);
    const topRole = top === '' ? null : roleOf(top);
    const bottomRole = bottom === '' ? null : roleOf(bottom);
    if (top !== '' && bottom !== '' && (isValueRole(topRole) || isValueRole(bottomRole))) {
      const combined = roleOf(`${top}(${bottom})`) ?? bottomRole ?? topRole;
      if (combined) columns.push({ col, role: combined, label: `${top} ${bottom}` });
      continue;
    }
    if (bottomRole) columns.push({ col, role: bottomRole, label: bottom });
    else if (topRole) columns.push({ col, role: topRole, label: top });
  }
  return columns;
}

/**
 * Beside an 初期値 / 策定時 baseline, a `現状値` column holds the latest actual (with its year in the cell):
 * a table with two baseline columns reads the 現状 one as an actual.
 */
function settleBaselines(columns: readonly Column[]): Column[] {
  const baselines = columns.filter(
    (c) =>
      (c.role.kind === 'year' && c.role.header.role === 'baseline') ||
      (c.role.kind === 'yearGroup' && c.role.role === 'baseline'),
  );
  const current = baselines.filter((c) => /現状/u.test(c.label) && !/基準|初期|策定|当初/u.test(c.label));
  if (baselines.length < 2 || current.length === 0 || current.length === baselines.length)
    return [...columns];
  return columns.map((c) => {
    if (!current.includes(c)) return c;
    if (c.role.kind === 'year')
      return { ...c, role: { kind: 'year', header: { ...c.role.header, role: 'actual' } } };
    return { ...c, role: { kind: 'yearGroup', role: 'actual' } };
  });
}

/** A value column without a year in its header reads the year each cell writes (or none). */
function yearless(columns: readonly Column[]): Column[] {
  return columns.map((c) =>
    c.role.kind === 'yearGroup'
      ? { ...c, role: { kind: 'year', header: { role: c.role.role, year: null } } }
      : c,
  );
}

/** A two-row header whose name column its cells showed: the lower row's columns, the name kept. */
function twoRowNamed(cells: SheetCells, row: number, roleOf: RoleOf, upper: readonly Column[]): Column[] {
  const name = upper.find((c) => c.role.kind === 'name');
  return twoRowColumns(cells, row, roleOf).map((c) => (name && c.col === name.col ? name : c));
}

/** Every KPI header (a name column and value columns) and 数値目標 header (基本目標, 数値目標, years). */
export function findHeaders(cells: SheetCells): HeaderRows[] {
  const headers: HeaderRows[] = [];
  // Header tests run on every cell of every row, and data rows repeat their texts.
  const roleOf = cacheByText(columnRole);
  const wordRoleOf = cacheByText(wordRole);
  const saysTarget = cacheByText(saysTargetWord);
  for (let row = cells.firstRow; row <= cells.lastRow; row += 1) {
    // Data rows are most rows: their words rule them out before any cell is tested for a year header.
    const words = rowColumns(cells, row, wordRoleOf);
    const named = tableKind(words) !== null;
    if (!named && !mayNameByCells(cells, row, words, saysTarget)) continue;
    let upperColumns = rowColumns(cells, row, roleOf);
    // Where the words name no KPI column (or a 目標 column may hold sentences), the cells below decide.
    if (!tableKind(upperColumns)) upperColumns = nameByCells(cells, row, upperColumns) ?? upperColumns;
    else if (has(upperColumns, 'name')) upperColumns = withoutTextTargets(cells, row, upperColumns);
    const kind = tableKind(upperColumns);
    if (!kind) continue;
    if (isSecondRow(cells, row, upperColumns, roleOf)) {
      const combined = named
        ? twoRowColumns(cells, row, roleOf)
        : twoRowNamed(cells, row, roleOf, upperColumns);
      if (tableKind(combined) === kind && valueColumns(combined) > 0) {
        headers.push({
          kind,
          top: row,
          row: row + 1,
          columns: yearless(settleBaselines(withNames(kind, combined))),
        });
        row += 1;
        continue;
      }
    }
    if (valueColumns(upperColumns) === 0) continue;
    if (kind === 'kpi' && !has(upperColumns, 'name') && valueColumns(upperColumns) < 2) continue;
    headers.push({ kind, top: row, row, columns: yearless(settleBaselines(withNames(kind, upperColumns))) });
  }
  return headers;
}
