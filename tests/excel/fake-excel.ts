/**
 * A recording fake of the part of the Excel JavaScript API the add-in uses. It keeps Office.js's
 * batching model: calls are queued on proxies and carried out, in order, by `context.sync()`; a
 * property is readable only after it was loaded and synced; a failing call rejects the sync with an
 * Office.js-shaped error (code, traceMessages of the traces queued before it) after the calls before it
 * took effect. It records every call with the sync that carried it, counts syncs, holds the workbook's
 * state (cells, styles, merges, conditional formats, validation, print setup, names, sheets) and
 * enforces the rules that bite real add-ins: the 5 MB request/response limit of Excel on the web,
 * requirement sets (a call above `apiVersion` fails with ApiNotFound), protected sheets, cell edit mode,
 * deleting a veryHidden sheet, overlapping merges, text Excel would turn into a date.
 *
 * Where it differs from real Excel: display text is computed for a few number formats only (seeded
 * cells keep the text they were seeded with); formulas are refused, not calculated; change events are
 * raised synchronously inside sync() (Excel raises them later, asynchronously);
 * `conditionalFormats.clearAll()` removes every rule that touches the range (Excel trims partly covered
 * rules); payload sizes are estimated from the JSON of the call arguments, not Office.js's real wire format. Only the API surface the add-in uses exists.
 */
import {
  absoluteAddress,
  columnNumber,
  compactRangeAddress,
  rangeInside,
  rangesOverlap,
  sameRange,
} from '../../src/core/a1';
import { renderNumber } from '../../src/core/number-text';
import type { CellRange, CellValue, Grid } from '../../src/core/types';

// ---------------------------------------------------------------------------------------------- state

export interface FakeCell {
  value: CellValue;
  /** Display text when seeded from a Grid; recomputed when a value or number format is written. */
  text: string;
  numberFormat: string;
  /** Format properties by path: `fill.color`, `font.bold`, `borders.EdgeTop.style`. */
  style: Record<string, unknown>;
}

/**
 * One rule. The sheet's list is in priority order, the top rule first, as Excel's Manage Rules shows
 * it. A rule may cover several rectangles (Excel splits a rule when cells are pasted into or cleared
 * out of its range).
 */
export interface FakeConditionalFormat {
  ranges: CellRange[];
  type: string;
  /** Properties by path: `custom.rule.formula`, `cellValue.rule`, `dataBar.positiveFormat.fillColor`. */
  props: Record<string, unknown>;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  cells: Map<string, FakeCell>;
  merges: CellRange[];
  conditionalFormats: FakeConditionalFormat[];
  validations: FakeValidation[];
  /** Column widths in points, by 1-based column. */
  columnWidths: Map<number, number>;
  /** Row heights in points, by 1-based row (`range.format.rowHeight`). */
  rowHeights: Map<number, number>;
  /** pageLayout properties by path, plus `printArea`, `printTitleRows`, `headersFooters.*`. */
  pageLayout: Record<string, unknown>;
  rowBreaks: number[];
  handlers: ((event: FakeChangedEvent) => unknown)[];
  charts: FakeChart[];
}

/**
 * One data validation (ExcelApi 1.8, https://learn.microsoft.com/javascript/api/excel/excel.datavalidation):
 * a rule, a prompt, or both, over one rectangle. A prompt without a rule is a validation of its own (Excel's
 * 「すべての値」 with an input message), as the Office Scripts reference's sample writes one
 * (https://learn.microsoft.com/javascript/api/office-scripts/excelscript/excelscript.datavalidationprompt).
 */
export interface FakeValidation {
  range: CellRange;
  rule: unknown;
  prompt: FakePrompt | null;
}

/** `Excel.DataValidationPrompt`: https://learn.microsoft.com/javascript/api/excel/excel.datavalidationprompt */
export interface FakePrompt {
  showPrompt: boolean;
  title: string;
  message: string;
}

/** A chart as `worksheet.charts.add` made it and the calls on it set it up. */
export interface FakeChart {
  type: string;
  /** Address of the source range, `C12:G16`. */
  source: string;
  seriesBy: string;
  title?: string;
  legend?: string;
  position?: [string, string];
  series: { xAxisValues?: string; fill?: string }[];
}

export interface FakeName {
  name: string;
  type: 'Range' | 'Error' | 'String';
  formula: string;
}

/** `Excel.DataChangeType`: https://learn.microsoft.com/javascript/api/excel/excel.datachangetype */
export type FakeChangeType =
  | 'Unknown'
  | 'RangeEdited'
  | 'RowInserted'
  | 'RowDeleted'
  | 'ColumnInserted'
  | 'ColumnDeleted'
  | 'CellInserted'
  | 'CellDeleted';

/**
 * `Excel.WorksheetChangedEventArgs`. `source` is `Remote` for a co-author's edit: `onChanged` fires in
 * every open pane for every user's edits (https://learn.microsoft.com/javascript/api/excel/excel.eventsource).
 */
export interface FakeChangedEvent {
  type: 'WorksheetChanged';
  worksheetId: string;
  address: string;
  changeType: FakeChangeType;
  source: 'Local' | 'Remote';
  triggerSource?: 'ThisLocalAddin' | 'Unknown';
}

export interface RecordedCall {
  /** The sync that carried the call (1-based, counted over the fake's whole life). */
  readonly sync: number;
  /** What the call was made on: `worksheets.getItem(KPI).getRange(P5:P40)`. */
  readonly target: string;
  /** `values=`, `merge()`, `load(values,text)`, `conditionalFormats.add()`, `custom.rule.formula=`. */
  readonly member: string;
  readonly args: readonly unknown[];
}

export interface FakeExcelOptions {
  /** Highest ExcelApi version this Excel supports ('1.7' for the manifest's minimum). */
  readonly apiVersion?: string;
  /** Request and response limit in bytes (Excel on the web: 5 MB). */
  readonly payloadLimit?: number;
  /** Fit-to-pages zoom is silently not applied, as Excel does without the Page Layout tab open. */
  readonly fitToPagesIgnored?: boolean;
  /** How `RangeAreas.address` gives merged areas: whole, or each by its top-left cell. */
  readonly mergedAreasAddress?: 'whole' | 'topLeftCell';
  /** getMergedAreasOrNullObject fails above this many areas (Excel: 512; default: no limit). */
  readonly mergedAreasLimit?: number;
}

/** Calls that need more than ExcelApi 1.7, by member (or target prefix for pageLayout objects). */
const API_VERSIONS: readonly [RegExp, string][] = [
  [/^getMergedAreasOrNullObject\(\)$/, '1.13'],
  [/^suspendScreenUpdatingUntilNextSync\(\)$/, '1.9'],
  [/^dataValidation\./, '1.8'],
  [/^pageLayout\./, '1.9'],
  [/^horizontalPageBreaks\./, '1.9'],
  [/^getRanges\(\)/, '1.9'],
  [/^runtime\./, '1.8'],
  [/^verticalPageBreaks\./, '1.9'],
];

