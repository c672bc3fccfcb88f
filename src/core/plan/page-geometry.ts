/**
 * The printed page in points, for the sheets the add-in lays out itself: how much of a sheet's width and
 * height one page holds at the scale Excel and LibreOffice pick when fitting it to the paper's width.
 */
import type { PageLayout, PageMargins } from '../types';

/** Landscape paper in points (1 inch = 72 points). */
const LANDSCAPE: Readonly<Record<PageLayout['paperSize'], { width: number; height: number }>> = {
  A4: { width: 842, height: 595 },
  A3: { width: 1191, height: 842 },
};

/**
 * Narrower side margins than Excel's 0.7 inch, so a wide table prints larger; the top and bottom keep
 * room for the header (sheet name) and the footer (page number, legend).
 */
export const PRINT_MARGINS: PageMargins = {
  left: 0.4,
  right: 0.4,
  top: 0.75,
  bottom: 0.9,
  header: 0.3,
  footer: 0.3,
};

/**
 * A column width in Excel's characters → points, in the workbook's default font (Calibri 11: a 7-pixel
 * digit and 5 pixels of padding; 96 pixels are 72 points). Per ECMA-376 Part 1, 18.3.1.13 (col width).
 */
export function columnPoints(characters: number): number {
  return (Math.trunc(characters * 7) + 5) * 0.75;
}

export interface PageBody {
  /** Points of the sheet one page holds across and down, at the scale the sheet prints. */
  readonly width: number;
  readonly height: number;
  /** The scale fitting to the paper's width picks (never above 1: fitting does not enlarge). */
  readonly scale: number;
}

/** The page body for columns of these widths printed landscape on `paper`, fit to one page wide. */
export function pageBody(paper: PageLayout['paperSize'], widths: readonly number[]): PageBody {
  const sheet = LANDSCAPE[paper];
  const m = PRINT_MARGINS;
  const printableWidth = sheet.width - (m.left + m.right) * 72;
  const printableHeight = sheet.height - (m.top + m.bottom) * 72;
  const contentWidth = widths.reduce((sum, w) => sum + columnPoints(w), 0);
  const scale = Math.min(1, printableWidth / contentWidth);
  return { width: printableWidth / scale, height: printableHeight / scale, scale };
}
