/**
 * The summary sheet 「KPI評価サマリー」: what was judged and how, counts per grade by 基本目標 and by
 * 担当課 with the share achieved as data bars, the follow-up list and the data issues with their cells.
 * Built top to bottom with a row cursor that also lays out the printed pages; every table is a fixed
 * number of ops per page plus its values, and ends with the legend of every mark and colour.
 */
import { UNKNOWN_YEAR } from '../read';
import type {
  CellStyle,
  ChartSupport,
  Evaluation,
  FollowUp,
  KpiSheet,
  PlanValue,
  Settings,
  SummaryGroup,
  WriteOp,
} from '../types';
import { ABOLISHED_GRADE } from '../types';
import { rangeOf } from '../a1';
import { gradeFormula } from './conditional';
import { gradeText } from './flags';
import { BORDER, DATA_BAR, gradeFill, gradesOf, HEADER_STYLE, RATE_FORMAT } from './palette';
import { describeSettings, formatJst } from './describe';
import { fiscalYearText } from './reading-text';
import { legendEntries } from './legend';
import { pageBody } from './page-geometry';
import { rowHeightFor, wrappedLines } from './text-size';
import type { PreviousYear } from '../evaluate/previous-year';
import type { CommentLookup } from './comments';
import { followUpCommentsTable } from './summary-follow-up-comments';
import { yearBeforeTables } from './summary-year-before';
import { CHART_ROWS, chartable, goalChartOp } from './summary-chart';
import { goalShort, rowCell, tallerRows } from './summary-cursor';
import type { SummaryCursor, SummaryTable, WrittenTable } from './summary-cursor';

export const SUMMARY_SHEET = 'KPI評価サマリー';
export const SUMMARY_TITLE = 'KPI評価サマリー';

/**
 * KPI and goal names in A, departments in B, numbers and short texts after; headers wrap. 110 characters
 * print at 100 % on A4 landscape in Excel (Calibri) and in LibreOffice even with a wider fallback font,
 * so with every row's height written the pages are the same in both (issue 16).
 */
export const SUMMARY_WIDTHS: readonly number[] = [36, 14, 8, 10, 10, 8, 8, 8, 8];

/**
 * The columns of this sheet for a scale: the count tables need the key, 判定数, one column per grade and
 * 達成割合, so a scale of more than four levels adds 8-character columns on the right.
 */
function summaryWidths(settings: Settings): readonly number[] {
  const needed = 3 + gradesOf(settings.scale).length;
  return [...SUMMARY_WIDTHS, ...Array<number>(Math.max(0, needed - SUMMARY_WIDTHS.length)).fill(8)];
}

const CELL: CellStyle = { border: BORDER, vertical: 'middle' };

export interface SummaryInput {
  readonly sheetName: string;
  readonly kpiSheet: KpiSheet;
  readonly evaluation: Evaluation;
  readonly now: Date;
  /** The clerks' comments, when the sheets have comment columns (issue 19). */
  readonly comments?: CommentLookup;
  /** The grades of the previous evaluation year (issue 19). */
  readonly previous?: PreviousYear;
  /** 'native': add the bar chart of grade counts per 基本目標 (issue 19). */
  readonly charts?: ChartSupport;
}

export interface SummaryResult {
  readonly ops: WriteOp[];
  readonly lastRow: number;
  readonly lastCol: number;
  /** Page breaks of its print (before these rows). */
  readonly rowBreaks: readonly number[];
}

/** Excel's default row height in points (Calibri 11), for rows the sheet leaves unsized. */
const DEFAULT_ROW_HEIGHT = 15;

/** Printed height of a row holding these wrapped texts, each with its column. */
function rowPoints(cells: readonly { col: number; text: string }[]): number {
  const lines = Math.max(1, ...cells.map((c) => wrappedLines(c.text, SUMMARY_WIDTHS[c.col - 1] ?? 8)));
  return lines > 1 ? rowHeightFor(lines) : DEFAULT_ROW_HEIGHT;
}

