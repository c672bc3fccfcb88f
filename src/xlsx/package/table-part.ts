/**
 * An Excel table (ECMA-376 Part 1, 18.5 Tables) written as its own part, `xl/tables/tableN.xml`, with the
 * worksheet's relationship to it and its `tableParts` entry: a header row with a filter button on each
 * column, banded rows, sortable and filterable in Excel and LibreOffice.
 */
import { posix } from 'node:path';
import { compactRangeAddress } from '../../core/a1';
import type { TableSpec } from '../../core/types';
import type { XlsxBook } from './book';
import { escapeAttribute } from './xml';

export const REL_TABLE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
export const CONTENT_TYPE_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';

/** The table part's XML; `headerRowCount` is written out although 1 is its default, as some readers miss it. */
export function tableXml(table: TableSpec, id: number): string {
  const ref = compactRangeAddress(table.range);
  const columns = table.columns
    .map((name, i) => `<tableColumn id="${i + 1}" name="${escapeAttribute(name)}"/>`)
    .join('');
  const name = escapeAttribute(table.name);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${name}" ` +
    `displayName="${name}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttribute(table.style ?? 'TableStyleMedium2')}" showFirstColumn="0" ` +
    'showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>' +
    '</table>'
  );
}

/**
 * Adds the table to its sheet: the part, its content type, the sheet's relationship and `tableParts`.
 * The sheet must have no table yet (the rollup writes a new workbook); the header cells must hold the
 * column names, or Excel repairs the file.
 */
export function addTablePart(book: XlsxBook, table: TableSpec): string {
  const sheetPart = book.sheetPart(table.sheet);
  const sheet = book.worksheet(table.sheet);
  if (sheetPart === undefined || !sheet) throw new Error(`シート「${table.sheet}」が見つかりません`);
  const range = table.range;
  if (table.columns.length !== range.right - range.left + 1 || range.bottom <= range.top)
    throw new Error(`表「${table.name}」の範囲と列の数が合いません`);
  const taken = new Set(book.opc.partNames().map((p) => p.toLowerCase()));
  let n = 1;
  while (taken.has(`xl/tables/table${n}.xml`)) n++;
  const part = `xl/tables/table${n}.xml`;
  book.opc.setText(part, tableXml(table, n));
  book.opc.setContentTypeOverride(part, CONTENT_TYPE_TABLE);
  const target = posix.relative(posix.dirname(sheetPart), part);
  const relId = book.opc.addRelationship(sheetPart, REL_TABLE, target);
  const prefix = sheet.relationshipPrefix();
  sheet.put('tableParts', `<tableParts count="1"><tablePart ${prefix}:id="${relId}"/></tableParts>`);
  return part;
}
