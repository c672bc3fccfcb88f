/**
 * One KPI as the reports (the JSON and the CSV) give it: its grade and rate, the year before's grade and how
 * it moved, the department's comments, the cells it was read from and what the reader noted about it; and
 * each 基本目標's grade counts this year and the year before. Made from the same evaluation and year-before
 * judgement the written sheet shows, so a script reads what the meeting sees.
 */
import { cellAddress, parseCellAddress } from '../a1';
import { previousYear as judgeYearBefore, GRADE_CHANGE_LABEL } from '../evaluate/previous-year';
import { summarizeGroup } from '../evaluate/summary';
import { readComments, type RowComment } from '../plan/comments';
import type {
  Block,
  Diagnostic,
  Evaluation,
  FiscalYear,
  GradeCounts,
  Grid,
  Kpi,
  KpiEvaluation,
  KpiSheet,
  TableRegion,
  YearCell,
} from '../types';

export type ChangeMark = (typeof GRADE_CHANGE_LABEL)[keyof typeof GRADE_CHANGE_LABEL];

/** A1 addresses on the KPI's sheet. */
export interface SourceCells {
  readonly baseline: string | null;
  readonly actuals: readonly { readonly year: number; readonly cell: string }[];
  readonly target: string | null;
}

export interface KpiReport {
  readonly id: string;
  readonly sheet: string;
  readonly row: number;
  readonly goal: string;
  readonly role: Kpi['role'];
  readonly name: string;
  readonly department: string;
  readonly grade: string;
  /** The rate the grade was read on (achievement or progress), as a fraction; null when none. */
  readonly rate: number | null;
  readonly pathTarget: number | null;
  readonly previousYear: number | null;
  readonly previousGrade: string | null;
  /** null where either year's grade is X or 廃止, or there is no year before. */
  readonly change: ChangeMark | null;
  /** What the department typed in 要因・分析 / 今後の方向性; absent when the row has neither. */
  readonly comments?: { readonly factor: string; readonly outlook: string };
  readonly cells: SourceCells;
  readonly diagnostics: readonly Diagnostic[];
}

export interface GoalReport {
  readonly goal: string;
  readonly sheet: string;
  readonly counts: GradeCounts;
  /** null when the sheet has no year before the evaluation year. */
  readonly previousCounts: GradeCounts | null;
}

export interface BookReport {
  readonly year: FiscalYear;
  readonly previousYear: FiscalYear | null;
  readonly kpis: readonly KpiReport[];
  readonly goals: readonly GoalReport[];
}

/** One judged sheet of the workbook: its grid (for the comments) and its KPI tables. */
export interface ReportSheet {
  readonly grid: Grid;
  readonly sheet: KpiSheet;
}

function rateOf(e: KpiEvaluation): number | null {
  if (e.basisUsed === 'progress') return e.progressRate;
  return e.achievementRate;
}

function address(cell: YearCell | null): string | null {
  return cell ? cellAddress(cell.cell.row, cell.cell.col) : null;
}

function tablesOf(sheet: KpiSheet): TableRegion[] {
  return sheet.blocks.flatMap((b) => (b.kpiTable ? [b.kpiTable] : []));
}

/**
 * The report of a judged sheet (several sheets combined into one, where the workbook keeps one per
 * 基本目標). `sheets` gives each sheet's grid for its comments; `department`, when given, keeps only that
 * 担当課's KPIs and the 基本目標 they are under (counted over those KPIs).
 */
export function bookReport(
  combined: { readonly sheet: KpiSheet; readonly evaluation: Evaluation },
  sheets: readonly ReportSheet[],
  department?: string,
): BookReport {
  const { sheet, evaluation } = combined;
  const byId = new Map(evaluation.kpis.map((e) => [e.kpiId, e]));
  const before = judgeYearBefore(sheet, evaluation);
  const previousById = new Map(before.grades.map((g) => [g.kpiId, g]));
  const comments = new Map<string, Map<number, RowComment>>();
  for (const s of sheets) comments.set(s.grid.sheet, readComments(s.grid, tablesOf(s.sheet)));
  const sheetOf = (block: Block): string => block.sheet ?? sheet.sheet;
  const diagnosticsByRow = new Map<string, Diagnostic[]>();
  for (const d of sheet.diagnostics) {
    const bang = d.cell.lastIndexOf('!');
    const ref = parseCellAddress(bang >= 0 ? d.cell.slice(bang + 1) : d.cell);
    if (!ref) continue;
    const key = `${bang >= 0 ? d.cell.slice(0, bang) : sheet.sheet}\u0000${ref.row}`;
    diagnosticsByRow.set(key, [...(diagnosticsByRow.get(key) ?? []), d]);
  }
  const wanted = (kpi: Kpi): boolean => department === undefined || kpi.department === department;

  const kpis: KpiReport[] = [];
  const goals: GoalReport[] = [];
  for (const block of sheet.blocks) {
    const name = sheetOf(block);
    const rows = [...block.headlines, ...block.kpis].filter(wanted);
    for (const kpi of rows) {
      const e = byId.get(kpi.id);
      if (!e) continue;
      const previous = previousById.get(kpi.id);
      // A sheet read alone: its blocks name no sheet, the combined sheet's name is its grid's.
      const typed =
        comments.get(name)?.get(kpi.row) ??
        (sheets.length === 1 ? comments.get(sheets[0].grid.sheet)?.get(kpi.row) : undefined);
      kpis.push({
        id: kpi.id,
        sheet: name,
        row: kpi.row,
        goal: block.goal,
        role: kpi.role,
        name: kpi.name,
        department: kpi.department,
        grade: e.grade,
        rate: rateOf(e),
        pathTarget: e.pathTarget,
        previousYear: before.year,
        previousGrade: previous?.previous.grade ?? null,
        change: previous?.change ? GRADE_CHANGE_LABEL[previous.change] : null,
        ...(typed ? { comments: { factor: typed.factor, outlook: typed.outlook } } : {}),
        cells: {
          baseline: address(kpi.baseline),
          actuals: kpi.actuals.map((c) => ({ year: c.year, cell: cellAddress(c.cell.row, c.cell.col) })),
          target: address(kpi.target),
        },
        diagnostics: diagnosticsByRow.get(`${name}\u0000${kpi.row}`) ?? [],
      });
    }
    const counted = block.kpis.filter(wanted);
    if (counted.length === 0 && department !== undefined) continue;
    const grades = (pick: (id: string) => string | undefined): string[] =>
      counted.flatMap((k) => {
        const g = pick(k.id);
        return g === undefined ? [] : [g];
      });
    goals.push({
      goal: block.goal,
      sheet: name,
      counts: summarizeGroup(
        block.goal,
        grades((id) => byId.get(id)?.grade),
        evaluation.settings.scale,
      ).counts,
      previousCounts:
        before.year === null
          ? null
          : summarizeGroup(
              block.goal,
              grades((id) => previousById.get(id)?.previous.grade),
              evaluation.settings.scale,
            ).counts,
    });
  }
  return { year: evaluation.year, previousYear: before.year, kpis, goals };
}
