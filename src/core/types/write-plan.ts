/**
 * What to write, declaratively (ARCHITECTURE.md: WritePlan). The plan knows addresses and Excel
 * semantics but no API: each host turns every operation into its own calls and holds no rule.
 */
import type { CellRange, OutputMark } from './grid';

/** '#RRGGBB'. */
export type Color = string;

export type PlanValue = string | number | null;

export interface CellStyle {
  readonly fill?: Color;
  readonly fontColor?: Color;
  readonly bold?: boolean;
  readonly fontSize?: number;
  readonly horizontal?: 'left' | 'center' | 'right';
  readonly vertical?: 'top' | 'middle' | 'bottom';
  readonly wrap?: boolean;
  /** Thin border on every edge of every cell in the range. */
  readonly border?: Color;
  readonly numberFormat?: string;
  /**
   * Height in points of every row of the range, as Office.js `range.format.rowHeight`: for wrapped text,
   * since neither Excel nor LibreOffice fits row heights when it opens a file.
   */
  readonly rowHeight?: number;
}

export interface FillStyle {
  readonly fill: Color;
  readonly fontColor?: Color;
}

export type ConditionalRule =
  /** Cell text equals `text` (grade codes on 判定). */
  | { readonly type: 'textEquals'; readonly text: string; readonly style: FillStyle }
  /** Data bar from 0 to `max` (1 = 100 %). */
  | { readonly type: 'dataBar'; readonly color: Color; readonly max: number }
  /** A formula written for the range's top-left cell, relative as Excel reads it: `=$P5="A"`. */
  | { readonly type: 'formula'; readonly formula: string; readonly style: FillStyle };

export interface PageLayout {
  readonly orientation: 'landscape' | 'portrait';
  readonly paperSize: 'A4' | 'A3';
  /** Fit all columns to one page wide; height free. */
  readonly fitToWidth: boolean;
  readonly printArea: CellRange;
  /** Rows repeated at the top of each printed page. */
  readonly titleRows: { readonly first: number; readonly last: number } | null;
  /** Header and footer in Excel's codes (`&A`, `&P / &N`). */
  readonly header: string;
  readonly footer: string;
  /** Manual page breaks before these rows. */
  readonly rowBreaks: readonly number[];
  readonly centerHorizontally: boolean;
  /**
   * Pages across when `fitToWidth` (default 1): a sheet too wide to read on one page prints its columns
   * over two, each page of a row band next to the other (`pageOrder: 'overThenDown'`).
   */
  readonly pagesWide?: number;
  /** Columns repeated at the left of each printed page (the KPI names beside the flags on the second page). */
  readonly titleColumns?: { readonly first: number; readonly last: number } | null;
  /** Manual page breaks before these columns. */
  readonly columnBreaks?: readonly number[];
  /** Order of the pages of a sheet more than one page wide; Excel's default is 'downThenOver'. */
  readonly pageOrder?: 'downThenOver' | 'overThenDown';
  /** Page margins in inches; absent: Excel's defaults (0.7 / 0.75, header and footer 0.3). */
  readonly margins?: PageMargins;
  /** Percent when not fitting to width (OOXML pageSetup scale, 10–400). */
  readonly scale?: number;
}

export interface PageMargins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly header: number;
  readonly footer: number;
}

/**
 * A native chart (grade counts per 基本目標 on the summary sheet). Only for hosts that can write one
 * (PlanContext.charts: the Excel host, and the package editor as chart and drawing parts): the plan never
 * asks a host for a chart it cannot draw.
 */
export interface ChartSpec {
  /** Stacked horizontal bars: one bar per category, one segment per series. */
  readonly type: 'barStacked';
  readonly title: string;
  /** Series values, one column per series, its name in the first row. */
  readonly series: CellRange;
  /** Category labels, one per data row of `series`. */
  readonly categories: CellRange;
  /** Fill of each series, in order. */
  readonly colors: readonly Color[];
  /** The cells the chart covers. */
  readonly position: CellRange;
}

/**
 * An Excel table over a header row and the data rows below it (ECMA-376 Part 1, 18.5 Tables): a filter
 * button on each column, banded rows. The rollup's 全KPI sheet is one; the .xlsx host writes it as a table part.
 */
