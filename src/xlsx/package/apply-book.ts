/**
 * The package editor's writer: carries out a WritePlan on an XlsxBook, one op at a time, with no rule of
 * its own. Styles are replaced whole (a plan never layers two styles on one cell), and every style, rule and
 * name the add-in writes is derived from the plan alone (no random ids, no timestamps), so a re-run that
 * clears and rewrites its output gives the bytes one run gives.
 */
import {
  absoluteAddress,
  absoluteCellAddress,
  compactRangeAddress,
  quoteSheet,
  rangeInside,
  sameRange,
} from '../../core/a1';
import type {
  CellRange,
  CellStyle,
  ChartSupport,
  ConditionalRule,
  WriteOp,
  WritePlan,
} from '../../core/types';
import type { ApplyResult } from '../../core/host';
import { applyEachOp } from '../apply-ops';
import type { XlsxBook } from './book';
import { rowHeightFor, wrappedLines } from '../../core/plan/text-size';
import { dataBarRule, stableGuid, x14DataBar } from './data-bar';
import { applyPageLayout } from './page-layout';
import { cellShownText, readBookCell } from './read-book';
import { addSheetChart } from './sheet-charts';
import type { StylesPart } from './styles-part';
import type { DefinedName } from './workbook-part';
import type { WorksheetPart } from './worksheet-part';
import { escapeAttribute, escapeXml } from './xml';

/**
 * What the package editor draws, for PlanContext.charts: native charts (chart and drawing parts,
 * sheet-charts.ts), as the Excel host does.
 */
export const PACKAGE_CHARTS: ChartSupport = 'native';

/** The 2007 rule of a fill rule (a data bar has its own writer, data-bar.ts). */
function ruleXml(
  rule: Exclude<ConditionalRule, { type: 'dataBar' }>,
  priority: number,
  styles: StylesPart,
): string {
  switch (rule.type) {
    case 'textEquals':
      return (
        `<cfRule type="cellIs" dxfId="${styles.dxfIndex(rule.style)}" priority="${priority}" operator="equal">` +
        `<formula>${escapeXml(`"${rule.text.replace(/"/g, '""')}"`)}</formula></cfRule>`
      );
    case 'formula':
      return (
        `<cfRule type="expression" dxfId="${styles.dxfIndex(rule.style)}" priority="${priority}">` +
        `<formula>${escapeXml(rule.formula.replace(/^=/, ''))}</formula></cfRule>`
      );
  }
}

/**
 * A `dataValidation` element (ECMA-376 Part 1, §18.3.1.32), attributes in the order Excel writes them. An
 * any-value rule omits `type` (its default, `none`: no check) and is there for its input message alone.
 */
function dataValidationXml(op: Extract<WriteOp, { op: 'setDataValidation' }>): string {
  const { rule, prompt } = op;
  const attributes: string[] = [];
  if (rule.type === 'list') attributes.push('type="list"', 'allowBlank="1"');
  if (prompt) attributes.push('showInputMessage="1"');
  if (rule.type === 'list') attributes.push('showErrorMessage="1"');
  if (prompt)
    attributes.push(
      `promptTitle="${escapeAttribute(prompt.title)}"`,
      `prompt="${escapeAttribute(prompt.message)}"`,
    );
  attributes.push(`sqref="${compactRangeAddress(op.range)}"`);
  const start = `<dataValidation ${attributes.join(' ')}`;
  if (rule.type !== 'list') return `${start}/>`;
  return `${start}><formula1>${escapeXml(`"${rule.list.join(',')}"`)}</formula1></dataValidation>`;
}

class BookApplier {
  /** The names as they will be written: read once, written back once by flushNames. */
  private names: DefinedName[];
  private namesChanged = false;
  /** Merge indexes by sheet name for fitRowHeights, dropped when the plan merges cells on that sheet. */
  private readonly mergeIndexes = new Map<string, MergeIndex>();

  constructor(private readonly book: XlsxBook) {
    this.names = [...book.workbook.names];
  }

