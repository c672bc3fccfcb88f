/**
 * The summary sheet 「KPI評価サマリー」: what was judged and how, counts per grade by 基本目標 and by
 * 担当課 with the share achieved as data bars, the follow-up list and the data issues with their cells.
 * Built top to bottom with a row cursor; every table is a fixed number of ops plus its values.
 */
import type {
  CellStyle,
  ChartSupport,
  Evaluation,
  FollowUp,
  KpiSheet,
  PlanValue,
  SummaryGroup,
  WriteOp,
} from '../types';
import { rangeOf } from '../a1';
import { gradeFormula } from './conditional';
import { gradeText } from './flags';
import { BORDER, DATA_BAR, GRADE_FILL, GRADES, HEADER_STYLE, RATE_FORMAT } from './palette';
import { describeSettings, formatJst } from './describe';
import { fiscalYearText } from './reading-text';
import { rowHeightFor, wrappedLines } from './text-size';
import type { PreviousYear } from '../evaluate/previous-year';
import type { CommentsByRow } from './comments';
import { followUpCommentsSection } from './summary-follow-up-comments';
import { yearBeforeSection } from './summary-year-before';
import { goalChartOp, type CountTableRows } from './summary-chart';

export const SUMMARY_SHEET = 'KPI評価サマリー';
export const SUMMARY_TITLE = 'KPI評価サマリー';

/** KPI and goal names in A, departments in B, numbers and short texts after. */
export const SUMMARY_WIDTHS: readonly number[] = [50, 18, 10, 13, 13, 10, 10, 10, 11];
const LAST_COL = SUMMARY_WIDTHS.length;

const CELL: CellStyle = { border: BORDER, vertical: 'middle' };

export interface SummaryInput {
  readonly sheetName: string;
  readonly kpiSheet: KpiSheet;
  readonly evaluation: Evaluation;
  readonly now: Date;
  /** The clerks' comments by sheet row, when the sheet has comment columns (issue 19). */
  readonly comments?: CommentsByRow;
  /** The grades of the previous evaluation year (issue 19). */
  readonly previous?: PreviousYear;
  /** 'native': add the bar chart of grade counts per 基本目標 (issue 19). */
  readonly charts?: ChartSupport;
}

export interface SummaryResult {
  readonly ops: WriteOp[];
  readonly lastRow: number;
  readonly lastCol: number;
}

/** Leading goal number (`1 浅口市…` → `1`), else the goal as written. */
function goalShort(goal: string): string {
  const match = /^\s*(\d+)\s/.exec(goal);
  return match ? match[1] : goal;
}

class SheetWriter {
  readonly ops: WriteOp[] = [];
  row = 1;
  constructor(readonly sheet: string) {}

  values(values: readonly (readonly PlanValue[])[], col = 1): void {
    if (values.length === 0) return;
    this.ops.push({ op: 'setValues', sheet: this.sheet, row: this.row, col, values });
  }

  style(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    if (bottom < top) return;
    this.ops.push({ op: 'setStyle', sheet: this.sheet, range: rangeOf(top, left, bottom, right), style });
  }

  /** A line of text across the whole width. */
  line(text: string, style: CellStyle): void {
    this.values([[text]]);
    this.ops.push({ op: 'mergeCells', sheet: this.sheet, range: rangeOf(this.row, 1, this.row, LAST_COL) });
    this.style(this.row, 1, this.row, LAST_COL, style);
    this.row++;
  }

  gap(): void {
    this.row++;
  }

  /**
   * Rows whose wrapped texts need more than one line get that height; `columns` pairs each wrapped column
   * with its texts by row. The style is the wrapped cells' own, so the op replaces nothing else.
   */
  fitRows(
    first: number,
    columns: readonly { col: number; texts: readonly string[] }[],
    style: CellStyle,
  ): void {
    const count = Math.max(0, ...columns.map((c) => c.texts.length));
    for (let i = 0; i < count; i++) {
      const lines = Math.max(
        ...columns.map((c) => wrappedLines(c.texts[i] ?? '', SUMMARY_WIDTHS[c.col - 1])),
      );
      if (lines <= 1) continue;
      const cols = columns.map((c) => c.col);
      this.style(first + i, Math.min(...cols), first + i, Math.max(...cols), {
        ...style,
        rowHeight: rowHeightFor(lines),
      });
    }
  }
}

