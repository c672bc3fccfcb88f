/**
 * 「策定時の表と比べる」 in the pane: the active sheet (the progress table) against another sheet of the
 * same workbook (the table as adopted), the 比較 sheet written through the host. Host calls only through
 * WorkbookHost, so the demo page and Excel run the same code.
 */
import type { WorkbookHost } from '../core/host';
import {
  compareSheetPlan,
  compareSheets,
  markCounts,
  type ChangeMark,
  type UncertainMatch,
} from '../core/compare';
import { readKpiSheet } from '../core/layout';
import type { ColumnMapping, Grid, KpiSheet } from '../core/types';

export type CompareRunOutcome =
  | {
      readonly ok: true;
      /** The sheet written. */
      readonly sheet: string;
      readonly counts: Record<ChangeMark, number>;
      readonly uncertain: readonly UncertainMatch[];
      /** What this Excel could not do (a print setting), in Japanese: the sheet is written without it. */
      readonly skipped: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

/** Sheets the user can pick as the adopted table: the workbook's visible sheets but the active one and the 比較 sheet. */
export function adoptedTableChoices(grid: Grid): string[] {
  const hidden = new Set(grid.hiddenSheets ?? []);
  const ours = new Set(grid.marks.filter((m) => m.name.startsWith('KPISHEET_')).map((m) => m.sheet));
  return grid.sheetNames.filter((name) => name !== grid.sheet && !hidden.has(name) && !ours.has(name));
}

/** Each sheet read as 評価する reads it: with the column mapping the user saved for that sheet, if any. */
function read(grid: Grid, mappings: readonly ColumnMapping[]): { sheet: KpiSheet } | { message: string } {
  const own = mappings.filter((m) => m.sheet === grid.sheet);
  const layout = readKpiSheet(grid, own.length > 0 ? { mappings: own } : {});
  return layout.ok
    ? { sheet: layout.sheet }
    : { message: `シート「${grid.sheet}」: ${layout.failure.message}` };
}

export async function compareWithSheet(
  host: WorkbookHost,
  adoptedSheet: string,
  mappings: readonly ColumnMapping[],
): Promise<CompareRunOutcome> {
  const progressGrid = await host.readGrid(undefined, 'failInCellEdit');
  if (adoptedSheet === progressGrid.sheet)
    return { ok: false, message: '比べる相手には、開いているシートとは別のシートを選んでください。' };
  if (!progressGrid.sheetNames.includes(adoptedSheet))
    return { ok: false, message: `シート「${adoptedSheet}」が見つかりません。` };
  const adoptedGrid = await host.readGrid(adoptedSheet, 'failInCellEdit');
  const progress = read(progressGrid, mappings);
  if ('message' in progress) return { ok: false, message: progress.message };
  const adopted = read(adoptedGrid, mappings);
  if ('message' in adopted) return { ok: false, message: adopted.message };
  const comparison = compareSheets(adopted.sheet, progress.sheet);
  const plan = compareSheetPlan({
    comparison,
    strategyLabel: `シート「${adoptedGrid.sheet}」`,
    progressLabel: `シート「${progressGrid.sheet}」`,
    sheetNames: progressGrid.sheetNames,
    marks: progressGrid.marks,
  });
  const result = await host.applyPlan(plan, 'failInCellEdit');
  const added = plan.ops.find((op) => op.op === 'addSheet');
  return {
    ok: true,
    sheet: added?.op === 'addSheet' ? added.sheet : '',
    counts: markCounts(comparison),
    uncertain: comparison.uncertain,
    skipped: result.skipped.map((skip) => skip.reason),
  };
}
