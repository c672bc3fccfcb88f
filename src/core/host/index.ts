/**
 * The seam between the pure pipeline and whatever holds the workbook: Excel through Office.js, the .xlsx
 * package editor of the command line, or the demo page's in-memory sample. Types only: each host implements
 * them, and the task pane and the command line talk to a host only through them.
 */
import type { ChartSupport, Grid, WritePlan } from '../types';

export interface SkippedOperation {
  /** The plan operation, `addConditionalFormat`. */
  readonly op: string;
  /** Japanese reason for the pane: `この Excel では条件付き書式のデータバーを使えません`. */
  readonly reason: string;
}

/** What applying a WritePlan did: every host reports it the same way. */
export interface ApplyResult {
  /** Number of plan operations carried out. */
  readonly applied: number;
  readonly skipped: readonly SkippedOperation[];
  /** Round trips to the host (`context.sync()` calls); 0 for in-memory hosts. */
  readonly syncs: number;
}

/**
 * What a run does while the user is editing a cell: fail at once with a message (a command the user
 * gave), or wait until the edit ends (live re-judging, which runs while the user types).
 */
export type CellEditMode = 'failInCellEdit' | 'waitForCellEdit';

/** What the task pane needs from a workbook, whoever hosts it. */
export interface WorkbookHost {
  /** Reads the active worksheet (or the named one) into a Grid, with the add-in's marks. */
  readGrid(sheet?: string, cellEdit?: CellEditMode): Promise<Grid>;
  applyPlan(plan: WritePlan, cellEdit?: CellEditMode): Promise<ApplyResult>;
  /** Settings JSON saved in the workbook by an earlier run, or null. */
  readSettings(): Promise<string | null>;
  /** Selects a cell so the user sees it (`F12` on the named sheet). */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Calls back with the sheet rows a user edited; returns a function that stops listening. */
  onRowsEdited(listener: (sheet: string, rows: readonly number[]) => void): Promise<() => void>;
  /**
   * Calls back with the sheet and the top row of each new selection (the pane's history chart follows
   * it); returns a function that stops listening. Optional: a host without selections leaves it out.
   */
  onRowSelected?(listener: (sheet: string, row: number) => void): Promise<() => void>;
  /** 'native' when the host draws charts (the summary's bar chart); absent: none. */
  readonly charts?: ChartSupport;
}