function versionAtLeast(have: string, need: string): boolean {
  const [a1, a2] = have.split('.').map(Number);
  const [b1, b2] = need.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

export class FakeOfficeError extends Error {
  readonly code: string;
  traceMessages: string[] = [];
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

/** A macrotask that jest's fake timers do not hold back (captured before any test installs them). */
const realSetTimeout = globalThis.setTimeout;
function later(run: () => void): void {
  realSetTimeout(run, 0);
}

// -------------------------------------------------------------------------------------- addresses

const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** `P5:P40`, `P5`, `P:P`, `$4:$5` → range. */
export function parseA1(address: string): CellRange {
  const text = address.replace(/\$/g, '');
  const [a, b = a] = text.split(':');
  const cell = /^([A-Z]+)(\d+)$/i;
  const col = /^([A-Z]+)$/i;
  const row = /^(\d+)$/;
  if (cell.test(a) && cell.test(b)) {
    const p = cell.exec(a)!;
    const q = cell.exec(b)!;
    return { top: Number(p[2]), left: columnNumber(p[1]), bottom: Number(q[2]), right: columnNumber(q[1]) };
  }
  if (col.test(a) && col.test(b))
    return { top: 1, left: columnNumber(a), bottom: MAX_ROW, right: columnNumber(b) };
  if (row.test(a) && row.test(b)) return { top: Number(a), left: 1, bottom: Number(b), right: MAX_COL };
  throw new FakeOfficeError('InvalidArgument', `bad address ${address}`);
}

function key(row: number, col: number): string {
  return `${row},${col}`;
}

/**
 * Display text as Excel shows it, from the add-in's one number formatter (src/core/number-text.ts).
 * Where the formatter cannot render a format exactly the fake fails rather than guess a text.
 */
export function displayText(value: CellValue, format: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const text = renderNumber(value, format);
  if (text === null) throw new FakeOfficeError('InvalidArgument', `fake cannot show ${value} as ${format}`);
  return text;
}

function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < json.length; i++) bytes += json.charCodeAt(i) < 0x80 ? 1 : 3;
  return bytes;
}

// ------------------------------------------------------------------------------------------ workbook

export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  activeSheet = '';
  selection: { sheet: string; address: string } | null = null;
  structureProtected = false;
  private nextId = 1;

  addSheet(name: string): FakeSheet {
    const sheet: FakeSheet = {
      id: `{sheet-${this.nextId++}}`,
      name,
      visibility: 'Visible',
      protected: false,
      cells: new Map(),
      merges: [],
      conditionalFormats: [],
      validations: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      pageLayout: {},
      rowBreaks: [],
      handlers: [],
      charts: [],
    };
    this.sheets.push(sheet);
    if (this.activeSheet === '') this.activeSheet = name;
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Seeds a sheet from a Grid (values, texts, formats, merges) and the grid's marks as names. */
  seed(grid: Grid): FakeSheet {
    const sheet = this.sheet(grid.sheet) ?? this.addSheet(grid.sheet);
    grid.values.forEach((row, i) =>
      row.forEach((value, j) => {
        const format = grid.formats[i]?.[j] ?? 'General';
        if (value === '' && format === 'General') return;
        sheet.cells.set(key(grid.top + i, grid.left + j), {
          value,
          text: grid.texts[i]?.[j] ?? String(value),
          numberFormat: format,
          style: {},
        });
      }),
    );
    sheet.merges.push(...grid.merges);
    for (const name of grid.sheetNames) if (!this.sheet(name)) this.addSheet(name);
    for (const mark of grid.marks) {
      this.names.push({
        name: mark.name,
        type: 'Range',
        formula: `='${mark.sheet}'!${absoluteAddress(mark.range)}`,
      });
    }
    return sheet;
  }

  cell(sheet: FakeSheet, row: number, col: number): FakeCell {
    let cell = sheet.cells.get(key(row, col));
    if (!cell) {
      cell = { value: '', text: '', numberFormat: 'General', style: {} };
      sheet.cells.set(key(row, col), cell);
    }
    return cell;
  }

  usedRange(sheet: FakeSheet, valuesOnly: boolean): CellRange {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [k, cell] of sheet.cells) {
      const empty = cell.value === '';
      const unformatted = cell.numberFormat === 'General' && Object.keys(cell.style).length === 0;
      if (empty && (valuesOnly || unformatted)) continue;
      const [row, col] = k.split(',').map(Number);
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    // A blank sheet's used range is A1.
    return bottom === 0 ? { top: 1, left: 1, bottom: 1, right: 1 } : { top, left, bottom, right };
  }

  /** The state a user would see, for comparing two runs: plain data, sorted. */
  snapshot(): unknown {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        cells: [...s.cells.entries()]
          .filter(
            ([, c]) => c.value !== '' || c.numberFormat !== 'General' || Object.keys(c.style).length > 0,
          )
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, c]) => [k, c.value, c.numberFormat, sortKeys(c.style)]),
        merges: s.merges.map(compactRangeAddress).sort(),
        conditionalFormats: s.conditionalFormats.map((cf) => [
          cf.ranges.map(compactRangeAddress).join(','),
          cf.type,
          sortKeys(cf.props),
        ]),
        validations: s.validations.map((v) => [compactRangeAddress(v.range), v.rule ?? null, v.prompt]),
        columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
        rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
        pageLayout: sortKeys(s.pageLayout),
        rowBreaks: [...s.rowBreaks].sort((a, b) => a - b),
        charts: s.charts,
      })),
      names: this.names.map((n) => [n.name, n.type, n.formula]).sort(),
    };
  }

  /** Values of a rectangle, as `range.values` gives them. */
  values(sheetName: string, address: string): CellValue[][] {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const r = parseA1(address);
    const out: CellValue[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: CellValue[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(sheet.cells.get(key(row, col))?.value ?? '');
      out.push(line);
    }
    return out;
  }
}

