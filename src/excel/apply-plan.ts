/**
 * Applies a WritePlan through Office.js. Holds no rule: every operation becomes the matching API
 * calls. Round trips, whatever the number of rows:
 *   sync 1 — check: which sheets and names exist, which are protected, which conditional formats
 *            touch the row tint's cells (the city's own; nothing written);
 *   sync 2 — only on a re-run that removes a tint: the ranges of each of those formats, so that only
 *            the add-in's are deleted (the city's own rules on its table stay);
 *   sync 3 — write, with the add-in's events off: removal (the add-in's columns lose their rules by
 *            clearAll), sheets, marks, then values, styles, rules (below the city's) and print setup,
 *            with the fit-to-width zoom read back;
 *   one more sync per payload block when a plan exceeds the per-request budget.
 * Marks are written right after removal so that output left by a write that fails part-way is found
 * and removed by the next run.
 */
import {
  absoluteAddress,
  cellAddress,
  columnLetters,
  compactRangeAddress,
  quoteSheet,
  rangeAddress,
  rangeInside,
  rangesOverlap,
  sameRange,
} from '../core/a1';
import type {
  CellRange,
  CellStyle,
  ConditionalRule,
  PageLayout,
  PlanValue,
  WriteOp,
  WritePlan,
} from '../core/types';
import { parseAreas } from './a1';
import { describePartialWrite, ExcelHostError, officeErrorCode, traceMessages } from './errors';
import type { Language } from './errors';
import type { Features } from './features';
import { DEFAULT_PAYLOAD_BUDGET, jsonBytes } from './payload';
import { queueChart } from './native-chart';
import type { ApplyResult, SkippedOperation } from '../core/host';

export interface ApplyOptions {
  readonly features: Features;
  /** Bytes one write sync may carry (default: half of Excel on the web's 5 MB). */
  readonly payloadBudget?: number;
  readonly language?: Language;
}

/**
 * Column width: Excel's character width → points. 游ゴシック 11 (Japanese Excel's default font) has an
 * 8-pixel digit and Excel adds 5 pixels of padding; 96 pixels are 72 points.
 */
export function columnWidthPoints(characters: number): number {
  const pixels = Math.round(characters * 8 + 5);
  return pixels * 0.75;
}

/** Short description of an operation for the pane: `setValues KPI!P5:Q40`. */
export function describeOp(op: WriteOp): string {
  switch (op.op) {
    case 'deleteSheet':
    case 'addSheet':
      return `${op.op} ${op.sheet}`;
    case 'removeMark':
      return `${op.op} ${op.name}`;
    case 'addMark':
      return `${op.op} ${op.mark.name}`;
    case 'setValues':
      return `${op.op} ${op.sheet}!${compactRangeAddress(valuesRange(op))}`;
    case 'setColumnWidths':
      return `${op.op} ${op.sheet}!${columnLetters(op.firstCol)}:${columnLetters(op.firstCol + op.widths.length - 1)}`;
    case 'setPageLayout':
    case 'addChart':
      return `${op.op} ${op.sheet}`;
    default:
      return `${op.op} ${op.sheet}!${compactRangeAddress(op.range)}`;
  }
}

type SetValuesOp = Extract<WriteOp, { op: 'setValues' }>;

function valuesRange(op: SetValuesOp): CellRange {
  const width = Math.max(1, ...op.values.map((row) => row.length));
  return {
    top: op.row,
    left: op.col,
    bottom: op.row + Math.max(op.values.length, 1) - 1,
    right: op.col + width - 1,
  };
}

const REMOVAL = new Set<WriteOp['op']>([
  'clearRange',
  'removeConditionalFormats',
  'removeDataValidation',
  'deleteSheet',
  'removeMark',
]);

function writePhase(op: WriteOp): number {
  if (REMOVAL.has(op.op)) return 0;
  if (op.op === 'addSheet') return 1;
  if (op.op === 'addMark') return 2;
  return 3;
}

/** The sheet an operation writes to, if any. */
function targetSheet(op: WriteOp): string | null {
  switch (op.op) {
    case 'removeMark':
      return null;
    case 'addMark':
      return op.mark.sheet;
    default:
      return op.sheet;
  }
}

