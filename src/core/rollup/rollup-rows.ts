/**
 * The rows of a rollup over several workbooks (a planning department's or a prefecture's view): per
 * workbook and 基本目標 the grade counts on the workbook's own scale, the share at its top two grades this
 * year and the year before, how the KPIs' grades moved, and the data issues; and every KPI of every
 * workbook as one row. Made from the same evaluation and report (core/report) the single-workbook run gives.
 */
import { readingLabel } from '../evaluate/format';
import { OVERALL_KEY } from '../evaluate/summary';
import type { Judged } from '../pipeline';
import type { BookReport, ChangeMark, KpiReport } from '../report/kpi-report';
import {
  ABOLISHED_GRADE,
  UNJUDGEABLE_GRADE,
  type Block,
  type FiscalYear,
  type Grade,
  type GradeCounts,
  type GradeScale,
  type Kpi,
  type KpiRole,
  type YearCell,
} from '../types';

/** A workbook that was read and judged, ready to roll up. */
export interface RollupBook {
  /** The file as the user named it. */
  readonly file: string;
  /** The workbook's name in the rollup (rollupNames). */
  readonly name: string;
  /** The sheet's title row, if any. */
  readonly title: string | null;
  readonly judged: Judged;
  readonly report: BookReport;
}

/** A file that could not be read; `reason` is Japanese. */
export interface RollupFailure {
  readonly file: string;
  readonly reason: string;
}

export interface GradeMoves {
  readonly up: number;
  readonly same: number;
  readonly down: number;
}

export interface GoalRow {
  readonly book: string;
  readonly title: string;
  readonly year: FiscalYear;
  readonly previousYear: FiscalYear | null;
  /** The 基本目標 as written, or OVERALL_KEY (全体, as the summary names its total) for the workbook's total. */
  readonly goal: string;
  readonly total: boolean;
  /** KPI rows (数値目標 apart, as the summary counts), 廃止 included. */
  readonly kpis: number;
  /** The workbook's own scale: its level symbols, best first. */
  readonly levels: readonly Grade[];
  /** Every level of the workbook's scale, X and 廃止. */
  readonly counts: GradeCounts;
  /** The scale's top two levels (A・B on 標準). */
  readonly top: readonly Grade[];
  /** KPIs at the top two levels over the KPIs judged (X counts, 廃止 does not); null when none is judged. */
  readonly share: number | null;
  /** The same at the previous evaluation year; null when there is none. */
  readonly previousShare: number | null;
  /** KPIs whose grade went up, stayed or went down since the previous year; null when there is none. */
  readonly moves: GradeMoves | null;
  /** Data issues on the goal's rows; the total row has every issue of the workbook. */
  readonly dataIssues: number;
}

export interface KpiRow {
  readonly book: string;
  readonly sheet: string;
  readonly row: number;
  readonly goal: string;
  readonly role: KpiRole;
  readonly name: string;
  readonly department: string;
  readonly unit: string;
  /** As the sheet writes them: `14人`, `希望者の100%`; null where the row has none. */
  readonly baseline: string | null;
  readonly latest: string | null;
  readonly latestYear: FiscalYear | null;
  readonly target: string | null;
  readonly grade: Grade;
  readonly rate: number | null;
  readonly previousGrade: Grade | null;
  readonly change: ChangeMark | null;
  /** The data issues on the KPI's row, `F12: …`. */
  readonly issues: readonly string[];
}

/**
 * Each file's name in the rollup: the file name without its folder and extension (`浅口市.xlsx` → 浅口市);
 * where two files would get the same name, those files keep the path as given, so no two rows look alike.
 */
export function rollupNames(files: readonly string[]): string[] {
  const stem = (file: string): string => {
    const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    const dot = base.lastIndexOf('.');
    return dot > 0 ? base.slice(0, dot) : base;
  };
  const stems = files.map(stem);
  return stems.map((s, i) => (stems.filter((t) => t === s).length > 1 ? files[i] : s));
}

function levelsOf(scale: GradeScale): Grade[] {
  return scale.levels.map((l) => l.symbol);
}

/** Top-two share of counts on a scale; null when nothing is judged. */
export function topShare(counts: GradeCounts, levels: readonly Grade[]): number | null {
  const judged = [...levels, UNJUDGEABLE_GRADE].reduce((sum, g) => sum + (counts[g] ?? 0), 0);
  if (judged === 0) return null;
  const top = levels.slice(0, 2).reduce((sum, g) => sum + (counts[g] ?? 0), 0);
  return top / judged;
}

function addCounts(a: GradeCounts, b: GradeCounts): GradeCounts {
  const sum: Record<Grade, number> = { ...a };
  for (const [g, n] of Object.entries(b)) sum[g] = (sum[g] ?? 0) + n;
  return sum;
}

function movesOf(kpis: readonly KpiReport[]): GradeMoves {
  const count = (mark: string): number => kpis.filter((k) => k.change === mark).length;
  return { up: count('上昇'), same: count('維持'), down: count('低下') };
}

/** `基本目標2` of `基本目標2!F12`, '' for an address without a sheet; and the row. */
function issueRow(cell: string): string {
  const bang = cell.lastIndexOf('!');
  const sheet = bang >= 0 ? cell.slice(0, bang) : '';
  const row = /(\d+)$/.exec(cell)?.[1] ?? '';
  return `${sheet}\u0000${row}`;
}

function rowKey(block: Block, row: number): string {
  return `${block.sheet ?? ''}\u0000${row}`;
}

