/**
 * Print setup of the KPI sheet and of the summary sheet.
 *
 * The KPI sheet is the city's, with its own columns and widths: it prints landscape, one page wide where
 * that keeps the text legible (A3) and else two pages wide, the city's columns on one page and the flags
 * on the next with the KPI names repeated at their left (A4). A page break goes before a 基本目標 (or one
 * of its tables) only when it would not fit on the page, so pages are full and no table starts at a
 * page's foot. No print titles: the sheet's tables have different headers, and one repeated header would
 * print over the next table's own.
 */
import { UNKNOWN_YEAR } from '../read';
import type { Block, CellRange, Evaluation, PageLayout, WriteOp } from '../types';
import { formatJstDate } from './describe';
import { kpiSheetLegendFooter } from './legend';
import { PRINT_MARGINS, pageBody } from './page-geometry';
import { fiscalYearText } from './reading-text';

/** Below this scale the sheet's 11-point text prints under 8 points: it goes two pages wide instead. */
export const MIN_PRINT_SCALE = 0.76;

export interface KpiPrintInput {
  readonly sheet: string;
  readonly blocks: readonly Block[];
  /** Table and flags together. */
  readonly area: CellRange;
  /** The first flag column: where the second page starts when the sheet prints two pages wide. */
  readonly flagCol: number;
  /** The column of the KPI names, repeated beside the flags on the second page; null when not found. */
  readonly nameCol: number | null;
  /** Width in characters of a column. */
  readonly columnWidth: (col: number) => number;
  /** Printed height in points of a row, once its wrapped text has grown it. */
  readonly rowHeight: (row: number) => number;
  readonly evaluation: Evaluation;
  readonly now: Date;
}

function widthsOf(first: number, last: number, columnWidth: (col: number) => number): number[] {
  const widths: number[] = [];
  for (let col = first; col <= last; col++) widths.push(columnWidth(col));
  return widths;
}

interface Across {
  readonly pagesWide: number;
  readonly scale: number;
  readonly titleColumns: { first: number; last: number } | null;
  readonly columnBreaks: number[];
}

/** One page wide when that prints legibly, else the city's columns and the flags on two pages. */
function across(input: KpiPrintInput): Across {
  const { area, flagCol, nameCol, columnWidth } = input;
  const paper = input.evaluation.settings.paperSize;
  const one = pageBody(paper, widthsOf(area.left, area.right, columnWidth)).scale;
  if (one >= MIN_PRINT_SCALE || flagCol <= area.left) {
    return { pagesWide: 1, scale: one, titleColumns: null, columnBreaks: [] };
  }
  const titleColumns = nameCol !== null && nameCol < flagCol ? { first: area.left, last: nameCol } : null;
  const city = pageBody(paper, widthsOf(area.left, flagCol - 1, columnWidth)).scale;
  const flagsPage = [
    ...(titleColumns ? widthsOf(titleColumns.first, titleColumns.last, columnWidth) : []),
    ...widthsOf(flagCol, area.right, columnWidth),
  ];
  const flags = pageBody(paper, flagsPage).scale;
  return { pagesWide: 2, scale: Math.min(city, flags), titleColumns, columnBreaks: [flagCol] };
}

/** Row spans that should start a page together: each block, and within a long block its tables. */
function printUnits(
  blocks: readonly Block[],
  area: CellRange,
): { first: number; last: number; parts: number[] }[] {
  return blocks.map((block, i) => {
    const first = i === 0 ? area.top : block.firstRow;
    const last = i + 1 < blocks.length ? blocks[i + 1].firstRow - 1 : area.bottom;
    const kpiTop = block.kpiTable?.headerTop ?? null;
    const parts = kpiTop !== null && kpiTop > first && kpiTop <= last ? [first, kpiTop] : [first];
    return { first, last, parts };
  });
}

/**
 * Manual breaks: pack the blocks onto pages of `capacity` points. A block that does not fit in what is left
 * starts a new page when this one is at least half full; otherwise (or when it is taller than a page) its
 * KPI table may start the next page instead, so no page is left mostly empty.
 */
export function packedRowBreaks(
  blocks: readonly Block[],
  area: CellRange,
  capacity: number,
  rowHeight: (row: number) => number,
): number[] {
  const height = (first: number, last: number): number => {
    let sum = 0;
    for (let row = first; row <= last; row++) sum += rowHeight(row);
    return sum;
  };
  const breaks: number[] = [];
  let used = 0;
  const breakBefore = (row: number): void => {
    if (used === 0) return;
    breaks.push(row);
    used = 0;
  };
  const place = (first: number, last: number): void => {
    used += height(first, last);
    // A span taller than a page runs on; the application breaks it where the page ends.
    if (used > capacity) used %= capacity;
  };
  for (const unit of printUnits(blocks, area)) {
    const whole = height(unit.first, unit.last);
    if (used + whole <= capacity) {
      place(unit.first, unit.last);
      continue;
    }
    if (whole <= capacity && (used >= capacity / 2 || unit.parts.length === 1)) {
      breakBefore(unit.first);
      place(unit.first, unit.last);
      continue;
    }
    const spans = unit.parts.map((first, i) => ({ first, last: (unit.parts[i + 1] ?? unit.last + 1) - 1 }));
    for (const span of spans) {
      if (used + height(span.first, span.last) > capacity) breakBefore(span.first);
      place(span.first, span.last);
    }
  }
  return breaks.filter((row) => row > area.top && row <= area.bottom);
}

export function kpiSheetPrintOp(input: KpiPrintInput): WriteOp {
  const { sheet, blocks, area, evaluation, now } = input;
  const paper = evaluation.settings.paperSize;
  const wide = across(input);
  const body = pageBody(paper, [1]);
  // The body at scale 1 over the scale the sheet prints at: the sheet's points one page holds.
  const capacity = body.height / wide.scale;
  const year = fiscalYearText(evaluation.year);
  const layout: PageLayout = {
    orientation: 'landscape',
    paperSize: paper,
    fitToWidth: true,
    pagesWide: wide.pagesWide,
    printArea: area,
    titleRows: null,
    titleColumns: wide.titleColumns,
    columnBreaks: wide.columnBreaks,
    pageOrder: 'overThenDown',
    margins: PRINT_MARGINS,
    header: '&C&A',
    footer: `${kpiSheetLegendFooter(evaluation.settings)}&R&9&P / &N  ${evaluation.year === UNKNOWN_YEAR ? '評価年度不明' : `${year}年度評価`} (${formatJstDate(now)})`,
    rowBreaks: packedRowBreaks(blocks, area, capacity, input.rowHeight),
    centerHorizontally: true,
  };
  return { op: 'setPageLayout', sheet, layout };
}

/**
 * The summary sheet: one page wide, its page breaks and repeated headings laid out by the sheet itself
 * (summary-writer.ts), so the tables keep their headings on every page whatever their length.
 */
export function summaryPrintOp(
  sheet: string,
  area: CellRange,
  evaluation: Evaluation,
  rowBreaks: readonly number[],
): WriteOp {
  return {
    op: 'setPageLayout',
    sheet,
    layout: {
      orientation: 'landscape',
      paperSize: evaluation.settings.paperSize,
      fitToWidth: true,
      pagesWide: 1,
      printArea: area,
      titleRows: null,
      margins: PRINT_MARGINS,
      header: '&C&A',
      footer: '&C&P / &N',
      rowBreaks,
      centerHorizontally: true,
    },
  };
}
