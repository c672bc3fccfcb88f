/**
 * The selected row for the history chart: Excel's Workbook.onSelectionChanged carries no address, so each
 * event reads the selected range's sheet and row (one round trip), and stopping removes the handler.
 */
import type { ExcelRunner } from '../../src/excel/runner';
import { watchSelectedRow } from '../../src/excel/selection';

/** Just enough of Office.js for this: a workbook with a selection and a selection changed event. */
class SelectionExcel {
  selection = { sheet: 'KPI一覧', rowIndex: 0 };
  handlers: (() => Promise<void>)[] = [];
  syncs = 0;
  removed = 0;

  context(): Excel.RequestContext {
    const pending: (() => void)[] = [];
    const range = { rowIndex: -1, worksheet: { name: '', load: () => range.worksheet } };
    const context = {
      workbook: {
        onSelectionChanged: {
          add: (handler: () => Promise<void>) => {
            this.handlers.push(handler);
            return { remove: () => pending.push(() => void this.removed++) };
          },
        },
        getSelectedRange: () => {
          pending.push(() => {
            range.rowIndex = this.selection.rowIndex;
            range.worksheet.name = this.selection.sheet;
          });
          return { ...range, load: () => range, worksheet: range.worksheet };
        },
      },
      sync: async () => {
        this.syncs++;
        for (const action of pending.splice(0)) action();
      },
    };
    return context as unknown as Excel.RequestContext;
  }

  runner(): ExcelRunner {
    return {
      run: (batch) => batch(this.context()),
      runWith: (context, batch) => batch(context),
    };
  }

  async select(sheet: string, row: number): Promise<void> {
    this.selection = { sheet, rowIndex: row - 1 };
    for (const handler of this.handlers) await handler();
  }
}

describe('watchSelectedRow: the sheet and 1-based row of each selection', () => {
  it('reports every selection, one sync each, until stopped', async () => {
    const excel = new SelectionExcel();
    const seen: [string, number][] = [];
    const stop = await watchSelectedRow(excel.runner(), (sheet, row) => seen.push([sheet, row]));
    const registered = excel.syncs;
    await excel.select('KPI一覧', 10);
    await excel.select('KPI評価サマリー', 3);
    expect(seen).toEqual([
      ['KPI一覧', 10],
      ['KPI評価サマリー', 3],
    ]);
    expect(excel.syncs - registered).toBe(2);
    stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(excel.removed).toBe(1);
    stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(excel.removed).toBe(1);
  });
});