  private sheet(name: string): WorksheetPart {
    const sheet = this.book.worksheet(name);
    if (!sheet) throw new Error(`シート「${name}」が見つかりません`);
    return sheet;
  }

  private forEachCell(range: CellRange, fn: (row: number, col: number) => void): void {
    for (let row = range.top; row <= range.bottom; row++)
      for (let col = range.left; col <= range.right; col++) fn(row, col);
  }

  private setName(name: DefinedName): void {
    this.names = [
      ...this.names.filter((n) => !(n.name === name.name && n.localSheetId === name.localSheetId)),
      name,
    ];
    this.namesChanged = true;
  }

  flushNames(): void {
    if (this.namesChanged) this.book.workbook.setNames(this.names);
  }

  apply(op: WriteOp): void {
    switch (op.op) {
      case 'clearRange': {
        const sheet = this.sheet(op.sheet);
        this.forEachCell(op.range, (row, col) => sheet.data.clearCell(row, col));
        return;
      }
      case 'removeConditionalFormats': {
        const sheet = this.sheet(op.sheet);
        sheet.removeConditionalFormats((ranges) =>
          op.match === 'sameRange'
            ? ranges.length === 1 && sameRange(ranges[0], op.range)
            : ranges.length > 0 && ranges.every((r) => rangeInside(r, op.range)),
        );
        return;
      }
      case 'removeDataValidation':
        this.sheet(op.sheet).removeDataValidations(
          (ranges) => ranges.length > 0 && ranges.every((r) => rangeInside(r, op.range)),
        );
        return;
      case 'deleteSheet':
        // The workbook part drops the sheet's local names and renumbers the later sheets' ones.
        this.book.workbook.setNames(this.names);
        this.book.deleteSheet(op.sheet);
        this.mergeIndexes.delete(op.sheet);
        this.names = [...this.book.workbook.names];
        this.namesChanged = true;
        return;
      case 'removeMark':
        this.names = this.names.filter((n) => !(n.name === op.name && n.localSheetId === undefined));
        this.namesChanged = true;
        return;
      case 'addSheet':
        if (this.book.workbook.sheetIndex(op.sheet) >= 0)
          throw new Error(`シート「${op.sheet}」は既にあります`);
        this.book.addSheet(op.sheet, op.visibility);
        return;
      case 'setValues': {
        const sheet = this.sheet(op.sheet);
        op.values.forEach((row, i) =>
          row.forEach((value, j) => sheet.data.setValue(op.row + i, op.col + j, value)),
        );
        return;
      }
      case 'setStyle': {
        const sheet = this.sheet(op.sheet);
        // A height alone leaves the cells' look, as `range.format.rowHeight` does in Excel.
        if (!heightOnly(op.style)) {
          const s = this.book.styles().cellStyleIndex(op.style);
          this.forEachCell(op.range, (row, col) => sheet.data.setStyle(row, col, s));
        }
        if (op.style.rowHeight !== undefined) {
          for (let row = op.range.top; row <= op.range.bottom; row++)
            sheet.data.setRowHeight(row, op.style.rowHeight);
        }
        return;
      }
      case 'mergeCells':
        this.sheet(op.sheet).addMerge(op.range, compactRangeAddress(op.range));
        this.mergeIndexes.delete(op.sheet);
        return;
      case 'setColumnWidths': {
        const sheet = this.sheet(op.sheet);
        op.widths.forEach((width, i) => sheet.setColumnWidth(op.firstCol + i, width));
        return;
      }
      case 'addConditionalFormat': {
        const sheet = this.sheet(op.sheet);
        const sqref = compactRangeAddress(op.range);
        const priority = sheet.nextPriority();
        const wrap = (rule: string) =>
          `<conditionalFormatting sqref="${sqref}">${rule}</conditionalFormatting>`;
        if (op.rule.type === 'dataBar') {
          // Solid, as the Excel host writes it (gradientFill false): the fill is in the x14 twin.
          const id = stableGuid(op.sheet, sqref, String(priority));
          sheet.addConditionalFormat(
            wrap(dataBarRule(op.rule, priority, id)),
            x14DataBar(op.rule, id, sqref),
          );
        } else sheet.addConditionalFormat(wrap(ruleXml(op.rule, priority, this.book.styles())));
        return;
      }
      case 'setDataValidation':
        this.sheet(op.sheet).addDataValidation(dataValidationXml(op));
        return;
      case 'setPageLayout': {
        const index = this.book.workbook.sheetIndex(op.sheet);
        const names = applyPageLayout(this.sheet(op.sheet), op.sheet, op.layout);
        this.setName({
          name: '_xlnm.Print_Area',
          localSheetId: index,
          formula: names.printArea,
          xml: undefined,
        });
        if (names.printTitles !== undefined) {
          this.setName({
            name: '_xlnm.Print_Titles',
            localSheetId: index,
            formula: names.printTitles,
            xml: undefined,
          });
        } else {
          this.names = this.names.filter(
            (n) => !(n.name === '_xlnm.Print_Titles' && n.localSheetId === index),
          );
        }
        return;
      }
      case 'addMark':
        this.setName({
          name: op.mark.name,
          localSheetId: undefined,
          formula: markFormula(op.mark.sheet, op.mark.range),
          xml: undefined,
        });
        return;
      case 'fitRowHeights': {
        // One index per sheet for all its tables' ops (a plan has one per table: rebuilding it for each
        // made a 1,000-block sheet's save quadratic, 78 s of 115 in npm run bench); a merge resets it.
        const sheet = this.sheet(op.sheet);
        let merges = this.mergeIndexes.get(op.sheet);
        if (!merges) {
          merges = mergeIndexOf(sheet);
          this.mergeIndexes.set(op.sheet, merges);
        }
        fitRowHeights(sheet, op.range, this.book, merges);
        return;
      }
      case 'addChart':
        // Its caches are the cells as the plan's earlier ops left them (the summary table is written first).
        addSheetChart(this.book, op.sheet, op.chart, (row, col) =>
          readBookCell(this.book, op.sheet, row, col),
        );
        return;
    }
    const unhandled: never = op;
    throw new Error(`未対応の操作です: ${JSON.stringify(unhandled)}`);
  }
}

