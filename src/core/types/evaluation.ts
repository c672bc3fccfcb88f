/** How each KPI fares against its target (EVALUATION.md section 3). */
import type { CellRef } from './grid';
import type { Direction } from './kpi-sheet';
import type { FiscalYear, Reading } from './reading';
import type { Grade, Settings } from './settings';

/**
 * Where the direction came from, strongest first: the city's own direction column (`方向性`), the user's
 * 方向 cell, `以上` / `以下` on the target, a lower-is-better word in the name, or the default.
 */
export type DirectionSource = 'declared' | 'user' | 'target' | 'name' | 'default';

/** Change of the latest reading against the baseline, in the KPI's direction: ↗ better, → same, ↘ worse. */
export type Trend = 'better' | 'same' | 'worse';

/** What the grade was decided on. */
export type GradeBasisUsed = 'achievement' | 'progress' | 'achieved' | 'rank' | 'none';

export interface KpiEvaluation {
  readonly kpiId: string;
  readonly row: number;
  readonly direction: Direction;
  readonly directionSource: DirectionSource;
  /** The evaluation year. */
  readonly year: FiscalYear;
  /** Year of the reading used (at or before `year`), null when there is none. */
  readonly latestYear: FiscalYear | null;
  readonly latest: Reading | null;
  readonly latestCell: CellRef | null;
  readonly achieved: boolean | null;
  /** Fractions: 0.359 for 35.9 %; null where undefined. */
  readonly achievementRate: number | null;
  readonly progressRate: number | null;
  /** Straight-line target for `year` when it is before the target year and the setting is on. */
  readonly pathTarget: number | null;
  readonly trend: Trend | null;
  /** The target is below the baseline and nothing says lower-is-better: kept up, listed for the user to confirm. */
  readonly directionToConfirm: boolean;
  /** The scale's symbol (`A`, `◎`, `○`), or `X` / `廃止`. */
  readonly grade: Grade;
  /** Position of the grade on the scale, 1 = best level; null for X and 廃止. */
  readonly rank: number | null;
  readonly basisUsed: GradeBasisUsed;
  /** Short Japanese notes that say why: `R4の値で評価`, `按分目標 R4: 118`. */
  readonly notes: readonly string[];
}

/** KPIs per grade symbol: every level of the scale, X and 廃止, each present (0 when none). */
export type GradeCounts = Readonly<Record<Grade, number>>;

export interface SummaryGroup {
  /** The 基本目標, the 担当課, or `全体`. */
  readonly key: string;
  /** KPIs judged (廃止 excluded; X included). */
  readonly judged: number;
  readonly counts: GradeCounts;
  /** Share of judged KPIs at a level that means achieved (A on 標準), as a fraction; null when none judged. */
  readonly achievedShare: number | null;
}

export interface FollowUp {
  readonly kpiId: string;
  readonly row: number;
  /** The KPI's sheet, where the evaluation covers several sheets (Block.sheet); absent: the one sheet. */
  readonly sheet?: string;
  readonly goal: string;
  readonly name: string;
  readonly department: string;
  readonly grade: Grade;
  /** As the sheet would show them: `14人 (R6)`, `39人`. */
  readonly latest: string;
  readonly target: string;
  /** Target minus latest in the row's unit, signed in the KPI's direction; null when not comparable. */
  readonly gap: number | null;
}

export interface DataIssue {
  /** A1 address on the KPI sheet; `基本目標2!F12` where the evaluation covers several sheets. */
  readonly cell: string;
  readonly kind: string;
  readonly message: string;
}

/** One cell where the city's published verdict and ours differ. */
export interface VerdictDisagreement {
  readonly kpiId: string;
  readonly row: number;
  readonly name: string;
  /** A1 address of the city's cell. */
  readonly cell: string;
  readonly year: FiscalYear;
  readonly kind: 'rate' | 'grade';
  /** As the city wrote it (`D`, `85.5%`). */
  readonly theirs: string;
  /** Ours as the sheet prints it (`B`, `98.0%`, `—` when we have none). */
  readonly ours: string;
  /** Japanese: what we compared and why it differs. */
  readonly why: string;
}

export interface VerdictComparison {
  /** Published cells compared (a rate or grade cell with something in it). */
  readonly compared: number;
  readonly agreed: number;
  /** Every disagreement, in sheet order. */
  readonly disagreements: readonly VerdictDisagreement[];
}

export interface Summary {
  /** The KPI rows (重要業績評価指標), as a city's report counts them. */
  readonly overall: SummaryGroup;
  /** The headline 数値目標 rows, counted apart from the KPIs. */
  readonly headlines: SummaryGroup;
  readonly byGoal: readonly SummaryGroup[];
  readonly byDepartment: readonly SummaryGroup[];
  readonly followUps: readonly FollowUp[];
  readonly dataIssues: readonly DataIssue[];
  /** The city's own 達成率 and grades against ours, where the table carries them. */
  readonly published: VerdictComparison;
}

export interface Evaluation {
  readonly year: FiscalYear;
  readonly settings: Settings;
  /** One per KPI and headline, in sheet order. */
  readonly kpis: readonly KpiEvaluation[];
  readonly summary: Summary;
}
