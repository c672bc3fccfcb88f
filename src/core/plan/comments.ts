/**
 * The comment columns 「要因・分析」「今後の方向性」: two input columns right of the add-in's
 * computed columns where each department writes why its KPI moved and what it will do next.
 *
 * What a clerk typed there is the clerk's. The add-in writes the headers, the input formatting and its mark,
 * and never clears or rewrites a comment: it finds the columns again by their mark (which Excel moves with
 * inserted rows and columns) or, without one, by their headers; keeps each comment on its sheet row; and only
 * when its own columns have to move (the flags went elsewhere) carries each comment, unchanged, to the same
 * row of the new column.
 */
import type {
  CellRange,
  CellStyle,
  CellValue,
  Grid,
  InputPrompt,
  OutputMark,
  PlanValue,
  TableRegion,
  WriteOp,
} from '../types';
import { rangeContains, rangeOf } from '../a1';
import { mark, markKind } from './marks';
import { HEADER_STYLE } from './palette';
import { widthForWords } from './word-width';

export const COMMENT_HEADERS = ['要因・分析', '今後の方向性'] as const;
export const COMMENT_COUNT = COMMENT_HEADERS.length;
/** Wide enough for a sentence or two per line at the sheet's usual zoom. */
export const COMMENT_WIDTHS: readonly number[] = [36, 36];

/**
 * Excel's own 「入力」 cell style (fill FFCC99, text 3F3F76, border 7F7F7F), the one Excel offers for cells
 * meant to be typed into; wrapped and top-aligned for sentences.
 */
export const COMMENT_INPUT_STYLE: CellStyle = {
  fill: '#FFCC99',
  fontColor: '#3F3F76',
  border: '#7F7F7F',
  vertical: 'top',
  wrap: true,
};

/**
 * The input message of each comment column (Excel's 入力時メッセージ, shown while a cell is selected): what
 * the department writes there, and that it stays. An any-value validation carries it (ValidationRule
 * `anyValue`), so whatever a clerk types is accepted.
 */
export const COMMENT_PROMPTS: readonly InputPrompt[] = [
  {
    title: '要因・分析',
    message:
      'この KPI の値が動いた要因 (良くなった・悪くなった理由、事業の実施状況、社会情勢などの外部要因) を書いてください。\n' +
      '書いた内容はサマリーにも載り、評価をやり直しても消えません。',
  },
  {
    title: '今後の方向性',
    message:
      '要因を踏まえて、担当課が今後どう取り組むか (事業の継続・拡充・見直し・新しい取組など) を書いてください。\n' +
      '書いた内容はサマリーにも載り、評価をやり直しても消えません。',
  },
];

/** A clerk's two comments on one KPI row, as the sheet shows them ('' where none). */
export interface RowComment {
  readonly factor: string;
  readonly outlook: string;
}

export type CommentsByRow = ReadonlyMap<number, RowComment>;

/** The comments on a KPI's row of its sheet (FollowUp.sheet where the summary covers several sheets). */
export type CommentLookup = (kpi: {
  readonly sheet?: string;
  readonly row: number;
}) => RowComment | undefined;

/** Where one table's comment columns are now (null: that header is not there). */
interface FoundColumns {
  readonly table: TableRegion;
  readonly cols: readonly (number | null)[];
}

function valueAt(grid: Grid, row: number, col: number): CellValue {
  return grid.values[row - grid.top]?.[col - grid.left] ?? '';
}

function textAt(grid: Grid, row: number, col: number): string {
  const text = grid.texts[row - grid.top]?.[col - grid.left];
  return text ?? String(valueAt(grid, row, col));
}

function isEmpty(value: CellValue): boolean {
  return value === '' || (typeof value === 'string' && value.trim() === '');
}

function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

function commentMarks(grid: Grid): OutputMark[] {
  return grid.marks.filter((m) => m.sheet === grid.sheet && markKind(m.name) === 'comments');
}

function lastGridCol(grid: Grid): number {
  return grid.left + Math.max(0, ...grid.values.map((row) => row.length)) - 1;
}

/**
 * The column of `header` in the table's header row: inside a comment mark that meets the table when there is
 * one (the mark says the column is ours), else right of the city's table.
 */
