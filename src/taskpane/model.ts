/**
 * What the pane shows, derived from an analysis: the found summary, the counts per goal, a
 * department's missing values, and the print-only part of a plan. Pure; no DOM, no host.
 */
import { cellAddress } from '../core/a1';
import type { Analysis } from '../core/analyze';
import { readingText } from '../core/plan/reading-text';
import type {
  DataIssue,
  FiscalYear,
  Grade,
  GradeCounts,
  GradeBasis,
  Kpi,
  KpiEvaluation,
  KpiSheet,
  WriteOp,
  WritePlan,
} from '../core/types';

export interface FoundSummary {
  readonly sheet: string;
  readonly goals: readonly string[];
  readonly kpiCount: number;
  readonly headlineCount: number;
  /** The baseline, actual and target years of the columns, ascending. */
  readonly years: readonly FiscalYear[];
  /** Years with actual (実績) columns: the choices for the evaluation year. */
  readonly actualYears: readonly FiscalYear[];
  readonly evaluationYear: FiscalYear;
  readonly departments: readonly string[];
  readonly issues: readonly DataIssue[];
}

function allKpis(sheet: KpiSheet): Kpi[] {
  return sheet.blocks.flatMap((block) => [...block.headlines, ...block.kpis]);
}

function mostCommon(items: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  let best: number | null = null;
  for (const [item, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = item;
  return best;
}

function sortedUnique<T>(items: Iterable<T>, compare: (a: T, b: T) => number): T[] {
  return [...new Set(items)].sort(compare);
}

export function foundSummary(analysis: Analysis): FoundSummary {
  const { sheet, evaluation } = analysis;
  const kpis = allKpis(sheet);
  const years: FiscalYear[] = [];
  const actualYears: FiscalYear[] = [];
  // The baseline column's year is the one most rows carry; a cell with its own year (H28) does not move it.
  const baselineYears = kpis.flatMap((k) => (k.baseline ? [k.baseline.year] : []));
  const baselineYear = mostCommon(baselineYears);
  if (baselineYear !== null) years.push(baselineYear);
  for (const kpi of kpis) {
    if (kpi.target) years.push(kpi.target.year);
    for (const cell of kpi.actuals) {
      years.push(cell.year);
      actualYears.push(cell.year);
    }
  }
  const departments = kpis.map((k) => k.department.trim()).filter((d) => d !== '');
  return {
    sheet: sheet.sheet,
    goals: sheet.blocks.map((b) => b.goal),
    kpiCount: sheet.blocks.reduce((n, b) => n + b.kpis.length, 0),
    headlineCount: sheet.blocks.reduce((n, b) => n + b.headlines.length, 0),
    years: sortedUnique(years, (a, b) => a - b),
    actualYears: sortedUnique(actualYears, (a, b) => a - b),
    evaluationYear: evaluation.year,
    departments: sortedUnique(departments, (a, b) => a.localeCompare(b, 'ja')),
    issues: dataIssues(analysis),
  };
}

/** The evaluation's data issues, or the layout's diagnostics where the evaluation reports none. */
function dataIssues(analysis: Analysis): readonly DataIssue[] {
  const issues = analysis.evaluation.summary.dataIssues;
  if (issues.length > 0) return issues;
  return analysis.sheet.diagnostics.map((d) => ({ cell: d.cell, kind: d.kind, message: d.message }));
}

export interface GoalCounts {
  readonly goal: string;
  readonly judged: number;
  readonly counts: GradeCounts;
}

/** Counts per grade for each 基本目標, then the whole sheet (`全体`). */
export function countsPerGoal(analysis: Analysis): readonly GoalCounts[] {
  const { summary } = analysis.evaluation;
  return [...summary.byGoal, summary.overall].map((g) => ({
    goal: g.key,
    judged: g.judged,
    counts: g.counts,
  }));
}

export type MissingKind = 'missing' | 'unreadable' | 'noCell';

export interface ClerkItem {
  readonly kpiId: string;
  readonly name: string;
  readonly department: string;
  readonly grade: Grade | null;
  /** Where the evaluation-year value goes (A1), null when the row has no column for the year. */
  readonly cell: string | null;
  /** Where choosing the item goes: the value's cell, else the row's latest value or target. */
  readonly jumpCell: string;
  /** What the cell holds now, as written. */
  readonly raw: string;
  readonly problem: MissingKind | null;
  /** The reading judged (`14人`), '' when none; `latestYear` is its year when not the evaluation year. */
  readonly latest: string;
  readonly latestYear: FiscalYear | null;
  /** The target as written (`39人`), '' when none. */
  readonly target: string;
  readonly targetYear: FiscalYear | null;
  /** The rate on the settings' basis, as a fraction (0.359), null when undefined. */
  readonly rate: number | null;
  readonly basis: GradeBasis;
}

/** One department's KPIs (all departments when `department` is null), each with its evaluation-year cell. */
export function clerkItems(analysis: Analysis, department: string | null): readonly ClerkItem[] {
  const { sheet, evaluation } = analysis;
  const year = evaluation.year;
  const byId = new Map<string, KpiEvaluation>(evaluation.kpis.map((k) => [k.kpiId, k]));
  const items: ClerkItem[] = [];
  for (const block of sheet.blocks) {
    // The year's column, from any row of the table that has a cell for it.
    const yearCol = (rows: readonly Kpi[]): number | null =>
      rows.flatMap((k) => k.actuals).find((c) => c.year === year)?.cell.col ?? null;
    for (const rows of [block.headlines, block.kpis]) {
      const col = yearCol(rows);
      for (const kpi of rows) {
        if (department !== null && kpi.department.trim() !== department) continue;
        const cell = kpi.actuals.find((c) => c.year === year) ?? null;
        const judged = byId.get(kpi.id) ?? null;
        const grade = judged?.grade ?? null;
        let problem: MissingKind | null = null;
        if (grade === '廃止') problem = null;
        else if (cell === null) problem = col === null ? 'noCell' : 'missing';
        else if (cell.reading.kind === 'missing') problem = 'missing';
        else if (cell.reading.kind === 'text') problem = 'unreadable';
        const ref = cell?.cell ?? (col === null ? null : { row: kpi.row, col });
        const jump = ref ?? kpi.actuals.at(-1)?.cell ?? kpi.target?.cell ?? { row: kpi.row, col: 1 };
        const basis = evaluation.settings.basis;
        items.push({
          kpiId: kpi.id,
          name: kpi.name,
          department: kpi.department.trim(),
          grade,
          cell: ref ? cellAddress(ref.row, ref.col) : null,
          jumpCell: cellAddress(jump.row, jump.col),
          raw: cell?.reading.raw ?? '',
          problem,
          latest: judged?.latest ? readingText(judged.latest) : '',
          latestYear: judged?.latestYear ?? null,
          target: kpi.target ? readingText(kpi.target.reading) : '',
          targetYear: kpi.target?.year ?? null,
          rate: (basis === 'progress' ? judged?.progressRate : judged?.achievementRate) ?? null,
          basis,
        });
      }
    }
  }
  return items;
}

/** A sheet that exists, with the page setup the plan gives it: the plan's own operation, less its name. */
export type PrintReady = Omit<Extract<WriteOp, { op: 'setPageLayout' }>, 'op'>;

export interface PrintPlan {
  readonly plan: WritePlan;
  readonly ready: readonly PrintReady[];
  /** Sheets the full plan would lay out but that do not exist yet (the summary before a first run). */
  readonly notYet: readonly string[];
}

/**
 * The print layout alone: page setup for each sheet that already exists, and the marks that name
 * those layouts, so a reviewer can print without the flags being rewritten.
 */
export function printOnly(full: WritePlan, existingSheets: readonly string[]): PrintPlan {
  const exists = new Set(existingSheets);
  const ops: WriteOp[] = [];
  const ready: PrintReady[] = [];
  const notYet: string[] = [];
  for (const op of full.ops) {
    if (op.op !== 'setPageLayout') continue;
    if (exists.has(op.sheet)) {
      ops.push(op);
      ready.push({ sheet: op.sheet, layout: op.layout });
    } else notYet.push(op.sheet);
  }
  const laidOut = new Set(ready.map((r) => r.sheet));
  for (const op of full.ops) {
    if (op.op === 'addMark' && /PRINT/i.test(op.mark.name) && laidOut.has(op.mark.sheet)) ops.push(op);
  }
  return { plan: { ops, notices: [] }, ready, notYet };
}

export interface LookAlike {
  /** The department written by fewer KPIs (likely the typo), and the one it resembles. */
  readonly odd: string;
  readonly oddCount: number;
  readonly like: string;
  readonly likeCount: number;
}

/** Names equal once width, spaces and case are ignored (ＡＢ課 / AB 課). */
function looseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/** One character inserted, deleted or replaced turns `a` into `b`. */
function oneEditApart(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  let j = 0;
  while (j < x.length - i && j < y.length - i && x[x.length - 1 - j] === y[y.length - 1 - j]) j++;
  return x.length - i - j <= 1 && y.length - i - j <= 1;
}

/**
 * Department names so alike that they are likely one department typed two ways (ひとつづくり推進課
 * beside ひとづくり推進課): the pane would otherwise split its KPIs in two without a word. Short names
 * (two characters or fewer after the loose form) are left alone: 市民課 and 市長課 are different offices.
 */
export function lookAlikeDepartments(analysis: Analysis): readonly LookAlike[] {
  const counts = new Map<string, number>();
  for (const kpi of allKpis(analysis.sheet)) {
    const name = kpi.department.trim();
    if (name !== '') counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const names = [...counts.keys()].sort((a, b) => a.localeCompare(b, 'ja'));
  const found: LookAlike[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const [p, q] = [looseName(names[i]), looseName(names[j])];
      const alike = p === q || (Math.min([...p].length, [...q].length) >= 4 && oneEditApart(p, q));
      if (!alike) continue;
      const [odd, like] =
        (counts.get(names[i]) ?? 0) <= (counts.get(names[j]) ?? 0)
          ? [names[i], names[j]]
          : [names[j], names[i]];
      found.push({ odd, oddCount: counts.get(odd) ?? 0, like, likeCount: counts.get(like) ?? 0 });
    }
  }
  return found;
}
