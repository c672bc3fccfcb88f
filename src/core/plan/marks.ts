/**
 * The add-in's marks (workbook defined names) and the removal of an earlier run's output found by them.
 * Removal comes first in a plan, so a re-run writes onto exactly what one run starts from.
 */
import type { CellRange, Grid, OutputMark, TableRegion, WriteOp } from '../types';
import { cityRight } from './placement';

export const MARK_PREFIX = 'KPISHEET_';

export type MarkKind = 'flags' | 'tint' | 'summary' | 'settings' | 'comments';

const KIND_NAME: Readonly<Record<MarkKind, string>> = {
  flags: `${MARK_PREFIX}FLAGS_`,
  tint: `${MARK_PREFIX}TINT_`,
  summary: `${MARK_PREFIX}SUMMARY`,
  settings: `${MARK_PREFIX}SETTINGS`,
  comments: `${MARK_PREFIX}COMMENTS_`,
};

/** `KPISHEET_FLAGS_2` for numbered kinds, `KPISHEET_SUMMARY` for the one-per-workbook ones. */
export function markName(kind: MarkKind, index?: number): string {
  return index === undefined ? KIND_NAME[kind] : `${KIND_NAME[kind]}${index}`;
}

export function markKind(name: string): MarkKind | null {
  if (name.startsWith(KIND_NAME.flags)) return 'flags';
  if (name.startsWith(KIND_NAME.tint)) return 'tint';
  if (name === KIND_NAME.summary) return 'summary';
  if (name === KIND_NAME.settings) return 'settings';
  if (name.startsWith(KIND_NAME.comments)) return 'comments';
  return null;
}

export function mark(kind: MarkKind, sheet: string, range: CellRange, index?: number): WriteOp {
  return { op: 'addMark', mark: { name: markName(kind, index), sheet, range } };
}

/** Marks of the given kind on the given sheet (any sheet when `sheet` is omitted). */
export function marksOf(grid: Grid, kind: MarkKind, sheet?: string): OutputMark[] {
  return grid.marks.filter((m) => markKind(m.name) === kind && (sheet === undefined || m.sheet === sheet));
}

/** Sheets the add-in made on an earlier run (summary, settings) and will delete now. */
export function ownSheets(grid: Grid): string[] {
  const sheets = grid.marks
    .filter((m) => {
      const kind = markKind(m.name);
      return kind === 'summary' || kind === 'settings';
    })
    .map((m) => m.sheet)
    .filter((sheet) => sheet !== grid.sheet && grid.sheetNames.includes(sheet));
  return [...new Set(sheets)];
}

/**
 * Where an earlier run's row tint lies. A tint mark covers the 判定 cells its rules key on (our output,
 * never the city's cells, which a layout reader must keep reading); the tinted columns are the city's
 * table on those rows, as the layout reads it now (Excel moves rule ranges with inserted rows and columns
 * just as it moves the table).
 */
export function tintedRange(grid: Grid, mark: OutputMark, tables: readonly TableRegion[]): CellRange | null {
  const table = tables.find((t) => t.firstRow <= mark.range.bottom && mark.range.top <= t.lastRow);
  if (!table) return null;
  const ours = grid.marks.filter((m) => m.sheet === grid.sheet);
  const right = Math.min(cityRight(grid, table, ours), mark.range.left - 1);
  return { top: mark.range.top, left: table.firstCol, bottom: mark.range.bottom, right };
}

/**
 * Ops that remove an earlier run's output from this KPI sheet. Flag columns: values, styles, rules and the
 * 方向 dropdown; tints: their rules only (the cells are the city's); comments: the input messages and the
 * mark only (the cells hold what clerks typed; see comments.ts). Marks of other KPI sheets are left alone,
 * and so are the workbook's own (bookRemovalOps) and unknown KPISHEET_ names.
 */
export function sheetRemovalOps(grid: Grid, tables: readonly TableRegion[]): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const previous of grid.marks) {
    const kind = markKind(previous.name);
    const { sheet, range } = previous;
    if (kind === null || kind === 'summary' || kind === 'settings' || sheet !== grid.sheet) continue;
    if (kind === 'flags') {
      ops.push(
        { op: 'removeConditionalFormats', sheet, range },
        { op: 'removeDataValidation', sheet, range },
        { op: 'clearRange', sheet, range },
      );
    } else if (kind === 'comments') {
      // Only the input messages: the cells are the clerks' (comments.ts writes the messages again).
      ops.push({ op: 'removeDataValidation', sheet, range });
    } else if (kind === 'tint') {
      const tinted = tintedRange(grid, previous, tables);
      if (tinted) ops.push({ op: 'removeConditionalFormats', sheet, range: tinted, match: 'sameRange' });
    }
    ops.push({ op: 'removeMark', name: previous.name });
  }
  return ops;
}

/** Ops that remove the workbook's own output of an earlier run: the summary and settings sheets and marks. */
export function bookRemovalOps(grid: Grid): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const previous of grid.marks) {
    const kind = markKind(previous.name);
    if (kind === 'summary' || kind === 'settings') ops.push({ op: 'removeMark', name: previous.name });
  }
  for (const sheet of ownSheets(grid)) ops.push({ op: 'deleteSheet', sheet });
  return ops;
}