const REASONS = {
  pageLayout: {
    ja: 'この Excel (ExcelApi 1.9 未満) では印刷設定 (用紙・向き・印刷範囲・改ページ・ヘッダー) を設定できないため、省略しました',
    en: 'Print setup needs ExcelApi 1.9; skipped',
  },
  dataValidation: {
    ja: 'この Excel (ExcelApi 1.8 未満) ではドロップダウンリストと入力時メッセージ (入力規則) を使えないため、省略しました',
    en: 'Drop-down lists and input messages (data validation) need ExcelApi 1.8; skipped',
  },
  fitToWidth: {
    ja: '「横 1 ページに合わせる」印刷設定が Excel に反映されませんでした ([ページ レイアウト] タブを開いていないと反映されないことがあります)。[ページ レイアウト] タブの [拡大縮小印刷] で横を「1 ページ」にしてください',
    en: 'Fit to one page wide did not take in this Excel (it may need the Page Layout tab open); set Width to 1 page on the Page Layout tab',
  },
} as const;

type RemoveRules = Extract<WriteOp, { op: 'removeConditionalFormats' }>;

/** Excel's names are case-insensitive: `KPISHEET_SUMMARY` and `kpisheet_summary` are one name. */
function nameKey(name: string): string {
  return name.toUpperCase();
}

interface WorkbookState {
  readonly sheets: ReadonlyMap<string, { readonly protected: boolean }>;
  /** The workbook's names, by nameKey. */
  readonly names: ReadonlySet<string>;
  readonly structureProtected: boolean;
  /** The conditional formats each 'sameRange' removal deletes, lowest priority first. */
  readonly rules: ReadonlyMap<RemoveRules, readonly Excel.ConditionalFormat[]>;
  readonly syncs: number;
}

/** Number of cells of a range. */
function cellCount(range: CellRange): number {
  return (range.bottom - range.top + 1) * (range.right - range.left + 1);
}

/**
 * Does a format applied to `areas` cover exactly the cells of `range`? A rule Excel split into several
 * rectangles (a paste into its range) still covers the same cells when its areas tile the range.
 */
export function coversExactly(areas: readonly CellRange[], range: CellRange): boolean {
  if (areas.length === 0 || !areas.every((area) => rangeInside(area, range))) return false;
  if (areas.length === 1) return sameRange(areas[0], range);
  const overlapping = areas.some((a, i) => areas.slice(i + 1).some((b) => rangesOverlap(a, b)));
  return !overlapping && areas.reduce((n, area) => n + cellCount(area), 0) === cellCount(range);
}

/** The removal ops whose rules must be looked up: the row tint over the city's cells. */
function lookedUp(op: WriteOp, deleted: ReadonlySet<string>): op is RemoveRules {
  return op.op === 'removeConditionalFormats' && op.match === 'sameRange' && !deleted.has(op.sheet);
}

async function checkWorkbook(
  context: Excel.RequestContext,
  ops: readonly WriteOp[],
  features: Features,
): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets.load('items/name,items/protection/protected');
  const names = context.workbook.names.load('items/name');
  const protection = context.workbook.protection.load('protected');
  // Sheets the plan deletes take their rules with them; the others were just read, so they exist.
  const deleted = new Set(ops.flatMap((op) => (op.op === 'deleteSheet' ? [op.sheet] : [])));
  const collections = ops
    .filter((op) => lookedUp(op, deleted))
    .map((op) => ({
      op,
      formats: context.workbook.worksheets
        .getItem(op.sheet)
        .getRange(compactRangeAddress(op.range))
        .conditionalFormats.load('items/priority'),
    }));
  await context.sync();
  // A rule over several ranges has a null getRangeOrNullObject(); getRanges() (ExcelApi 1.9) has them all.
  // https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-getranges-member(1)
  const ranges = collections.flatMap(({ op, formats }) =>
    formats.items.map((format) => ({
      op,
      format,
      areas: (features.ruleAreas ? format.getRanges() : format.getRangeOrNullObject()).load('address'),
    })),
  );
  if (ranges.length > 0) await context.sync();
  const syncs = ranges.length > 0 ? 2 : 1;
  const rules = new Map<RemoveRules, Excel.ConditionalFormat[]>();
  for (const { op, format, areas } of ranges) {
    if (areas.isNullObject) continue;
    if (
      !coversExactly(
        parseAreas(areas.address).map((ref) => ref.range),
        op.range,
      )
    )
      continue;
    rules.set(op, [...(rules.get(op) ?? []), format]);
  }
  // An item names "the rule at this priority" (its id is its priority), so deleting one renumbers the
  // rules below it: delete from the bottom up, and each index still names the rule it did
  // (office-js #5222: deletes of rules on the same cells in one batch fail with ItemNotFound).
  for (const formats of rules.values()) formats.sort((a, b) => b.priority - a.priority);
  return {
    sheets: new Map(sheets.items.map((ws) => [ws.name, { protected: ws.protection.protected }])),
    names: new Set(names.items.map((n) => nameKey(n.name))),
    structureProtected: protection.protected,
    rules,
    syncs,
  };
}

