/** The summary sheet's row cursor, which lays out the printed pages as it writes, and how it writes one table. */
import type { CellStyle, PlanValue, WriteOp } from '../types';
import { rangeOf } from '../a1';
import { ONE_LINE_HEIGHT, rowHeightFor } from './text-size';
import { DEFAULT_ROW_HEIGHT, rowPoints } from './summary-columns';
import type { SummaryCursor, SummaryTable, WrittenTable } from './summary-cursor';

/**
 * Writes the sheet top to bottom with a row cursor, and lays out its pages as it goes: `capacity` is
 * the sheet's points one printed page holds, so a table that does not fit in what is left starts a new
 * page, and one longer than a page breaks between rows and repeats its heading and header (Excel's print
 * titles are one row range per sheet, and this sheet has several tables).
 */
export class SheetWriter implements SummaryCursor {
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
    const height = rowHeightFor(1, style.fontSize);
    this.style(this.row, 1, this.row, this.lastCol, { ...style, rowHeight: height });
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

/** The fewest rows a table continues with on a page of its own. */
const TAIL_ROWS = 3;

/** Heading, header and rows; on a new page when the table would not fit, headings repeated after a break. */
export function writeTable(w: SheetWriter, table: SummaryTable): WrittenTable {
  const sum = (heights: readonly number[]): number => heights.reduce((a, b) => a + b, 0);
  const headerHeight = rowPoints(table.header.map((text, i) => ({ col: i + 1, text: String(text ?? '') })));
  const top = HEADING_HEIGHT + headerHeight;
  const whole = top + Math.max(ONE_LINE_HEIGHT, sum(table.heights));
  // A table that does not fit in what is left starts a new page when it fits there and this page is at
  // least half full or only its last few rows would run on (a page of a table's tail alone), or when not
  // even its headings and a few rows fit here; else it runs on with its headings repeated.
  const firstRows = top + sum(table.heights.slice(0, 3));
  const halfFull = w.left() <= w.capacity / 2;
  const tailOnly = whole - w.left() <= sum(table.heights.slice(-TAIL_ROWS));
  if (whole > w.left() && ((whole <= w.capacity && (halfFull || tailOnly)) || firstRows > w.left()))
    w.pageBreak();
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
    // A page that would carry only a table's last row or two takes a few rows more from this one.
    const after = table.rows.length - 1 - to;
    const pulled = to - (TAIL_ROWS - after);
    if (after > 0 && after < TAIL_ROWS && pulled >= from + TAIL_ROWS - 1) to = pulled;
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
