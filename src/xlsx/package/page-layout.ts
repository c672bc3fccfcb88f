/**
 * The print setup of a sheet as the package editor writes it: every PageLayout field in one place, so a
 * new print field of the plan is one more line here. Elements: sheetPr/pageSetUpPr (fit to page),
 * printOptions, pageMargins, pageSetup, headerFooter, rowBreaks, colBreaks (ECMA-376 Part 1, 18.3.1.63,
 * 18.3.1.70, 18.3.1.62, 18.3.1.51, 18.3.1.46, 18.3.1.74, 18.3.1.14) and the `_xlnm.Print_Area` /
 * `_xlnm.Print_Titles` names (18.2.5). Attributes of these elements the plan does not set (printer
 * settings' r:id, copies, …) keep their values.
 */
import { absoluteAddress, columnLetters, quoteSheet } from '../../core/a1';
import type { PageLayout } from '../../core/types';
import type { WorksheetPart } from './worksheet-part';
import { ElementList, escapeXml, splitElement, withAttribute } from './xml';

const PAPER_SIZE: Readonly<Record<PageLayout['paperSize'], number>> = { A4: 9, A3: 8 };

/** The last column Excel has (XFD), the `max` of a row break across the whole sheet. */
const LAST_COLUMN_INDEX = 16383;
/** The last row Excel has, the `max` of a column break down the whole sheet. */
const LAST_ROW_INDEX = 1048575;

/** CT_SheetPr's sequence. */
const SHEET_PR_ORDER = ['tabColor', 'outlinePr', 'pageSetUpPr'];
/** CT_HeaderFooter's sequence. */
const HEADER_FOOTER_ORDER = [
  'oddHeader',
  'oddFooter',
  'evenHeader',
  'evenFooter',
  'firstHeader',
  'firstFooter',
];

/** A start tag with these attributes set, the others kept. */
function setAttributes(tag: string, values: Readonly<Record<string, string | undefined>>): string {
  let out = tag;
  for (const [name, value] of Object.entries(values)) out = withAttribute(out, name, value);
  return out;
}

/** An element with its start tag's attributes set and its children kept. */
function editElement(
  xml: string | undefined,
  name: string,
  values: Readonly<Record<string, string | undefined>>,
): string {
  if (xml === undefined) return setAttributes(`<${name}/>`, values);
  const { start, inner, end } = splitElement(xml);
  return setAttributes(start, values) + inner + end;
}

function fitToPage(sheet: WorksheetPart, fit: boolean): void {
  const sheetPr = sheet.element('sheetPr');
  const list = ElementList.parse(
    sheetPr === undefined
      ? '<sheetPr></sheetPr>'
      : sheetPr.replace(/^(<sheetPr\b[^>]*?)\s*\/>$/, '$1></sheetPr>'),
  );
  const current = list.find('pageSetUpPr')?.xml;
  list.put(
    'pageSetUpPr',
    editElement(current, 'pageSetUpPr', { fitToPage: fit ? '1' : undefined }),
    SHEET_PR_ORDER,
  );
  const pageSetUpPr = list.find('pageSetUpPr');
  if (pageSetUpPr && /^<pageSetUpPr\s*\/>$/.test(pageSetUpPr.xml))
    list.put('pageSetUpPr', undefined, SHEET_PR_ORDER);
  const xml = list.toString();
  sheet.put('sheetPr', xml === '<sheetPr></sheetPr>' ? undefined : xml);
}

function headerFooter(sheet: WorksheetPart, header: string, footer: string): void {
  const current = sheet.element('headerFooter');
  const list = ElementList.parse(
    current === undefined
      ? '<headerFooter></headerFooter>'
      : current.replace(/^(<headerFooter\b[^>]*?)\s*\/>$/, '$1></headerFooter>'),
  );
  list.put(
    'oddHeader',
    header ? `<oddHeader>${escapeXml(header)}</oddHeader>` : undefined,
    HEADER_FOOTER_ORDER,
  );
  list.put(
    'oddFooter',
    footer ? `<oddFooter>${escapeXml(footer)}</oddFooter>` : undefined,
    HEADER_FOOTER_ORDER,
  );
  sheet.put('headerFooter', list.toString());
}

