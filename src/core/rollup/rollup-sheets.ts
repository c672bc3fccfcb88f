/**
 * The rollup workbook laid out as a WritePlan: 集計 (one row per workbook and 基本目標, then the files that
 * could not be read, with the reason) and 全KPI (every KPI as one row under a header, for an Excel table
 * with a filter). The host writes the plan into a new workbook and adds the table part the plan describes.
 */
import { fiscalYearLabel } from '../evaluate/format';
import { formatJst } from '../plan/describe';
import type { CellRange, CellStyle, PageLayout, PlanValue, TableSpec, WriteOp, WritePlan } from '../types';
import {
  gradeColumns,
  type GoalRow,
  type KpiRow,
  type Rollup,
  type RollupBook,
  type RollupFailure,
} from './rollup-rows';

export const ROLLUP_SHEET = '集計';
export const ALL_KPIS_SHEET = '全KPI';
/** The Excel table's name (an ASCII name: every host and locale takes it as it is). */
export const ALL_KPIS_TABLE = 'AllKpis';

export interface RollupLayout {
  readonly plan: WritePlan;
  readonly table: TableSpec;
  /** Rows kept in view when scrolling, per sheet (the header). */
  readonly frozenRows: readonly { readonly sheet: string; readonly rows: number }[];
}

const HEADER: CellStyle = { bold: true, fill: '#D9E1F2', border: '#8EA9DB', vertical: 'middle' };
/** The 集計 header wraps its longer names (前年度の A・B の割合) on two lines. */
const GOAL_HEADER: CellStyle = { ...HEADER, wrap: true, rowHeight: 30 };
const BODY: CellStyle = { border: '#BFBFBF', vertical: 'top' };
const TOTAL: CellStyle = { ...BODY, bold: true, fill: '#F2F2F2' };
const PERCENT = '0.0%';
/** Percentage points, signed: `+4.2`, `-10.0`. */
const POINTS = '+0.0;-0.0;0.0';

interface Column<T> {
  readonly header: string;
  readonly width: number;
  readonly value: (row: T) => PlanValue;
  readonly numberFormat?: string;
}

function yearText(year: number | null): string | null {
  return year === null ? null : fiscalYearLabel(year);
}

/** `A・B`, or 上位2段階 where the workbooks' scales differ in their top two. */
function topHeader(books: readonly RollupBook[]): string {
  const tops = new Set(
    books.map((b) =>
      b.judged.evaluation.settings.scale.levels
        .slice(0, 2)
        .map((l) => l.symbol)
        .join('・'),
    ),
  );
  return tops.size === 1 ? `${[...tops][0]} の割合` : '上位2段階の割合';
}

function goalColumns(books: readonly RollupBook[]): Column<GoalRow>[] {
  const grades = gradeColumns(books);
  const top = topHeader(books);
  return [
    { header: 'ブック', width: 18, value: (r) => r.book },
    { header: '表題', width: 24, value: (r) => r.title },
    { header: '評価年度', width: 8, value: (r) => yearText(r.year) },
    { header: '基本目標', width: 40, value: (r) => r.goal },
    { header: '評価段階', width: 10, value: (r) => r.levels.join('/') },
    { header: 'KPI 数', width: 7, value: (r) => r.kpis },
    ...grades.map((g): Column<GoalRow> => ({
      header: g,
      width: 6,
      // Blank, not 0, under a level the workbook's scale does not have.
      value: (r) => (g in r.counts ? (r.counts[g] ?? 0) : null),
    })),
    { header: top, width: 10, value: (r) => r.share, numberFormat: PERCENT },
    { header: '前年度', width: 8, value: (r) => yearText(r.previousYear) },
    { header: `前年度の${top}`, width: 12, value: (r) => r.previousShare, numberFormat: PERCENT },
    {
      header: '増減 (ポイント)',
      width: 10,
      value: (r) =>
        r.share === null || r.previousShare === null
          ? null
          : Math.round((r.share - r.previousShare) * 1000) / 10,
      numberFormat: POINTS,
    },
    { header: '上昇', width: 6, value: (r) => r.moves?.up ?? null },
    { header: '維持', width: 6, value: (r) => r.moves?.same ?? null },
    { header: '低下', width: 6, value: (r) => r.moves?.down ?? null },
    { header: 'データの確認事項', width: 10, value: (r) => r.dataIssues },
  ];
}

