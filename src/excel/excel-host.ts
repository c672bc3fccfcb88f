/**
 * The task pane's workbook when it runs inside Excel: reading, writing, settings, selection and edit
 * events through Office.js. Errors reach the pane as ExcelHostError with a message in the user's
 * language.
 */
import { markName } from '../core/plan/marks';
import { SETTINGS_SHEET } from '../core/plan/settings-sheet';
import type { ChartSupport, Grid, WritePlan } from '../core/types';
import { parseReference } from './a1';
import { describeOfficeError, ExcelHostError, officeErrorCode, officeLanguage } from './errors';
import type { Language } from './errors';
import { officeFeatures } from './features';
import type { Features } from './features';
import { editedRows, eventRange, OwnWrites, writtenAreas } from './live';
import { readGrid } from './read-grid';
import { handlerStopper, type ExcelBatch, type ExcelRunner } from './runner';
import { watchSelectedRow } from './selection';
import type { ApplyResult, CellEditMode, WorkbookHost } from '../core/host';

export interface ExcelHostOptions {
  readonly runner?: ExcelRunner;
  readonly features?: Features;
  readonly language?: Language;
  /** Bytes one sync may carry (default: half of Excel on the web's 5 MB). */
  readonly payloadBudget?: number;
  readonly clock?: () => number;
}

const OFFICE_RUNNER: ExcelRunner = {
  run: (batch, options) => (options ? Excel.run(options, batch) : Excel.run(batch)),
  runWith: (context, batch) => Excel.run(context, batch),
};

/**
 * Changes that leave cells to judge on the reported rows. After a deletion the rows there are the ones
 * that moved up, whose flags moved with them (Excel.DataChangeType).
 */
const JUDGED_CHANGES: ReadonlySet<`${Excel.DataChangeType}`> = new Set([
  'Unknown',
  'RangeEdited',
  'RowInserted',
  'ColumnInserted',
  'CellInserted',
]);

export class ExcelWorkbookHost implements WorkbookHost {
  private readonly runner: ExcelRunner;
  private readonly features: Features;
  private readonly language: Language;
  private readonly payloadBudget: number | undefined;
  private readonly ownWrites: OwnWrites;
  /** Last row of the last grid read, for edits of whole columns. */
  /** Each sheet's last row as last read: a run over the workbook reads several (book-read.ts). */
  private readonly lastRows = new Map<string, number>();
  /** Syncs of the last readGrid, for the benchmark and the tests. */
  lastReadSyncs = 0;
  /** Worksheet.charts (ExcelApi 1.1) and the series calls the chart uses (1.7) are in the manifest's minimum. */
  readonly charts: ChartSupport = 'native';

  constructor(options: ExcelHostOptions = {}) {
    this.runner = options.runner ?? OFFICE_RUNNER;
    this.features = options.features ?? officeFeatures();
    this.language = options.language ?? officeLanguage();
    this.payloadBudget = options.payloadBudget;
    this.ownWrites = new OwnWrites(options.clock);
  }

  private async guarded<T>(batch: ExcelBatch<T>, cellEdit: CellEditMode = 'failInCellEdit'): Promise<T> {
    try {
      // delayForCellEdit: "if the user is in cell edit mode the batch request is delayed until the user
      // exits cell edit mode" (https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
      return await (cellEdit === 'waitForCellEdit'
        ? this.runner.run(batch, { delayForCellEdit: true })
        : this.runner.run(batch));
    } catch (error) {
      if (error instanceof ExcelHostError || officeErrorCode(error) === null) throw error;
      throw new ExcelHostError(describeOfficeError(error, this.language), {
        stage: 'read',
        code: officeErrorCode(error),
        applied: [],
        notApplied: [],
        syncs: 0,
      });
    }
  }

  async readGrid(sheet?: string, cellEdit?: CellEditMode): Promise<Grid> {
    const result = await this.guarded(
      (context) => readGrid(context, sheet, { features: this.features, payloadBudget: this.payloadBudget }),
      cellEdit,
    );
    this.lastReadSyncs = result.syncs;
    this.lastRows.set(result.grid.sheet, result.grid.top + result.grid.values.length - 1);
    return result.grid;
  }

  applyPlan(plan: WritePlan, cellEdit?: CellEditMode): Promise<ApplyResult> {
    const apply = async (): Promise<ApplyResult> => {
      // The Office.js writer comes in its own script chunk, fetched from the add-in's origin at the first
      // write: the pane's first script stays under 300 KB, and a pane that only reads never loads it.
      const { applyPlan } = await import(/* webpackChunkName: "excel-apply" */ './apply-plan');
      return this.guarded(
        (context) =>
          applyPlan(context, plan, {
            features: this.features,
            language: this.language,
            payloadBudget: this.payloadBudget,
          }),
        cellEdit,
      );
    };
    return this.ownEventsTold ? apply() : this.ownWrites.during(writtenAreas(plan), apply);
  }

  /** The add-in's own writes raise no events (enableEvents) or say so (triggerSource). */
  private get ownEventsTold(): boolean {
    return this.features.runtimeEvents || this.features.eventTriggerSource;
  }

  /** The cell the `KPISHEET_SETTINGS` mark names, else A1 of the settings sheet: two syncs at most. */
  readSettings(): Promise<string | null> {
    return this.guarded(async (context) => {
      const names = context.workbook.names.load('items/name,items/type,items/formula');
      const fallback = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET).load('name');
      await context.sync();
      const mark = names.items.find((n) => n.name === markName('settings') && n.type === 'Range');
      const ref = mark ? parseReference(String(mark.formula)) : null;
      let cell: Excel.Range;
      if (ref) {
        cell = context.workbook.worksheets
          .getItem(ref.sheet)
          .getRangeByIndexes(ref.range.top - 1, ref.range.left - 1, 1, 1);
      } else if (!fallback.isNullObject) {
        cell = fallback.getRange('A1');
      } else {
        return null;
      }
      cell.load('values');
      await context.sync();
      const value = cell.values[0]?.[0];
      return typeof value === 'string' && value.trim() !== '' ? value : null;
    });
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return this.guarded(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  /**
   * Edits of the active sheet, as rows, as soon as Excel reports them (the caller debounces). The
   * add-in's own writes are left out.
   */
  async onRowsEdited(listener: (sheet: string, rows: readonly number[]) => void): Promise<() => void> {
    const registration = await this.guarded(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet().load('name');
      const handler = ws.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
        // onChanged fires in every co-author's pane for every user's edit: a Remote edit is judged by
        // the pane of the user who made it (https://learn.microsoft.com/javascript/api/excel/excel.eventsource).
        if (event.source === 'Remote') return;
        if (!JUDGED_CHANGES.has(event.changeType)) return;
        if (this.features.eventTriggerSource && event.triggerSource === 'ThisLocalAddin') return;
        const range = eventRange(event.address);
        if (!range) return;
        // ExcelApi 1.7: only where the add-in just wrote is an event its own; an edit elsewhere while
        // a write runs is the user's and is kept.
        if (!this.ownEventsTold && this.ownWrites.isOwn(ws.name, range)) return;
        listener(ws.name, editedRows(range, this.lastRows.get(ws.name) ?? 1));
      });
      await context.sync();
      return { context, handler };
    });
    return handlerStopper(this.runner, registration);
  }

  /** The sheet and first row of each selection the user makes (the history chart). */
  onRowSelected(listener: (sheet: string, row: number) => void): Promise<() => void> {
    return watchSelectedRow(this.runner, listener);
  }
}