function gradeCountTable(
  w: SheetWriter,
  heading: string,
  keyHeader: string,
  groups: readonly SummaryGroup[],
  overall: SummaryGroup,
  evaluation: Evaluation,
): CountTableRows {
  w.line(heading, { bold: true, fontSize: 12 });
  const header: PlanValue[] = [
    keyHeader,
    '判定数',
    ...GRADES.map((g) => gradeText(g, evaluation.settings)),
    '達成割合',
  ];
  const headerRow = w.row;
  w.values([header]);
  w.style(headerRow, 1, headerRow, 2, HEADER_STYLE);
  GRADES.forEach((grade, i) =>
    w.style(headerRow, 3 + i, headerRow, 3 + i, {
      ...HEADER_STYLE,
      fill: GRADE_FILL[grade].fill,
      fontColor: GRADE_FILL[grade].fontColor,
    }),
  );
  w.style(headerRow, LAST_COL, headerRow, LAST_COL, HEADER_STYLE);
  w.row++;
  const first = w.row;
  const rows = [...groups, overall].map((group): PlanValue[] => [
    group.key,
    group.judged,
    ...GRADES.map((grade) => group.counts[grade]),
    group.achievedShare,
  ]);
  w.values(rows);
  const last = first + rows.length - 1;
  w.style(first, 1, last - 1, 1, { ...CELL, wrap: true });
  w.fitRows(first, [{ col: 1, texts: groups.map((g) => g.key) }], { ...CELL, wrap: true });
  w.style(first, 2, last - 1, LAST_COL - 1, { ...CELL, horizontal: 'center' });
  w.style(first, LAST_COL, last - 1, LAST_COL, { ...CELL, numberFormat: RATE_FORMAT });
  // The 全体 row closes the table in bold.
  w.style(last, 1, last, 1, { ...CELL, bold: true, fill: '#F2F2F2' });
  w.style(last, 2, last, LAST_COL - 1, { ...CELL, bold: true, fill: '#F2F2F2', horizontal: 'center' });
  w.style(last, LAST_COL, last, LAST_COL, {
    ...CELL,
    bold: true,
    fill: '#F2F2F2',
    numberFormat: RATE_FORMAT,
  });
  w.ops.push({
    op: 'addConditionalFormat',
    sheet: w.sheet,
    range: rangeOf(first, LAST_COL, last, LAST_COL),
    rule: { type: 'dataBar', color: DATA_BAR, max: 1 },
  });
  w.row = last + 1;
  return { headerRow, first, last, firstGradeCol: 3 };
}

function followUpTable(w: SheetWriter, followUps: readonly FollowUp[], evaluation: Evaluation): void {
  w.line('要フォローアップ (C・D 判定)', { bold: true, fontSize: 12 });
  const headerRow = w.row;
  w.values([['KPI', '担当課', '判定', '最新値', '目標値', '差', '基本目標', '行']]);
  w.style(headerRow, 1, headerRow, 8, HEADER_STYLE);
  w.row++;
  if (followUps.length === 0) {
    w.line('該当なし', { horizontal: 'left' });
    return;
  }
  const first = w.row;
  w.values(
    followUps.map((f): PlanValue[] => [
      f.name,
      f.department,
      gradeText(f.grade, evaluation.settings),
      f.latest,
      f.target,
      f.gap,
      goalShort(f.goal),
      f.row,
    ]),
  );
  const last = first + followUps.length - 1;
  w.style(first, 1, last, 2, { ...CELL, wrap: true });
  w.fitRows(
    first,
    [
      { col: 1, texts: followUps.map((f) => f.name) },
      { col: 2, texts: followUps.map((f) => f.department) },
    ],
    { ...CELL, wrap: true },
  );
  w.style(first, 3, last, 3, { ...CELL, horizontal: 'center', bold: true });
  w.style(first, 4, last, 5, { ...CELL, horizontal: 'right' });
  w.style(first, 6, last, 6, { ...CELL, horizontal: 'right', numberFormat: '#,##0.##;[Red]-#,##0.##' });
  w.style(first, 7, last, 8, { ...CELL, horizontal: 'center' });
  for (const grade of GRADES) {
    w.ops.push({
      op: 'addConditionalFormat',
      sheet: w.sheet,
      range: rangeOf(first, 3, last, 3),
      rule: { type: 'formula', formula: gradeFormula(grade, 3, first), style: GRADE_FILL[grade] },
    });
  }
  w.row = last + 1;
}