const KPI_COLUMNS: readonly Column<KpiRow>[] = [
  { header: 'ブック', width: 18, value: (r) => r.book },
  { header: 'シート', width: 12, value: (r) => r.sheet },
  { header: '行', width: 6, value: (r) => r.row },
  { header: '基本目標', width: 30, value: (r) => r.goal },
  { header: '区分', width: 9, value: (r) => (r.role === 'headline' ? '数値目標' : 'KPI') },
  { header: 'KPI', width: 40, value: (r) => r.name },
  { header: '担当課', width: 14, value: (r) => r.department },
  { header: '単位', width: 7, value: (r) => r.unit },
  { header: '基準値', width: 12, value: (r) => r.baseline },
  { header: '実績', width: 12, value: (r) => r.latest },
  { header: '実績年度', width: 9, value: (r) => yearText(r.latestYear) },
  { header: '目標値', width: 12, value: (r) => r.target },
  { header: '判定', width: 7, value: (r) => r.grade },
  { header: '率', width: 9, value: (r) => r.rate, numberFormat: PERCENT },
  { header: '前年度判定', width: 11, value: (r) => r.previousGrade },
  { header: '前年比', width: 8, value: (r) => r.change },
  { header: '読み取りの注意', width: 50, value: (r) => r.issues.join(' / ') || null },
];

function range(top: number, left: number, bottom: number, right: number): CellRange {
  return { top, left, bottom, right };
}

/** A header row and its rows, with the columns' widths and number formats. */
function tableOps<T>(
  sheet: string,
  top: number,
  columns: readonly Column<T>[],
  rows: readonly T[],
  rowStyle: (row: T) => CellStyle | null,
  headerStyle: CellStyle | null = HEADER,
): WriteOp[] {
  const right = columns.length;
  const ops: WriteOp[] = [
    { op: 'setValues', sheet, row: top, col: 1, values: [columns.map((c) => c.header)] },
  ];
  if (headerStyle) ops.push({ op: 'setStyle', sheet, range: range(top, 1, top, right), style: headerStyle });
  if (rows.length === 0) return ops;
  const first = top + 1;
  const last = top + rows.length;
  ops.push({
    op: 'setValues',
    sheet,
    row: first,
    col: 1,
    values: rows.map((r) => columns.map((c) => c.value(r))),
  });
  rows.forEach((r, i) => {
    const style = rowStyle(r);
    if (!style) return;
    columns.forEach((c, j) => {
      const cell = c.numberFormat ? { ...style, numberFormat: c.numberFormat } : style;
      ops.push({ op: 'setStyle', sheet, range: range(first + i, j + 1, first + i, j + 1), style: cell });
    });
  });
  columns.forEach((c, j) => {
    if (c.numberFormat && rows.every((r) => rowStyle(r) === null))
      ops.push({
        op: 'setStyle',
        sheet,
        range: range(first, j + 1, last, j + 1),
        style: { numberFormat: c.numberFormat },
      });
  });
  return ops;
}

/**
 * Printed landscape on A4, every column on one page wide, the header row on every page, each page
 * numbered: a rollup goes to a meeting on paper too.
 */
function printOp(sheet: string, area: CellRange, titleRow: number): WriteOp {
  const layout: PageLayout = {
    orientation: 'landscape',
    paperSize: 'A4',
    fitToWidth: true,
    printArea: area,
    titleRows: { first: titleRow, last: titleRow },
    header: '',
    footer: `&L&9${sheet}&R&9&P / &N`,
    rowBreaks: [],
    centerHorizontally: false,
  };
  return { op: 'setPageLayout', sheet, layout };
}

