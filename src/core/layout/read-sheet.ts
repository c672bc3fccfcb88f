/**
 * Grid → KpiSheet: blocks per 基本目標 with their 数値目標 headlines and KPI rows (ARCHITECTURE.md).
 * Header rows are found by what they say, hierarchy is carried down through merged and blank cells,
 * shifted rows are realigned, and every guess is a diagnostic with its cell address.
 */
import type { Block, ColumnMapping, Diagnostic, Grid, KpiSheet, LayoutResult } from '../types';
import { findHeaders, type HeaderRows } from './headers';
import { headerFromMapping } from './mapping';
import { baselineNotes } from './baseline-notes';
import { dateHeaderYears } from './header-years';
import { cacheByText } from './text-cache';
import { readHeadlineTable, readHeadlineText } from './headline-rows';
import { readKpiTable, unitInName } from './kpi-rows';
import { labelReader } from './labels';
import { newBlock, type BlockDraft, type Context } from './read-context';
import { sheetCells, type SheetCells } from './sheet-cells';

export interface ReadOptions {
  /** The user's mappings (saved settings, the pane, `--columns`); those for this sheet (or for '') win. */
  readonly mappings?: readonly ColumnMapping[];
}

/** The mark on the add-in's summary sheet (plan/marks.ts). */
const SUMMARY_MARK = 'KPISHEET_SUMMARY';

/**
 * The last sentence of the no-table message: how to say what each column is. Exported so a command that takes
 * no --columns (rollup) can put its own way in its place.
 */
export const NO_TABLE_MAPPING_HINT =
  '見出しの書き方が違う表は、作業ウィンドウの「列の割り当て」(コマンドラインでは --columns) で、どの列が何かを指定すると読み取れます。';

const NO_TABLE_MESSAGE =
  'このシートに KPI 表が見つかりません。KPI 評価は、見出し行に「KPI」「重要業績評価指標」「指標名」「成果指標」の' +
  'いずれかの列と、年度の列 (「H30 (現状値)」「R2」「R6 (目標値)」や「現状値 (H30年度)」「目標値 (R6年度)」) が' +
  'ある表を読み取ります。KPI 表のあるシートを選ぶか、見出し行にこれらの語を書いてください。' +
  NO_TABLE_MAPPING_HINT;

const EMPTY_MESSAGE =
  'このシートは空です。KPI 表 (「KPI」の列と「H30 (現状値)」「R6 (目標値)」などの年度の列がある表) のあるシートを選んでください。';

function firstFilled(cells: SheetCells, row: number): { col: number; text: string } | null {
  for (let col = cells.firstCol; col <= cells.lastCol; col += 1) {
    const text = cells.text(row, col);
    if (text !== '') return { col, text };
  }
  return null;
}

function diagnosticOrder(a: Diagnostic, b: Diagnostic): number {
  const pa = /^([A-Z]+)(\d+)$/.exec(a.cell);
  const pb = /^([A-Z]+)(\d+)$/.exec(b.cell);
  if (!pa || !pb) return 0;
  const rowDiff = Number(pa[2]) - Number(pb[2]);
  if (rowDiff !== 0) return rowDiff;
  return pa[1].length - pb[1].length || pa[1].localeCompare(pb[1]);
}

/** Header rows a user's mapping gives, in place of what the reader found at the same rows. */
function withMappings(
  cells: SheetCells,
  found: HeaderRows[],
  mappings: readonly ColumnMapping[],
): HeaderRows[] {
  const own = mappings.filter((m) => m.sheet === '' || m.sheet === cells.grid.sheet);
  if (own.length === 0) return found;
  const mapped = own.map((m) => headerFromMapping(cells, m));
  const overlaps = (a: HeaderRows, b: HeaderRows): boolean => a.top <= b.row && b.top <= a.row;
  return [...found.filter((h) => !mapped.some((m) => overlaps(h, m))), ...mapped].sort(
    (a, b) => a.top - b.top,
  );
}

/** The row the pane offers as the header of a sheet the reader could not place: the first row of several labels. */
function headerGuess(cells: SheetCells): number | undefined {
  for (let row = cells.firstRow; row <= Math.min(cells.lastRow, cells.firstRow + 40); row += 1) {
    let labels = 0;
    for (let col = cells.firstCol; col <= cells.lastCol; col += 1) {
      const text = cells.text(row, col);
      if (text !== '' && cells.reading(row, col).kind === 'text') labels += 1;
    }
    if (labels >= 3) return row;
  }
  return undefined;
}