export interface TableSpec {
  readonly sheet: string;
  /** Unique in the workbook; a letter first, then letters, digits, `_` or `.`. */
  readonly name: string;
  /** The header row and the data rows (one at least). */
  readonly range: CellRange;
  /** The header cells' text, one per column: a table's column names must be these. */
  readonly columns: readonly string[];
  /** Excel's built-in style; default TableStyleMedium2 (blue bands). */
  readonly style?: string;
}

/** Whether the host can write native charts. */
export type ChartSupport = 'native' | 'none';

/**
 * What a data validation lets a cell hold. `anyValue` checks nothing (Excel's 「すべての値」, ECMA-376
 * ST_DataValidationType `none`): a validation only for its input message, on cells a clerk types into.
 */
export type ValidationRule =
  /** An in-cell drop-down of these values; nothing else is accepted. */
  { readonly type: 'list'; readonly list: readonly string[] } | { readonly type: 'anyValue' };

/**
 * Excel's 入力時メッセージ: a title and a message shown beside a selected cell. Excel keeps at most 32
 * characters of title and 255 of message ([MS-OI29500] 2.1.613, on ECMA-376 Part 1 §18.3.1.32 dataValidation:
 * https://learn.microsoft.com/openspecs/office_standards/ms-oi29500/0114969a-4859-443e-ae3e-0c1fdebfcc64);
 * the plan keeps within them (PROMPT_LIMITS).
 */
export interface InputPrompt {
  readonly title: string;
  readonly message: string;
}

export const PROMPT_LIMITS = { title: 32, message: 255 } as const;

/** How a removal finds its conditional formats (see removeConditionalFormats). */
export type ConditionalFormatMatch = 'inside' | 'sameRange';

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export type WriteOp =
  // Removal of an earlier run's output, found by its marks.
  | { readonly op: 'clearRange'; readonly sheet: string; readonly range: CellRange }
  | {
      readonly op: 'removeConditionalFormats';
      readonly sheet: string;
      readonly range: CellRange;
      /**
       * Which formats go: 'inside' (default) every one whose range lies inside `range` (the add-in's own
       * columns); 'sameRange' only those applied to exactly `range` (the row tint over the city's table,
       * where the city's own formats must stay).
       */
      readonly match?: ConditionalFormatMatch;
    }
  | { readonly op: 'removeDataValidation'; readonly sheet: string; readonly range: CellRange }
  | { readonly op: 'deleteSheet'; readonly sheet: string }
  | { readonly op: 'removeMark'; readonly name: string }
  // Writing.
  | { readonly op: 'addSheet'; readonly sheet: string; readonly visibility: SheetVisibility }
  | {
      readonly op: 'setValues';
      readonly sheet: string;
      /** Top-left cell; the range is as large as `values`. */
      readonly row: number;
      readonly col: number;
      readonly values: readonly (readonly PlanValue[])[];
    }
  | { readonly op: 'setStyle'; readonly sheet: string; readonly range: CellRange; readonly style: CellStyle }
  | { readonly op: 'mergeCells'; readonly sheet: string; readonly range: CellRange }
  | {
      readonly op: 'setColumnWidths';
      readonly sheet: string;
      readonly firstCol: number;
      /** Character widths, as Excel's column width. */
      readonly widths: readonly number[];
    }
  | {
      readonly op: 'addConditionalFormat';
      readonly sheet: string;
      readonly range: CellRange;
      readonly rule: ConditionalRule;
    }
  | {
      readonly op: 'setDataValidation';
      readonly sheet: string;
      readonly range: CellRange;
      readonly rule: ValidationRule;
      /** The input message shown while a cell of the range is selected. */
      readonly prompt?: InputPrompt;
    }
  | { readonly op: 'setPageLayout'; readonly sheet: string; readonly layout: PageLayout }
  /**
   * Grow each row of the range to the height its wrapped text needs at the sheet's own column widths and
   * fonts; never shrink a row. For the city's rows, whose widths and fonts only the host knows: neither
   * Excel nor LibreOffice fits a row's height when it opens a file, so wrapped text prints over the next row.
   */
  | { readonly op: 'fitRowHeights'; readonly sheet: string; readonly range: CellRange }
  | { readonly op: 'addChart'; readonly sheet: string; readonly chart: ChartSpec }
  | { readonly op: 'addMark'; readonly mark: OutputMark };

export interface WritePlan {
  readonly ops: readonly WriteOp[];
  /** Japanese notes for the user: `フラグ列は R 列から書きました (Q 列が使用中のため)`. */
  readonly notices: readonly string[];
}
