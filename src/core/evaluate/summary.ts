/**
 * The summary: counts per 基本目標, per 担当課 and overall; the follow-up list (C and D); the
 * data-issue list (every diagnostic and every unreadable cell, with its address).
 *
 * Counts cover the KPI rows (重要業績評価指標), as a city's report counts its KPIs; the headline 数値目標
 * rows are counted apart (`headlines`) and listed as follow-ups. 廃止 is out of every total. Counts,
 * follow-ups and the achieved share follow the settings' grade scale.
 */
import { resolveDirection } from './direction';
import { cellAddress } from '../a1';
import { gradeSymbols, meansAchieved } from '../settings/scale';
import {
  ABOLISHED_GRADE,
  type DataIssue,
  type FollowUp,
  type Grade,
  type GradeScale,
  type Kpi,
  type KpiEvaluation,
  type KpiSheet,
  type Summary,
  type SummaryGroup,
  type VerdictComparison,
  type YearCell,
} from '../types';
import { sign } from './direction';
import { fiscalYearLabel, formatNumber, readingLabel } from './format';

export const OVERALL_KEY = '全体';
export const NO_DEPARTMENT_KEY = '担当課なし';
export const HEADLINES_KEY = '数値目標';

export function summarizeGroup(key: string, grades: readonly Grade[], scale: GradeScale): SummaryGroup {
  const symbols = gradeSymbols(scale);
  const counts: Record<Grade, number> = {};
  for (const symbol of symbols) counts[symbol] = 0;
  for (const grade of grades) counts[grade] = (counts[grade] ?? 0) + 1;
  const judged = symbols.filter((g) => g !== ABOLISHED_GRADE).reduce((sum, g) => sum + counts[g], 0);
  const achieved = scale.levels.filter(meansAchieved).reduce((sum, level) => sum + counts[level.symbol], 0);
  return { key, judged, counts, achievedShare: judged > 0 ? achieved / judged : null };
}

interface Row {
  readonly kpi: Kpi;
  readonly goal: string;
  /** Block.sheet: set where the evaluation covers several sheets. */
  readonly sheet: string | undefined;
  readonly evaluation: KpiEvaluation;
}

/** `F12`, or `基本目標2!F12` for a block of a several-sheet evaluation (Block.sheet). */
export function blockCellAddress(sheet: string | undefined, row: number, col: number): string {
  const address = cellAddress(row, col);
  return sheet === undefined ? address : `${sheet}!${address}`;
}

/** `12行`, or `シート「基本目標2」の12行`. */
function rowText(sheet: string | undefined, row: number): string {
  return sheet === undefined ? `${row}行` : `シート「${sheet}」の${row}行`;
}

function groupBy(rows: readonly Row[], keyOf: (row: Row) => string, scale: GradeScale): SummaryGroup[] {
  const groups = new Map<string, Grade[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const grades = groups.get(key) ?? [];
    grades.push(row.evaluation.grade);
    groups.set(key, grades);
  }
  return [...groups].map(([key, grades]) => summarizeGroup(key, grades, scale));
}

/** Rounded to shed floating-point noise (31 − 25.000000001); huge values are left as they are. */
function roundGap(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const rounded = Math.round(value * 1e6) / 1e6;
  return Number.isFinite(rounded) ? rounded : value;
}

function followUp(row: Row): FollowUp {
  const { kpi, evaluation } = row;
  const latest =
    evaluation.latest && evaluation.latestYear !== null
      ? `${readingLabel(evaluation.latest)} (${fiscalYearLabel(evaluation.latestYear)})`
      : '—';
  const target = kpi.target?.reading ?? null;
  let targetText = target ? readingLabel(target) : '—';
  if (evaluation.pathTarget !== null && target) {
    targetText = `${formatNumber(evaluation.pathTarget)}${target.unit} (按分 ${fiscalYearLabel(evaluation.year)}、目標 ${targetText})`;
  }
  const goalValue = evaluation.pathTarget ?? target?.value ?? null;
  const latestValue = evaluation.latest?.value ?? null;
  const comparable =
    goalValue !== null &&
    latestValue !== null &&
    evaluation.latest?.kind !== 'presence' &&
    (evaluation.basisUsed !== 'rank' || evaluation.latest?.kind === 'age');
  return {
    kpiId: kpi.id,
    row: kpi.row,
    ...(row.sheet === undefined ? {} : { sheet: row.sheet }),
    goal: row.goal,
    name: kpi.name,
    department: kpi.department,
    grade: evaluation.grade,
    latest,
    target: targetText,
    gap: comparable ? roundGap(sign(evaluation.direction) * (goalValue - latestValue)) : null,
  };
}