function findColumn(
  grid: Grid,
  table: TableRegion,
  header: string,
  marks: readonly OutputMark[],
  lastCol: number,
): number | null {
  const is = (col: number) => compact(textAt(grid, table.headerRow, col)) === compact(header);
  for (const m of marks) {
    if (m.range.top > table.lastRow || m.range.bottom < table.headerTop) continue;
    for (let col = m.range.left; col <= m.range.right; col++) if (is(col)) return col;
  }
  for (let col = table.lastCol + 1; col <= lastCol; col++) if (is(col)) return col;
  return null;
}

function findColumns(grid: Grid, tables: readonly TableRegion[]): FoundColumns[] {
  const marks = commentMarks(grid);
  // Once per plan, not per column looked at: it scans every row of the grid.
  const lastCol = lastGridCol(grid);
  return tables.map((table) => ({
    table,
    cols: COMMENT_HEADERS.map((header) => findColumn(grid, table, header, marks, lastCol)),
  }));
}

/** The comments on the sheet now, by sheet row: for the summary, the pane, and carrying them. */
export function readComments(grid: Grid, tables: readonly TableRegion[]): Map<number, RowComment> {
  const byRow = new Map<number, RowComment>();
  for (const { table, cols } of findColumns(grid, tables)) {
    for (let row = table.firstRow; row <= table.lastRow; row++) {
      const [factor, outlook] = cols.map((col) => (col === null ? '' : textAt(grid, row, col).trim()));
      if (factor !== '' || outlook !== '') byRow.set(row, { factor, outlook });
    }
  }
  return byRow;
}

/** The comment columns of each KPI row, where the sheet has them (`[要因・分析, 今後の方向性]`, null where absent). */
export function commentColumnsByRow(
  grid: Grid,
  tables: readonly TableRegion[],
): Map<number, readonly (number | null)[]> {
  const byRow = new Map<number, readonly (number | null)[]>();
  for (const { table, cols } of findColumns(grid, tables)) {
    if (cols.every((col) => col === null)) continue;
    for (let row = table.firstRow; row <= table.lastRow; row++) byRow.set(row, cols);
  }
  return byRow;
}

function hasAnyComment(grid: Grid, found: readonly FoundColumns[]): boolean {
  return found.some(({ table, cols }) =>
    cols.some((col) => {
      if (col === null) return false;
      for (let row = table.firstRow; row <= table.lastRow; row++)
        if (!isEmpty(valueAt(grid, row, col))) return true;
      return false;
    }),
  );
}

export interface CommentInput {
  readonly grid: Grid;
  readonly tables: readonly TableRegion[];
  /** The setting: add the comment columns. Columns already holding a comment stay whatever it says. */
  readonly enabled: boolean;
  /** First column right of the add-in's computed columns. */
  readonly fromCol: number;
  /** Ranges the add-in writes its computed columns into on this run (the comments must not go there). */
  readonly computed: readonly CellRange[];
  /** Mark number of each table, as the flags of that table use it. */
  readonly markIndex: (table: TableRegion) => number;
}

export interface CommentPlan {
  /** Ops that must run before anything else is written (the old cells of columns that move). */
  readonly before: WriteOp[];
  readonly ops: WriteOp[];
  readonly marks: WriteOp[];
  readonly notices: string[];
  /** First comment column, or null when the sheet gets none. */
  readonly startCol: number | null;
}

/**
 * Cells the comments may go in: empty, or the add-in's own from an earlier run (including the comment cells
 * themselves), and never where this run writes its computed columns.
 */
function isFree(input: CommentInput, found: readonly FoundColumns[], startCol: number): boolean {
  const { grid, tables } = input;
  const ours = grid.marks.filter((m) => m.sheet === grid.sheet && markKind(m.name) !== null);
  for (const table of tables) {
    for (let row = table.headerTop; row <= table.lastRow; row++) {
      for (let col = startCol; col < startCol + COMMENT_COUNT; col++) {
        if (input.computed.some((range) => rangeContains(range, row, col))) return false;
        if (isEmpty(valueAt(grid, row, col))) continue;
        if (ours.some((m) => rangeContains(m.range, row, col))) continue;
        if (found.some((f) => f.table === table && f.cols.includes(col))) continue;
        return false;
      }
    }
  }
  return true;
}

function placeComments(input: CommentInput, found: readonly FoundColumns[]): number {
  let startCol = input.fromCol;
  while (!isFree(input, found, startCol)) startCol++;
  return startCol;
}