function dataIssueTable(w: SheetWriter, evaluation: Evaluation): void {
  const issues = evaluation.summary.dataIssues;
  w.line('データの確認事項 (元の表のセル)', { bold: true, fontSize: 12 });
  const headerRow = w.row;
  w.values([['内容', 'セル']]);
  w.style(headerRow, 1, headerRow, 2, HEADER_STYLE);
  w.row++;
  if (issues.length === 0) {
    w.line('該当なし', { horizontal: 'left' });
    return;
  }
  const first = w.row;
  w.values(issues.map((issue): PlanValue[] => [issue.message, issue.cell]));
  const last = first + issues.length - 1;
  w.style(first, 1, last, 1, { ...CELL, wrap: true });
  w.fitRows(first, [{ col: 1, texts: issues.map((issue) => issue.message) }], { ...CELL, wrap: true });
  w.style(first, 2, last, 2, { ...CELL, horizontal: 'center' });
  w.row = last + 1;
}

export function summarySheetOps(input: SummaryInput): SummaryResult {
  const { sheetName, kpiSheet, evaluation, now } = input;
  const w = new SheetWriter(sheetName);
  const { summary, settings } = evaluation;
  w.ops.push({ op: 'setColumnWidths', sheet: sheetName, firstCol: 1, widths: SUMMARY_WIDTHS });
  w.line(SUMMARY_TITLE, { bold: true, fontSize: 16 });
  const source = kpiSheet.title ? `${kpiSheet.sheet} (${kpiSheet.title})` : kpiSheet.sheet;
  const meta: CellStyle = { horizontal: 'left' };
  w.line(`対象シート: ${source}`, meta);
  w.line(`評価年度: ${fiscalYearText(evaluation.year)} (${evaluation.year}年度)`, meta);
  w.line(`評価基準: ${describeSettings(settings)}`, meta);
  w.line(`作成日時: ${formatJst(now)}`, meta);
  const overall = summary.overall;
  const share = overall.achievedShare === null ? '—' : `${(overall.achievedShare * 100).toFixed(1)}%`;
  w.line(
    `全体: 判定 ${overall.judged} 件 (廃止 ${overall.counts['廃止']} 件を除く)、` +
      `A ${overall.counts.A} ・ B ${overall.counts.B} ・ C ${overall.counts.C} ・ D ${overall.counts.D} ・ X ${overall.counts.X}、達成割合 ${share}`,
    { ...meta, bold: true },
  );
  w.gap();
  const goals = gradeCountTable(w, '基本目標別', '基本目標', summary.byGoal, overall, evaluation);
  const chart = input.charts === 'native' ? goalChartOp(sheetName, goals) : null;
  if (chart) w.ops.push(chart);
  w.gap();
  if (input.previous) {
    yearBeforeSection(w, kpiSheet, evaluation, input.previous);
    w.gap();
  }
  gradeCountTable(w, '担当課別', '担当課', summary.byDepartment, overall, evaluation);
  w.gap();
  followUpTable(w, summary.followUps, evaluation);
  w.gap();
  if (input.comments) {
    followUpCommentsSection(w, summary.followUps, input.comments, SUMMARY_WIDTHS);
    w.gap();
  }
  dataIssueTable(w, evaluation);
  return { ops: w.ops, lastRow: w.row - 1, lastCol: LAST_COL };
}