function sortKeys(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

function quoteName(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

// -------------------------------------------------------------------------------------------- context

type Action = () => void;

interface Queued {
  readonly call: RecordedCall;
  readonly action: Action;
  /** Bytes this call adds to the response. */
  readonly responseBytes?: () => number;
}

/** What a Range proxy points at, decided when its calls run. */
type Locate = () => { sheet: FakeSheet; range: CellRange };

export class FakeExcel {
  readonly state = new FakeWorkbookState();
  readonly calls: RecordedCall[] = [];
  syncCount = 0;
  /**
   * Cell edit mode: a sync fails with InvalidOperationInCellEditMode, unless its Excel.run asked for
   * `delayForCellEdit`, which holds it until the user leaves edit mode
   * (https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
   */
  editMode = false;
  /** Called at the start of sync `n` (before it is carried out): a user acting while a request is on its way. */
  onSync: ((n: number) => Promise<void> | void) | null = null;
  private editWaiters: (() => void)[] = [];
  private enableEvents = true;
  /** Makes the first call matching `when` fail with `code` when its sync runs. */
  failures: { when: (call: RecordedCall) => boolean; code: string; once?: boolean }[] = [];
  readonly apiVersion: string;
  readonly payloadLimit: number;
  readonly fitToPagesIgnored: boolean;
  readonly mergedAreasAddress: 'whole' | 'topLeftCell';
  readonly mergedAreasLimit: number;
  private queue: Queued[] = [];
  private traces: string[] = [];
  /** Writes carried out by the current sync, for change events. */
  private written: { sheet: FakeSheet; range: CellRange }[] = [];
  /** Change events raised and not yet delivered. */
  private readonly pending = new Set<Promise<void>>();

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? '1.14';
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
    this.fitToPagesIgnored = options.fitToPagesIgnored ?? false;
    this.mergedAreasAddress = options.mergedAreasAddress ?? 'whole';
    this.mergedAreasLimit = options.mergedAreasLimit ?? Number.POSITIVE_INFINITY;
  }

  /** `Excel.run` for the code under test; `Excel.run(options, batch)` with RunOptions. */
  run = async <T>(
    batch: (context: Excel.RequestContext) => Promise<T>,
    options: FakeRunOptions = {},
  ): Promise<T> => batch(this.context(options) as unknown as Excel.RequestContext);

  /** A new RequestContext on the shared workbook. */
  context(options: FakeRunOptions = {}): FakeContext {
    return new FakeContext(this, options);
  }

  /** The user leaves cell edit mode (Enter or Esc): batches held by `delayForCellEdit` go on. */
  exitEditMode(): void {
    this.editMode = false;
    const waiting = this.editWaiters;
    this.editWaiters = [];
    for (const resume of waiting) resume();
  }

  /** Events are on for the add-in (`context.runtime.enableEvents`, ExcelApi 1.8). */
  get eventsEnabled(): boolean {
    return this.enableEvents;
  }

  /** Calls carried by sync `n`. */
  callsInSync(n: number): RecordedCall[] {
    return this.calls.filter((c) => c.sync === n);
  }

  /**
   * A user typing into cells: changes the values and raises the change event (not ours). Resolves once
   * the event has been delivered (Excel delivers it asynchronously, after the edit).
   */
  async userEdit(sheetName: string, address: string, values: CellValue[][]): Promise<void> {
    this.edit(sheetName, address, values, 'Local');
    await this.settle();
  }

  /** A co-author's edit (co-authoring in Excel on the web or Microsoft 365): source `Remote`. */
  async remoteEdit(sheetName: string, address: string, values: CellValue[][]): Promise<void> {
    this.edit(sheetName, address, values, 'Remote');
    await this.settle();
  }

  /** A structural change by the user (`RowInserted`, `RowDeleted`, …) on whole rows or cells. */
  async userChange(sheetName: string, address: string, changeType: FakeChangeType): Promise<void> {
    const sheet = this.state.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    this.deliver(sheet, address, 'Unknown', 'Local', changeType);
    await this.settle();
  }

  private edit(sheetName: string, address: string, values: CellValue[][], source: 'Local' | 'Remote'): void {
    const sheet = this.state.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const r = parseA1(address);
    values.forEach((row, i) =>
      row.forEach((value, j) => {
        const cell = this.state.cell(sheet, r.top + i, r.left + j);
        cell.value = value;
        cell.text = displayText(value, cell.numberFormat);
      }),
    );
    this.deliver(sheet, compactRangeAddress(r), 'Unknown', source, 'RangeEdited');
  }

  /** Resolves when every change event raised so far has been delivered to its handlers. */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  record(
    target: string,
    member: string,
    args: readonly unknown[],
    action: Action,
    responseBytes?: () => number,
  ): void {
    const call: RecordedCall = { sync: this.syncCount + 1, target, member, args };
    this.calls.push(call);
    const failure = this.failures.find((f) => f.when(call));
    let run = action;
    if (failure) {
      if (failure.once !== false) this.failures = this.failures.filter((f) => f !== failure);
      run = () => {
        throw new FakeOfficeError(
          failure.code,
          `${failure.code} at ${target}.${member}`,
          `${target}.${member}`,
        );
      };
    }
    const needs = API_VERSIONS.find(([pattern]) => pattern.test(member));
    if (needs && !versionAtLeast(this.apiVersion, needs[1])) {
      run = () => {
        throw new FakeOfficeError(
          'ApiNotFound',
          `${member} needs ExcelApi ${needs[1]}`,
          `${target}.${member}`,
        );
      };
    }
    this.queue.push({ call, action: run, responseBytes });
  }

  trace(message: string): void {
    const call: RecordedCall = {
      sync: this.syncCount + 1,
      target: 'context',
      member: 'trace()',
      args: [message],
    };
    this.calls.push(call);
    this.queue.push({ call, action: () => this.traces.push(message) });
  }

  noteWrite(sheet: FakeSheet, range: CellRange): void {
    // With events off (runtime.enableEvents = false), the add-in gets no events for what happens meanwhile.
    if (this.enableEvents) this.written.push({ sheet, range });
  }

  /** `context.runtime.enableEvents = value`, carried out in sync order. */
  setEvents(value: boolean): void {
    this.enableEvents = value;
  }

  async sync(options: FakeRunOptions = {}): Promise<void> {
    this.syncCount++;
    const queue = this.queue;
    this.queue = [];
    this.traces = [];
    this.written = [];
    if (this.onSync) {
      await this.onSync(this.syncCount);
      await this.settle();
    }
    if (this.editMode && options.delayForCellEdit) {
      await new Promise<void>((resume) => this.editWaiters.push(resume));
    }
    if (this.editMode) throw new FakeOfficeError('InvalidOperationInCellEditMode', 'cell edit mode');
    const request = jsonBytes(queue.map((q) => [q.call.target, q.call.member, q.call.args]));
    if (request > this.payloadLimit) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `request of ${request} bytes`);
    }
    let response = 0;
    for (const item of queue) {
      try {
        item.action();
      } catch (error) {
        if (error instanceof FakeOfficeError) error.traceMessages = [...this.traces];
        this.raiseWrites();
        throw error;
      }
      response += item.responseBytes?.() ?? 0;
    }
    if (response > this.payloadLimit) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `response of ${response} bytes`);
    }
    this.raiseWrites();
  }

  /** Excel raises onChanged for an add-in's own writes too (source Local). */
  private raiseWrites(): void {
    const written = this.written;
    this.written = [];
    for (const w of written) {
      this.deliver(w.sheet, compactRangeAddress(w.range), 'ThisLocalAddin', 'Local', 'RangeEdited');
    }
  }

  /**
   * Delivers a change event to the sheet's handlers on a later task, never inside `sync()`: Excel raises
   * events asynchronously, after the batch that caused them has returned
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events). The handlers are
   * those registered when the change happened.
   */
  private deliver(
    sheet: FakeSheet,
    address: string,
    trigger: 'ThisLocalAddin' | 'Unknown',
    source: 'Local' | 'Remote',
    changeType: FakeChangeType,
  ): void {
    const handlers = [...sheet.handlers];
    if (handlers.length === 0 || !this.enableEvents) return;
    const event: FakeChangedEvent = {
      type: 'WorksheetChanged',
      worksheetId: sheet.id,
      address,
      changeType,
      source,
    };
    if (versionAtLeast(this.apiVersion, '1.14')) event.triggerSource = trigger;
    const delivery: Promise<void> = new Promise<void>((resolve) => later(resolve)).then(async () => {
      for (const handler of handlers) await handler({ ...event });
    });
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }
}

/** Throws PropertyNotLoaded until a load of `name` was synced, as Office.js does. */
class Loadable {
  protected loaded = new Map<string, unknown>();