/**
 * Writes the sheet top to bottom with a row cursor, and lays out its pages as it goes: `capacity` is
 * the sheet's points one printed page holds, so a table that does not fit in what is left starts a new
 * page, and one longer than a page breaks between rows and repeats its heading and header (Excel's print
 * titles are one row range per sheet, and this sheet has several tables).
 */
class SheetWriter implements SummaryCursor {
  readonly ops: WriteOp[] = [];
  readonly rowBreaks: number[] = [];
  row = 1;
  /** Points used on the current page. */
  private used = 0;
  /** An empty row asked for between two tables, written before the next one unless a page break comes first. */
  private gapPending = false;
  constructor(
    readonly sheet: string,
    readonly capacity: number,
    /** The sheet's last column: lines are merged across to it. */
    readonly lastCol: number,
  ) {}

  values(values: readonly (readonly PlanValue[])[], col = 1): void {
    if (values.length === 0) return;
    this.flushGap();
    this.ops.push({ op: 'setValues', sheet: this.sheet, row: this.row, col, values });
  }

  style(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    if (bottom < top) return;
    this.ops.push({ op: 'setStyle', sheet: this.sheet, range: rangeOf(top, left, bottom, right), style });
  }

  /** Points left on the current page. */
  left(): number {
    return this.capacity - this.used - (this.gapPending ? DEFAULT_ROW_HEIGHT : 0);
  }

  /** Counts a written row of `height` points towards the page. */
  advance(height = DEFAULT_ROW_HEIGHT): void {
    this.used += height;
    this.row++;
  }

  /** A page break before the cursor's row. */
  pageBreak(): void {
    // The gap would be the last row of this page, and count towards it: a break replaces it.
    this.gapPending = false;
    if (this.used === 0) return;
    this.rowBreaks.push(this.row);
    this.used = 0;
  }

  /** A line of text across the whole width. */
  line(text: string, style: CellStyle): void {
    this.flushGap();
    this.values([[text]]);
    this.ops.push({
      op: 'mergeCells',
      sheet: this.sheet,
      range: rangeOf(this.row, 1, this.row, this.lastCol),
    });
    const height =
      style.fontSize !== undefined && style.fontSize > 11 ? rowHeightFor(1, style.fontSize) : undefined;
    this.style(this.row, 1, this.row, this.lastCol, { ...style, rowHeight: height ?? DEFAULT_ROW_HEIGHT });
    this.advance(height);
  }

  /**
   * `count` empty rows of the default height kept for a drawing (the chart): after the pending gap, or at the
   * top of a new page when they do not fit on this one.
   */
  reserve(count: number): { first: number; last: number } {
    // A break replaces the gap (pageBreak drops it); otherwise the gap row comes first.
    if (this.left() < count * DEFAULT_ROW_HEIGHT) this.pageBreak();
    else this.flushGap();
    const first = this.row;
    this.style(first, 1, first + count - 1, 1, { rowHeight: DEFAULT_ROW_HEIGHT });
    for (let i = 0; i < count; i++) this.advance();
    return { first, last: first + count - 1 };
  }

  /** An empty row before what comes next; none at the top of a page (or right before a page break). */
  gap(): void {
    if (this.used === 0) return;
    this.gapPending = true;
  }

  private flushGap(): void {
    if (!this.gapPending) return;
    this.gapPending = false;
    this.style(this.row, 1, this.row, 1, { rowHeight: DEFAULT_ROW_HEIGHT });
    this.advance();
  }
}

const HEADING_STYLE: CellStyle = { bold: true, fontSize: 12 };
const HEADING_HEIGHT = rowHeightFor(1, 12);

