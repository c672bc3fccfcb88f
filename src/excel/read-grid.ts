/**
 * Reads one worksheet into a Grid through Office.js.
 *
 * Sync 1 loads, together: the sheet's name, every sheet name, the workbook's names, the used range's
 * position and size, its merged areas (ExcelApi 1.13), and the values, text and number formats of a
 * first block of at most FIRST_BLOCK rows × columns from the used range's top-left. A KPI table fits in
 * that block, so it is read in one round trip. A larger sheet is then read in row blocks of the full
 * used width, one sync each, sized from the first block's measured bytes per cell so that each
 * response stays under the payload budget (Excel on the web refuses responses above 5 MB). A block that
 * is refused anyway is read again in halves.
 */
import type { CellRange, CellValue, Grid, OutputMark } from '../core/types';
import { parseAreas, parseReference } from './a1';
import { officeErrorCode } from './errors';
import type { Features } from './features';
import { DEFAULT_PAYLOAD_BUDGET, jsonBytes } from './payload';

/** Names the add-in leaves to find its output again. */
export const MARK_PREFIX = 'KPISHEET_';

/**
 * 600 × 40 = 24,000 cells: a 500-KPI sheet in one sync, and under 5 MB up to ~200 bytes a cell (long
 * Japanese text in every cell). A first block refused anyway is read again as a small one.
 */
export const FIRST_BLOCK = { rows: 600, columns: 40 } as const;
const SMALL_BLOCK = { rows: 20, columns: 40 } as const;

export interface ReadOptions {
  readonly features: Features;
  /** Bytes one response may carry (default: half of Excel on the web's 5 MB). */
  readonly payloadBudget?: number;
  /** Size of the block read with the first sync. */
  readonly firstBlock?: { readonly rows: number; readonly columns: number };
}

export interface ReadResult {
  readonly grid: Grid;
  readonly syncs: number;
}

interface Cells {
  values: CellValue[][];
  texts: string[][];
  formats: string[][];
}

function toCells(range: Excel.Range, rows: number, cols: number): Cells {
  const cut = <T>(data: unknown[][], map: (v: unknown) => T): T[][] =>
    data.slice(0, rows).map((row) => row.slice(0, cols).map(map));
  return {
    values: cut(range.values as unknown[][], (v) =>
      typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string'
        ? v
        : v == null
          ? ''
          : String(v),
    ),
    texts: cut(range.text as unknown[][], (v) => (v == null ? '' : String(v))),
    formats: cut(range.numberFormat as unknown[][], (v) =>
      typeof v === 'string' && v !== '' ? v : 'General',
    ),
  };
}

function marksFrom(items: readonly Excel.NamedItem[]): OutputMark[] {
  const marks: OutputMark[] = [];
  for (const item of items) {
    if (!item.name.startsWith(MARK_PREFIX) || item.type !== 'Range') continue;
    const ref = parseReference(String(item.formula));
    if (ref) marks.push({ name: item.name, sheet: ref.sheet, range: ref.range });
  }
  return marks;
}

async function loadBlock(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  top: number,
  left: number,
  rows: number,
  cols: number,
): Promise<{ cells: Cells; syncs: number }> {
  const range = ws.getRangeByIndexes(top - 1, left - 1, rows, cols).load('values,text,numberFormat');
  try {
    await context.sync();
    return { cells: toCells(range, rows, cols), syncs: 1 };
  } catch (error) {
    const code = officeErrorCode(error);
    const tooLarge = code === 'ResponsePayloadSizeLimitExceeded';
    if (!tooLarge || rows === 1) throw error;
    const half = Math.ceil(rows / 2);
    const first = await loadBlock(context, ws, top, left, half, cols);
    const second = await loadBlock(context, ws, top + half, left, rows - half, cols);
    return {
      cells: {
        values: [...first.cells.values, ...second.cells.values],
        texts: [...first.cells.texts, ...second.cells.texts],
        formats: [...first.cells.formats, ...second.cells.formats],
      },
      syncs: 1 + first.syncs + second.syncs,
    };
  }
}

/** A merged area cut to the grid: the part the grid holds stays merged. */
function clip(area: CellRange, grid: CellRange): CellRange {
  return {
    top: Math.max(area.top, grid.top),
    left: Math.max(area.left, grid.left),
    bottom: Math.min(area.bottom, grid.bottom),
    right: Math.min(area.right, grid.right),
  };
}

