/**
 * The pane's work, without the page: read the sheet, judge it with the current settings, write the
 * plan, print-only setup, and live re-evaluation of edited rows. The page renders `state` and calls
 * these; every action ends (in `finally`) with the pane usable again.
 */
import { analyze } from '../core/analyze';
import type { Analysis, BookAnalysis } from '../core/analyze';
import { DEFAULT_SETTINGS, parseSettings } from '../core/settings';
import type { Grid, LayoutFailure, Settings, WritePlan } from '../core/types';
import { bookNotices, readBook } from '../excel/book-read';
import { loadPlanner, startLiveRejudge } from '../excel/live';
import type { ApplyResult, SkippedOperation, WorkbookHost } from '../core/host';
import { printOnly } from './model';
import type { PrintPlan } from './model';

export type Activity = 'idle' | 'reading' | 'evaluating' | 'printing' | 'live';

/** What the last action did, in the units a user counts: KPIs judged, sheets laid out. */
export type LastRun =
  | {
      readonly kind: 'evaluated';
      readonly year: number;
      /** The sheets judged: several where the workbook keeps one sheet per 基本目標 (one summary). */
      readonly sheets: readonly string[];
      /** KPIs judged, 廃止 excluded, as the summary sheet's 全体 counts them. */
      readonly judged: number;
      readonly abolished: number;
      readonly skipped: readonly SkippedOperation[];
    }
  | {
      readonly kind: 'printed';
      readonly sheets: readonly string[];
      readonly skipped: readonly SkippedOperation[];
    };

export interface SessionState {
  readonly activity: Activity;
  readonly settings: Settings;
  /** Problems with the settings saved in the workbook (Japanese). */
  readonly settingsProblems: readonly string[];
  readonly analysis: Analysis | null;
  readonly failure: LayoutFailure | null;
  /** The plan's writes are in the sheet and match `settings`. */
  readonly written: boolean;
  readonly lastApply: ApplyResult | null;
  /** The last 評価する or 印刷用に整える, for the status line; cleared by 読み直す. */
  readonly lastRun: LastRun | null;
  /** Why 評価する waits: the settings being typed cannot be used (shown as is); null when they can. */
  readonly heldSettings: string | null;
  /**
   * Rows whose values changed after the last 評価する: their flags followed, the summary sheet did
   * not (it waits for the next 評価する), so the pane's counts and the summary's differ until then.
   */
  readonly editedRows: number;
  readonly notices: readonly string[];
  readonly print: PrintPlan | null;
  /** Rows re-evaluated by the last live update. */
  readonly liveRows: number;
  readonly error: string | null;
}

const INITIAL: SessionState = {
  activity: 'idle',
  settings: DEFAULT_SETTINGS,
  settingsProblems: [],
  analysis: null,
  failure: null,
  written: false,
  lastApply: null,
  lastRun: null,
  heldSettings: null,
  editedRows: 0,
  notices: [],
  print: null,
  liveRows: 0,
  error: null,
};

/** Wait after the last keystroke before re-judging, so a burst of edits costs one run. */
const LIVE_DELAY_MS = 300;

export interface SessionOptions {
  readonly now?: () => Date;
  readonly liveDelayMs?: number;
}

export class Session {
  private current: SessionState = INITIAL;
  private readonly listeners = new Set<(state: SessionState) => void>();
  private stopLive: (() => void) | null = null;
  private stopWatch: (() => void) | null = null;
  private readonly now: () => Date;
  private readonly liveDelay: number;
  /** Serializes actions so a live update never interleaves with an evaluation. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Rows edited since the last 評価する (see `editedRows`). */
  private readonly edited = new Set<number>();

  constructor(
    private readonly host: WorkbookHost,
    options: SessionOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.liveDelay = options.liveDelayMs ?? LIVE_DELAY_MS;
  }

