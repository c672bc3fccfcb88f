/** How the city wants its KPIs judged; plain data a host stores in the workbook. */
import type { FiscalYear } from './reading';

export type Grade = 'A' | 'B' | 'C' | 'D' | 'X' | '廃止';

export type GradeBasis = 'achievement' | 'progress';

export type PaperSize = 'A4' | 'A3';

export interface Thresholds {
  /** Rate (percent points) at or above which a KPI counts as A 達成 on the basis, normally 100. */
  readonly a: number;
  /** B 概ね順調 at or above this (80). */
  readonly b: number;
  /** C 要努力 at or above this (60 or 50); below is D 遅れ. */
  readonly c: number;
}

export interface Settings {
  /** Name of the preset the settings started from (`標準`, `進捗率`), or `カスタム`. */
  readonly preset: string;
  readonly basis: GradeBasis;
  readonly thresholds: Thresholds;
  /** Labels shown beside each grade code (`A 達成`); codes themselves never change. */
  readonly labels: Readonly<Record<Grade, string>>;
  /** Compare against the straight-line interim target when the year is before the target year. */
  readonly interimPath: boolean;
  /** Relative change from the baseline within which the trend is →, as a fraction (0 = exact). */
  readonly trendTolerance: number;
  /** null: the latest year column that has any reading. */
  readonly evaluationYear: FiscalYear | null;
  /** Light row tint by grade over the city's own table. */
  readonly rowTint: boolean;
  readonly paperSize: PaperSize;
  /**
   * Add the input columns 「要因・分析」「今後の方向性」 beside the flags (issue 19). Absent: off. Columns that
   * already hold a clerk's comment stay whatever this says.
   */
  readonly commentColumns?: boolean;
  /** Add 「前年度判定」「前年比」 right of 備考: the grade at the previous evaluation year (issue 19). Absent: off. */
  readonly previousYearColumns?: boolean;
}