/** Manual page breaks before these rows (`rowBreaks`) or columns (`colBreaks`). */
function pageBreaks(
  sheet: WorksheetPart,
  element: 'rowBreaks' | 'colBreaks',
  before: readonly number[],
): void {
  if (before.length === 0) {
    sheet.put(element, undefined);
    return;
  }
  const max = element === 'rowBreaks' ? LAST_COLUMN_INDEX : LAST_ROW_INDEX;
  // Excel's break id is the row (column) after which the page ends.
  const breaks = before.map((at) => `<brk id="${at - 1}" max="${max}" man="1"/>`).join('');
  sheet.put(
    element,
    `<${element} count="${before.length}" manualBreakCount="${before.length}">${breaks}</${element}>`,
  );
}

/** `$1:$3`, `$A:$C`, or both joined by a comma as Excel writes them: columns first. */
function printTitles(quoted: string, layout: PageLayout): string | undefined {
  const parts: string[] = [];
  if (layout.titleColumns)
    parts.push(
      `${quoted}!$${columnLetters(layout.titleColumns.first)}:$${columnLetters(layout.titleColumns.last)}`,
    );
  if (layout.titleRows) parts.push(`${quoted}!$${layout.titleRows.first}:$${layout.titleRows.last}`);
  return parts.length > 0 ? parts.join(',') : undefined;
}

/** The print names of a sheet: the print area and, when rows repeat, the print titles. */
export interface PrintNames {
  readonly printArea: string;
  readonly printTitles: string | undefined;
}

/** Applies the layout to the sheet's elements and returns the defined names it needs (sheet quoted once, here). */
export function applyPageLayout(sheet: WorksheetPart, sheetName: string, layout: PageLayout): PrintNames {
  const handled: Record<keyof PageLayout, true> = {
    orientation: true,
    paperSize: true,
    fitToWidth: true,
    printArea: true,
    titleRows: true,
    header: true,
    footer: true,
    rowBreaks: true,
    centerHorizontally: true,
    pagesWide: true,
    titleColumns: true,
    columnBreaks: true,
    pageOrder: true,
    margins: true,
    scale: true,
  };
  void handled;
  fitToPage(sheet, layout.fitToWidth);
  sheet.put(
    'printOptions',
    editElement(sheet.element('printOptions'), 'printOptions', {
      horizontalCentered: layout.centerHorizontally ? '1' : undefined,
    }),
  );
  const margins = layout.margins;
  if (margins)
    sheet.put(
      'pageMargins',
      `<pageMargins left="${margins.left}" right="${margins.right}" top="${margins.top}" bottom="${margins.bottom}" header="${margins.header}" footer="${margins.footer}"/>`,
    );
  else if (sheet.element('pageMargins') === undefined)
    sheet.put(
      'pageMargins',
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    );
  sheet.put(
    'pageSetup',
    editElement(sheet.element('pageSetup'), 'pageSetup', {
      paperSize: String(PAPER_SIZE[layout.paperSize]),
      orientation: layout.orientation,
      fitToWidth: layout.fitToWidth ? String(layout.pagesWide ?? 1) : undefined,
      fitToHeight: layout.fitToWidth ? '0' : undefined,
      pageOrder: layout.pageOrder === 'overThenDown' ? 'overThenDown' : undefined,
      scale: !layout.fitToWidth && layout.scale !== undefined ? String(layout.scale) : undefined,
    }),
  );
  headerFooter(sheet, layout.header, layout.footer);
  pageBreaks(sheet, 'rowBreaks', layout.rowBreaks);
  pageBreaks(sheet, 'colBreaks', layout.columnBreaks ?? []);
  const quoted = quoteSheet(sheetName);
  return {
    printArea: `${quoted}!${absoluteAddress(layout.printArea)}`,
    printTitles: printTitles(quoted, layout),
  };
}
