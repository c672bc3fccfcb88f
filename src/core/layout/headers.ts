/** Finding the header rows of a sheet by what they say, and the role of each of their columns. */
import type { YearHeader } from '../types';
import { columnRole, wordRole, type ColumnRole } from './labels';
import type { SheetCells } from './sheet-cells';
import { cacheByText } from './text-cache';

export type TableKind = 'kpi' | 'headline';

export interface Column {
  readonly col: number;
  readonly role: ColumnRole;
  /** The header text as written (both rows of a two-row header). */
  readonly label: string;
}

export interface HeaderRows {
  readonly kind: TableKind;
  readonly top: number;
  /** The row right above the data. */
  readonly row: number;
  readonly columns: readonly Column[];
}

function yearColumns(columns: readonly Column[]): number {
  return columns.filter((c) => c.role.kind === 'year').length;
}

type RoleOf = (label: string) => ColumnRole | null;

/** The table a header row would open, by its words alone; the same as its columns' roles say. */
function tableKind(columns: readonly Column[]): TableKind | null {
  if (has(columns, 'name')) return 'kpi';
  return has(columns, 'goal') && has(columns, 'headlineName') ? 'headline' : null;
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

/** Upper row 現状値 / 実績 (merged) / 目標値 over a lower row of years. */
function twoRowColumns(cells: SheetCells, upper: number, upperColumns: readonly Column[]): Column[] | null {
  const lower = upper + 1;
  if (lower > cells.lastRow) return null;
  const columns: Column[] = [];
  let years = 0;
  for (let col = cells.firstCol; col <= cells.lastCol; col += 1) {
    const own = upperColumns.find((c) => c.col === col);
    const top = cells.mergedText(upper, col);
    const bottom = cells.text(lower, col);
    const bottomRole = bottom === '' ? null : columnRole(bottom);
    if (bottomRole?.kind === 'year') {
      const combined = columnRole(`${bottom} (${top})`);
      const header: YearHeader = combined?.kind === 'year' ? combined.header : bottomRole.header;
      columns.push({ col, role: { kind: 'year', header }, label: `${top} ${bottom}`.trim() });
      years += 1;
    } else if (own && own.role.kind !== 'yearGroup') columns.push(own);
    else if (bottomRole && bottomRole.kind !== 'yearGroup')
      columns.push({ col, role: bottomRole, label: bottom });
  }
  return years > 0 ? columns : null;
}

function has(columns: readonly Column[], kind: ColumnRole['kind']): boolean {
  return columns.some((c) => c.role.kind === kind);
}

/** Every KPI header (a name column and year columns) and 数値目標 header (基本目標, 数値目標, years). */
export function findHeaders(cells: SheetCells): HeaderRows[] {
  const headers: HeaderRows[] = [];
  // Header tests run on every cell of every row, and data rows repeat their texts.
  const roleOf = cacheByText(columnRole);
  const wordRoleOf = cacheByText(wordRole);
  for (let row = cells.firstRow; row <= cells.lastRow; row += 1) {
    // Data rows are most rows: their words rule them out before any cell is tested for a year header.
    if (!tableKind(rowColumns(cells, row, wordRoleOf))) continue;
    const columns = rowColumns(cells, row, roleOf);
    const kind = tableKind(columns);
    if (!kind) continue;
    if (yearColumns(columns) > 0) {
      headers.push({ kind, top: row, row, columns });
      continue;
    }
    if (has(columns, 'yearGroup')) {
      const combined = twoRowColumns(cells, row, columns);
      if (combined) {
        headers.push({ kind, top: row, row: row + 1, columns: combined });
        row += 1;
      }
    }
  }
  return headers;
}