/** The two sheets of the rollup, and its table. `now` is printed as 作成日時. */
export function rollupLayout(rollup: Rollup, now: Date): RollupLayout {
  const { books, kpis, failures } = rollup;
  const goals = books.flatMap((b) => b.goals);
  const goalCols = goalColumns(books);
  const ops: WriteOp[] = [
    { op: 'addSheet', sheet: ROLLUP_SHEET, visibility: 'visible' },
    { op: 'addSheet', sheet: ALL_KPIS_SHEET, visibility: 'visible' },
    { op: 'setColumnWidths', sheet: ROLLUP_SHEET, firstCol: 1, widths: goalCols.map((c) => c.width) },
    { op: 'setValues', sheet: ROLLUP_SHEET, row: 1, col: 1, values: [['KPI 集計']] },
    { op: 'setStyle', sheet: ROLLUP_SHEET, range: range(1, 1, 1, 1), style: { bold: true, fontSize: 14 } },
  ];
  const failed = failures.length > 0 ? `、読み込めなかったファイル ${failures.length} 件 (表の下に一覧)` : '';
  ops.push({
    op: 'setValues',
    sheet: ROLLUP_SHEET,
    row: 2,
    col: 1,
    values: [[`ブック ${books.length} 件、KPI ${kpis.length} 件${failed} ・ 作成日時: ${formatJst(now)}`]],
  });
  const header = 4;
  ops.push(...tableOps(ROLLUP_SHEET, header, goalCols, goals, (r) => (r.total ? TOTAL : BODY), GOAL_HEADER));
  if (failures.length > 0) {
    const at = header + goals.length + 2;
    ops.push(
      { op: 'setValues', sheet: ROLLUP_SHEET, row: at, col: 1, values: [['読み込めなかったファイル']] },
      { op: 'setStyle', sheet: ROLLUP_SHEET, range: range(at, 1, at, 1), style: { bold: true } },
    );
    const failureColumns: Column<RollupFailure>[] = [
      { header: 'ファイル', width: 0, value: (f) => f.file },
      // On one line: the cell's text runs on over the empty cells to its right.
      { header: '理由', width: 0, value: (f) => f.reason.replace(/\s*\n\s*/g, ' ') },
    ];
    ops.push(...tableOps(ROLLUP_SHEET, at + 1, failureColumns, failures, () => BODY));
  }

  const lastRow = failures.length > 0 ? header + goals.length + 3 + failures.length : header + goals.length;
  ops.push(printOp(ROLLUP_SHEET, range(1, 1, lastRow, goalCols.length), header));

  ops.push({
    op: 'setColumnWidths',
    sheet: ALL_KPIS_SHEET,
    firstCol: 1,
    widths: KPI_COLUMNS.map((c) => c.width),
  });
  // The table's own style draws the rows; only the number formats are the plan's.
  ops.push(...tableOps(ALL_KPIS_SHEET, 1, KPI_COLUMNS, kpis, () => null, null));
  // A table needs one data row at least: an empty one under the header when there is no KPI.
  const bottom = Math.max(2, 1 + kpis.length);
  ops.push(printOp(ALL_KPIS_SHEET, range(1, 1, bottom, KPI_COLUMNS.length), 1));
  return {
    plan: { ops, notices: [] },
    table: {
      sheet: ALL_KPIS_SHEET,
      name: ALL_KPIS_TABLE,
      range: range(1, 1, bottom, KPI_COLUMNS.length),
      columns: KPI_COLUMNS.map((c) => c.header),
    },
    frozenRows: [
      { sheet: ROLLUP_SHEET, rows: header },
      { sheet: ALL_KPIS_SHEET, rows: 1 },
    ],
  };
}
