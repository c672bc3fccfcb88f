/**
 * Package worksheet → Grid, with the values Office.js would give for the same range: numbers for numeric
 * cells, text for strings (shared or inline, `_xHHHH_` decoded), '' for empty and merge-covered cells,
 * formulas as their cached result, dates as serial numbers shown as `2021/3/31`. Reads only the workbook
 * part, styles, shared strings and the one sheet.
 */
import { formatNumber, generalText } from '../../core/number-text';
import type { CellRange, CellValue, Grid, OutputMark } from '../../core/types';
import type { XlsxBook } from './book';
import { stringItemText } from './shared-strings';
import type { WorksheetPart } from './worksheet-part';
import { parseSqref } from './worksheet-part';
import { scanCell, scanSheetData, type SheetScanVisitor } from './sheet-scan';
import { decodeXstring, unescapeXml } from './xml';
import { emptyGridRows, sheetGrid } from '../sheet-grid';

/** Prefix of the workbook names the add-in leaves to find its own output again. */
export const MARK_PREFIX = 'KPISHEET_';

/** Excel's last date, 9999-12-31: a larger serial in a date cell is shown as a number, never `NaN`. */
const LAST_DATE_SERIAL = 2_958_465;

/** Whether a number format shows dates or times: y, m, d, h or s outside quotes, escapes and brackets. */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\\.|_.|\*.|\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Serial → `2021/3/31` (with ` 9:05` when the format shows a time): the date as Japanese Excel writes it. */
export function dateText(serial: number, format: string, date1904: boolean): string {
  if (serial < 0 || serial > LAST_DATE_SERIAL) return generalText(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  // Excel's serial 60 is 1900-02-29, a day that did not exist; serials before it are one day earlier.
  const days = !date1904 && serial < 61 ? serial + 1 : serial;
  const ms = Math.round(days * 86_400_000);
  const date = new Date(epoch + ms);
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  const hasDate = /[yd]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
  const hasTime = /[hs]/i.test(bare);
  const dayText = `${date.getUTCFullYear()}/${date.getUTCMonth() + 1}/${date.getUTCDate()}`;
  const timeText = `${date.getUTCHours()}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
  if (hasDate && hasTime) return `${dayText} ${timeText}`;
  return hasTime ? timeText : dayText;
}

interface CellRead {
  readonly value: CellValue;
  readonly s: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/;

function isoToSerial(text: string, date1904: boolean): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const ms = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
  );
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (ms - epoch) / 86_400_000;
}

/**
 * A cell's value as Office.js reports it, from its type (`t`) and its `v` text (entities not decoded) or,
 * for an inline string, its `is` element's inner XML; undefined value text is an empty cell.
 */
export function cellValueOf(
  type: string,
  text: string | undefined,
  strings: readonly string[],
  date1904: boolean,
): CellValue {
  if (text === undefined) return '';
  if (type === 'inlineStr') return stringItemText(text);
  switch (type) {
    case 's': {
      // Shared string indexes are digits: the common case needs no entity decoding.
      const index = Number(text.includes('&') ? unescapeXml(text) : text);
      return strings[index] ?? '';
    }
    case 'str':
      return decodeXstring(unescapeXml(text));
    case 'b': {
      const t = unescapeXml(text);
      return t === '1' || t === 'true';
    }
    case 'e':
      return unescapeXml(text);
    case 'd': {
      const t = unescapeXml(text);
      const serial = isoToSerial(t, date1904);
      return serial === null ? t : serial;
    }
    default: {
      const t = text.includes('&') ? unescapeXml(text) : text;
      const n = Number(t);
      return Number.isFinite(n) ? n : t;
    }
  }
}

/** What scanCell last reported, kept in one place: row heights read every cell of every table row. */
const scanned = { s: 0, type: 'n', text: undefined as string | undefined };
const KEEP_CELL: SheetScanVisitor = {
  cell: (_row, _col, s, type, text) => {
    scanned.s = s;
    scanned.type = type;
    scanned.text = text;
  },
};

/** One `<c>` element's value as Office.js reports it, with its style index. */
function readCell(xml: string, strings: readonly string[], date1904: boolean): CellRead {
  scanned.s = 0;
  scanned.type = 'n';
  scanned.text = undefined;
  scanCell(xml, 0, KEEP_CELL);
  return { value: cellValueOf(scanned.type, scanned.text, strings, date1904), s: scanned.s };
}

/** What a cell shows, as Excel's `Range.text` would: numbers and dates through their number format. */
function shownText(value: CellValue, format: string, date1904: boolean): string {
  if (typeof value === 'number')
    return isDateFormat(format) ? dateText(value, format, date1904) : formatNumber(value, format);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

/** The text a cell element shows and its style index (for measuring wrapped rows). */
export function cellShownText(xml: string, book: XlsxBook): { readonly text: string; readonly s: number } {
  const date1904 = book.date1904();
  const read = readCell(xml, book.sharedStrings(), date1904);
  return { text: shownText(read.value, book.styles().formatOf(read.s), date1904), s: read.s };
}

/** `'KPI一覧'!$P$5:$T$60` → sheet and range. */
function parseDefinedRange(ref: string): { sheet: string; range: CellRange } | null {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return null;
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const [range] = parseSqref(ref.slice(bang + 1).replace(/\$/g, ''));
  return range ? { sheet, range } : null;
}

/** The add-in's marks: workbook defined names starting with `KPISHEET_`. */
export function readBookMarks(book: XlsxBook): OutputMark[] {
  const marks: OutputMark[] = [];
  for (const name of book.workbook.names) {
    if (!name.name.toUpperCase().startsWith(MARK_PREFIX) || name.localSheetId !== undefined) continue;
    const parsed = parseDefinedRange(name.formula);
    if (parsed) marks.push({ name: name.name, ...parsed });
  }
  return marks;
}

/** The value of one cell of a sheet (the saved settings' cell), or undefined. */
export function readBookCell(book: XlsxBook, sheet: string, row: number, col: number): CellValue | undefined {
  const xml = book.worksheet(sheet)?.data.cell(row, col);
  if (xml === undefined) return undefined;
  return readCell(xml, book.sharedStrings(), book.date1904()).value;
}

/** Reads the used part of a sheet, from A1 to the last row and column holding a value or a merge. */
export function readBookGrid(book: XlsxBook, sheetName: string): Grid {
  const sheet: WorksheetPart | undefined = book.worksheet(sheetName);
  if (!sheet) throw new Error(`シート「${sheetName}」はワークシートではありません`);
  const strings = book.sharedStrings();
  const styles = book.styles();
  const date1904 = book.date1904();
  const merges = sheet.mergeRanges();
  // Per row, values and style indexes by column (sparse), straight from one pass over the sheet's XML: no
  // object per row or per cell, which the GC paid for.
  const rowValues = new Map<number, CellValue[]>();
  const rowStyles = new Map<number, number[]>();
  let bottom = 0;
  let right = 0;
  let rowCells: CellValue[] = [];
  let styleIndexes: number[] = [];
  let current = 0;
  scanSheetData(sheet.sheetDataXml(), {
    cell: (row, col, s, type, text) => {
      if (row !== current) {
        current = row;
        rowCells = rowValues.get(row) ?? [];
        styleIndexes = rowStyles.get(row) ?? [];
        rowValues.set(row, rowCells);
        rowStyles.set(row, styleIndexes);
      }
      const value = cellValueOf(type, text, strings, date1904);
      rowCells[col] = value;
      styleIndexes[col] = s;
      if (value !== '') {
        if (row > bottom) bottom = row;
        if (col > right) right = col;
      }
    },
  });
  for (const m of merges) {
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  const rows = emptyGridRows();
  const { values, texts, formats } = rows;
  // Each style index's format, and whether it shows dates, worked out once.
  const formatCache = new Map<number, { readonly code: string; readonly date: boolean }>();
  const formatOf = (s: number): { readonly code: string; readonly date: boolean } => {
    let format = formatCache.get(s);
    if (format === undefined) {
      const code = styles.formatOf(s);
      format = { code, date: isDateFormat(code) };
      formatCache.set(s, format);
    }
    return format;
  };
  const noValues: CellValue[] = [];
  const noStyles: number[] = [];
  for (let r = 1; r <= bottom; r++) {
    const cellValues = rowValues.get(r) ?? noValues;
    const cellStyles = rowStyles.get(r) ?? noStyles;
    const valueRow: CellValue[] = [];
    const textRow: string[] = [];
    const formatRow: string[] = [];
    for (let c = 1; c <= right; c++) {
      const format = formatOf(cellStyles[c] ?? 0);
      const value = cellValues[c] ?? '';
      valueRow.push(value);
      formatRow.push(format.code);
      if (typeof value === 'number') {
        textRow.push(format.date ? dateText(value, format.code, date1904) : formatNumber(value, format.code));
      } else if (typeof value === 'boolean') textRow.push(value ? 'TRUE' : 'FALSE');
      else textRow.push(value);
    }
    values.push(valueRow);
    texts.push(textRow);
    formats.push(formatRow);
  }
  // Covered cells of a merge read as empty, as Office.js gives them: one pass over each merge's area.
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        values[r - 1][c - 1] = '';
        texts[r - 1][c - 1] = '';
      }
    }
  }
  const sheets = book.sheets().map((s) => ({ name: s.name, hidden: s.visibility !== 'visible' }));
  const widths = Array.from({ length: right }, (_, i) => sheet.columnWidth(i + 1));
  return sheetGrid(sheetName, rows, merges, { marks: readBookMarks(book), sheets }, widths);
}