/** A style op that only sets row heights (the summary's taller rows): it changes no cell's style. */
function heightOnly(style: CellStyle): boolean {
  return Object.keys(style).every((key) => key === 'rowHeight');
}

/** `'KPI一覧'!$P$5:$T$60`, or `'KPI評価_設定'!$A$1` for one cell. */
function markFormula(sheet: string, range: CellRange): string {
  return `${quoteSheet(sheet)}!${
    range.top === range.bottom && range.left === range.right
      ? absoluteCellAddress(range.top, range.left)
      : absoluteAddress(range)
  }`;
}

/** Applies every op in order; an op that fails is skipped with its reason and the rest go on. */
export function applyBookPlan(book: XlsxBook, plan: WritePlan): ApplyResult {
  return applyEachOp(new BookApplier(book), plan);
}

/**
 * Grows each row of the range to fit its wrapped cells at the sheet's column widths, by the core's text
 * measure; never shrinks a row (the city may have made it tall on purpose). A cell merged across
 * columns has their widths; a cell merged down several rows has all their height, and its last row takes
 * what is missing. The same rule as the ExcelJS host's (src/xlsx/apply-plan.ts), which the tests compare.
 */
/**
 * A sheet's merges by top-left cell (down several rows: `tall`, also in `tallByTop` by their top row; across
 * one row: `wide`) and the cells they cover, keyed by `cellKey`.
 */
export interface MergeIndex {
  readonly tall: ReadonlyMap<number, CellRange>;
  readonly tallByTop: readonly { readonly merge: CellRange; readonly order: number }[];
  readonly wide: ReadonlyMap<number, number>;
  readonly covered: ReadonlySet<number>;
}

