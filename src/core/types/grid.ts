/**
 * What a host read from one worksheet, with nothing Office- or ExcelJS-specific in it.
 * The arrays have the shape of Office.js `range.values` / `range.text` / `range.numberFormat`
 * so the Excel host can fill them without conversion.
 */

/** A cell's raw value as Office.js gives it: numbers for numeric cells, '' for an empty cell. */
export type CellValue = string | number | boolean;

/** 1-based sheet coordinates of one cell. */
export interface CellRef {
  readonly row: number;
  readonly col: number;
}

/** 1-based, inclusive sheet coordinates of a rectangle. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** What the add-in left on an earlier run to find its own output again (a workbook defined name). */
export interface OutputMark {
  /** The defined name, e.g. `KPISHEET_FLAGS_1`. */
  readonly name: string;
  readonly sheet: string;
  readonly range: CellRange;
}

export interface Grid {
  readonly sheet: string;
  /** Sheet row and column of `values[0][0]` (1-based). */
  readonly top: number;
  readonly left: number;
  readonly values: readonly (readonly CellValue[])[];
  /** Display text of each cell, as the user sees it. */
  readonly texts: readonly (readonly string[])[];
  /** Number format of each cell ('General' where none). */
  readonly formats: readonly (readonly string[])[];
  readonly merges: readonly CellRange[];
  /** The add-in's marks from an earlier run, on any sheet of the workbook. */
  readonly marks: readonly OutputMark[];
  /** Names of every sheet in the workbook (to avoid taking a user's sheet name). */
  readonly sheetNames: readonly string[];
  /**
   * The sheets of `sheetNames` the user cannot see (hidden, very hidden): a run over the whole workbook reads
   * only the visible ones. Absent: the host did not say (none is read but the one asked for).
   */
  readonly hiddenSheets?: readonly string[];
  /**
   * Width of each column from column 1, in Excel's characters, as far as the host read them (the print
   * setup sizes its pages with them). Absent where a host does not read widths.
   */
  readonly columnWidths?: readonly number[];
}