/**
 * Text Excel would not keep as text when written through `range.values` into a General cell: formulas
 * (`=`, `+`, `-`, "Excel interprets this value as a formula",
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member), numbers,
 * percentages, dates (`4/1`, `R6.4.1`, `4月1日`), times, booleans and error values. Such text goes into a
 * cell with the Text format (`@`) first, which keeps it as typed; an apostrophe prefix is not relied on
 * (what Office.js does with one is undocumented).
 */
const COERCED_TEXT = [
  /^[=+\-@]/,
  /^\s*[(¥$]?\s*[\d.,]+\s*%?\)?\s*$/,
  /^\s*\d+(\.\d+)?e[+-]?\d+\s*$/i,
  /^\s*\d+\s*[/:.-]\s*\d+(\s*[/:.-]\s*\d+)?\s*$/,
  /^\s*[MTSHRmtshr]\s*\d+\s*[./-]\s*\d+(\s*[./-]\s*\d+)?\s*$/,
  /^\s*(\d+|[明大昭平令][治正和成]\d+)\s*年\s*\d+\s*月(\s*\d+\s*日)?\s*$/,
  /^\s*\d+\s*月\s*\d+\s*日\s*$/,
  /^\s*(true|false)\s*$/i,
  /^\s*#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!)\s*$/i,
];

/** Does this plan value need the Text format to stay as written? */
export function needsTextFormat(value: PlanValue): boolean {
  return typeof value === 'string' && value !== '' && COERCED_TEXT.some((pattern) => pattern.test(value));
}

/** What `range.values` gets: null (no value) clears the cell, as '' does in Office.js. */
function cellInput(value: PlanValue): string | number {
  return value ?? '';
}

/** The Text format where a cell needs it, null (format unchanged) elsewhere; null when no cell does. */
function textFormats(block: readonly (readonly PlanValue[])[]): (string | null)[][] | null {
  if (!block.some((row) => row.some(needsTextFormat))) return null;
  return block.map((row) => row.map((value) => (needsTextFormat(value) ? '@' : null)));
}

/**
 * Bytes of a matrix of one number format over `area`, as the request carries it (one string per
 * cell), so the payload estimate counts what Excel receives.
 */
function formatMatrixBytes(area: CellRange, format: string): number {
  const cols = area.right - area.left + 1;
  const rows = area.bottom - area.top + 1;
  return rows * (cols * (jsonBytes(format) + 1) + 2);
}

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

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/** One unit of queued work: an operation, or one row block of a large setValues. */
interface Unit {
  readonly opIndex: number;
  /** True on the unit that finishes its operation. */
  readonly last: boolean;
  readonly bytes: number;
  readonly queue: (batch: Batch) => void;
}

/** Proxies shared by the calls of one batch (one `worksheets.getItem` per sheet). */
class Batch {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  /** Read-backs to check once the batch is synced: each says what did not take, or null. */
  readonly checks: (() => SkippedOperation | null)[] = [];

  constructor(readonly context: Excel.RequestContext) {}

  sheet(name: string): Excel.Worksheet {
    let ws = this.sheets.get(name);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, ws);
    }
    return ws;
  }

  addSheet(name: string): Excel.Worksheet {
    const ws = this.context.workbook.worksheets.add(name);
    this.sheets.set(name, ws);
    return ws;
  }

  range(sheet: string, range: CellRange): Excel.Range {
    return this.sheet(sheet).getRange(compactRangeAddress(range));
  }
}

/** The border edges a style sets on a range: the outline, and the inside lines where it has them. */
function borderEdges(area: CellRange): `${Excel.BorderIndex}`[] {
  const edges: `${Excel.BorderIndex}`[] = [
    Excel_Edge.top,
    Excel_Edge.bottom,
    Excel_Edge.left,
    Excel_Edge.right,
  ];
  if (area.right > area.left) edges.push(Excel_Edge.insideVertical);
  if (area.bottom > area.top) edges.push(Excel_Edge.insideHorizontal);
  return edges;
}

