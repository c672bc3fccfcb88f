/**
 * ExcelJS worksheet → Grid (the model reader: the tests' oracle for src/xlsx/package/read-book.ts, which the
 * command line reads with), with the values Office.js would give for the same range: numbers for numeric
 * cells, strings, '' for empty cells and for the covered cells of a merge, formulas as their result,
 * dates as Excel serial numbers, rich text flattened.
 */
import type ExcelJS from 'exceljs';
import { parseCellAddress, rangeBetween } from '../core/a1';
import { formatNumber } from '../core/number-text';
import { emptyGridRows, sheetGrid } from './sheet-grid';
import type { CellRange, CellValue, Grid, OutputMark } from '../core/types';

/** Excel's column count: a cell's number key is row × this + column. */
const COLUMN_LIMIT = 16_384;

/** Prefix of the workbook names the add-in leaves to find its own output again. */
export const MARK_PREFIX = 'KPISHEET_';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

type RawValue = ExcelJS.CellValue | undefined;

/** The value Office.js would report for a cell's raw ExcelJS value. */
function officeValue(raw: RawValue): CellValue {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return dateToSerial(raw);
  if (typeof raw === 'object') {
    if ('richText' in raw && Array.isArray(raw.richText)) return raw.richText.map((run) => run.text).join('');
    if ('formula' in raw || 'sharedFormula' in raw) {
      const result = (raw as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return '';
      if (typeof result === 'object' && 'error' in result) return String(result.error);
      return officeValue(result as RawValue);
    }
    if ('error' in raw) return String(raw.error);
    if ('text' in raw && typeof raw.text === 'string') return raw.text;
  }
  return String(raw);
}

function displayText(value: CellValue, format: string, cell: ExcelJS.Cell): string {
  if (typeof value === 'number') {
    const raw = cell.value;
    const isDate =
      raw instanceof Date ||
      (typeof raw === 'object' && raw !== null && 'result' in raw && raw.result instanceof Date);
    if (isDate) return cell.text;
    return formatNumber(value, format);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

/** `A1:C3` or `A1` → a range. */
export function parseRange(text: string): CellRange | null {
  const [a, b] = text.split(':');
  const start = parseCellAddress(a.trim());
  const end = b === undefined ? start : parseCellAddress(b.trim());
  return start && end ? rangeBetween(start, end) : null;
}

/** ExcelJS's own merge table: master address → range (`A1:B2`). */
interface MergeTable {
  readonly _merges?: Readonly<Record<string, { readonly range: string }>>;
}

/**
 * The sheet's merges as `A1:B2` texts. ExcelJS has no public list but its worksheet model, and building that
 * model builds every row's model too (tens of ms and megabytes at 10,000 rows), so the merge table it reads
 * them from is read directly, in the same order; the model remains the fallback.
 */
function mergeRefs(ws: ExcelJS.Worksheet): string[] {
  const table = (ws as unknown as MergeTable)._merges;
  if (table) return Object.values(table).map((merge) => merge.range);
  return (ws.model as { merges?: string[] }).merges ?? [];
}

function worksheetMerges(ws: ExcelJS.Worksheet): CellRange[] {
  return mergeRefs(ws)
    .map(parseRange)
    .filter((r): r is CellRange => r !== null);
}

/** `'KPI一覧'!$P$5:$T$60` → sheet and range. */
function parseDefinedRange(ref: string): { sheet: string; range: CellRange } | null {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return null;
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const range = parseRange(ref.slice(bang + 1).replace(/\$/g, ''));
  return range ? { sheet, range } : null;
}

/** The add-in's marks: workbook defined names starting with `KPISHEET_`. */
export function readMarks(workbook: ExcelJS.Workbook): OutputMark[] {
  const model = (workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  const marks: OutputMark[] = [];
  for (const entry of model ?? []) {
    if (!entry.name.toUpperCase().startsWith(MARK_PREFIX)) continue;
    for (const ref of entry.ranges) {
      const parsed = parseDefinedRange(ref);
      if (parsed) marks.push({ name: entry.name, ...parsed });
    }
  }
  return marks;
}

/** Reads the used part of a worksheet, from A1 to the last row and column holding a value or a merge. */
export function readGrid(worksheet: ExcelJS.Worksheet): Grid {
  const merges = worksheetMerges(worksheet);
  let bottom = 0;
  let right = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (officeValue(cell.value) === '') return;
      bottom = Math.max(bottom, rowNumber);
      right = Math.max(right, colNumber);
    });
  });
  for (const m of merges) {
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  // Keyed by number, not `r,c` text: one string per covered cell was a measurable share of the read.
  const key = (r: number, c: number): number => r * COLUMN_LIMIT + c;
  const covered = new Set<number>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r += 1)
      for (let c = m.left; c <= m.right; c += 1) if (r !== m.top || c !== m.left) covered.add(key(r, c));
  }
  const rows = emptyGridRows();
  const { values, texts, formats } = rows;
  for (let r = 1; r <= bottom; r += 1) {
    const valueRow: CellValue[] = [];
    const textRow: string[] = [];
    const formatRow: string[] = [];
    const row = worksheet.getRow(r);
    for (let c = 1; c <= right; c += 1) {
      const cell = row.getCell(c);
      const format = cell.numFmt && cell.numFmt !== '' ? cell.numFmt : 'General';
      if (covered.has(key(r, c))) {
        valueRow.push('');
        textRow.push('');
      } else {
        const value = officeValue(cell.value);
        valueRow.push(value);
        textRow.push(displayText(value, format, cell));
      }
      formatRow.push(format);
    }
    values.push(valueRow);
    texts.push(textRow);
    formats.push(formatRow);
  }
  const book = worksheet.workbook;
  const sheets = book.worksheets.map((ws) => ({ name: ws.name, hidden: ws.state !== 'visible' }));
  return sheetGrid(
    worksheet.name,
    rows,
    merges,
    { marks: readMarks(book), sheets },
    columnWidths(worksheet, right),
  );
}

/** Excel's default column width (8.43 characters) where a column sets none. */
const DEFAULT_COLUMN_WIDTH = 8.43;

/** Widths of columns 1..right, for the print setup's page sizes. */
function columnWidths(worksheet: ExcelJS.Worksheet, right: number): number[] {
  const widths: number[] = [];
  for (let c = 1; c <= right; c += 1) widths.push(worksheet.getColumn(c).width ?? DEFAULT_COLUMN_WIDTH);
  return widths;
}
