/**
 * A new, empty workbook package: the least a workbook needs (content types, the package and workbook
 * relationships, a workbook part with no sheet yet, a styles part with the default entries), made in code so
 * the package editor can write a workbook of the add-in's own (the rollup) without a template file or
 * ExcelJS. The caller adds its sheets before saving: a workbook with no sheet does not open.
 */
import { XlsxBook } from './book';
import { REL_OFFICE_DOCUMENT, REL_STYLES } from './opc';
import { newEntry, writeZip } from './zip';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A relationships part with the one relationship `rId1`: what the package and the workbook part need. */
function relationshipsPart(type: string, target: string): string {
  return (
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${type}" Target="${target}"/>` +
    '</Relationships>'
  );
}

const PACKAGE_RELS = relationshipsPart(REL_OFFICE_DOCUMENT, 'xl/workbook.xml');

const WORKBOOK =
  `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
  '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets/>' +
  '<calcPr calcId="191029"/></workbook>';

const WORKBOOK_RELS = relationshipsPart(REL_STYLES, 'styles.xml');

/** Japanese Excel's default font (游ゴシック 11), and the entries index 0 of every collection means. */
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';

interface Part {
  readonly name: string;
  readonly xml: string;
  /** The content type [Content_Types].xml overrides for the part; none: the default of its extension. */
  readonly contentType?: string;
}

/** The parts after [Content_Types].xml, in the package's order. */
const PARTS: readonly Part[] = [
  { name: '_rels/.rels', xml: PACKAGE_RELS },
  {
    name: 'xl/workbook.xml',
    xml: WORKBOOK,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  },
  { name: 'xl/_rels/workbook.xml.rels', xml: WORKBOOK_RELS },
  {
    name: 'xl/styles.xml',
    xml: STYLES,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  },
];

/** [Content_Types].xml: the defaults for .rels and .xml, and an override for each part that has its own type. */
function contentTypesXml(parts: readonly Part[]): string {
  const overrides = parts.flatMap((p) =>
    p.contentType === undefined ? [] : [`<Override PartName="/${p.name}" ContentType="${p.contentType}"/>`],
  );
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    `<Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`
  );
}

/** The empty workbook's bytes. */
export function emptyWorkbookBytes(): Buffer {
  const parts = [{ name: '[Content_Types].xml', xml: contentTypesXml(PARTS) }, ...PARTS];
  return writeZip(parts.map((p) => newEntry(p.name, Buffer.from(p.xml, 'utf8'))));
}

/** A new workbook with no sheet, open for editing. */
export function newWorkbook(): XlsxBook {
  return XlsxBook.fromBuffer(emptyWorkbookBytes());
}
