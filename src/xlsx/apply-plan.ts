/**
 * The WritePlan carried out on ExcelJS's model, one op at a time, with no rule of its own: the oracle the
 * tests compare the package editor (src/xlsx/package/apply-book.ts, what the command line writes with) and
 * the Excel host against. It is not used to save a user's file: ExcelJS's model drops what it does not model. Styles are replaced whole (a plan never layers two styles on one cell), so a re-run
 * that clears and rewrites its cells ends exactly where one run does.
 */
import type ExcelJS from 'exceljs';
import {
  absoluteAddress,
  absoluteCellAddress,
  columnLetters,
  columnNumber,
  quoteSheet,
  rangeAddress,
  rangeInside,
  sameRange,
} from '../core/a1';
import type { CellRange, CellStyle, ConditionalRule, PageLayout, WriteOp, WritePlan } from '../core/types';
import { rowHeightFor, wrappedLines } from '../core/plan/text-size';
import type { ApplyResult } from '../core/host';
import { applyEachOp } from './apply-ops';

type Workbook = ExcelJS.Workbook;

/** Worksheet internals ExcelJS has but does not declare. */
interface RowBreak {
  id: number;
  max: number;
  man: number;
}
type Worksheet = ExcelJS.Worksheet & {
  rowBreaks: RowBreak[];
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  dataValidations: { model: Record<string, Validation | undefined> } & {
    add(address: string, validation: Validation): void;
  };
};

/**
 * A validation as ExcelJS's model holds it. ExcelJS writes `type: 'any'` as a `dataValidation` without a
 * `type` (data-validations-xform.js), Excel's any value, though its typings leave `any` out.
 */
type Validation = Omit<ExcelJS.DataValidation, 'type'> & { type: ExcelJS.DataValidation['type'] | 'any' };

/** ARGB for ExcelJS: `#C6EFCE` → `FFC6EFCE`. */
function argb(color: string): string {
  return `FF${color.replace('#', '').toUpperCase()}`;
}

function excelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  if (Object.keys(font).length > 0) out.font = font;
  if (style.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.horizontal) alignment.horizontal = style.horizontal;
  if (style.vertical) alignment.vertical = style.vertical;
  if (style.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length > 0) out.alignment = alignment;
  if (style.border) {
    const edge: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: argb(style.border) } };
    out.border = { top: edge, left: edge, bottom: edge, right: edge };
  }
  if (style.numberFormat) out.numFmt = style.numberFormat;
  return out;
}

/**
 * The cell at a row and column, the one ws.getCell(row, col) gives, without ExcelJS building and parsing an
 * `A1` address for it (a tenth of applying a plan at 10,000 rows).
 */
function cellAt(ws: Worksheet, row: number, col: number): ExcelJS.Cell {
  return ws.getRow(row).getCell(col);
}

function forEachCell(ws: Worksheet, range: CellRange, fn: (cell: ExcelJS.Cell) => void): void {
  for (let row = range.top; row <= range.bottom; row++) {
    const cells = ws.getRow(row);
    for (let col = range.left; col <= range.right; col++) fn(cells.getCell(col));
  }
}

/** `A1:B5` or `C3` (ExcelJS refs, possibly several separated by spaces) → ranges. */
function parseRefs(ref: string): CellRange[] {
  return ref
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      const [a, b = a] = part.replace(/\$/g, '').split(':');
      const decode = (addr: string) => {
        const m = /^([A-Z]+)(\d+)$/.exec(addr);
        if (!m) return { row: 0, col: 0 };
        return { row: Number(m[2]), col: columnNumber(m[1]) };
      };
      const p = decode(a);
      const q = decode(b);
      return { top: p.row, left: p.col, bottom: q.row, right: q.col };
    });
}

/** Rules without a priority: ExcelJS numbers them in the order they were added, after the city's own. */
function conditionalRule(rule: ConditionalRule): ExcelJS.ConditionalFormattingRule {
  return excelRule(rule) as unknown as ExcelJS.ConditionalFormattingRule;
}