export function readKpiSheet(grid: Grid, options: ReadOptions = {}): LayoutResult {
  const cells = sheetCells(grid);
  let anything = false;
  for (let row = cells.firstRow; row <= cells.lastRow && !anything; row += 1)
    anything = !cells.isEmptyRow(row);
  if (!anything) return { ok: false, failure: { reason: 'empty', message: EMPTY_MESSAGE } };

  // The add-in's summary sheet (its follow-up list has KPI and 目標値 columns) is never a KPI table.
  const summary = grid.marks.some((m) => m.sheet === grid.sheet && m.name === SUMMARY_MARK);
  // Years a header leaves out, from the sheet around it; said only for headers a user's mapping does not replace.
  const inferred = new Map<HeaderRows, readonly Diagnostic[]>();
  const notes = baselineNotes(cells);
  const found = (summary ? [] : findHeaders(cells)).map((h) => {
    if (h.kind !== 'kpi') return h;
    const dated = dateHeaderYears(cells, h, notes);
    inferred.set(dated.header, dated.diagnostics);
    return dated.header;
  });
  const headers = withMappings(cells, found, options.mappings ?? []);
  if (!headers.some((h) => h.kind === 'kpi')) {
    const guess = headerGuess(cells);
    return {
      ok: false,
      failure: {
        reason: 'noKpiTable',
        message: NO_TABLE_MESSAGE,
        ...(guess === undefined ? {} : { headerGuess: guess }),
      },
    };
  }

  const labels = labelReader();
  const goalRows = new Map<number, { number: number; title: string }>();
  for (let row = cells.firstRow; row <= cells.lastRow; row += 1) {
    const first = firstFilled(cells, row);
    const marker = first ? labels.goalMarker(first.text) : null;
    if (!first || !marker) continue;
    const title = marker.title !== '' ? marker.title : nextText(cells, row, first.col);
    goalRows.set(row, { number: marker.number, title });
  }
  const headerTops = new Set<number>(headers.map((h) => h.top));
  const blocks: BlockDraft[] = [];
  const ctx: Context = {
    cells,
    diagnostics: headers.flatMap((h) => inferred.get(h) ?? []),
    headerTops,
    goalRows,
    labels,
    blocks,
    mappings: [],
    unitInName: cacheByText(unitInName),
  };

  let block: BlockDraft | null = null;
  const headerAt = new Map(headers.map((h) => [h.top, h]));
  const firstStart = Math.min(...headerTops, ...goalRows.keys());
  let title: string | null = null;
  for (let row = cells.firstRow; row < firstStart; row += 1) {
    const first = firstFilled(cells, row);
    if (first) {
      title = first.text;
      break;
    }
  }

  for (let row = cells.firstRow; row <= cells.lastRow; row += 1) {
    const goal = goalRows.get(row);
    if (goal) {
      block = newBlock(row, `${goal.number} ${goal.title}`.trim(), goal.number);
      blocks.push(block);
      continue;
    }
    const header = headerAt.get(row);
    if (header) {
      if (header.kind === 'headline') {
        // A 数値目標 table opens a block unless a 基本目標 line just did.
        if (!block || block.headlines.length > 0 || block.kpis.length > 0 || block.headlineTable) {
          block = newBlock(header.top, '', null);
          blocks.push(block);
        }
        readHeadlineTable(ctx, header, block);
        row = block.headlineTable?.lastRow ?? row;
      } else {
        if (!block || block.kpiTable) {
          block = newBlock(header.top, '', null);
          blocks.push(block);
        }
        const read = readKpiTable(ctx, header, block);
        block = read.block;
        row = read.lastRow;
      }
      continue;
    }
    if (block && !block.kpiTable) {
      const first = firstFilled(cells, row);
      if (first && /^数値目標/u.test(first.text)) {
        const text = first.text === '数値目標' ? nextText(cells, row, first.col) : first.text;
        const col = first.text === '数値目標' ? nextCol(cells, row, first.col) : first.col;
        if (text && col !== null) readHeadlineText(ctx, row, col, text, block);
      }
    }
  }

  const sheet: KpiSheet = {
    sheet: grid.sheet,
    title,
    blocks: blocks.map((b): Block => ({ ...b })),
    diagnostics: [...ctx.diagnostics].sort(diagnosticOrder),
    mappings: ctx.mappings,
  };
  return { ok: true, sheet };
}

function nextCol(cells: SheetCells, row: number, after: number): number | null {
  for (let col = after + 1; col <= cells.lastCol; col += 1) if (cells.text(row, col) !== '') return col;
  return null;
}

function nextText(cells: SheetCells, row: number, after: number): string {
  const col = nextCol(cells, row, after);
  return col === null ? '' : cells.text(row, col);
}