/** Reads the named sheet, or the active one. Throws Office.js errors unchanged (see errors.ts). */
export async function readGrid(
  context: Excel.RequestContext,
  sheetName: string | undefined,
  options: ReadOptions,
): Promise<ReadResult> {
  const budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  const firstBlock = options.firstBlock ?? FIRST_BLOCK;
  const worksheets = context.workbook.worksheets;
  const ws = sheetName !== undefined ? worksheets.getItem(sheetName) : worksheets.getActiveWorksheet();
  ws.load('name');
  worksheets.load('items/name,items/visibility');
  const names = context.workbook.names.load('items/name,items/type,items/formula');
  // valuesOnly: formatting far below the table does not widen the read.
  const used = ws.getUsedRange(true).load('rowIndex,columnIndex,rowCount,columnCount');
  const first = used
    .getCell(0, 0)
    .getResizedRange(firstBlock.rows - 1, firstBlock.columns - 1)
    .load('values,text,numberFormat');
  // Merged areas: those whose top-left cell is in the used range, whole even where they run past it
  // (an Office.js behaviour: https://github.com/OfficeDev/office-js/issues/3611); their `address` can give each area's top-left cell only
  // (https://github.com/OfficeDev/office-js/issues/1590), so the areas are read one by one, as that thread advises.
  const merged = options.features.mergedAreas ? used.getMergedAreasOrNullObject().load('address') : null;
  const mergedAreas = merged ? merged.areas.load('items/address') : null;
  try {
    await context.sync();
  } catch (error) {
    const code = officeErrorCode(error);
    const tooLarge = code === 'ResponsePayloadSizeLimitExceeded';
    if (tooLarge && firstBlock.rows > SMALL_BLOCK.rows) {
      const retry = await readGrid(context, sheetName, { ...options, firstBlock: SMALL_BLOCK });
      return { grid: retry.grid, syncs: retry.syncs + 1 };
    }
    // getMergedAreasOrNullObject fails above 512 areas: read again without merges rather than not at all.
    const retryable = code !== 'InvalidOperationInCellEditMode' && code !== 'ItemNotFound' && code !== null;
    if (merged && retryable) {
      const retry = await readGrid(context, sheetName, {
        ...options,
        features: { ...options.features, mergedAreas: false },
      });
      return { grid: retry.grid, syncs: retry.syncs + 1 };
    }
    throw error;
  }
  let syncs = 1;

  const top = used.rowIndex + 1;
  const left = used.columnIndex + 1;
  const rows = used.rowCount;
  const cols = used.columnCount;
  let cells: Cells;
  const firstRows = Math.min(rows, firstBlock.rows);
  const firstCols = Math.min(cols, firstBlock.columns);
  const head = toCells(first, firstRows, firstCols);
  if (rows <= firstBlock.rows && cols <= firstBlock.columns) {
    cells = head;
  } else {
    const measured = jsonBytes(head.values) + jsonBytes(head.texts) + jsonBytes(head.formats);
    // At least 24 bytes a cell: "", "" and "General" with their separators.
    const perCell = Math.max(24, measured / Math.max(1, firstRows * firstCols));
    const blockRows = Math.max(1, Math.floor(budget / (perCell * cols)));
    // When the first block already has the full width, keep its rows.
    const start = cols <= firstBlock.columns ? firstRows : 0;
    cells = start > 0 ? head : { values: [], texts: [], formats: [] };
    for (let offset = start; offset < rows; offset += blockRows) {
      const count = Math.min(blockRows, rows - offset);
      const block = await loadBlock(context, ws, top + offset, left, count, cols);
      syncs += block.syncs;
      cells.values.push(...block.cells.values);
      cells.texts.push(...block.cells.texts);
      cells.formats.push(...block.cells.formats);
    }
  }

  const gridRange = { top, left, bottom: top + rows - 1, right: left + cols - 1 };
  const merges: CellRange[] =
    merged && mergedAreas && !merged.isNullObject
      ? mergedAreas.items.flatMap((area) => parseAreas(area.address).map((ref) => clip(ref.range, gridRange)))
      : [];
  const grid: Grid = {
    sheet: ws.name,
    top,
    left,
    values: cells.values,
    texts: cells.texts,
    formats: cells.formats,
    merges,
    marks: marksFrom(names.items),
    sheetNames: worksheets.items.map((item) => item.name),
    // Excel.SheetVisibility: "Visible" | "Hidden" | "VeryHidden"
    // (https://learn.microsoft.com/javascript/api/excel/excel.sheetvisibility).
    hiddenSheets: worksheets.items.filter((item) => item.visibility !== 'Visible').map((item) => item.name),
  };
  return { grid, syncs };
}
