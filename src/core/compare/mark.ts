/**
 * The 比較 sheet's mark, on its own: a run over the workbook needs it to leave that sheet unread, without
 * the comparison itself (which the pane loads only when asked).
 */
import type { OutputMark } from '../types';

export const COMPARE_MARK = 'KPISHEET_COMPARE';

/** The sheet an earlier compare wrote, by its mark: the add-in's own, never read as a city's KPI table. */
export function compareOutputSheets(marks: readonly OutputMark[]): string[] {
  return marks.filter((m) => m.name === COMPARE_MARK).map((m) => m.sheet);
}