  get state(): SessionState {
    return this.current;
  }

  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<SessionState>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener(this.current);
  }

  /** Runs one action at a time; errors end up in `state.error`, never leave the pane busy. */
  private run<T>(activity: Activity, action: () => Promise<T>): Promise<T | undefined> {
    const next = this.queue.then(async () => {
      this.set({ activity, error: null });
      try {
        return await action();
      } catch (error) {
        this.set({ error: messageOf(error) });
        return undefined;
      } finally {
        this.set({ activity: 'idle' });
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** On open and on 読み直す: saved settings, then the active sheet. */
  load(): Promise<void> {
    return this.run('reading', async () => {
      // Messages of earlier runs describe a workbook that may have changed since.
      this.set({ lastRun: null, notices: [], print: null });
      const saved = await this.host.readSettings();
      const parsed = saved === null ? { settings: DEFAULT_SETTINGS, problems: [] } : parseSettings(saved);
      this.set({ settings: parsed.settings, settingsProblems: parsed.problems });
      const grid = await this.host.readGrid();
      this.analyzeGrid(grid, this.current.settings);
      await this.watchEdits();
      // A sheet evaluated on an earlier run keeps updating as values are typed.
      if (this.current.analysis && grid.marks.some((m) => m.sheet === grid.sheet)) await this.startLive();
    }) as Promise<void>;
  }

  private analyzeGrid(grid: Grid, settings: Settings): void {
    const result = analyze(grid, settings);
    if (result.ok) this.set({ analysis: result.analysis, failure: null });
    else this.set({ analysis: null, failure: result.failure });
  }

  /**
   * Settings being typed that cannot be used (thresholds out of order): 評価する waits, and the pane
   * says why, until `changeSettings` or `holdSettings(null)`.
   */
  holdSettings(problem: string | null): void {
    if (problem !== this.current.heldSettings) this.set({ heldSettings: problem });
  }

  /** New settings: judged again at once for the pane; written by the next 評価する. */
  changeSettings(settings: Settings): void {
    const grid = this.current.analysis?.grid;
    this.set({ settings, written: false, heldSettings: null });
    // A sheet that could not be read (no grid kept) is read again: a column mapping may make it readable.
    if (!grid) {
      void this.run('reading', async () => this.analyzeGrid(await this.host.readGrid(), settings));
      return;
    }
    try {
      this.analyzeGrid(grid, settings);
    } catch (error) {
      this.set({ error: messageOf(error) });
    }
  }

  /** 評価する: read, judge, write flags, formatting, summary sheet, print setup and settings. */
  evaluate(): Promise<void> {
    // Never judge with settings other than the ones the user sees.
    if (this.current.heldSettings !== null) return Promise.resolve();
    return this.run('evaluating', async () => {
      const applied = await this.writeFull();
      if (applied) await this.startLive();
    }) as Promise<void>;
  }

  /**
   * The active sheet and every other visible KPI sheet of the workbook (one sheet per 基本目標),
   * judged together; the pane shows the active sheet as the run judged it. Null when it cannot be read.
   */
  private async readBookFrom(grid: Grid): Promise<BookAnalysis | null> {
    this.analyzeGrid(grid, this.current.settings);
    if (!this.current.analysis) return null;
    const book = await readBook(this.host, grid, this.current.settings);
    const mine = book?.sheets.find((s) => s.grid.sheet === grid.sheet);
    if (mine) this.set({ analysis: mine, failure: null });
    return book;
  }

  private async writeFull(): Promise<boolean> {
    const grid = await this.host.readGrid();
    const book = await this.readBookFrom(grid);
    const analysis = this.current.analysis;
    if (!book || !analysis) return false;
    const { planBook } = await loadPlanner();
    const writePlan = planBook(book, { now: this.now(), charts: this.host.charts });
    const result = await this.host.applyPlan(writePlan);
    this.edited.clear();
    const { overall } = book.combined.evaluation.summary;
    // Every sheet the plan lays out exists now (the plan adds the ones missing), so 印刷 can say so.
    const laidOut = writePlan.ops.flatMap((op) => (op.op === 'setPageLayout' ? [op.sheet] : []));
    this.set({
      written: true,
      lastApply: result,
      lastRun: {
        kind: 'evaluated',
        year: analysis.evaluation.year,
        sheets: book.sheets.map((s) => s.grid.sheet),
        judged: overall.judged,
        abolished: overall.counts['廃止'],
        skipped: result.skipped,
      },
      editedRows: 0,
      notices: [...bookNotices(book), ...writePlan.notices],
      print: printOnly(writePlan, [...grid.sheetNames, ...laidOut]),
    });
    return true;
  }

  /** 印刷用に整える: the plan's page setup alone, on the sheets that exist. */
  preparePrint(): Promise<void> {
    return this.run('printing', async () => {
      const grid = await this.host.readGrid();
      const book = await this.readBookFrom(grid);
      if (!book) return;
      const { planBook } = await loadPlanner();
      const full: WritePlan = planBook(book, { now: this.now() });
      const print = printOnly(full, grid.sheetNames);
      const result = await this.host.applyPlan(print.plan);
      this.set({
        print,
        lastApply: result,
        lastRun: { kind: 'printed', sheets: print.ready.map((r) => r.sheet), skipped: result.skipped },
      });
    }) as Promise<void>;
  }

  /**
   * Before any flags exist, typed values still update the pane (the clerk's list of missing values):
   * the sheet is read and judged again, nothing is written. Once live re-judging runs, it does this.
   */
  private async watchEdits(): Promise<void> {
    if (this.stopWatch) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const rows = new Set<number>();
    const stop = await this.host.onRowsEdited((_sheet, edited) => {
      if (this.stopLive) return;
      for (const row of edited) rows.add(row);
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        const count = rows.size;
        rows.clear();
        void this.run('reading', async () => {
          this.analyzeGrid(await this.host.readGrid(), this.current.settings);
          this.set({ liveRows: count });
        });
      }, this.liveDelay);
    });
    this.stopWatch = () => {
      if (timer !== null) clearTimeout(timer);
      stop();
    };
  }

  /**
   * Flags follow typed values: the live module re-judges the edited rows and rewrites their flags only
   * (the summary sheet waits for the next 評価する); the pane then reads the sheet again for its lists.
   */
  private async startLive(): Promise<void> {
    if (this.stopLive) return;
    this.stopLive = await startLiveRejudge(this.host, {
      settings: () => this.current.settings,
      now: this.now,
      delayMs: this.liveDelay,
      onResult: (result, rows) => {
        if (result === null) return;
        void this.run('live', async () => {
          this.analyzeGrid(await this.host.readGrid(), this.current.settings);
          for (const row of rows) this.edited.add(row);
          this.set({ liveRows: rows.length, editedRows: this.edited.size });
        });
      },
      onError: (error) => this.set({ error: messageOf(error) }),
    });
  }

  /** Waits for queued work (tests, and the page before closing). */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  dispose(): void {
    this.stopLive?.();
    this.stopLive = null;
    this.stopWatch?.();
    this.stopWatch = null;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