/** The clerk's values of one found column over the table's rows, to carry to a new column. */
function columnValues(grid: Grid, table: TableRegion, col: number): PlanValue[][] {
  const values: PlanValue[][] = [];
  for (let row = table.firstRow; row <= table.lastRow; row++) {
    const value = valueAt(grid, row, col);
    values.push([typeof value === 'boolean' ? String(value).toUpperCase() : isEmpty(value) ? null : value]);
  }
  return values;
}

/** Past this a word breaks as any long text does (a pasted address, say): the columns stay on the page. */
const WIDEST_COMMENT = 60;

/** Each comment column's width: COMMENT_WIDTHS, widened to the longest word typed in it (word-width.ts). */
function commentWidths(grid: Grid, found: readonly FoundColumns[]): number[] {
  return COMMENT_WIDTHS.map((base, i) => {
    const texts: string[] = [];
    for (const { table, cols } of found) {
      const col = cols[i];
      if (col === null) continue;
      for (let row = table.firstRow; row <= table.lastRow; row++)
        texts.push(String(valueAt(grid, row, col) ?? ''));
    }
    return widthForWords(texts, base, WIDEST_COMMENT);
  });
}

export function commentPlan(input: CommentInput): CommentPlan {
  const { grid, tables } = input;
  const found = findColumns(grid, tables);
  const anyFound = found.some((f) => f.cols.some((col) => col !== null));
  const plan: CommentPlan = { before: [], ops: [], marks: [], notices: [], startCol: null };
  if (!input.enabled && !anyFound) return plan;
  const keep = input.enabled || hasAnyComment(grid, found);
  const sheet = grid.sheet;
  const columnRange = (table: TableRegion, col: number) => rangeOf(table.headerTop, col, table.lastRow, col);
  // The input messages of the columns as they are go first, wherever the columns go: moved, they are
  // written again at the new place; left, they are written again over the same cells (a re-run gives what
  // one run gives). Found by their headers too, for columns whose mark is gone (marks.ts removes by mark).
  for (const { table, cols } of found)
    for (const col of cols)
      if (col !== null)
        plan.before.push({ op: 'removeDataValidation', sheet, range: columnRange(table, col) });
  if (!keep) {
    // Setting off and nothing typed: the headers and the formatting were ours, take them back.
    for (const { table, cols } of found)
      for (const col of cols)
        if (col !== null) plan.before.push({ op: 'clearRange', sheet, range: columnRange(table, col) });
    return plan;
  }
  if (!input.enabled) plan.notices.push('「要因・分析」「今後の方向性」の列に入力があるため、列を残しました');

  const startCol = placeComments(input, found);
  plan.ops.push({ op: 'setColumnWidths', sheet, firstCol: startCol, widths: commentWidths(grid, found) });
  for (const { table, cols } of found) {
    cols.forEach((col, i) => {
      const target = startCol + i;
      if (col === null || col === target) return;
      // The column moves: the clerk's cells go, unchanged, to the same rows of the new column.
      const values = columnValues(grid, table, col);
      plan.before.push({ op: 'clearRange', sheet, range: columnRange(table, col) });
      if (values.length > 0)
        plan.ops.push({ op: 'setValues', sheet, row: table.firstRow, col: target, values });
    });
  }
  const lastCol = startCol + COMMENT_COUNT - 1;
  for (const table of tables) {
    plan.ops.push(
      {
        op: 'setStyle',
        sheet,
        range: rangeOf(table.headerTop, startCol, table.headerRow, lastCol),
        style: HEADER_STYLE,
      },
      { op: 'setValues', sheet, row: table.headerRow, col: startCol, values: [[...COMMENT_HEADERS]] },
    );
    if (table.lastRow >= table.firstRow) {
      plan.ops.push({
        op: 'setStyle',
        sheet,
        range: rangeOf(table.firstRow, startCol, table.lastRow, lastCol),
        style: COMMENT_INPUT_STYLE,
      });
      COMMENT_PROMPTS.forEach((prompt, i) =>
        plan.ops.push({
          op: 'setDataValidation',
          sheet,
          range: rangeOf(table.firstRow, startCol + i, table.lastRow, startCol + i),
          rule: { type: 'anyValue' },
          prompt,
        }),
      );
    }
    plan.marks.push(
      mark(
        'comments',
        sheet,
        rangeOf(table.headerTop, startCol, table.lastRow, lastCol),
        input.markIndex(table),
      ),
    );
  }
  return { ...plan, startCol };
}