/** A number per cell (Excel has 16,384 columns): no string is built per cell looked up. */
function cellKey(row: number, col: number): number {
  return row * 16_384 + col;
}

function mergeIndexOf(sheet: WorksheetPart): MergeIndex {
  const tall = new Map<number, CellRange>();
  const wide = new Map<number, number>();
  const covered = new Set<number>();
  for (const merge of sheet.mergeRanges()) {
    if (merge.bottom > merge.top) tall.set(cellKey(merge.top, merge.left), merge);
    else wide.set(cellKey(merge.top, merge.left), merge.right);
    for (let r = merge.top; r <= merge.bottom; r++)
      for (let c = merge.left; c <= merge.right; c++)
        if (r !== merge.top || c !== merge.left) covered.add(cellKey(r, c));
  }
  const tallByTop = [...tall.values()]
    .map((merge, order) => ({ merge, order }))
    .sort((a, b) => a.merge.top - b.merge.top || a.order - b.order);
  return { tall, tallByTop, wide, covered };
}

/** Index of the first merge in `sorted` (by top) whose top is at or below `row`. */
function firstFrom(sorted: MergeIndex['tallByTop'], row: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].merge.top < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function fitRowHeights(sheet: WorksheetPart, range: CellRange, book: XlsxBook, merges: MergeIndex): void {
  const styles = book.styles();
  const { tall, tallByTop, wide, covered } = merges;
  const widthFrom = (left: number, right: number): number => {
    let width = 0;
    for (let c = left; c <= right; c++) width += sheet.columnWidth(c);
    return width;
  };
  const needs = (xml: string, width: number): number => {
    const { text, s } = cellShownText(xml, book);
    if (text === '') return 0;
    const layout = styles.textLayoutOf(s);
    // Text that does not wrap is one line, and needs that line's height too (rowHeightFor).
    return rowHeightFor(layout.wrap ? wrappedLines(text, width, layout.fontSize) : 1, layout.fontSize);
  };
  const cellXml = (row: number, col: number): string | undefined => {
    const found = sheet.data.row(row);
    return found ? sheet.data.cells(found).find((c) => c.col === col)?.xml : undefined;
  };
  for (let r = range.top; r <= range.bottom; r++) {
    const row = sheet.data.row(r);
    if (!row) continue;
    let needed = 0;
    for (const cell of sheet.data.cells(row)) {
      const key = cellKey(r, cell.col);
      if (cell.col < range.left || cell.col > range.right || covered.has(key) || tall.has(key)) continue;
      needed = Math.max(needed, needs(cell.xml, widthFrom(cell.col, wide.get(key) ?? cell.col)));
    }
    if (needed > sheet.rowHeight(r)) sheet.data.setRowHeight(r, needed);
  }
  // Only the merges starting in the range (walking every merge for each table made 1,000 tables
  // quadratic), in the sheet's order: merges side by side share rows, so the order decides the heights.
  const inRange: { readonly merge: CellRange; readonly order: number }[] = [];
  for (let i = firstFrom(tallByTop, range.top); i < tallByTop.length; i++) {
    if (tallByTop[i].merge.top > range.bottom) break;
    inRange.push(tallByTop[i]);
  }
  inRange.sort((a, b) => a.order - b.order);
  for (const { merge } of inRange) {
    if (merge.left < range.left || merge.left > range.right) continue;
    const xml = cellXml(merge.top, merge.left);
    if (xml === undefined) continue;
    const needed = needs(xml, widthFrom(merge.left, merge.right));
    let has = 0;
    for (let r = merge.top; r <= merge.bottom; r++) has += sheet.rowHeight(r);
    if (needed <= has) continue;
    // The merge's other rows get their height written too: an unsized row prints at each application's
    // own default (LibreOffice's is lower than Excel's 15 points), and the sum must hold the text.
    for (let r = merge.top; r < merge.bottom; r++) sheet.data.setRowHeight(r, sheet.rowHeight(r));
    sheet.data.setRowHeight(merge.bottom, sheet.rowHeight(merge.bottom) + (needed - has));
  }
}