  protected read(name: string): unknown {
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Load and sync first.`,
      );
    }
    return this.loaded.get(name);
  }
}

/**
 * Nested property writes (`format.fill.color = x`) as one recorded call each, applied at sync by
 * `apply(path, value)`. Methods are given by path (`borders.getItem`). Paths in `wholeObjects` are
 * value objects: they can be set whole, and reading one (to set a member) fails as an unloaded
 * property does in Office.js.
 */
function propertyBag(
  fake: FakeExcel,
  target: string,
  prefix: string,
  apply: (path: string, value: unknown) => void,
  methods: Record<string, (...args: unknown[]) => unknown> = {},
  wholeObjects: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  return new Proxy({} as Record<string, unknown>, {
    get(_obj, prop) {
      if (typeof prop !== 'string') return undefined;
      const path = prefix ? `${prefix}.${prop}` : prop;
      const method = methods[path];
      if (method) return method;
      if (wholeObjects.has(path)) {
        throw new FakeOfficeError(
          'PropertyNotLoaded',
          `${path} is a value object: set it whole, not member by member`,
        );
      }
      return propertyBag(fake, target, path, apply, methods, wholeObjects);
    },
    set(_obj, prop, value) {
      const path = prefix ? `${prefix}.${String(prop)}` : String(prop);
      fake.record(target, `${path}=`, [value], () => apply(path, value));
      return true;
    },
  });
}

export interface FakeRunOptions {
  readonly delayForCellEdit?: boolean;
}

class FakeContext {
  readonly workbook: FakeWorkbook;
  /**
   * `context.runtime` (ExcelApi 1.8 for enableEvents): "Toggle JavaScript events in the current task
   * pane or content add-in" (https://learn.microsoft.com/javascript/api/excel/excel.runtime).
   */
  readonly runtime: { enableEvents: boolean };

  constructor(
    readonly fake: FakeExcel,
    private readonly options: FakeRunOptions,
  ) {
    this.workbook = new FakeWorkbook(fake);
    this.runtime = {
      set enableEvents(value: boolean) {
        fake.record('runtime', 'runtime.enableEvents=', [value], () => fake.setEvents(value));
      },
      get enableEvents(): boolean {
        throw new FakeOfficeError('PropertyNotLoaded', 'runtime.enableEvents');
      },
    };
  }

  sync(): Promise<void> {
    return this.fake.sync(this.options);
  }

  trace(message: string): void {
    this.fake.trace(message);
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly names: FakeNames;
  readonly application: { suspendScreenUpdatingUntilNextSync: () => void };
  readonly protection: FakeWorkbookProtection;

  constructor(fake: FakeExcel) {
    this.worksheets = new FakeWorksheets(fake);
    this.names = new FakeNames(fake);
    this.application = {
      suspendScreenUpdatingUntilNextSync: () =>
        fake.record('application', 'suspendScreenUpdatingUntilNextSync()', [], () => undefined),
    };
    this.protection = new FakeWorkbookProtection(fake);
  }
}

class FakeWorkbookProtection extends Loadable {
  constructor(private readonly fake: FakeExcel) {
    super();
  }

  load(props: string): this {
    this.fake.record('workbook.protection', `load(${props})`, [], () =>
      this.loaded.set('protected', this.fake.state.structureProtected),
    );
    return this;
  }

  get protected(): boolean {
    return this.read('protected') as boolean;
  }
}

class FakeWorksheets extends Loadable {
  constructor(private readonly fake: FakeExcel) {
    super();
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.fake, `worksheets.getItem(${name})`, () => {
      const sheet = this.fake.state.sheet(name);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', `no sheet ${name}`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.fake,
      `worksheets.getItemOrNullObject(${name})`,
      () => this.fake.state.sheet(name) ?? null,
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.fake, 'worksheets.getActiveWorksheet()', () => {
      const sheet = this.fake.state.sheet(this.fake.state.activeSheet);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', 'no active sheet');
      return sheet;
    });
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.fake.record('worksheets', 'add()', [name], () => {
      if (this.fake.state.structureProtected) throw new FakeOfficeError('AccessDenied', 'workbook protected');
      if (this.fake.state.sheet(name)) throw new FakeOfficeError('ItemAlreadyExists', `sheet ${name} exists`);
      created = this.fake.state.addSheet(name);
    });
    return new FakeWorksheet(this.fake, `worksheets.add(${name})`, () => {
      if (!created) throw new FakeOfficeError('ItemNotFound', `sheet ${name} was not added`);
      return created;
    });
  }

  load(props: string): this {
    this.fake.record('worksheets', `load(${props})`, [], () => {
      this.loaded.set(
        'items',
        this.fake.state.sheets.map((s) => ({
          name: s.name,
          visibility: s.visibility,
          protection: { protected: s.protected },
        })),
      );
    });
    return this;
  }

  get items(): { name: string; visibility: string; protection: { protected: boolean } }[] {
    return this.read('items') as { name: string; visibility: string; protection: { protected: boolean } }[];
  }
}

class FakeWorksheet extends Loadable {
  readonly protection: { load: (p: string) => unknown; readonly protected: boolean };
  readonly pageLayout: Record<string, unknown>;
  readonly horizontalPageBreaks: { add: (address: string) => void; removePageBreaks: () => void };
  readonly verticalPageBreaks: { add: (address: string) => void; removePageBreaks: () => void };
  readonly onChanged: { add: (handler: (event: FakeChangedEvent) => unknown) => { remove: () => void } };
  readonly charts: { add: (type: string, source: { path: string }, seriesBy: string) => unknown };

  constructor(
    private readonly fake: FakeExcel,
    readonly path: string,
    private readonly locateOrNull: () => FakeSheet | null,
  ) {
    super();
    const loadedProtection = new Map<string, unknown>();
    this.protection = {
      load: (props: string) => {
        fake.record(path, `protection.load(${props})`, [], () =>
          loadedProtection.set('protected', this.locate().protected),
        );
        return this.protection;
      },
      get protected(): boolean {
        if (!loadedProtection.has('protected')) throw new FakeOfficeError('PropertyNotLoaded', 'protected');
        return loadedProtection.get('protected') as boolean;
      },
    };
    const layoutMethods: Record<string, (...args: unknown[]) => unknown> = {
      setPrintArea: (area: unknown) =>
        fake.record(path, 'pageLayout.setPrintArea()', [area], () => {
          this.locate().pageLayout.printArea = area;
        }),
      setPrintTitleRows: (rows: unknown) =>
        fake.record(path, 'pageLayout.setPrintTitleRows()', [rows], () => {
          this.locate().pageLayout.printTitleRows = rows;
        }),
      setPrintTitleColumns: (columns: unknown) =>
        fake.record(path, 'pageLayout.setPrintTitleColumns()', [columns], () => {
          this.locate().pageLayout.printTitleColumns = columns;
        }),
    };
    // Record pageLayout writes with their `pageLayout.` prefix (for the requirement-set check).
    const loadedLayout = new Map<string, unknown>();
    this.pageLayout = new Proxy({} as Record<string, unknown>, {
      get: (_t, prop) => {
        if (typeof prop !== 'string') return undefined;
        if (prop in layoutMethods) return layoutMethods[prop as keyof typeof layoutMethods];
        if (prop === 'load') {
          return (props: string) => {
            fake.record(path, `pageLayout.load(${props})`, [], () => {
              for (const name of props.split(',')) loadedLayout.set(name, this.locate().pageLayout[name]);
            });
            return this.pageLayout;
          };
        }
        // PageLayout.zoom is a PageLayoutZoomOptions value object, set whole
        // (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-zoom-member):
        // read before a load, it is not there to set a member of.
        if (prop === 'zoom') {
          if (!loadedLayout.has('zoom')) {
            throw new FakeOfficeError(
              'PropertyNotLoaded',
              'pageLayout.zoom: load it, or set the whole object',
            );
          }
          return loadedLayout.get('zoom');
        }
        return propertyBag(fake, path, `pageLayout.${prop}`, (p, v) => {
          this.locate().pageLayout[p.replace(/^pageLayout\./, '')] = v;
        });
      },
      set: (_t, prop, value) => {
        fake.record(path, `pageLayout.${String(prop)}=`, [value], () => {
          const layout = this.locate().pageLayout;
          // Excel may not apply a fit-to-pages zoom unless the Page Layout tab is selected
          // (a scale is); `fitToPagesIgnored` plays that Excel.
          const zoom = value as { horizontalFitToPages?: unknown; verticalFitToPages?: unknown };
          const fits = zoom?.horizontalFitToPages !== undefined || zoom?.verticalFitToPages !== undefined;
          if (prop === 'zoom' && fits && fake.fitToPagesIgnored) return;
          layout[String(prop)] = value;
        });
        return true;
      },
    });
    this.horizontalPageBreaks = {
      add: (address: string) =>
        fake.record(path, 'horizontalPageBreaks.add()', [address], () => {
          const sheet = this.locate();
          const row = parseA1(address).top;
          if (!sheet.rowBreaks.includes(row)) sheet.rowBreaks.push(row);
        }),
      removePageBreaks: () =>
        fake.record(path, 'horizontalPageBreaks.removePageBreaks()', [], () => {
          this.locate().rowBreaks = [];
        }),
    };
    // Column breaks are kept with the page layout (`columnBreaks`: column numbers).
    this.verticalPageBreaks = {
      add: (address: string) =>
        fake.record(path, 'verticalPageBreaks.add()', [address], () => {
          const layout = this.locate().pageLayout;
          const col = parseA1(address).left;
          const breaks = (layout.columnBreaks as number[] | undefined) ?? [];
          if (!breaks.includes(col)) layout.columnBreaks = [...breaks, col];
        }),
      removePageBreaks: () =>
        fake.record(path, 'verticalPageBreaks.removePageBreaks()', [], () => {
          delete this.locate().pageLayout.columnBreaks;
        }),
    };
    // Charts: enough of Excel.Chart for a plan's chart (type, source, title, legend, position, series).
    this.charts = {
      add: (type, source, seriesBy) => {
        const address = /getRange\(([^)]*)\)$/.exec(source.path)?.[1] ?? source.path;
        const chart: FakeChart = { type, source: address, seriesBy, series: [] };
        const rangeAddress = (range: { path: string }) =>
          /getRange\(([^)]*)\)$/.exec(range.path)?.[1] ?? range.path;
        const chartPath = `${path}.charts.add(${type})`;
        fake.record(path, 'charts.add()', [type, address, seriesBy], () => this.locate().charts.push(chart));
        const seriesAt = (i: number) => {
          const at = (): { xAxisValues?: string; fill?: string } => (chart.series[i] ??= {});
          return {
            setXAxisValues: (range: { path: string }) =>
              fake.record(chartPath, `series.getItemAt(${i}).setXAxisValues()`, [rangeAddress(range)], () => {
                at().xAxisValues = rangeAddress(range);
              }),
            format: {
              fill: {
                setSolidColor: (color: string) =>
                  fake.record(
                    chartPath,
                    `series.getItemAt(${i}).format.fill.setSolidColor()`,
                    [color],
                    () => {
                      at().fill = color;
                    },
                  ),
              },
            },
          };
        };
        return {
          title: {
            set text(value: string) {
              fake.record(chartPath, 'title.text=', [value], () => {
                chart.title = value;
              });
            },
          },
          legend: {
            set position(value: string) {
              fake.record(chartPath, 'legend.position=', [value], () => {
                chart.legend = value;
              });
            },
          },
          setPosition: (start: string, end: string) =>
            fake.record(chartPath, 'setPosition()', [start, end], () => {
              chart.position = [start, end];
            }),
          series: { getItemAt: seriesAt },
        };
      },
    };
    this.onChanged = {
      add: (handler) => {
        fake.record(path, 'onChanged.add()', [], () => this.locate().handlers.push(handler));
        return {
          remove: () =>
            fake.record(path, 'onChanged.remove()', [], () => {
              const sheet = this.locate();
              sheet.handlers = sheet.handlers.filter((h) => h !== handler);
            }),
        };
      },
    };
  }

  locate(): FakeSheet {
    const sheet = this.locateOrNull();
    if (!sheet) throw new FakeOfficeError('ItemNotFound', `${this.path} does not exist`);
    return sheet;
  }

  load(props: string): this {
    this.fake.record(this.path, `load(${props})`, [], () => {
      const sheet = this.locateOrNull();
      this.loaded.set('isNullObject', sheet === null);
      if (sheet) {
        this.loaded.set('name', sheet.name);
        this.loaded.set('visibility', sheet.visibility);
        this.loaded.set('id', sheet.id);
      }
    });
    return this;
  }

  get name(): string {
    return this.read('name') as string;
  }

  get id(): string {
    return this.read('id') as string;
  }

  get isNullObject(): boolean {
    return this.read('isNullObject') as boolean;
  }

  set visibility(value: string) {
    this.fake.record(this.path, 'visibility=', [value], () => {
      this.locate().visibility = value as FakeSheet['visibility'];
    });
  }

  get visibility(): string {
    return this.read('visibility') as string;
  }

  delete(): void {
    this.fake.record(this.path, 'delete()', [], () => {
      const sheet = this.locate();
      if (sheet.visibility === 'VeryHidden') {
        throw new FakeOfficeError('InvalidOperation', 'A veryHidden sheet cannot be deleted');
      }
      if (this.fake.state.structureProtected) throw new FakeOfficeError('AccessDenied', 'workbook protected');
      const state = this.fake.state;
      state.sheets = state.sheets.filter((s) => s !== sheet);
      for (const name of state.names) {
        if (name.type === 'Range' && name.formula.includes(`${quoteName(sheet.name)}!`)) {
          name.type = 'Error';
          name.formula = '=#REF!';
        }
      }
    });
  }

  activate(): void {
    this.fake.record(this.path, 'activate()', [], () => {
      this.fake.state.activeSheet = this.locate().name;
    });
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.fake, `${this.path}.getRange(${address})`, () => ({
      sheet: this.locate(),
      range: parseA1(address),
    }));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.fake, `${this.path}.getRangeByIndexes(${row},${col},${rows},${cols})`, () => ({
      sheet: this.locate(),
      range: { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols },
    }));
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.fake, `${this.path}.getUsedRange(${valuesOnly})`, () => {
      const sheet = this.locate();
      return { sheet, range: this.fake.state.usedRange(sheet, valuesOnly) };
    });
  }
}

class FakeRange extends Loadable {
  readonly format: Record<string, unknown>;
  readonly conditionalFormats: {
    add: (type: string) => Record<string, unknown>;
    clearAll: () => void;
    load: (props: string) => unknown;
    readonly items: FakeConditionalFormatItem[];
  };
  readonly dataValidation: Record<string, unknown>;

  constructor(
    private readonly fake: FakeExcel,
    readonly path: string,
    readonly locate: Locate,
  ) {
    super();
    const forEachCell = (fn: (cell: FakeCell, col: number) => void): void => {
      const { sheet, range } = this.locate();
      if (range.bottom === MAX_ROW) return;
      for (let row = range.top; row <= range.bottom; row++) {
        for (let col = range.left; col <= range.right; col++) fn(this.fake.state.cell(sheet, row, col), col);
      }
    };
    this.format = propertyBag(
      fake,
      path,
      'format',
      (prop, value) => {
        const { sheet, range } = this.locate();
        if (prop === 'format.columnWidth') {
          // A protected sheet refuses column formatting (Worksheet.protection, allowFormatColumns off).
          this.guard(sheet);
          for (let col = range.left; col <= range.right; col++) sheet.columnWidths.set(col, value as number);
          return;
        }
        if (prop === 'format.rowHeight') {
          this.guard(sheet);
          for (let row = range.top; row <= range.bottom; row++) sheet.rowHeights.set(row, value as number);
          return;
        }
        this.guard(sheet);
        forEachCell((cell) => {
          cell.style[prop.replace(/^format\./, '')] = value;
        });
      },
      {
        'format.borders.getItem': (edge: unknown) =>
          propertyBag(fake, path, `format.borders.${String(edge)}`, (prop, value) => {
            this.guard(this.locate().sheet);
            forEachCell((cell) => {
              cell.style[prop.replace(/^format\./, '')] = value;
            });
          }),
      },
    );
    let loadedItems: FakeConditionalFormatItem[] | null = null;
    this.conditionalFormats = {
      load: (props: string) => {
        fake.record(path, `conditionalFormats.load(${props})`, [], () => {
          const { sheet, range } = this.locate();
          loadedItems = rulesOver(sheet, range).map(
            (cf, index) => new FakeConditionalFormatItem(fake, path, this.locate, index, cf),
          );
        });
        return this.conditionalFormats;
      },
      get items(): FakeConditionalFormatItem[] {
        if (!loadedItems) throw new FakeOfficeError('PropertyNotLoaded', 'conditionalFormats.items');
        return loadedItems;
      },
      add: (type: string) => {
        const cf: FakeConditionalFormat = { ranges: [], type, props: {} };
        fake.record(path, 'conditionalFormats.add()', [type], () => {
          const { sheet, range } = this.locate();
          this.guard(sheet);
          cf.ranges = [range];
          // "Adds a new conditional format to the collection at the first/top priority."
          // https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection#excel-excel-conditionalformatcollection-add-member(1)
          sheet.conditionalFormats.unshift(cf);
        });
        return propertyBag(
          fake,
          `${path}.conditionalFormats[${type}]`,
          '',
          (prop, value) => {
            if (prop === 'priority') {
              const { sheet, range } = this.locate();
              movePriority(sheet, range, cf, Number(value));
              return;
            }
            cf.props[prop] = value;
          },
          {},
          WHOLE_OBJECT_RULE_PROPS,
        );
      },
      // "Clears all conditional formats active on the current specified range": rules wholly inside go,
      // rules partly inside lose those cells (as Home > Conditional Formatting > Clear Rules does).
      // https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection#excel-excel-conditionalformatcollection-clearall-member(1)
      clearAll: () =>
        fake.record(path, 'conditionalFormats.clearAll()', [], () => {
          const { sheet, range } = this.locate();
          this.guard(sheet);
          clearRules(sheet, range);
        }),
    };
    this.dataValidation = propertyBag(
      fake,
      path,
      'dataValidation',
      (prop, value) => {
        const { sheet, range } = this.locate();
        this.guard(sheet);
        if (prop !== 'dataValidation.rule' && prop !== 'dataValidation.prompt')
          throw new FakeOfficeError('InvalidArgument', `${prop} is not modelled`);
        const validation = validationToSet(sheet, range, prop);
        if (prop === 'dataValidation.rule') validation.rule = value;
        else validation.prompt = checkedPrompt(value);
      },
      {
        // "Clears the data validation from the current range": a validation partly inside keeps its
        // other cells, as Data > Data Validation > Clear All does.
        // https://learn.microsoft.com/javascript/api/excel/excel.datavalidation#excel-excel-datavalidation-clear-member(1)
        'dataValidation.clear': () =>
          fake.record(path, 'dataValidation.clear()', [], () => {
            const { sheet, range } = this.locate();
            this.guard(sheet);
            sheet.validations = sheet.validations.flatMap((v) =>
              subtractRange(v.range, range).map((part) => ({ ...v, range: part })),
            );
          }),
      },
      // `rule` and `prompt` are value objects: set whole, never member by member.
      new Set(['dataValidation.rule', 'dataValidation.prompt']),
    );
  }

  private guard(sheet: FakeSheet): void {
    if (sheet.protected) throw new FakeOfficeError('AccessDenied', `sheet ${sheet.name} is protected`);
  }

  load(props: string): this {
    const names = props.split(',').map((p) => p.trim());
    const matrix = (fn: (cell: FakeCell | undefined) => unknown): unknown[][] => {
      const { sheet, range } = this.locate();
      const out: unknown[][] = [];
      for (let row = range.top; row <= range.bottom; row++) {
        const line: unknown[] = [];
        for (let col = range.left; col <= range.right; col++) line.push(fn(sheet.cells.get(key(row, col))));
        out.push(line);
      }
      return out;
    };
    this.fake.record(
      this.path,
      `load(${props})`,
      [],
      () => {
        const { range } = this.locate();
        for (const name of names) {
          if (name === 'values')
            this.loaded.set(
              name,
              matrix((c) => c?.value ?? ''),
            );
          else if (name === 'text')
            this.loaded.set(
              name,
              matrix((c) => c?.text ?? ''),
            );
          else if (name === 'numberFormat')
            this.loaded.set(
              name,
              matrix((c) => c?.numberFormat ?? 'General'),
            );
          else if (name === 'rowIndex') this.loaded.set(name, range.top - 1);
          else if (name === 'columnIndex') this.loaded.set(name, range.left - 1);
          else if (name === 'rowCount') this.loaded.set(name, range.bottom - range.top + 1);
          else if (name === 'columnCount') this.loaded.set(name, range.right - range.left + 1);
          else if (name === 'address')
            this.loaded.set(name, `${quoteName(this.locate().sheet.name)}!${compactRangeAddress(range)}`);
          else throw new FakeOfficeError('InvalidArgument', `fake cannot load ${name}`);
        }
      },
      () => jsonBytes(names.filter((n) => this.loaded.has(n)).map((n) => this.loaded.get(n))),
    );
    return this;
  }

  get values(): unknown[][] {
    return this.read('values') as unknown[][];
  }

  set values(values: unknown[][]) {
    this.fake.record(this.path, 'values=', [values], () => {
      const { sheet, range } = this.locate();
      this.guard(sheet);
      this.checkShape(values, range);
      values.forEach((row, i) =>
        row.forEach((input, j) => {
          // null in a 2-D array leaves the cell unchanged
          // (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
          if (input === null) return;
          const cell = this.fake.state.cell(sheet, range.top + i, range.left + j);
          cell.value = coerce(input, cell.numberFormat);
          cell.text = displayText(cell.value, cell.numberFormat);
        }),
      );
      this.fake.noteWrite(sheet, range);
    });
  }

  get text(): unknown[][] {
    return this.read('text') as unknown[][];
  }

  get numberFormat(): unknown[][] {
    return this.read('numberFormat') as unknown[][];
  }

  set numberFormat(formats: unknown[][]) {
    this.fake.record(this.path, 'numberFormat=', [formats], () => {
      const { sheet, range } = this.locate();
      this.guard(sheet);
      this.checkShape(formats, range);
      formats.forEach((row, i) =>
        row.forEach((format, j) => {
          if (format === null) return;
          const cell = this.fake.state.cell(sheet, range.top + i, range.left + j);
          // '' resets the format to General (the same page as above).
          cell.numberFormat = format === '' ? 'General' : String(format);
          cell.text = displayText(cell.value, cell.numberFormat);
        }),
      );
    });
  }

  get rowIndex(): number {
    return this.read('rowIndex') as number;
  }

  get columnIndex(): number {
    return this.read('columnIndex') as number;
  }

  get rowCount(): number {
    return this.read('rowCount') as number;
  }

  get columnCount(): number {
    return this.read('columnCount') as number;
  }

  get address(): string {
    return this.read('address') as string;
  }

  private checkShape(data: unknown[][], range: CellRange): void {
    const rows = range.bottom - range.top + 1;
    const cols = range.right - range.left + 1;
    if (data.length !== rows || data.some((row) => row.length !== cols)) {
      throw new FakeOfficeError(
        'InvalidArgument',
        `array of ${data.length} rows does not fit ${compactRangeAddress(range)}`,
      );
    }
  }

  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.fake, `${this.path}.getCell(${row},${col})`, () => {
      const { sheet, range } = this.locate();
      const top = range.top + row;
      const left = range.left + col;
      return { sheet, range: { top, left, bottom: top, right: left } };
    });
  }

  getResizedRange(rows: number, cols: number): FakeRange {
    return new FakeRange(this.fake, `${this.path}.getResizedRange(${rows},${cols})`, () => {
      const { sheet, range } = this.locate();
      return {
        sheet,
        range: {
          ...range,
          bottom: Math.min(MAX_ROW, range.bottom + rows),
          right: Math.min(MAX_COL, range.right + cols),
        },
      };
    });
  }

  /**
   * The merges whose top-left cell lies in the range, whole even where they run past it, as Excel gives
   * them; more than `mergedAreasLimit` of them fail.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = new FakeRangeAreas(this.fake, `${this.path}.getMergedAreasOrNullObject()`, () => {
      const { sheet, range } = this.locate();
      const merges = sheet.merges.filter((m) => rangeInside({ ...m, bottom: m.top, right: m.left }, range));
      if (merges.length > this.fake.mergedAreasLimit) {
        throw new FakeOfficeError(
          'GeneralException',
          `${merges.length} merged areas: more than the API lists`,
        );
      }
      return { sheet, merges };
    });
    this.fake.record(this.path, 'getMergedAreasOrNullObject()', [], () => undefined);
    return areas;
  }

  merge(across = false): void {
    this.fake.record(this.path, 'merge()', [across], () => {
      const { sheet, range } = this.locate();
      this.guard(sheet);
      if (
        sheet.merges.some(
          (m) => rangesOverlap(m, range) && compactRangeAddress(m) !== compactRangeAddress(range),
        )
      ) {
        throw new FakeOfficeError(
          'MergedRangeConflict',
          `merge ${compactRangeAddress(range)} overlaps another merge`,
        );
      }
      if (!sheet.merges.some((m) => compactRangeAddress(m) === compactRangeAddress(range)))
        sheet.merges.push(range);
    });
  }

  clear(applyTo = 'All'): void {
    this.fake.record(this.path, 'clear()', [applyTo], () => {
      const { sheet, range } = this.locate();
      this.guard(sheet);
      for (const [k, cell] of sheet.cells) {
        const [row, col] = k.split(',').map(Number);
        if (row < range.top || row > range.bottom || col < range.left || col > range.right) continue;
        if (applyTo === 'All' || applyTo === 'Contents') {
          cell.value = '';
          cell.text = '';
        }
        if (applyTo === 'All' || applyTo === 'Formats') {
          cell.style = {};
          cell.numberFormat = 'General';
          cell.text = displayText(cell.value, 'General');
        }
        if (cell.value === '' && cell.numberFormat === 'General' && Object.keys(cell.style).length === 0) {
          sheet.cells.delete(k);
        }
      }
      if (applyTo === 'All' || applyTo === 'Formats') {
        sheet.merges = sheet.merges.filter((m) => !rangeInside(m, range));
        // Clearing formats clears the conditional formats and data validation of the cells too
        // (Excel.ClearApplyTo: https://learn.microsoft.com/javascript/api/excel/excel.clearapplyto).
        clearRules(sheet, range);
        sheet.validations = sheet.validations.flatMap((v) =>
          subtractRange(v.range, range).map((part) => ({ ...v, range: part })),
        );
      }
      this.fake.noteWrite(sheet, range);
    });
  }

  select(): void {
    this.fake.record(this.path, 'select()', [], () => {
      const { sheet, range } = this.locate();
      this.fake.state.activeSheet = sheet.name;
      this.fake.state.selection = { sheet: sheet.name, address: compactRangeAddress(range) };
    });
  }
}

/**
 * What Excel stores for a value written through `range.values` into a cell with `numberFormat`, as
 * documented; where the reference does not say, the fake refuses rather than guess.
 * - In a Text (`@`) cell a string is kept as typed (the number format Excel gives text: `@`).
 * - "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets
 *   this value as a formula" (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member):
 *   the fake evaluates no formulas, so it refuses them.
 * - A leading apostrophe: what Excel stores is not documented for Office.js, so the fake refuses it.
 * - Numbers, percentages, booleans, error values and dates typed as text become numbers, booleans,
 *   errors or dates, as when typed into the cell; the fake stores plain numbers, percentages and
 *   booleans, and refuses the rest.
 */
function coerce(input: unknown, numberFormat: string): CellValue {
  if (typeof input === 'number' || typeof input === 'boolean') return input;
  const text = input == null ? '' : String(input);
  if (text === '' || numberFormat === '@') return text;
  if (text.startsWith("'")) {
    throw new FakeOfficeError(
      'InvalidArgument',
      `fake: an apostrophe prefix is undocumented in Office.js: ${text}`,
    );
  }
  const trimmed = text.trim();
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  const percent = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
  if (percent) return Number(percent[1]) / 100;
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === 'true';
  if (/^[=+-]/.test(text))
    throw new FakeOfficeError('InvalidArgument', `fake does not evaluate formulas: ${text}`);
  if (/^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!)$/i.test(trimmed)) {
    throw new FakeOfficeError('InvalidArgument', `Excel would store the error value ${text}, not text`);
  }
  if (
    /^[(¥$]?[\d.,]+\)?$/.test(trimmed) ||
    /^\d+\s*[/:.-]\s*\d+(\s*[/:.-]\s*\d+)?$/.test(trimmed) ||
    /^\d+\s*月\s*\d+\s*日$/.test(trimmed)
  ) {
    throw new FakeOfficeError('InvalidArgument', `Excel would turn ${text} into a number or date`);
  }
  if (
    /^[MTSHR]\d+\.\d+(\.\d+)?$/i.test(trimmed) ||
    /^([明大昭平令][治正和成])?\s*\d+\s*年\s*\d+\s*月(\s*\d+\s*日)?$/.test(trimmed)
  ) {
    throw new FakeOfficeError('InvalidArgument', `Excel would turn ${text} into a date`);
  }
  return text;
}

/**
 * The RangeAreas of merged cells. Its `address` may give each area's top-left cell only
 * (`mergedAreasAddress: 'topLeftCell'`); the `areas` collection's items give them whole (the workaround
 * Office.js's maintainers give).
 */
class FakeRangeAreas extends Loadable {
  readonly areas: { load: (props: string) => unknown; readonly items: { address: string }[] };

  constructor(
    private readonly fake: FakeExcel,
    readonly path: string,
    private readonly find: () => { sheet: FakeSheet; merges: CellRange[] },
  ) {
    super();
    let items: { address: string }[] | null = null;
    this.areas = {
      load: (props: string) => {
        fake.record(path, `areas.load(${props})`, [], () => {
          const { sheet, merges } = this.find();
          items = merges.map((m) => ({ address: `${quoteName(sheet.name)}!${compactRangeAddress(m)}` }));
        });
        return this.areas;
      },
      get items(): { address: string }[] {
        if (!items) throw new FakeOfficeError('PropertyNotLoaded', 'areas.items');
        return items;
      },
    };
  }

  load(props: string): this {
    this.fake.record(this.path, `load(${props})`, [], () => {
      const { sheet, merges } = this.find();
      const shown =
        this.fake.mergedAreasAddress === 'topLeftCell'
          ? merges.map((m) => ({ ...m, bottom: m.top, right: m.left }))
          : merges;
      this.loaded.set('isNullObject', merges.length === 0);
      this.loaded.set(
        'address',
        shown.map((m) => `${quoteName(sheet.name)}!${compactRangeAddress(m)}`).join(', '),
      );
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.read('isNullObject') as boolean;
  }

  get address(): string {
    return this.read('address') as string;
  }
}

class FakeNames extends Loadable {
  constructor(private readonly fake: FakeExcel) {
    super();
  }

  load(props: string): this {
    this.fake.record('names', `load(${props})`, [], () => {
      this.loaded.set(
        'items',
        this.fake.state.names.map((n) => ({ ...n })),
      );
    });
    return this;
  }

  get items(): FakeName[] {
    return this.read('items') as FakeName[];
  }

  add(name: string, reference: unknown): void {
    this.fake.record('names', 'add()', [name, reference], () => {
      if (this.fake.state.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError('ItemAlreadyExists', `name ${name} exists`);
      }
      const formula = String(reference);
      const match = /^=?(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(formula);
      const sheetName = match ? (match[1]?.replace(/''/g, "'") ?? match[2]) : '';
      const sheet = this.fake.state.sheet(sheetName);
      if (!sheet || !match) throw new FakeOfficeError('InvalidArgument', `bad reference ${formula}`);
      const range = parseA1(match[3]);
      this.fake.state.names.push({
        name,
        type: 'Range',
        formula: `=${quoteName(sheet.name)}!${absoluteAddress(range)}`,
      });
    });
  }

  /**
   * Names are case-insensitive ("Names are not case-sensitive", Excel's Define Name rules); the workbook's
   * collection holds workbook-scoped names only (a sheet's own are in `worksheet.names`):
   * https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection
   */
  getItem(name: string): { delete: () => void } {
    const same = (n: FakeName) => n.name.toLowerCase() === name.toLowerCase();
    return {
      delete: () =>
        this.fake.record(`names.getItem(${name})`, 'delete()', [], () => {
          const state = this.fake.state;
          if (!state.names.some(same)) throw new FakeOfficeError('ItemNotFound', `no name ${name}`);
          state.names = state.names.filter((n) => !same(n));
        }),
    };
  }
}

/** Rules that touch `range`, in priority order: `range.conditionalFormats`. */
export function rulesOver(sheet: FakeSheet, range: CellRange): FakeConditionalFormat[] {
  return sheet.conditionalFormats.filter((cf) => cf.ranges.some((r) => rangesOverlap(r, range)));
}

/**
 * `ConditionalFormat.priority = n`: the rule moves to index n of the collection it was got from (the
 * rules over `range`), "greater than the bounds … set to the maximum", negative from the back.
 * https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-priority-member
 */
function movePriority(sheet: FakeSheet, range: CellRange, cf: FakeConditionalFormat, priority: number): void {
  const others = rulesOver(sheet, range).filter((r) => r !== cf);
  const at = Math.max(0, Math.min(others.length, priority < 0 ? others.length + 1 + priority : priority));
  sheet.conditionalFormats = sheet.conditionalFormats.filter((r) => r !== cf);
  const before = others[at];
  const index = before
    ? sheet.conditionalFormats.indexOf(before)
    : sheet.conditionalFormats.indexOf(others[others.length - 1]) + 1;
  sheet.conditionalFormats.splice(index, 0, cf);
}

/** The rectangles of `area` outside `cut` (up to four). */
export function subtractRange(area: CellRange, cut: CellRange): CellRange[] {
  if (!rangesOverlap(area, cut)) return [area];
  const parts: CellRange[] = [];
  if (area.top < cut.top) parts.push({ ...area, bottom: cut.top - 1 });
  if (area.bottom > cut.bottom) parts.push({ ...area, top: cut.bottom + 1 });
  const top = Math.max(area.top, cut.top);
  const bottom = Math.min(area.bottom, cut.bottom);
  if (area.left < cut.left) parts.push({ top, bottom, left: area.left, right: cut.left - 1 });
  if (area.right > cut.right) parts.push({ top, bottom, left: cut.right + 1, right: area.right });
  return parts;
}

/**
 * The validation a `rule` or `prompt` write lands in: the one over exactly these cells, or a new one over
 * cells that hold none. Cells that hold a validation only in part (or another one beside) are refused as
 * Excel refuses them: a list rule set over a range part of which holds an earlier prompt fails with
 * InvalidArgument (https://github.com/OfficeDev/office-js/issues/2594); the add-in clears
 * the range first, as the reference's samples do.
 */
function validationToSet(sheet: FakeSheet, range: CellRange, prop: string): FakeValidation {
  const same = sheet.validations.find((v) => sameRange(v.range, range));
  if (same) return same;
  if (sheet.validations.some((v) => rangesOverlap(v.range, range))) {
    throw new FakeOfficeError(
      'InvalidArgument',
      'The argument is invalid or missing or has an incorrect format.',
      prop.replace(/^dataValidation\./, 'DataValidation.'),
    );
  }
  const validation: FakeValidation = { range, rule: null, prompt: null };
  sheet.validations.push(validation);
  return validation;
}

/**
 * `Excel.DataValidationPrompt` as Excel takes it: `showPrompt`, `title` and `message`
 * (https://learn.microsoft.com/javascript/api/excel/excel.datavalidationprompt), within Excel's limits of
 * 32 characters of title and 255 of message ([MS-OI29500] 2.1.613,
 * https://learn.microsoft.com/openspecs/office_standards/ms-oi29500/0114969a-4859-443e-ae3e-0c1fdebfcc64;
 * Validation.InputTitle "Limited to 32 characters", https://learn.microsoft.com/office/vba/api/excel.validation.inputtitle).
 * Longer text is refused, not cut: the fake does not guess what Excel would keep.
 */
function checkedPrompt(value: unknown): FakePrompt {
  const refuse = (why: string): never => {
    throw new FakeOfficeError('InvalidArgument', `DataValidationPrompt: ${why}`, 'DataValidation.prompt');
  };
  if (typeof value !== 'object' || value === null) return refuse('not an object');
  const { showPrompt, title, message } = value as Record<string, unknown>;
  if (typeof showPrompt !== 'boolean') return refuse('showPrompt is not a boolean');
  if (typeof title !== 'string' || typeof message !== 'string')
    return refuse('title and message are strings');
  if ([...title].length > 32) return refuse('title over 32 characters');
  if ([...message].length > 255) return refuse('message over 255 characters');
  const extra = Object.keys(value).filter((k) => !['showPrompt', 'title', 'message'].includes(k));
  if (extra.length > 0) return refuse(`unknown members ${extra.join(',')}`);
  return { showPrompt, title, message };
}

function clearRules(sheet: FakeSheet, range: CellRange): void {
  sheet.conditionalFormats = sheet.conditionalFormats.flatMap((cf) => {
    const ranges = cf.ranges.flatMap((r) => subtractRange(r, range));
    if (ranges.length === 0) return [];
    cf.ranges = ranges;
    return [cf];
  });
}

/**
 * Properties of a rule that are value objects (interfaces, not client objects), set whole: reading
 * into one to set a member (`cf.dataBar.lowerBoundRule.type = …`) fails in Office.js, whose proxies
 * hold no unloaded values. https://learn.microsoft.com/javascript/api/excel/excel.databarconditionalformat
 */
const WHOLE_OBJECT_RULE_PROPS: ReadonlySet<string> = new Set([
  'dataBar.lowerBoundRule',
  'dataBar.upperBoundRule',
  'cellValue.rule',
]);

/**
 * One conditional format as `conditionalFormats.items` gives it. Its `id` is its priority in the
 * collection ("The priority of the conditional format in the current ConditionalFormatCollection",
 * https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-id-member),
 * so the proxy stands for "the rule at that index" when its calls run: after a rule above it is
 * deleted it names the next one, or none (ItemNotFound).
 */
class FakeConditionalFormatItem {
  readonly id: string;
  readonly priority: number;

  constructor(
    private readonly fake: FakeExcel,
    private readonly path: string,
    private readonly locate: Locate,
    index: number,
    readonly loadedRule: FakeConditionalFormat,
  ) {
    this.id = String(index);
    this.priority = index;
  }

  private rule(): { sheet: FakeSheet; cf: FakeConditionalFormat } {
    const { sheet, range } = this.locate();
    const cf = rulesOver(sheet, range)[this.priority];
    if (!cf) throw new FakeOfficeError('ItemNotFound', `no conditional format at priority ${this.id}`);
    return { sheet, cf };
  }

  /** `getRangeOrNullObject()`: a null object for a rule over several ranges (as documented). */
  getRangeOrNullObject(): AddressProxy {
    return this.addressOf('getRangeOrNullObject()', (cf) => (cf.ranges.length === 1 ? cf.ranges : null));
  }

  /** `getRanges()` (ExcelApi 1.9): every rectangle of the rule. */
  getRanges(): AddressProxy {
    return this.addressOf('getRanges()', (cf) => cf.ranges);
  }

  private addressOf(member: string, ranges: (cf: FakeConditionalFormat) => CellRange[] | null): AddressProxy {
    const loaded = new Map<string, unknown>();
    const target = `${this.path}.conditionalFormats.getItem(${this.id})`;
    const result: AddressProxy = {
      load: (props: string) => {
        this.fake.record(target, `${member}.load(${props})`, [], () => {
          const { sheet, cf } = this.rule();
          const areas = ranges(cf);
          loaded.set('isNullObject', areas === null);
          if (areas) {
            loaded.set(
              'address',
              areas.map((r) => `${quoteName(sheet.name)}!${compactRangeAddress(r)}`).join(','),
            );
          }
        });
        return result;
      },
      get isNullObject(): boolean {
        if (!loaded.has('isNullObject')) throw new FakeOfficeError('PropertyNotLoaded', 'isNullObject');
        return loaded.get('isNullObject') as boolean;
      },
      get address(): string {
        if (!loaded.has('address')) throw new FakeOfficeError('PropertyNotLoaded', 'address');
        return loaded.get('address') as string;
      },
    };
    return result;
  }

  delete(): void {
    this.fake.record(`${this.path}.conditionalFormats.getItem(${this.id})`, 'delete()', [], () => {
      const { sheet, cf } = this.rule();
      if (sheet.protected) throw new FakeOfficeError('AccessDenied', `sheet ${sheet.name} is protected`);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((r) => r !== cf);
    });
  }
}

interface AddressProxy {
  load: (p: string) => AddressProxy;
  readonly isNullObject: boolean;
  readonly address: string;
}
