/**
 * The summary sheet 「KPI評価サマリー」: what was judged and how, counts per grade by 基本目標 and by
 * 担当課 with the share achieved as data bars, the follow-up list and the data issues with their cells.
 * Built top to bottom with a row cursor that also lays out the printed pages; every table is a fixed
 * number of ops per page plus its values, and ends with the legend of every mark and colour.
 */
import { UNKNOWN_YEAR } from '../read';
import type { ChartSupport, CellStyle, Evaluation, KpiSheet, SummaryGroup, WriteOp } from '../types';
import { ABOLISHED_GRADE } from '../types';
import { rangeOf } from '../a1';
import { gradesOf } from './palette';
import { describeSettings, formatJst } from './describe';
import { fiscalYearText } from './reading-text';
import { pageBody } from './page-geometry';
import type { PreviousYear } from '../evaluate/previous-year';
import type { CommentLookup } from './comments';
import { followUpCommentsTable } from './summary-follow-up-comments';
import { yearBeforeTables } from './summary-year-before';
import { CHART_ROWS, chartable, goalChartOp } from './summary-chart';
import { summaryWidths } from './summary-columns';
import { SheetWriter, writeTable } from './summary-writer';
import {
  dataIssueTable,
  followUpTable,
  gradeCountTable,
  legendTable,
  publishedTable,
} from './summary-tables';

export { SUMMARY_WIDTHS } from './summary-columns';

export const SUMMARY_SHEET = 'KPI評価サマリー';
export const SUMMARY_TITLE = 'KPI評価サマリー';

export interface SummaryInput {
  readonly sheetName: string;
  readonly kpiSheet: KpiSheet;
  readonly evaluation: Evaluation;
  readonly now: Date;
  /** The clerks' comments, when the sheets have comment columns. */
  readonly comments?: CommentLookup;
  /** The grades of the previous evaluation year. */
  readonly previous?: PreviousYear;
  /** 'native': add the bar chart of grade counts per 基本目標. */
  readonly charts?: ChartSupport;
}

export interface SummaryResult {
  readonly ops: WriteOp[];
  readonly lastRow: number;
  readonly lastCol: number;
  /** Page breaks of its print (before these rows). */
  readonly rowBreaks: readonly number[];
}

/** `A 20 ・ B 9 ・ C 4 ・ D 12 ・ X 3`: every grade but 廃止. */
function countsText(group: SummaryGroup, evaluation: Evaluation): string {
  return gradesOf(evaluation.settings.scale)
    .filter((g) => g !== ABOLISHED_GRADE)
    .map((g) => `${g} ${group.counts[g] ?? 0}`)
    .join(' ・ ');
}

function shareText(group: SummaryGroup): string {
  return group.achievedShare === null ? '—' : `${(group.achievedShare * 100).toFixed(1)}%`;
}

export function summarySheetOps(input: SummaryInput): SummaryResult {
  const { sheetName, kpiSheet, evaluation, now } = input;
  const { summary, settings } = evaluation;
  const widths = summaryWidths(settings);
  const w = new SheetWriter(sheetName, pageBody(settings.paperSize, widths).height, widths.length);
  w.ops.push({ op: 'setColumnWidths', sheet: sheetName, firstCol: 1, widths });
  w.line(SUMMARY_TITLE, { bold: true, fontSize: 16 });
  const source = kpiSheet.title ? `${kpiSheet.sheet} (${kpiSheet.title})` : kpiSheet.sheet;
  const meta: CellStyle = { horizontal: 'left' };
  w.line(`対象シート: ${source}`, meta);
  w.line(
    evaluation.year === UNKNOWN_YEAR
      ? '評価年度: 不明 (表のどこにも年度がありません。「列の割り当て」で列の年度を指定できます)'
      : `評価年度: ${fiscalYearText(evaluation.year)} (${evaluation.year}年度)`,
    meta,
  );
  w.line(`評価基準: ${describeSettings(settings)}`, meta);
  w.line(`作成日時: ${formatJst(now)}`, meta);
  const overall = summary.overall;
  w.line(
    `全体: 判定 ${overall.judged} 件 (廃止 ${overall.counts[ABOLISHED_GRADE] ?? 0} 件を除く)、` +
      `${countsText(overall, evaluation)}、達成割合 ${shareText(overall)}`,
    { ...meta, bold: true },
  );
  const headlines = summary.headlines;
  if (headlines.judged + (headlines.counts[ABOLISHED_GRADE] ?? 0) > 0) {
    w.line(
      `数値目標 (KPI とは別に集計): 判定 ${headlines.judged} 件、${countsText(headlines, evaluation)}、達成割合 ${shareText(headlines)}`,
      meta,
    );
  }
  const published = publishedTable(evaluation);
  const byGoal = gradeCountTable('基本目標別', '基本目標', summary.byGoal, overall, evaluation);
  const tables = [
    byGoal,
    ...(input.previous ? yearBeforeTables(kpiSheet, evaluation, input.previous, widths) : []),
    gradeCountTable('担当課別', '担当課', summary.byDepartment, overall, evaluation),
    followUpTable(summary.followUps, evaluation),
    ...(input.comments ? [followUpCommentsTable(summary.followUps, input.comments, widths)] : []),
    dataIssueTable(evaluation),
    ...(published ? [published] : []),
    legendTable(settings),
  ];
  for (const table of tables) {
    w.gap();
    const written = writeTable(w, table);
    if (table === byGoal && input.charts === 'native' && chartable(written)) {
      // Under the table, on its page when it fits, across the summary's columns: the chart prints too.
      w.gap();
      const rows = w.reserve(CHART_ROWS);
      // The grades start in column 3, after 基本目標 and 判定数 (gradeCountTable).
      const chart = goalChartOp(
        sheetName,
        written,
        settings.scale,
        3,
        rangeOf(rows.first, 1, rows.last, widths.length),
      );
      if (chart) w.ops.push(chart);
    }
  }
  return { ops: w.ops, lastRow: w.row - 1, lastCol: widths.length, rowBreaks: w.rowBreaks };
}