/** Heading, header and rows; on a new page when the table would not fit, headings repeated after a break. */
function writeTable(w: SheetWriter, table: SummaryTable): WrittenTable {
  const sum = (heights: readonly number[]): number => heights.reduce((a, b) => a + b, 0);
  const headerHeight = rowPoints(table.header.map((text, i) => ({ col: i + 1, text: String(text ?? '') })));
  const top = HEADING_HEIGHT + headerHeight;
  const whole = top + Math.max(DEFAULT_ROW_HEIGHT, sum(table.heights));
  // A table that does not fit in what is left starts a new page when it fits there and this page is at
  // least half full, or when not even its headings and a few rows fit here; else it runs on with its
  // headings repeated.
  const firstRows = top + sum(table.heights.slice(0, 3));
  const halfFull = w.left() <= w.capacity / 2;
  if (whole > w.left() && ((whole <= w.capacity && halfFull) || firstRows > w.left())) w.pageBreak();
  const headings = (continued: boolean): void => {
    w.line(continued ? `${table.heading} (続き)` : table.heading, HEADING_STYLE);
    w.values([table.header]);
    table.styleHeader(w, w.row, headerHeight);
    w.advance(headerHeight);
  };
  headings(false);
  const headerRow = w.row - 1;
  if (table.rows.length === 0) {
    const none = { headerRow, first: w.row, last: w.row - 1, split: false };
    if (table.empty !== '') w.line(table.empty, { horizontal: 'left' });
    return none;
  }
  const firstRow = w.row;
  let split = false;
  let from = 0;
  while (from < table.rows.length) {
    let to = from;
    let height = table.heights[from];
    while (to + 1 < table.rows.length && height + table.heights[to + 1] <= w.left()) {
      to++;
      height += table.heights[to];
    }
    const first = w.row;
    w.values(table.rows.slice(from, to + 1));
    table.styleRows(w, first, from, to);
    for (let i = from; i <= to; i++) w.advance(table.heights[i]);
    from = to + 1;
    if (from < table.rows.length) {
      w.pageBreak();
      headings(true);
      split = true;
    }
  }
  table.rules?.(w, firstRow, w.row - 1);
  return { headerRow, first: firstRow, last: w.row - 1, split };
}

/**
 * Every row of this sheet gets its height written: rows left unsized print at each application's own
 * default (LibreOffice's is lower than Excel's 15 points), and the page layout counts on these heights.
 */
function headerStyles(w: SummaryCursor, row: number, right: number, height: number): void {
  w.style(row, 1, row, right, { ...HEADER_STYLE, rowHeight: height });
}

/** Row heights for rows whose wrapped texts need more than one line. */
function fitRows(
  w: SummaryCursor,
  first: number,
  heights: readonly number[],
  from: number,
  to: number,
  left: number,
  right: number,
  style: CellStyle,
): void {
  // One op gives the rows their look and default height, then the taller ones their height: a long list
  // stays few ops, and small ones.
  w.style(first, left, first + to - from, right, { ...style, rowHeight: DEFAULT_ROW_HEIGHT });
  tallerRows(w, first, heights, from, to, DEFAULT_ROW_HEIGHT);
}

