/** A sheet's print setup: paper, fit to width (read back), print area and titles, headers, breaks, margins. */
import { absoluteAddress, cellAddress, columnLetters } from '../core/a1';
import type { PageLayout } from '../core/types';
import type { Language } from './errors';
import { REASONS } from './skip-reasons';
import type { Batch } from './write-batch';

/** `&L…&C…&R…` → the three sections; text before any section code is centred, as Excel reads it. */
export function headerSections(code: string): { left: string; center: string; right: string } {
  const sections = { left: '', center: '', right: '' };
  let current: keyof typeof sections = 'center';
  const parts = code.split(/(&[LCR])/);
  for (const part of parts) {
    if (part === '&L') current = 'left';
    else if (part === '&C') current = 'center';
    else if (part === '&R') current = 'right';
    else sections[current] += part;
  }
  return sections;
}

/**
 * Fit to one page wide, the height free: the whole PageLayoutZoomOptions object, as Excel records
 * "Fit All Columns on One Page" (0 pages tall: as many as needed; no scale, which "can be null if fit
 * to page tall or wide is specified"). A member cannot be set on its own: `zoom` is a value object.
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions
 */
const FIT_TO_WIDTH: Excel.PageLayoutZoomOptions = { horizontalFitToPages: 1, verticalFitToPages: 0 };

export function queuePageLayout(
  ws: Excel.Worksheet,
  layout: PageLayout,
  batch: Batch,
  language: Language,
): void {
  const page = ws.pageLayout;
  page.orientation = layout.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  page.paperSize = layout.paperSize === 'A3' ? 'A3' : 'A4';
  if (layout.fitToWidth) {
    const pagesWide = layout.pagesWide ?? 1;
    // The whole zoom object, as documented (PageLayoutZoomOptions): set piecewise, it is not applied.
    page.zoom = { ...FIT_TO_WIDTH, horizontalFitToPages: pagesWide };
    // Excel can ignore a fit-to-pages zoom (seen without the Page Layout tab open, https://github.com/OfficeDev/office-js/issues/1860).
    // Loaded after the write in the same batch, the value comes back with this sync: what Excel kept.
    page.load('zoom');
    batch.checks.push(() =>
      page.zoom?.horizontalFitToPages === pagesWide
        ? null
        : { op: 'setPageLayout', reason: REASONS.fitToWidth[language] },
    );
  } else if (layout.scale !== undefined) page.zoom = { scale: layout.scale };
  queuePrintParts(ws, layout);
  page.centerHorizontally = layout.centerHorizontally;
  page.setPrintArea(absoluteAddress(layout.printArea));
  if (layout.titleRows) page.setPrintTitleRows(`$${layout.titleRows.first}:$${layout.titleRows.last}`);
  const pages = page.headersFooters.defaultForAllPages;
  const header = headerSections(layout.header);
  const footer = headerSections(layout.footer);
  pages.leftHeader = header.left;
  pages.centerHeader = header.center;
  pages.rightHeader = header.right;
  pages.leftFooter = footer.left;
  pages.centerFooter = footer.center;
  pages.rightFooter = footer.right;
  // The plan owns the sheet's print setup, so its breaks replace the earlier ones (a re-run adds none).
  ws.horizontalPageBreaks.removePageBreaks();
  for (const row of layout.rowBreaks) ws.horizontalPageBreaks.add(cellAddress(row, 1));
}

/**
 * The print fields beyond paper and fit (kept apart so queuePageLayout stays readable):
 * title columns, column breaks, page order and margins. Margins are points in Office.js, inches in the plan.
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
 */
function queuePrintParts(ws: Excel.Worksheet, layout: PageLayout): void {
  const page = ws.pageLayout;
  if (layout.titleColumns) {
    page.setPrintTitleColumns(
      `$${columnLetters(layout.titleColumns.first)}:$${columnLetters(layout.titleColumns.last)}`,
    );
  }
  if (layout.pageOrder)
    page.printOrder = layout.pageOrder === 'overThenDown' ? 'OverThenDown' : 'DownThenOver';
  if (layout.margins) {
    const points = (inches: number): number => inches * 72;
    page.leftMargin = points(layout.margins.left);
    page.rightMargin = points(layout.margins.right);
    page.topMargin = points(layout.margins.top);
    page.bottomMargin = points(layout.margins.bottom);
    page.headerMargin = points(layout.margins.header);
    page.footerMargin = points(layout.margins.footer);
  }
  if (layout.columnBreaks && layout.columnBreaks.length > 0) {
    ws.verticalPageBreaks.removePageBreaks();
    for (const col of layout.columnBreaks) ws.verticalPageBreaks.add(cellAddress(1, col));
  }
}
