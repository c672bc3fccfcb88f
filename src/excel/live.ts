/**
 * Live re-judging: edits in the KPI sheet re-judge the rows they touched and rewrite only those rows'
 * flags. Excel raises `onChanged` for the add-in's own writes as well: the host turns events off while
 * it writes (`runtime.enableEvents`, ExcelApi 1.8) and tells them apart by `triggerSource` (ExcelApi
 * 1.14); on ExcelApi 1.7 only the ranges it just wrote tell.
 */
import { rangeInside } from '../core/a1';
import { analyze } from '../core/analyze';
import { restrictToRows } from '../core/plan/restrict';
import type { CellRange, Settings, WritePlan } from '../core/types';
import { parseAddress, parseReference } from './a1';
import type { ApplyResult, WorkbookHost } from '../core/host';

/**
 * The planner (Evaluation → WritePlan), in its own script chunk: the task pane's first script only reads and
 * judges, and loads the planner when it first writes.
 */
export function loadPlanner(): Promise<typeof import('../core/pipeline')> {
  return import(/* webpackChunkName: "write-plan" */ '../core/pipeline');
}

/** How long after a write its change events count as the add-in's own. */
export const OWN_WRITE_WINDOW_MS = 5000;

/** Re-judging waits this long after the last edit, so a paste or fast typing costs one run. */
export const LIVE_DEBOUNCE_MS = 400;

/** Rows beyond this in one event (a whole column pasted) are capped at the sheet's last read row. */
const MAX_EVENT_ROWS = 10000;

export interface SheetArea {
  readonly sheet: string;
  readonly range: CellRange;
}

/** `Sheet!P5:Q7`, `P5`, `5:7` → the range; whole columns → rows 1…1048576. */
export function eventRange(address: string): CellRange | null {
  const local = address.includes('!') ? (parseReference(address)?.range ?? null) : parseAddress(address);
  if (local) return local;
  const text = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const rows = /^(\d+):(\d+)$/.exec(text);
  if (rows) return { top: Number(rows[1]), left: 1, bottom: Number(rows[2]), right: 16384 };
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(text);
  if (cols) return { top: 1, left: 1, bottom: 1048576, right: 16384 };
  return null;
}

/** The cells a plan writes values into (or clears): the ranges whose change events are ours. */
export function writtenAreas(writePlan: WritePlan): SheetArea[] {
  const areas: SheetArea[] = [];
  for (const op of writePlan.ops) {
    if (op.op === 'clearRange') areas.push({ sheet: op.sheet, range: op.range });
    if (op.op === 'setValues' && op.values.length > 0) {
      const width = Math.max(1, ...op.values.map((row) => row.length));
      areas.push({
        sheet: op.sheet,
        range: {
          top: op.row,
          left: op.col,
          bottom: op.row + op.values.length - 1,
          right: op.col + width - 1,
        },
      });
    }
  }
  return areas;
}

/** Ranges the add-in wrote recently; a change event inside one of them is the add-in's own. */
export class OwnWrites {
  private areas: { area: SheetArea; until: number }[] = [];

  constructor(private readonly clock: () => number = Date.now) {}

  /** Around an apply: every event raised meanwhile on a written range is ours. */
  async during<T>(
    areas: readonly SheetArea[],
    write: () => Promise<T>,
    windowMs = OWN_WRITE_WINDOW_MS,
  ): Promise<T> {
    const entries = areas.map((area) => ({ area, until: Number.POSITIVE_INFINITY }));
    this.areas.push(...entries);
    try {
      return await write();
    } finally {
      const until = this.clock() + windowMs;
      for (const entry of entries) entry.until = until;
    }
  }

  isOwn(sheet: string, range: CellRange): boolean {
    const now = this.clock();
    this.areas = this.areas.filter((entry) => entry.until >= now);
    return this.areas.some((entry) => entry.area.sheet === sheet && rangeInside(range, entry.area.range));
  }
}

/** Rows of an edited range, capped for whole-column edits. */
export function editedRows(range: CellRange, lastRow: number): number[] {
  const bottom = range.bottom - range.top + 1 > MAX_EVENT_ROWS ? Math.max(range.top, lastRow) : range.bottom;
  const rows: number[] = [];
  for (let row = range.top; row <= bottom; row++) rows.push(row);
  return rows;
}

/** Collects rows over a quiet period, then calls back once with all of them. */
export class RowDebouncer {
  private rows = new Map<string, Set<number>>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly flush: (sheet: string, rows: readonly number[]) => void,
    private readonly delayMs = LIVE_DEBOUNCE_MS,
  ) {}

  push(sheet: string, rows: readonly number[]): void {
    const set = this.rows.get(sheet) ?? new Set<number>();
    for (const row of rows) set.add(row);
    this.rows.set(sheet, set);
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), this.delayMs);
  }

  private fire(): void {
    this.timer = null;
    const pending = this.rows;
    this.rows = new Map();
    for (const [sheet, rows] of pending)
      this.flush(
        sheet,
        [...rows].sort((a, b) => a - b),
      );
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.rows = new Map();
  }
}

/**
 * Re-reads the sheet, judges it again and rewrites the flag values of `rows` only.
 * Returns null when the sheet no longer reads as a KPI table (nothing is written then).
 */
export async function rejudgeRows(
  host: WorkbookHost,
  sheet: string,
  rows: readonly number[],
  settings: Settings,
  now: Date,
): Promise<ApplyResult | null> {
  // The user may be typing in the next cell: wait for the edit to end rather than fail.
  const grid = await host.readGrid(sheet, 'waitForCellEdit');
  const result = analyze(grid, settings);
  if (!result.ok) return null;
  const { plan } = await loadPlanner();
  const rowsPlan = restrictToRows(plan(result.analysis, { now }), sheet, rows);
  if (rowsPlan.ops.length === 0) return { applied: 0, skipped: [], syncs: 0 };
  return host.applyPlan(rowsPlan, 'waitForCellEdit');
}

export interface LiveOptions {
  readonly settings: () => Settings;
  readonly onResult?: (result: ApplyResult | null, rows: readonly number[]) => void;
  readonly onError?: (error: unknown) => void;
  readonly delayMs?: number;
  readonly now?: () => Date;
}

/** Starts live re-judging on the host; returns a function that stops it. */
export async function startLiveRejudge(host: WorkbookHost, options: LiveOptions): Promise<() => void> {
  let running: Promise<void> = Promise.resolve();
  const debouncer = new RowDebouncer((sheet, rows) => {
    running = running.then(async () => {
      try {
        const result = await rejudgeRows(
          host,
          sheet,
          rows,
          options.settings(),
          options.now?.() ?? new Date(),
        );
        options.onResult?.(result, rows);
      } catch (error) {
        options.onError?.(error);
      }
    });
  }, options.delayMs);
  const stop = await host.onRowsEdited((sheet, rows) => debouncer.push(sheet, rows));
  return () => {
    debouncer.cancel();
    stop();
  };
}