function excelRule(rule: ConditionalRule): Record<string, unknown> {
  switch (rule.type) {
    case 'textEquals':
      return {
        type: 'cellIs',
        operator: 'equal',
        formulae: [`"${rule.text.replace(/"/g, '""')}"`],
        style: fillStyle(rule.style),
      };
    case 'formula':
      return { type: 'expression', formulae: [rule.formula.replace(/^=/, '')], style: fillStyle(rule.style) };
    case 'dataBar':
      return {
        type: 'dataBar',
        gradient: false,
        cfvo: [
          { type: 'num', value: 0 },
          { type: 'num', value: rule.max },
        ],
        color: { argb: argb(rule.color) },
      };
  }
}

function fillStyle(style: { fill: string; fontColor?: string }): Partial<ExcelJS.Style> {
  // Conditional fills use bgColor: Excel reads a dxf's solid fill from it.
  const out: Partial<ExcelJS.Style> = {
    fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(style.fill) } },
  };
  if (style.fontColor) out.font = { color: { argb: argb(style.fontColor) } };
  return out;
}

const PAPER_SIZE: Readonly<Record<PageLayout['paperSize'], number>> = { A4: 9, A3: 8 };

/** `A$1:L$50`: ExcelJS adds the column `$` itself and leaves rows relative without these. */
function printAreaRef(range: CellRange): string {
  return `${columnLetters(range.left)}$${range.top}:${columnLetters(range.right)}$${range.bottom}`;
}

function setPageLayout(ws: Worksheet, layout: PageLayout): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: layout.orientation,
    paperSize: PAPER_SIZE[layout.paperSize],
    fitToPage: layout.fitToWidth,
    fitToWidth: layout.pagesWide ?? 1,
    fitToHeight: 0,
    printArea: printAreaRef(layout.printArea),
    printTitlesRow: layout.titleRows ? `${layout.titleRows.first}:${layout.titleRows.last}` : undefined,
    horizontalCentered: layout.centerHorizontally,
    ...printPartsOf(layout),
  } as ExcelJS.PageSetup;
  ws.headerFooter = { ...ws.headerFooter, oddHeader: layout.header, oddFooter: layout.footer };
  // Excel's break id is the row after which the page ends.
  ws.rowBreaks = layout.rowBreaks.map((row) => ({ id: row - 1, max: 16383, man: 1 }));
}

/**
 * The print fields beyond paper and fit, as ExcelJS's pageSetup takes them: `<pageSetup pageOrder scale>`,
 * `<pageMargins>`, and the title columns in `_xlnm.Print_Titles` (`$A:$C`). ExcelJS cannot write
 * `<colBreaks>`; LibreOffice and Excel split a two-page-wide sheet at the same column without it here,
 * and the package editor writes `layout.columnBreaks` itself.
 */
function printPartsOf(layout: PageLayout): Partial<ExcelJS.PageSetup> {
  const parts: Partial<ExcelJS.PageSetup> = {
    printTitlesColumn: layout.titleColumns
      ? `${columnLetters(layout.titleColumns.first)}:${columnLetters(layout.titleColumns.last)}`
      : undefined,
  };
  if (layout.pageOrder) parts.pageOrder = layout.pageOrder;
  if (layout.margins) parts.margins = { ...layout.margins };
  if (layout.scale !== undefined && !layout.fitToWidth) parts.scale = layout.scale;
  return parts;
}

/** Excel's default row height (Calibri 11) and font size, for rows and cells that set none. */
const DEFAULT_ROW_HEIGHT = 15;
const DEFAULT_FONT_SIZE = 11;

/**
 * Grows each row of the range to fit its text (wrapped cells at the sheet's column widths, by the core's
 * text measure; one line at its font's line height); never shrinks a row (the city may have made it tall on purpose). Cells merged down several
 * rows are left out: their text has all their rows.
 */
