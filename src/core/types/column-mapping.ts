/**
 * Which column of a KPI table is what (ARCHITECTURE.md: Column mapping). The reader proposes one per table;
 * the user may correct it in the pane (「列の割り当て」) or with `--columns`, and a saved mapping wins over
 * the reader's guess. Columns are keyed by letter, the table by its sheet and header texts, so a saved mapping
 * still finds its header after rows are added above or below it.
 */
import type { FiscalYear } from './reading';

export type MappedRole =
  /** KPI名 */
  | 'name'
  /** 担当課 */
  | 'department'
  /** 単位 */
  | 'unit'
  /** 基準値 (with its year, or the year written in each cell) */
  | 'baseline'
  /** 実績 (with its year) */
  | 'actual'
  /** 目標値 (with its year) */
  | 'target'
  /** 中間目標 (with its year) */
  | 'interim'
  /** 見込 (with its year): the year's expected value, never an actual */
  | 'forecast'
  /** 目標月 / 目標時期: when the row's target is due (the national 交付金 form) */
  | 'targetDate'
  /** 方向 (the city's 方向性 column) */
  | 'direction'
  /** 市の評価 (達成率 / 評価 / 達成度, read and never taken as a value) */
  | 'published'
  /** 施策 / 区分 labels kept as text: the hierarchy left of the name */
  | 'section'
  /** 使わない */
  | 'ignore';

export const MAPPED_ROLES: readonly MappedRole[] = [
  'name',
  'department',
  'unit',
  'baseline',
  'actual',
  'target',
  'interim',
  'forecast',
  'targetDate',
  'direction',
  'published',
  'section',
  'ignore',
];

/** Roles whose column carries a year (or leaves it to the cells). */
export const YEAR_ROLES: ReadonlySet<MappedRole> = new Set([
  'baseline',
  'actual',
  'target',
  'interim',
  'forecast',
]);

export interface MappedColumn {
  /** 1-based sheet column. */
  readonly col: number;
  readonly role: MappedRole;
  /** For year roles: the column's year; null when the year is written in the cells or nowhere. */
  readonly year: FiscalYear | null;
  /** The header text as written (both rows of a two-row header), '' where none. */
  readonly header: string;
}

export interface ColumnMapping {
  /** The sheet it applies to. */
  readonly sheet: string;
  /** The header row right above the data (1-based) when the mapping was made. */
  readonly headerRow: number;
  /** First header row (a two-row header starts one row above headerRow). */
  readonly headerTop: number;
  /** Every column the table uses; a column not listed is not used. */
  readonly columns: readonly MappedColumn[];
  /** Where the mapping came from: the reader's guess, or the user (pane, `--columns`, saved settings). */
  readonly source: 'read' | 'user';
}
