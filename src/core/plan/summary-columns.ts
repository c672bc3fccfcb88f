/** The summary sheet's columns and the printed height of its rows, which its page layout counts on. */
import type { Settings } from '../types';
import { gradesOf } from './palette';
import { rowHeightFor, wrappedLines } from './text-size';

/**
 * KPI and goal names in A, departments in B, numbers and short texts after; headers wrap. 110 characters
 * print at 100 % on A4 landscape in Excel (Calibri) and in LibreOffice even with a wider fallback font,
 * so with every row's height written the pages are the same in both.
 */
export const SUMMARY_WIDTHS: readonly number[] = [36, 14, 8, 10, 10, 8, 8, 8, 8];

/**
 * The columns of this sheet for a scale: the count tables need the key, 判定数, one column per grade and
 * 達成割合, so a scale of more than four levels adds 8-character columns on the right.
 */
export function summaryWidths(settings: Settings): readonly number[] {
  const needed = 3 + gradesOf(settings.scale).length;
  return [...SUMMARY_WIDTHS, ...Array<number>(Math.max(0, needed - SUMMARY_WIDTHS.length)).fill(8)];
}

/** Excel's default row height in points (Calibri 11), for the sheet's empty rows (gaps, the chart's). */
export const DEFAULT_ROW_HEIGHT = 15;

/** Printed height of a row holding these wrapped texts, each with its column. */
export function rowPoints(cells: readonly { col: number; text: string }[]): number {
  return rowHeightFor(Math.max(1, ...cells.map((c) => wrappedLines(c.text, SUMMARY_WIDTHS[c.col - 1] ?? 8))));
}