function fitRowHeights(ws: Worksheet, range: CellRange): void {
  const merges = Object.values(
    (ws as unknown as { _merges: Record<string, { model: CellRange }> })._merges ?? {},
  );
  const tall = new Map<string, CellRange>();
  const wide = new Map<string, number>();
  for (const { model: merge } of merges) {
    if (merge.bottom > merge.top) tall.set(`${merge.top},${merge.left}`, merge);
    else wide.set(`${merge.top},${merge.left}`, merge.right);
  }
  const widthOf = (col: number): number => ws.getColumn(col).width ?? 8.43;
  const widthFrom = (left: number, right: number): number => {
    let width = 0;
    for (let k = left; k <= right; k++) width += widthOf(k);
    return width;
  };
  const needs = (cell: ExcelJS.Cell, width: number): number => {
    const size = cell.font?.size ?? DEFAULT_FONT_SIZE;
    // Text that does not wrap is one line, and needs that line's height too (rowHeightFor).
    return rowHeightFor(cell.alignment?.wrapText ? wrappedLines(cell.text, width, size) : 1, size);
  };
  const heightOf = (r: number): number => ws.getRow(r).height ?? DEFAULT_ROW_HEIGHT;
  for (let r = range.top; r <= range.bottom; r++) {
    const row = ws.getRow(r);
    let needed = 0;
    for (let c = range.left; c <= range.right; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master !== cell) continue;
      if (cell.text === '' || tall.has(`${r},${c}`)) continue;
      needed = Math.max(needed, needs(cell, widthFrom(c, wide.get(`${r},${c}`) ?? c)));
    }
    if (needed > heightOf(r)) row.height = needed;
  }
  // A cell merged down several rows has all their height; its last row takes what is missing.
  for (const merge of tall.values()) {
    if (
      merge.top < range.top ||
      merge.top > range.bottom ||
      merge.left < range.left ||
      merge.left > range.right
    )
      continue;
    const cell = ws.getRow(merge.top).getCell(merge.left);
    if (!cell.alignment?.wrapText || cell.text === '') continue;
    const needed = needs(cell, widthFrom(merge.left, merge.right));
    let has = 0;
    for (let r = merge.top; r <= merge.bottom; r++) has += heightOf(r);
    if (needed <= has) continue;
    // The merge's other rows get their height written too: an unsized row prints at each application's
    // own default (LibreOffice's is lower than Excel's 15 points), and the sum must hold the text.
    for (let r = merge.top; r < merge.bottom; r++) ws.getRow(r).height = heightOf(r);
    ws.getRow(merge.bottom).height = heightOf(merge.bottom) + (needed - has);
  }
}

function definedNameRef(sheet: string, range: CellRange): string {
  const address =
    range.top === range.bottom && range.left === range.right
      ? absoluteCellAddress(range.top, range.left)
      : absoluteAddress(range);
  return `${quoteSheet(sheet)}!${address}`;
}

interface DefinedNameModel {
  name: string;
  ranges: string[];
}

function definedNames(wb: Workbook): { model: DefinedNameModel[] } {
  return wb.definedNames as unknown as { model: DefinedNameModel[] };
}

class PlanApplier {
  /**
   * The workbook's defined names, read on the first mark op and written back once by flushNames. ExcelJS
   * keeps every cell of a name's range and rebuilds them all on each read and write of the model, so a
   * read and write per mark op was quadratic in the marks (0.2 s of 0.26 s at 10,000 rows, bench/RESULTS.md).
   */
  private names: DefinedNameModel[] | null = null;

  constructor(private readonly wb: Workbook) {}

  private namesModel(): DefinedNameModel[] {
    this.names ??= definedNames(this.wb).model;
    return this.names;
  }

  flushNames(): void {
    if (this.names) definedNames(this.wb).model = this.names;
    this.names = null;
  }

  sheet(name: string): Worksheet {
    const ws = this.wb.getWorksheet(name) as Worksheet | undefined;
    if (!ws) throw new Error(`シート「${name}」が見つかりません`);
    return ws;
  }