/**
 * What a style sends: one property set per call, each with its range's path (sheet and address) beside it,
 * as the request carries them. A bordered range is 12 to 18 calls: counting the op once undercounted a
 * summary of thousands of bordered rows by a factor of ten, past the 5 MB limit (npm run bench, 5,000 rows).
 */
function styleBytes(op: Extract<WriteOp, { op: 'setStyle' }>): number {
  const { style, range } = op;
  const plain = [
    style.fill,
    style.fontColor,
    style.bold,
    style.fontSize,
    style.horizontal,
    style.vertical,
    style.wrap,
    style.rowHeight,
    style.numberFormat,
  ].filter((v) => v !== undefined).length;
  const calls = plain + (style.border !== undefined ? borderEdges(range).length * 3 : 0);
  // The path, the member (`format.borders.InsideHorizontal.weight=`) and the value, with their quotes.
  const perCall = jsonBytes(`worksheets.getItem(${op.sheet}).getRange(${rangeAddress(range)})`) + 64;
  return jsonBytes(op) + calls * perCall;
}

function queueStyle(range: Excel.Range, area: CellRange, style: CellStyle): void {
  const format = range.format;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.horizontal !== undefined) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical !== undefined) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.rowHeight !== undefined) format.rowHeight = style.rowHeight;
  if (style.border !== undefined) {
    for (const edge of borderEdges(area)) {
      const border = format.borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = 'Thin';
      border.color = style.border;
    }
  }
  if (style.numberFormat !== undefined) {
    const rows = area.bottom - area.top + 1;
    const cols = area.right - area.left + 1;
    const format1 = style.numberFormat;
    range.numberFormat = Array.from({ length: rows }, () => Array.from({ length: cols }, () => format1));
  }
}

/** String values of Excel.BorderIndex, so this module runs without the global `Excel` (tests). */
const Excel_Edge = {
  top: 'EdgeTop',
  bottom: 'EdgeBottom',
  left: 'EdgeLeft',
  right: 'EdgeRight',
  insideVertical: 'InsideVertical',
  insideHorizontal: 'InsideHorizontal',
} as const satisfies Record<string, `${Excel.BorderIndex}`>;

/**
 * `conditionalFormats.add` puts a rule at the top; a priority beyond the collection's end moves it to
 * the bottom ("Priorities greater than the bounds will get and set to the maximum"), so the city's own
 * rules on those cells keep precedence, as in the xlsx host, and the add-in's follow in plan order.
 * https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-priority-member
 */
const LOWEST_PRIORITY = 1_000_000;

function queueConditionalFormat(range: Excel.Range, rule: ConditionalRule): void {
  const cf = queueRule(range, rule);
  cf.priority = LOWEST_PRIORITY;
}

function queueRule(range: Excel.Range, rule: ConditionalRule): Excel.ConditionalFormat {
  switch (rule.type) {
    case 'textEquals': {
      // Cell value equal to the text: an exact match, where containsText would also match "A" in "AB".
      const cf = range.conditionalFormats.add('CellValue');
      cf.cellValue.format.fill.color = rule.style.fill;
      if (rule.style.fontColor !== undefined) cf.cellValue.format.font.color = rule.style.fontColor;
      cf.cellValue.rule = { formula1: `="${rule.text.replace(/"/g, '""')}"`, operator: 'EqualTo' };
      return cf;
    }
    case 'dataBar': {
      const cf = range.conditionalFormats.add('DataBar');
      cf.dataBar.lowerBoundRule = { type: 'Number', formula: '0' };
      cf.dataBar.upperBoundRule = { type: 'Number', formula: String(rule.max) };
      cf.dataBar.positiveFormat.fillColor = rule.color;
      cf.dataBar.positiveFormat.gradientFill = false;
      return cf;
    }
    case 'formula': {
      const cf = range.conditionalFormats.add('Custom');
      // Office.js takes the formula as typed in Excel's dialog, with its leading =.
      cf.custom.rule.formula = rule.formula.startsWith('=') ? rule.formula : `=${rule.formula}`;
      cf.custom.format.fill.color = rule.style.fill;
      if (rule.style.fontColor !== undefined) cf.custom.format.font.color = rule.style.fontColor;
      return cf;
    }
  }
}

