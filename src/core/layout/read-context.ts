/** The state one sheet's read carries from table to table: the blocks it builds and what it has found so far. */
import type { ColumnMapping, Diagnostic, Kpi, TableRegion } from '../types';
import type { LabelReader } from './labels';
import type { SheetCells } from './sheet-cells';

export interface BlockDraft {
  goal: string;
  goalNumber: number | null;
  firstRow: number;
  headlines: Kpi[];
  kpis: Kpi[];
  headlineTable: TableRegion | null;
  kpiTable: TableRegion | null;
}

export interface Context {
  readonly cells: SheetCells;
  readonly diagnostics: Diagnostic[];
  /** Rows that start a table (header tops): a table ends before them. */
  readonly headerTops: ReadonlySet<number>;
  /** 基本目標 rows: a table ends before them unless its rows go on below (a goal heading rows of one table). */
  readonly goalRows: ReadonlyMap<number, { readonly number: number; readonly title: string }>;
  readonly labels: LabelReader;
  readonly blocks: BlockDraft[];
  readonly mappings: ColumnMapping[];
  /** unitInName, cached by name for this read (most names end in `(年間)` or `(累計)`). */
  readonly unitInName: (name: string) => string;
}

export function newBlock(firstRow: number, goal: string, goalNumber: number | null): BlockDraft {
  return { goal, goalNumber, firstRow, headlines: [], kpis: [], headlineTable: null, kpiTable: null };
}