  apply(op: WriteOp): void {
    switch (op.op) {
      case 'clearRange': {
        const ws = this.sheet(op.sheet);
        forEachCell(ws, op.range, (cell) => {
          cell.value = null;
          cell.style = {};
        });
        return;
      }
      case 'removeConditionalFormats': {
        const ws = this.sheet(op.sheet);
        const goes =
          op.match === 'sameRange'
            ? (ref: string) => {
                const ranges = parseRefs(ref);
                return ranges.length === 1 && sameRange(ranges[0], op.range);
              }
            : (ref: string) => parseRefs(ref).every((r) => rangeInside(r, op.range));
        ws.conditionalFormattings = ws.conditionalFormattings.filter((cf) => !goes(cf.ref));
        return;
      }
      case 'removeDataValidation': {
        const ws = this.sheet(op.sheet);
        const model = ws.dataValidations.model;
        for (const address of Object.keys(model)) {
          if (parseRefs(address).every((r) => rangeInside(r, op.range))) delete model[address];
        }
        return;
      }
      case 'deleteSheet': {
        const ws = this.wb.getWorksheet(op.sheet);
        if (ws) this.wb.removeWorksheet(ws.id);
        return;
      }
      case 'removeMark':
        this.names = this.namesModel().filter((n) => n.name !== op.name);
        return;
      case 'addSheet':
        this.wb.addWorksheet(op.sheet, { state: op.visibility });
        return;
      case 'setValues': {
        const ws = this.sheet(op.sheet);
        op.values.forEach((row, i) =>
          row.forEach((value, j) => {
            cellAt(ws, op.row + i, op.col + j).value = value;
          }),
        );
        return;
      }
      case 'setStyle': {
        const ws = this.sheet(op.sheet);
        // One style object for the op's cells, as ExcelJS shares them itself: a copy per cell cost 0.7 s and
        // 75 MB at 10,000 rows (bench/RESULTS.md). Nothing here mutates a cell's style in place.
        const style = excelStyle(op.style) as ExcelJS.Style;
        // A height alone leaves the cells' look, as `range.format.rowHeight` does in Excel.
        if (Object.keys(op.style).some((key) => key !== 'rowHeight')) {
          forEachCell(ws, op.range, (cell) => {
            cell.style = style;
          });
        }
        if (op.style.rowHeight !== undefined) {
          for (let row = op.range.top; row <= op.range.bottom; row++)
            ws.getRow(row).height = op.style.rowHeight;
        }
        return;
      }
      case 'mergeCells':
        this.sheet(op.sheet).mergeCells(op.range.top, op.range.left, op.range.bottom, op.range.right);
        return;
      case 'setColumnWidths': {
        const ws = this.sheet(op.sheet);
        op.widths.forEach((width, i) => {
          ws.getColumn(op.firstCol + i).width = width;
        });
        return;
      }
      case 'addConditionalFormat':
        this.sheet(op.sheet).addConditionalFormatting({
          ref: rangeAddress(op.range),
          rules: [conditionalRule(op.rule)],
        });
        return;
      case 'setDataValidation': {
        const { rule, prompt } = op;
        const input = prompt
          ? { showInputMessage: true, promptTitle: prompt.title, prompt: prompt.message }
          : {};
        // One range entry: ExcelJS's per-cell merging can write overlapping ranges (Q10:Q18 and Q9:Q18).
        this.sheet(op.sheet).dataValidations.add(
          rangeAddress(op.range),
          rule.type === 'list'
            ? {
                type: 'list',
                allowBlank: true,
                formulae: [`"${rule.list.join(',')}"`],
                showErrorMessage: true,
                ...input,
              }
            : { type: 'any', formulae: [], ...input },
        );
        return;
      }
      case 'setPageLayout':
        setPageLayout(this.sheet(op.sheet), op.layout);
        return;
      case 'fitRowHeights':
        fitRowHeights(this.sheet(op.sheet), op.range);
        return;
      case 'addChart':
        // ExcelJS's model holds no charts, so this oracle cannot write one; the package editor does
        // (src/xlsx/package/sheet-charts.ts). Plans for this host ask for none (PlanContext.charts absent);
        // one that does is told so, never dropped.
        throw new Error('ExcelJS ではグラフを書けません (kpi-sheet コマンドと Excel アドインでは書けます)');
      case 'addMark': {
        const ref = definedNameRef(op.mark.sheet, op.mark.range);
        this.names = [
          ...this.namesModel().filter((n) => n.name !== op.mark.name),
          { name: op.mark.name, ranges: [ref] },
        ];
        return;
      }
    }
  }
}

/** Applies every op in order; an op that fails is skipped with its reason and the rest go on. */
export function applyPlan(workbook: Workbook, plan: WritePlan): ApplyResult {
  return applyEachOp(new PlanApplier(workbook), plan);
}

/**
 * ExcelJS reads a print area back as `A1:L50` and writes that with relative rows; give every sheet's
 * print area absolute rows again before saving so the city's own print areas survive the round trip.
 */
export function fixPrintAreas(workbook: Workbook): void {
  workbook.eachSheet((ws) => {
    const area = ws.pageSetup?.printArea;
    if (!area) return;
    ws.pageSetup.printArea = area
      .split('&&')
      .map((part) => part.replace(/\$?([A-Z]+)\$?(\d+)/g, '$1$$$2'))
      .join('&&');
  });
}
