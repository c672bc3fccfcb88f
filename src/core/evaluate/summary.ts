/**
 * The summary (issue 5): counts per 基本目標, per 担当課 and overall; the follow-up list (C and D); the
 * data-issue list (every diagnostic and every unreadable cell, with its address).
 *
 * Counts cover the KPI rows (重要業績評価指標); the headline 数値目標 rows are judged and listed as
 * follow-ups but not counted, as a city's report counts its KPIs. 廃止 is out of every total.
 */
import { cellAddress } from '../a1';
import type {
  DataIssue,
  FollowUp,
  Grade,
  Kpi,
  KpiEvaluation,
  KpiSheet,
  Summary,
  SummaryGroup,
  YearCell,
} from '../types';
import { sign } from './direction';
import { fiscalYearLabel, formatNumber, readingLabel } from './format';

export const OVERALL_KEY = '全体';
export const NO_DEPARTMENT_KEY = '担当課なし';

const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D', 'X', '廃止'];

function emptyCounts(): Record<Grade, number> {
  return { A: 0, B: 0, C: 0, D: 0, X: 0, 廃止: 0 };
}

export function summarizeGroup(key: string, grades: readonly Grade[]): SummaryGroup {
  const counts = emptyCounts();
  for (const grade of grades) counts[grade] += 1;
  const judged = GRADES.filter((g) => g !== '廃止').reduce((sum, g) => sum + counts[g], 0);
  return { key, judged, counts, achievedShare: judged > 0 ? counts.A / judged : null };
}

interface Row {
  readonly kpi: Kpi;
  readonly goal: string;
  readonly evaluation: KpiEvaluation;
}

function groupBy(rows: readonly Row[], keyOf: (row: Row) => string): SummaryGroup[] {
  const groups = new Map<string, Grade[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const grades = groups.get(key) ?? [];
    grades.push(row.evaluation.grade);
    groups.set(key, grades);
  }
  return [...groups].map(([key, grades]) => summarizeGroup(key, grades));
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
    goal: row.goal,
    name: kpi.name,
    department: kpi.department,
    grade: evaluation.grade,
    latest,
    target: targetText,
    gap: comparable ? roundGap(sign(evaluation.direction) * (goalValue - latestValue)) : null,
  };
}

function dataIssues(sheet: KpiSheet): DataIssue[] {
  const issues: DataIssue[] = sheet.diagnostics.map((d) => ({
    cell: d.cell,
    kind: d.kind,
    message: d.message,
  }));
  const known = new Set(issues.filter((i) => i.kind === 'unreadable').map((i) => i.cell));
  const unreadable = (kpi: Kpi, cell: YearCell | null): void => {
    if (!cell || cell.reading.kind !== 'text') return;
    const address = cellAddress(cell.cell.row, cell.cell.col);
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
    for (const kpi of [...block.headlines, ...block.kpis]) {
      unreadable(kpi, kpi.baseline);
      for (const cell of kpi.actuals) unreadable(kpi, cell);
      unreadable(kpi, kpi.target);
    }
  }
  return issues;
}

export function summarize(sheet: KpiSheet, evaluations: ReadonlyMap<string, KpiEvaluation>): Summary {
  const rows: Row[] = [];
  for (const block of sheet.blocks) {
    for (const kpi of [...block.headlines, ...block.kpis]) {
      const evaluation = evaluations.get(kpi.id);
      if (evaluation) rows.push({ kpi, goal: block.goal, evaluation });
    }
  }
  const counted = rows.filter((row) => row.kpi.role === 'kpi');
  return {
    overall: summarizeGroup(
      OVERALL_KEY,
      counted.map((row) => row.evaluation.grade),
    ),
    byGoal: groupBy(counted, (row) => row.goal),
    byDepartment: groupBy(counted, (row) => row.kpi.department.trim() || NO_DEPARTMENT_KEY),
    followUps: rows
      .filter((row) => row.evaluation.grade === 'C' || row.evaluation.grade === 'D')
      .map(followUp),
    dataIssues: dataIssues(sheet),
  };
}