function gradeCountTable(
  heading: string,
  keyHeader: string,
  groups: readonly SummaryGroup[],
  overall: SummaryGroup,
  evaluation: Evaluation,
): SummaryTable {
  const all = [...groups, overall];
  const heights = all.map((g) => rowPoints([{ col: 1, text: g.key }]));
  const { scale } = evaluation.settings;
  const grades = gradesOf(scale);
  // 達成割合 right after the grades: column 9 on a four-level scale.
  const shareCol = 3 + grades.length;
  return {
    heading,
    header: [keyHeader, '判定数', ...grades.map((g) => gradeText(g, evaluation.settings)), '達成割合'],
    styleHeader: (w, row, height) => {
      headerStyles(w, row, 2, height);
      grades.forEach((grade, i) =>
        w.style(row, 3 + i, row, 3 + i, { ...HEADER_STYLE, rowHeight: height, ...gradeFill(scale, grade) }),
      );
      w.style(row, shareCol, row, shareCol, { ...HEADER_STYLE, rowHeight: height });
    },
    rows: all.map((group): PlanValue[] => [
      group.key,
      group.judged,
      ...grades.map((grade) => group.counts[grade] ?? 0),
      group.achievedShare,
    ]),
    heights,
    styleRows: (w, first, from, to) => {
      const last = first + to - from;
      // The 全体 row, the table's last, closes it in bold.
      const hasTotal = to === all.length - 1;
      const lastPlain = hasTotal ? last - 1 : last;
      w.style(first, 1, lastPlain, 1, { ...CELL, wrap: true });
      fitRows(w, first, heights, from, hasTotal ? to - 1 : to, 1, 1, { ...CELL, wrap: true });
      w.style(first, 2, lastPlain, shareCol - 1, { ...CELL, horizontal: 'center' });
      w.style(first, shareCol, lastPlain, shareCol, { ...CELL, numberFormat: RATE_FORMAT });
      if (hasTotal) {
        w.style(last, 1, last, 1, { ...CELL, bold: true, fill: '#F2F2F2', rowHeight: heights[to] });
        w.style(last, 2, last, shareCol - 1, { ...CELL, bold: true, fill: '#F2F2F2', horizontal: 'center' });
        w.style(last, shareCol, last, shareCol, {
          ...CELL,
          bold: true,
          fill: '#F2F2F2',
          numberFormat: RATE_FORMAT,
        });
      }
    },
    rules: (w, first, last) =>
      w.ops.push({
        op: 'addConditionalFormat',
        sheet: w.sheet,
        range: rangeOf(first, shareCol, last, shareCol),
        rule: { type: 'dataBar', color: DATA_BAR, max: 1 },
      }),
    empty: '該当なし',
  };
}

function followUpTable(followUps: readonly FollowUp[], evaluation: Evaluation): SummaryTable {
  const heights = followUps.map((f) =>
    rowPoints([
      { col: 1, text: f.name },
      { col: 2, text: f.department },
      { col: 4, text: f.latest },
      { col: 5, text: f.target },
    ]),
  );
  const { scale } = evaluation.settings;
  const listed = scale.levels.filter((level) => level.followUp).map((level) => level.symbol);
  return {
    heading: `要フォローアップ (${listed.join('・')} 判定)`,
    header: ['KPI', '担当課', '判定', '最新値', '目標値', '差', '基本目標', '行'],
    styleHeader: (w, row, height) => headerStyles(w, row, 8, height),
    rows: followUps.map((f): PlanValue[] => [
      f.name,
      f.department,
      gradeText(f.grade, evaluation.settings),
      f.latest,
      f.target,
      f.gap,
      goalShort(f.goal),
      rowCell(f.sheet, f.row),
    ]),
    heights,
    styleRows: (w, first, from, to) => {
      const last = first + to - from;
      w.style(first, 1, last, 2, { ...CELL, wrap: true });
      fitRows(w, first, heights, from, to, 1, 2, { ...CELL, wrap: true });
      w.style(first, 3, last, 3, { ...CELL, horizontal: 'center', bold: true });
      w.style(first, 4, last, 5, { ...CELL, horizontal: 'right', wrap: true });
      w.style(first, 6, last, 6, { ...CELL, horizontal: 'right', numberFormat: '#,##0.##;[Red]-#,##0.##' });
      w.style(first, 7, last, 8, { ...CELL, horizontal: 'center' });
    },
    rules: (w, first, last) => {
      for (const grade of gradesOf(scale)) {
        w.ops.push({
          op: 'addConditionalFormat',
          sheet: w.sheet,
          range: rangeOf(first, 3, last, 3),
          rule: { type: 'formula', formula: gradeFormula(grade, 3, first), style: gradeFill(scale, grade) },
        });
      }
    },
    empty: '該当なし',
  };
}

