/** How the city wants its KPIs judged; plain data a host stores in the workbook. */
import type { ColumnMapping } from './column-mapping';
import type { Direction } from './kpi-sheet';
import type { FiscalYear } from './reading';

/**
 * The symbol a KPI's grade prints as: one of the scale's level symbols (`A`, `◎`, `S`, `○`), or
 * `X` (評価不能) / `廃止`, which every scale keeps. A city chooses the symbols, so they are data.
 */
export type Grade = string;

/** The two grades outside every scale's levels. */
export const UNJUDGEABLE_GRADE = 'X';
export const ABOLISHED_GRADE = '廃止';

export type GradeBasis = 'achievement' | 'progress';

export type PaperSize = 'A4' | 'A3';

/** `#RRGGBB`. */
export type HexColor = string;

/** When a KPI reaches a level, tried best level first. */
export type LevelCondition =
  /** The KPI reached its target: d·(A − T) ≥ 0. */
  | { readonly kind: 'achieved' }
  /** The rate on the chosen basis is at or above `min` percent points. */
  | { readonly kind: 'rate'; readonly min: number }
  /** Every KPI that reached no level above: the scale's last level. */
  | { readonly kind: 'otherwise' };

export interface GradeLevel {
  /** Printed in the 判定 cell and counted by: `A`, `◎`, `S`, `○`. */
  readonly symbol: string;
  /** Printed after the symbol: `達成`, `概ね順調`. */
  readonly label: string;
  /** Fill of the 判定 cell (`#C6EFCE`); the text colour and the row tint are derived from it. */
  readonly color: HexColor;
  readonly condition: LevelCondition;
  /** KPIs at this level are listed for follow-up on the summary sheet (C and D on 標準). */
  readonly followUp: boolean;
}

/** X and 廃止 keep their symbols; a city may rename and recolour them. */
export interface FixedGrade {
  readonly label: string;
  readonly color: HexColor;
}

export interface GradeScale {
  /** Best first; the last level's condition is `otherwise`. */
  readonly levels: readonly GradeLevel[];
  /** X: no reading, no target, unreadable. */
  readonly unjudgeable: FixedGrade;
  /** 廃止: out of every total. */
  readonly abolished: FixedGrade;
}

/**
 * Thresholds as the first version stored them (A / B / C in percent points); read from old workbooks and
 * the `--thresholds` option, never stored any more.
 */
export interface Thresholds {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

export interface Settings {
  /** Name of the preset the settings started from (`標準`, `進捗率`, `◎○△×`), or `カスタム`. */
  readonly preset: string;
  /** The rate the scale's `rate` conditions are read on. */
  readonly basis: GradeBasis;
  readonly scale: GradeScale;
  /** Compare against the straight-line interim target when the year is before the target year. */
  readonly interimPath: boolean;
  /** Relative change from the baseline within which the trend is →, as a fraction (0 = exact). */
  readonly trendTolerance: number;
  /** null: the latest year column that has any reading. */
  readonly evaluationYear: FiscalYear | null;
  /** Light row tint by grade over the city's own table. */
  readonly rowTint: boolean;
  readonly paperSize: PaperSize;
  /** The user's column mappings (「列の割り当て」, `--columns`), one per sheet; absent: none saved. */
  readonly columnMappings?: readonly ColumnMapping[];
  /**
   * Add the input columns 「要因・分析」「今後の方向性」 beside the flags. Absent: off. Columns that
   * already hold a clerk's comment stay whatever this says.
   */
  readonly commentColumns?: boolean;
  /** Add 「前年度判定」「前年比」 right of 備考: the grade at the previous evaluation year. Absent: off. */
  readonly previousYearColumns?: boolean;
  /** The year the year-before columns compare with (`--previous-year R5`); absent: the sheet's year before. */
  readonly previousYear?: FiscalYear;
  /**
   * Directions chosen for a run (`--direction 12=down`), as if typed in the row's 方向 cell: the plan writes
   * them there, so the workbook keeps them; never saved with the settings.
   */
  readonly directionOverrides?: readonly DirectionOverride[];
}

/** A KPI row's direction chosen on the command line. */
export interface DirectionOverride {
  /** The sheet's 1-based row. */
  readonly row: number;
  readonly direction: Direction;
}
