/** What a KPI sheet means (ARCHITECTURE.md: KpiSheet). */
import type { ColumnMapping } from './column-mapping';
import type { CellRef } from './grid';
import type { FiscalYear, Reading } from './reading';

export type Period = 'annual' | 'cumulative' | 'monthlyAverage' | 'annualMax' | 'total';

export type Direction = 'up' | 'down';

/** A direction the city wrote in its own column. */
export interface DeclaredDirection {
  readonly direction: Direction;
  /** A1 address of the cell that says it. */
  readonly cell: string;
  /** The cell text as written (`減少を目指す`). */
  readonly raw: string;
}

/** One published judgement cell: the city's 達成率 (`rate`) or grade/verdict (`grade`) for a year. */
export interface PublishedVerdict {
  readonly kind: 'rate' | 'grade';
  /** The year the column is for (`評価H28`); null when the column names no year (the evaluation year). */
  readonly year: FiscalYear | null;
  /** A1 address. */
  readonly cell: string;
  /** The cell text as written (`D`, `◎`, `85.5%`, `達成`). */
  readonly raw: string;
  /** For `rate`: percent points (85.5), null when unreadable. */
  readonly rate: number | null;
}

/** A headline 数値目標 row or an ordinary KPI row. */
export type KpiRole = 'headline' | 'kpi';

export interface YearCell {
  readonly year: FiscalYear;
  readonly reading: Reading;
  readonly cell: CellRef;
}

export interface Kpi {
  /** Stable within a sheet: `R<row>`. */
  readonly id: string;
  readonly role: KpiRole;
  /** 1-based sheet row. */
  readonly row: number;
  readonly name: string;
  /** 施策の枠組み ('' for a headline). */
  readonly framework: string;
  /** 具体的な施策 ('' for a headline). */
  readonly measure: string;
  readonly period: Period | null;
  /** 担当課 ('' where none). */
  readonly department: string;
  /** The row's unit: the one most of its cells carry. */
  readonly unit: string;
  readonly baseline: YearCell | null;
  /** Ascending by year. */
  readonly actuals: readonly YearCell[];
  readonly target: YearCell | null;
  /** The user's choice in the add-in's 方向 column, read back on a re-run. */
  readonly directionChoice: Direction | null;
  /** Interim targets (`中間目標(2020年度)`): the target for that year, ascending by year. Absent: none. */
  readonly interimTargets?: readonly YearCell[];
  /** 見込 values (`平成15年末見込`): the year's expected value, never an actual. Absent: none. */
  readonly forecasts?: readonly YearCell[];
  /** The city's own direction column (`方向性`: `減少を目指す`, `↓`, `ダウン`); wins over every other source. */
  readonly declaredDirection?: DeclaredDirection | null;
  /** What the city itself published for this row (`達成率H28`, `評価`), never read as values. */
  readonly published?: readonly PublishedVerdict[];
  /** Row-level notes in Japanese (`単位不一致: 件 / 回`). */
  readonly notes: readonly string[];
}

/** Where one table of a block sits: its header row(s) and data rows, 1-based, inclusive. */
export interface TableRegion {
  /** First header row (a two-row header starts here). */
  readonly headerTop: number;
  /** The header row that names the columns; flag headers go in this row. */
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  /** Last column of the city's own table (flags go to its right). */
  readonly lastCol: number;
}

export interface Block {
  /** 基本目標 as written: `1 浅口市における安定した雇用を創出する`. */
  readonly goal: string;
  readonly goalNumber: number | null;
  /** First sheet row of the block (a print page break goes before it). */
  readonly firstRow: number;
  readonly headlines: readonly Kpi[];
  readonly kpis: readonly Kpi[];
  readonly headlineTable: TableRegion | null;
  readonly kpiTable: TableRegion | null;
  /**
   * The sheet the block is on, where one KpiSheet stands for several sheets of a workbook (one sheet per
   * 基本目標, combineSheets); absent: the KpiSheet's own sheet.
   */
  readonly sheet?: string;
}

export type DiagnosticKind =
  | 'realigned'
  | 'unreadable'
  | 'unitMismatch'
  | 'fractionAsPercent'
  | 'yearOverride'
  | 'missingTarget'
  | 'missingBaseline'
  | 'ignoredColumn'
  | 'guessed';

export interface Diagnostic {
  /** A1 address on the sheet, `F12`. */
  readonly cell: string;
  readonly kind: DiagnosticKind;
  /** Japanese, for the people who keep the sheet. */
  readonly message: string;
}

export interface KpiSheet {
  readonly sheet: string;
  /** The sheet's title row, if any. */
  readonly title: string | null;
  readonly blocks: readonly Block[];
  readonly diagnostics: readonly Diagnostic[];
  /** The column mapping each KPI table was read with (the reader's or the user's), in sheet order. */
  readonly mappings?: readonly ColumnMapping[];
}

/** Why a sheet could not be read as a KPI table; `message` is Japanese and says how to fix it. */
export interface LayoutFailure {
  readonly reason: 'empty' | 'noKpiTable';
  readonly message: string;
  /** For `noKpiTable`: the row the reader would offer as the header in 「列の割り当て」 (1-based), if any. */
  readonly headerGuess?: number;
}

export type LayoutResult =
  { readonly ok: true; readonly sheet: KpiSheet } | { readonly ok: false; readonly failure: LayoutFailure };