function dataIssueTable(evaluation: Evaluation): SummaryTable {
  const issues = evaluation.summary.dataIssues;
  const heights = issues.map((issue) => rowPoints([{ col: 1, text: issue.message }]));
  return {
    heading: 'データの確認事項 (元の表のセル)',
    header: ['内容', 'セル'],
    styleHeader: (w, row, height) => headerStyles(w, row, 2, height),
    rows: issues.map((issue): PlanValue[] => [issue.message, issue.cell]),
    heights,
    styleRows: (w, first, from, to) => {
      const last = first + to - from;
      w.style(first, 1, last, 1, { ...CELL, wrap: true });
      fitRows(w, first, heights, from, to, 1, 1, { ...CELL, wrap: true });
      w.style(first, 2, last, 2, { ...CELL, horizontal: 'center' });
    },
    empty: '該当なし',
  };
}

/** Mark in A, meaning across B:I (merged), grades on their own colours. */
function legendTable(settings: Settings): SummaryTable {
  const entries = legendEntries(settings);
  const widths = summaryWidths(settings);
  const lastCol = widths.length;
  const meaningWidth = widths.slice(1).reduce((a, b) => a + b, 0);
  const heights = entries.map((e) => {
    const lines = Math.max(wrappedLines(e.mark, SUMMARY_WIDTHS[0]), wrappedLines(e.meaning, meaningWidth));
    return lines > 1 ? rowHeightFor(lines) : DEFAULT_ROW_HEIGHT;
  });
  return {
    heading: '凡例 (このブックの記号と色)',
    header: ['記号・色', '意味'],
    styleHeader: (w, row, height) => {
      w.ops.push({ op: 'mergeCells', sheet: w.sheet, range: rangeOf(row, 2, row, lastCol) });
      headerStyles(w, row, lastCol, height);
    },
    rows: entries.map((e): PlanValue[] => [e.mark, e.meaning]),
    heights,
    styleRows: (w, first, from, to) => {
      for (let i = from; i <= to; i++) {
        const row = first + i - from;
        const entry = entries[i];
        const colour = entry.grade !== undefined ? gradeFill(settings.scale, entry.grade) : null;
        w.style(row, 1, row, 1, {
          ...CELL,
          horizontal: 'center',
          wrap: true,
          bold: entry.grade !== undefined,
          ...(colour ? { fill: colour.fill, fontColor: colour.fontColor } : {}),
          rowHeight: heights[i],
        });
        w.ops.push({ op: 'mergeCells', sheet: w.sheet, range: rangeOf(row, 2, row, lastCol) });
        w.style(row, 2, row, lastCol, { ...CELL, wrap: true, horizontal: 'left' });
      }
    },
    empty: '',
  };
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

/** The city's own verdicts against ours (issue 14); a table only when the sheet carries any. */
function publishedTable(evaluation: Evaluation): SummaryTable | null {
  const { compared, agreed, disagreements } = evaluation.summary.published;
  if (compared === 0) return null;
  const texts = disagreements.map((d) => `${d.name}: ${d.why}`);
  const heights = texts.map((text) => rowPoints([{ col: 1, text }]));
  return {
    heading: `市の評価との照合: ${compared} 件中 ${agreed} 件一致、${disagreements.length} 件不一致`,
    header: ['KPI と理由', 'セル', '年度', '市', '当方'],
    styleHeader: (w, row, height) => headerStyles(w, row, 5, height),
    rows: disagreements.map((d, i): PlanValue[] => [
      texts[i],
      d.cell,
      fiscalYearText(d.year),
      d.theirs,
      d.ours,
    ]),
    heights,
    styleRows: (w, first, from, to) => {
      const last = first + to - from;
      w.style(first, 1, last, 1, { ...CELL, wrap: true });
      fitRows(w, first, heights, from, to, 1, 1, { ...CELL, wrap: true });
      w.style(first, 2, last, 5, { ...CELL, horizontal: 'center' });
    },
    empty: '不一致なし',
  };
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