/** The issues of a workbook by the row they are on (`sheet\0row`). */
function issuesByRow(judged: Judged): Map<string, string[]> {
  const byRow = new Map<string, string[]>();
  for (const issue of judged.evaluation.summary.dataIssues) {
    const key = issueRow(issue.cell);
    byRow.set(key, [...(byRow.get(key) ?? []), `${issue.cell}: ${issue.message}`]);
  }
  return byRow;
}

/** The workbook's rows of the 集計 sheet: one per 基本目標, then its total. */
export function goalRows(book: RollupBook): GoalRow[] {
  const { judged, report } = book;
  const levels = levelsOf(judged.evaluation.settings.scale);
  const issues = issuesByRow(judged);
  const hasBefore = report.previousYear !== null;
  const base = {
    book: book.name,
    title: book.title ?? '',
    year: report.year,
    previousYear: report.previousYear,
    levels,
    top: levels.slice(0, 2),
  };
  const rows: GoalRow[] = [];
  let counts: GradeCounts | null = null;
  let previousCounts: GradeCounts | null = null;
  const blocks = judged.sheet.blocks;
  report.goals.forEach((goal, i) => {
    // bookReport gives one goal per block, in block order.
    const block = blocks[i];
    const ids = new Set(block ? block.kpis.map((k) => k.id) : []);
    const kpis = report.kpis.filter((k) => ids.has(k.id));
    const rowsOfBlock = block ? [...block.headlines, ...block.kpis].map((k) => rowKey(block, k.row)) : [];
    rows.push({
      ...base,
      goal: goal.goal,
      total: false,
      kpis: block ? block.kpis.length : kpis.length,
      counts: goal.counts,
      share: topShare(goal.counts, levels),
      previousShare: goal.previousCounts ? topShare(goal.previousCounts, levels) : null,
      moves: hasBefore ? movesOf(kpis) : null,
      dataIssues: rowsOfBlock.reduce((sum, key) => sum + (issues.get(key)?.length ?? 0), 0),
    });
    counts = counts ? addCounts(counts, goal.counts) : goal.counts;
    if (goal.previousCounts)
      previousCounts = previousCounts ? addCounts(previousCounts, goal.previousCounts) : goal.previousCounts;
  });
  const allCounts: GradeCounts =
    counts ?? Object.fromEntries([...levels, UNJUDGEABLE_GRADE, ABOLISHED_GRADE].map((g) => [g, 0]));
  rows.push({
    ...base,
    goal: OVERALL_KEY,
    total: true,
    kpis: rows.reduce((sum, r) => sum + r.kpis, 0),
    counts: allCounts,
    share: topShare(allCounts, levels),
    previousShare: hasBefore && previousCounts ? topShare(previousCounts, levels) : null,
    moves: hasBefore ? movesOf(report.kpis.filter((k) => k.role === 'kpi')) : null,
    dataIssues: judged.evaluation.summary.dataIssues.length,
  });
  return rows;
}

function label(cell: YearCell | null | undefined): string | null {
  return cell ? readingLabel(cell.reading) : null;
}

/** Every KPI and 数値目標 of the workbook, in sheet order, for the 全KPI sheet. */
export function kpiRows(book: RollupBook): KpiRow[] {
  const { judged, report } = book;
  const found = new Map<string, { kpi: Kpi; block: Block }>();
  for (const block of judged.sheet.blocks)
    for (const kpi of [...block.headlines, ...block.kpis]) found.set(kpi.id, { kpi, block });
  const evaluations = new Map(judged.evaluation.kpis.map((e) => [e.kpiId, e]));
  const issues = issuesByRow(judged);
  return report.kpis.map((r): KpiRow => {
    const at = found.get(r.id);
    const e = evaluations.get(r.id);
    return {
      book: book.name,
      sheet: r.sheet,
      row: r.row,
      goal: r.goal,
      role: r.role,
      name: r.name,
      department: r.department,
      unit: at?.kpi.unit ?? '',
      baseline: label(at?.kpi.baseline),
      latest: e?.latest ? readingLabel(e.latest) : null,
      latestYear: e?.latestYear ?? null,
      target: label(at?.kpi.target),
      grade: r.grade,
      rate: r.rate,
      previousGrade: r.previousGrade,
      change: r.change,
      issues: at ? (issues.get(rowKey(at.block, r.row)) ?? []) : [],
    };
  });
}

/**
 * The grade columns of the 集計 sheet: every level symbol of every workbook's scale, in the order the
 * workbooks and their scales give them, then X and 廃止. A workbook has a number only under its own levels.
 */
export function gradeColumns(books: readonly RollupBook[]): Grade[] {
  const seen: Grade[] = [];
  for (const book of books)
    for (const g of levelsOf(book.judged.evaluation.settings.scale)) if (!seen.includes(g)) seen.push(g);
  return [
    ...seen.filter((g) => g !== UNJUDGEABLE_GRADE && g !== ABOLISHED_GRADE),
    UNJUDGEABLE_GRADE,
    ABOLISHED_GRADE,
  ];
}

/** The rows of a rollup, made once for both its renderings: the rollup workbook and the JSON. */
export interface Rollup {
  /** Each workbook read, with its 集計 rows (goalRows). */
  readonly books: readonly (RollupBook & { readonly goals: readonly GoalRow[] })[];
  /** Every KPI of every workbook (kpiRows), in the workbooks' order. */
  readonly kpis: readonly KpiRow[];
  readonly failures: readonly RollupFailure[];
}

export function rollupRows(books: readonly RollupBook[], failures: readonly RollupFailure[]): Rollup {
  return { books: books.map((b) => ({ ...b, goals: goalRows(b) })), kpis: books.flatMap(kpiRows), failures };
}