/**
 * Fit to one page wide, the height free: the whole PageLayoutZoomOptions object, as Excel records
 * "Fit All Columns on One Page" (0 pages tall: as many as needed; no scale, which "can be null if fit
 * to page tall or wide is specified"). A member cannot be set on its own: `zoom` is a value object.
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions
 */
const FIT_TO_WIDTH: Excel.PageLayoutZoomOptions = { horizontalFitToPages: 1, verticalFitToPages: 0 };

function queuePageLayout(ws: Excel.Worksheet, layout: PageLayout, batch: Batch, language: Language): void {
  const page = ws.pageLayout;
  page.orientation = layout.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  page.paperSize = layout.paperSize === 'A3' ? 'A3' : 'A4';
  if (layout.fitToWidth) {
    const pagesWide = layout.pagesWide ?? 1;
    // The whole zoom object, as documented (PageLayoutZoomOptions): set piecewise, it is not applied.
    page.zoom = { ...FIT_TO_WIDTH, horizontalFitToPages: pagesWide };
    // office-js #1860: Excel can ignore a fit-to-pages zoom (seen without the Page Layout tab open).
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
 * Issue 16's print fields (additive; the Excel host's owner may fold them into queuePageLayout):
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

/**
 * A validation through `Range.dataValidation` (ExcelApi 1.8,
 * https://learn.microsoft.com/javascript/api/excel/excel.datavalidation). Cleared first, as the reference's
 * own samples do: a rule set over cells that already hold other validation fails with InvalidArgument
 * (office-js #2594, a rule over a range holding an earlier prompt). Then the rule, then the prompt, a value
 * object set whole (https://learn.microsoft.com/javascript/api/excel/excel.datavalidationprompt). An any-value
 * rule sets no rule at all: a prompt alone is a validation of its own, as the Office Scripts reference's
 * sample writes one (https://learn.microsoft.com/javascript/api/office-scripts/excelscript/excelscript.datavalidationprompt).
 */
function queueDataValidation(
  validation: Excel.DataValidation,
  op: Extract<WriteOp, { op: 'setDataValidation' }>,
): void {
  validation.clear();
  if (op.rule.type === 'list') {
    validation.rule = { list: { inCellDropDown: true, source: op.rule.list.join(',') } };
  }
  if (op.prompt) {
    validation.prompt = { showPrompt: true, title: op.prompt.title, message: op.prompt.message };
  }
}

function unitsFor(
  op: WriteOp,
  opIndex: number,
  names: Set<string>,
  rules: WorkbookState['rules'],
  budget: number,
  language: Language,
): Unit[] {
  const one = (queue: (batch: Batch) => void, bytes = jsonBytes(op)): Unit[] => [
    { opIndex, last: true, bytes, queue },
  ];
  switch (op.op) {
    case 'clearRange':
      return one((b) => b.range(op.sheet, op.range).clear('All'));
    case 'removeConditionalFormats': {
      if (op.match !== 'sameRange') {
        // The add-in's own columns: every rule there is ours, found by what it covers, split ones too.
        return one((b) => b.range(op.sheet, op.range).conditionalFormats.clearAll());
      }
      // Over the city's cells: delete only the rules the check matched (the city's own stay).
      const formats = rules.get(op) ?? [];
      return one(() => {
        for (const format of formats) format.delete();
      });
    }
    case 'removeDataValidation':
      return one((b) => b.range(op.sheet, op.range).dataValidation.clear());
    case 'deleteSheet':
      return one((b) => {
        const ws = b.sheet(op.sheet);
        // Office.js cannot delete a veryHidden sheet (InvalidOperation).
        ws.visibility = 'Hidden';
        ws.delete();
      });
    case 'removeMark':
      names.delete(nameKey(op.name));
      return one((b) => b.context.workbook.names.getItem(op.name).delete());
    case 'addSheet':
      return one((b) => {
        const ws = b.addSheet(op.sheet);
        if (op.visibility !== 'visible') ws.visibility = op.visibility === 'hidden' ? 'Hidden' : 'VeryHidden';
      });
    case 'addMark': {
      const stale = names.has(nameKey(op.mark.name));
      names.add(nameKey(op.mark.name));
      return one((b) => {
        // A mark the plan did not remove (its sheet was deleted: #REF!) would block the new one.
        if (stale) b.context.workbook.names.getItem(op.mark.name).delete();
        const reference = `=${quoteSheet(op.mark.sheet)}!${absoluteAddress(op.mark.range)}`;
        b.context.workbook.names.add(op.mark.name, reference);
      });
    }
    case 'setValues':
      return valueUnits(op, opIndex, budget);
    case 'setStyle': {
      const matrix =
        op.style.numberFormat !== undefined ? formatMatrixBytes(op.range, op.style.numberFormat) : 0;
      return one((b) => queueStyle(b.range(op.sheet, op.range), op.range, op.style), styleBytes(op) + matrix);
    }
    case 'mergeCells':
      return one((b) => b.range(op.sheet, op.range).merge(false));
    case 'setColumnWidths':
      return one((b) => {
        const ws = b.sheet(op.sheet);
        op.widths.forEach((width, i) => {
          const col = columnLetters(op.firstCol + i);
          ws.getRange(`${col}:${col}`).format.columnWidth = columnWidthPoints(width);
        });
      });
    case 'addConditionalFormat':
      return one((b) => queueConditionalFormat(b.range(op.sheet, op.range), op.rule));
    case 'setDataValidation':
      return one((b) => queueDataValidation(b.range(op.sheet, op.range).dataValidation, op));
    case 'setPageLayout':
      return one((b) => queuePageLayout(b.sheet(op.sheet), op.layout, b, language));
    case 'fitRowHeights':
      // Excel fits a row that has no height of its own to its wrapped text as it writes; autofit would
      // also shrink rows the city made tall. The port of this op is the Excel host's (issue 16 report).
      return one(() => undefined);
    case 'addChart':
      return one((b) => queueChart(b.sheet(op.sheet), op.chart));
  }
}

/**
 * A setValues in row blocks that each fit the budget, so one huge column never passes the limit. A
 * block with text Excel would not keep as text sets the Text format on those cells first.
 */
function valueUnits(op: SetValuesOp, opIndex: number, budget: number): Unit[] {
  const width = valuesRange(op).right - op.col + 1;
  const plan = op.values.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? null));
  const rowBytes = plan.map(
    (row) => jsonBytes(row.map(cellInput)) + (row.some(needsTextFormat) ? jsonBytes(row.map(() => '@')) : 0),
  );
  const units: Unit[] = [];
  let start = 0;
  while (start < plan.length || (start === 0 && plan.length === 0)) {
    let end = start;
    let bytes = 0;
    while (end < plan.length && (end === start || bytes + rowBytes[end] <= budget)) {
      bytes += rowBytes[end];
      end++;
    }
    const block = plan.slice(start, end);
    const top = op.row + start;
    units.push({
      opIndex,
      last: end >= plan.length,
      bytes,
      queue: (b) => {
        if (block.length === 0) return;
        const area = { top, left: op.col, bottom: top + block.length - 1, right: op.col + width - 1 };
        const range = b.range(op.sheet, area);
        const formats = textFormats(block);
        if (formats) range.numberFormat = formats;
        range.values = block.map((row) => row.map(cellInput));
      },
    });
    if (end === start) break;
    start = end;
  }
  return units;
}

