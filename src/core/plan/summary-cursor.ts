/**
 * What a summary table needs of the summary sheet's writer, and what a table is: sections in their own
 * modules build a SummaryTable, and summary-writer.ts writes it (page breaks, repeated headings).
 */
import type { CellStyle, PlanValue, WriteOp } from '../types';
import { rangeOf } from '../a1';

export interface SummaryCursor {
  readonly sheet: string;
  readonly ops: WriteOp[];
  style(top: number, left: number, bottom: number, right: number, style: CellStyle): void;
}

/** One table of the summary: its heading, header row and data rows, and how to style a run of its rows. */
export interface SummaryTable {
  readonly heading: string;
  readonly header: readonly PlanValue[];
  /** Styles of the header row (written at `row`). */
  readonly styleHeader: (w: SummaryCursor, row: number, height: number) => void;
  readonly rows: readonly (readonly PlanValue[])[];
  /** Printed height of each data row. */
  readonly heights: readonly number[];
  /** Styles and rules of data rows `from`..`to` (indexes into `rows`), written from sheet row `first`. */
  readonly styleRows: (w: SummaryCursor, first: number, from: number, to: number) => void;
  /**
   * Conditional formats, once over all the table's rows `first`..`last` (the repeated headings between its
   * pages match none of them): one rule per page would multiply them on a long list.
   */
  readonly rules?: (w: SummaryCursor, first: number, last: number) => void;
  /** Shown in place of the rows when there are none. */
  readonly empty: string;
}

/** Where writeTable put a table: its header row and its data rows, and whether a page break split them. */
export interface WrittenTable {
  readonly headerRow: number;
  /** First and last data row; `last < first` when the table has none. */
  readonly first: number;
  readonly last: number;
  /** The rows ran onto another page, with the headings repeated between them. */
  readonly split: boolean;
}

export function merge(w: SummaryCursor, top: number, left: number, bottom: number, right: number): void {
  w.ops.push({ op: 'mergeCells', sheet: w.sheet, range: rangeOf(top, left, bottom, right) });
}

/**
 * The 行 cell of a summary list: the row number, or `基本目標2!12` where the evaluation covers several
 * sheets (the row alone would not say which sheet).
 */
export function rowCell(sheet: string | undefined, row: number): PlanValue {
  return sheet === undefined ? row : `${sheet}!${row}`;
}

/** Leading goal number (`1 浅口市…` → `1`), else the goal as written: the lists' 基本目標 column. */
export function goalShort(goal: string): string {
  const match = /^\s*(\d+)\s/.exec(goal);
  return match ? match[1] : goal;
}

/**
 * The taller rows' heights, each a row-height op alone: the rows' look is one op over the block. Restating
 * the look (borders above all) per row made a long list's payload ten times larger in Excel (12 to 18 calls a
 * bordered range), past Excel on the web's 5 MB at 5,000 KPI rows.
 */
export function tallerRows(
  w: SummaryCursor,
  first: number,
  heights: readonly number[],
  from: number,
  to: number,
  oneLine: number,
): void {
  for (let i = from; i <= to; i++) {
    if (heights[i] <= oneLine) continue;
    const row = first + i - from;
    w.style(row, 1, row, 1, { rowHeight: heights[i] });
  }
}