function directionIssue(kpi: Kpi, sheet: string | undefined): DataIssue | null {
  if (!kpi.target || !kpi.baseline) return null;
  const target = blockCellAddress(sheet, kpi.target.cell.row, kpi.target.cell.col);
  const baseline = blockCellAddress(sheet, kpi.baseline.cell.row, kpi.baseline.cell.col);
  const conflict = resolveDirection(kpi).conflict;
  return {
    cell: target,
    kind: 'directionToConfirm',
    message: conflict
      ? `${conflict}。方向を決められないため評価していません。${rowText(sheet, kpi.row)}の「方向」を ↑ か ↓ にしてください (${kpi.name})`
      : `目標値 (${target}: ${readingLabel(kpi.target.reading)}) が基準値 (${baseline}: ${readingLabel(kpi.baseline.reading)}) を下回っていますが、` +
        `増加を目指す指標として評価しました。減少を目指す指標なら、${rowText(sheet, kpi.row)}の「方向」を ↓ にしてください (${kpi.name})`,
  };
}

function dataIssues(sheet: KpiSheet, evaluations: ReadonlyMap<string, KpiEvaluation>): DataIssue[] {
  const issues: DataIssue[] = sheet.diagnostics.map((d) => ({
    cell: d.cell,
    kind: d.kind,
    message: d.message,
  }));
  const known = new Set(issues.filter((i) => i.kind === 'unreadable').map((i) => i.cell));
  const unreadable = (kpi: Kpi, cell: YearCell | null, sheet: string | undefined): void => {
    if (!cell || cell.reading.kind !== 'text') return;
    const address = blockCellAddress(sheet, cell.cell.row, cell.cell.col);
    if (known.has(address)) return;
    known.add(address);
    issues.push({
      cell: address,
      kind: 'unreadable',
      message: `「${cell.reading.raw.trim()}」を値として読めません (${kpi.name})`,
    });
  };
  // Baseline, actuals, target in sheet order, visited in place: copying them per KPI was most of the cost.
  for (const block of sheet.blocks) {
    const { sheet: on } = block;
    for (const kpi of [...block.headlines, ...block.kpis]) {
      unreadable(kpi, kpi.baseline, on);
      for (const cell of kpi.actuals) unreadable(kpi, cell, on);
      unreadable(kpi, kpi.target, on);
      if (evaluations.get(kpi.id)?.directionToConfirm) {
        const issue = directionIssue(kpi, on);
        if (issue) issues.push(issue);
      }
    }
  }
  return issues;
}

export function summarize(
  sheet: KpiSheet,
  evaluations: ReadonlyMap<string, KpiEvaluation>,
  scale: GradeScale,
  published: VerdictComparison = { compared: 0, agreed: 0, disagreements: [] },
): Summary {
  const followUpGrades = new Set(scale.levels.filter((level) => level.followUp).map((level) => level.symbol));
  const rows: Row[] = [];
  for (const block of sheet.blocks) {
    for (const kpi of [...block.headlines, ...block.kpis]) {
      const evaluation = evaluations.get(kpi.id);
      if (evaluation) rows.push({ kpi, goal: block.goal, sheet: block.sheet, evaluation });
    }
  }
  const counted = rows.filter((row) => row.kpi.role === 'kpi');
  const headlines = rows.filter((row) => row.kpi.role === 'headline');
  return {
    overall: summarizeGroup(
      OVERALL_KEY,
      counted.map((row) => row.evaluation.grade),
      scale,
    ),
    headlines: summarizeGroup(
      HEADLINES_KEY,
      headlines.map((row) => row.evaluation.grade),
      scale,
    ),
    byGoal: groupBy(counted, (row) => row.goal, scale),
    byDepartment: groupBy(counted, (row) => row.kpi.department.trim() || NO_DEPARTMENT_KEY, scale),
    followUps: rows.filter((row) => followUpGrades.has(row.evaluation.grade)).map(followUp),
    dataIssues: dataIssues(sheet, evaluations),
    published,
  };
}
