/**
 * The row the user selects in Excel, for the pane's history chart. `Workbook.onSelectionChanged`
 * (ExcelApi 1.2, within the manifest's 1.7) says only that the selection changed
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.selectionchangedeventargs), so each event
 * reads the selected range's sheet and first row in one round trip.
 */
import { handlerStopper, type ExcelRunner } from './runner';

export type RowSelectedListener = (sheet: string, row: number) => void;

export async function watchSelectedRow(
  runner: ExcelRunner,
  listener: RowSelectedListener,
): Promise<() => void> {
  const registration = await runner.run(async (context) => {
    const handler = context.workbook.onSelectionChanged.add(async () => {
      try {
        await runner.run(async (ctx) => {
          const range = ctx.workbook.getSelectedRange().load('rowIndex');
          const sheet = range.worksheet.load('name');
          await ctx.sync();
          listener(sheet.name, range.rowIndex + 1);
        });
      } catch {
        // A selection the API cannot read (a chart or shape is selected) shows nothing new.
      }
    });
    await context.sync();
    return { context, handler };
  });
  return handlerStopper(runner, registration);
}