/** Units packed into batches that each stay under the budget. */
function batches(units: readonly Unit[], budget: number): Unit[][] {
  const result: Unit[][] = [];
  let current: Unit[] = [];
  let bytes = 0;
  for (const unit of units) {
    if (current.length > 0 && bytes + unit.bytes > budget) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(unit);
    bytes += unit.bytes;
  }
  if (current.length > 0) result.push(current);
  return result;
}

function fail(
  error: unknown,
  stage: 'check' | 'write',
  applied: readonly string[],
  notApplied: readonly string[],
  syncs: number,
  language: Language,
): ExcelHostError {
  const message = describePartialWrite(error, applied, notApplied, language);
  return new ExcelHostError(message, { stage, code: officeErrorCode(error), applied, notApplied, syncs });
}

async function eventsBackOn(context: Excel.RequestContext): Promise<void> {
  context.runtime.enableEvents = true;
  await context.sync().catch(() => undefined);
}

/** Excel's own error shape, for refusals found by the check before anything is written. */
function refusal(code: string, message: string): { code: string; message: string } {
  return { code, message };
}

export async function applyPlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  options: ApplyOptions,
): Promise<ApplyResult> {
  const language = options.language ?? 'ja';
  const budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  const { features } = options;
  let syncs = 0;

  let state: WorkbookState;
  try {
    state = await checkWorkbook(context, plan.ops, features);
    syncs += state.syncs;
  } catch (error) {
    throw fail(error, 'check', [], plan.ops.map(describeOp), syncs + 1, language);
  }

  // Order: removal, new sheets, marks, then everything else (stable within each phase).
  const ordered = plan.ops
    .map((op, index) => ({ op, index }))
    .sort((a, b) => writePhase(a.op) - writePhase(b.op) || a.index - b.index);

  const skipped: SkippedOperation[] = [];
  const sheetsAfter = new Set(state.sheets.keys());
  const names = new Set(state.names);
  const units: Unit[] = [];
  const kept: WriteOp[] = [];
  for (const { op } of ordered) {
    const sheet = targetSheet(op);
    if (op.op === 'setPageLayout' && !features.pageLayout) {
      skipped.push({ op: op.op, reason: REASONS.pageLayout[language] });
      continue;
    }
    if ((op.op === 'setDataValidation' || op.op === 'removeDataValidation') && !features.dataValidation) {
      skipped.push({ op: op.op, reason: REASONS.dataValidation[language] });
      continue;
    }
    // Removing output that is already gone (the user deleted its sheet or name) is done already.
    if (REMOVAL.has(op.op) && op.op !== 'removeMark' && sheet !== null && !sheetsAfter.has(sheet)) continue;
    if (op.op === 'removeMark' && !names.has(nameKey(op.name))) continue;
    if (op.op === 'deleteSheet') sheetsAfter.delete(op.sheet);
    if (op.op === 'addSheet') sheetsAfter.add(op.sheet);
    if (sheet !== null && op.op !== 'deleteSheet' && !sheetsAfter.has(sheet)) {
      throw fail(
        refusal('ItemNotFound', `sheet ${sheet}`),
        'check',
        [],
        plan.ops.map(describeOp),
        syncs,
        language,
      );
    }
    if (sheet !== null && op.op !== 'deleteSheet' && state.sheets.get(sheet)?.protected) {
      throw fail(
        refusal('AccessDenied', `sheet ${sheet}`),
        'check',
        [],
        plan.ops.map(describeOp),
        syncs,
        language,
      );
    }
    if ((op.op === 'addSheet' || op.op === 'deleteSheet') && state.structureProtected) {
      throw fail(
        refusal('AccessDenied', 'workbook structure'),
        'check',
        [],
        plan.ops.map(describeOp),
        syncs,
        language,
      );
    }
    units.push(...unitsFor(op, kept.length, names, state.rules, budget, language));
    kept.push(op);
  }

  let finished = 0;
  for (const batch of batches(units, budget)) {
    if (features.suspendScreenUpdating) context.workbook.application.suspendScreenUpdatingUntilNextSync();
    // The add-in's own writes raise no change events for it, inside this batch only: Excel carries a
    // batch out in one go, so a user's edit cannot fall inside it and be lost.
    // https://learn.microsoft.com/javascript/api/excel/excel.runtime#excel-excel-runtime-enableevents-member
    if (features.runtimeEvents) context.runtime.enableEvents = false;
    const proxies = new Batch(context);
    for (const unit of batch) {
      unit.queue(proxies);
      if (unit.last) context.trace(String(unit.opIndex));
    }
    if (features.runtimeEvents) context.runtime.enableEvents = true;
    try {
      syncs++;
      await context.sync();
    } catch (error) {
      // The calls after the failing one did not run: turn events back on, or the pane stays deaf.
      if (features.runtimeEvents) await eventsBackOn(context);
      // Office.js returns the traces queued before the failing call: those operations were carried out.
      const traced = traceMessages(error)
        .map(Number)
        .filter((n) => Number.isInteger(n));
      const done = traced.length > 0 ? Math.max(finished - 1, ...traced) + 1 : finished;
      const applied = kept.slice(0, done).map(describeOp);
      const notApplied = kept.slice(done).map(describeOp);
      throw fail(error, 'write', applied, notApplied, syncs, language);
    }
    for (const check of proxies.checks) {
      const notTaken = check();
      if (notTaken) skipped.push(notTaken);
    }
    const lastDone = batch.filter((u) => u.last).map((u) => u.opIndex);
    if (lastDone.length > 0) finished = Math.max(finished, ...lastDone) + 1;
  }
  return { applied: kept.length, skipped, syncs };
}
