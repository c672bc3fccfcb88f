/**
 * The evaluation year and the reading each KPI is judged on (EVALUATION.md section 3): the latest reading at
 * or before the year in the actual columns. The baseline is where the KPI started, not a result: a row (or a
 * plan-only sheet such as the strategy table) with no actual at or before the year has nothing to judge.
 */
import type { FiscalYear, KpiSheet, Kpi, Reading, YearCell } from '../types';
import { fiscalYearLabel } from './format';

/** The year a cell speaks for: its own (`9,174人 (H28年)`) or its column's. */
export function cellYear(cell: YearCell): FiscalYear {
  // By kind, not `'year' in reading`: only quantities carry a year, and `in` on every kind of reading was slow.
  const { reading } = cell;
  const own = reading.kind === 'number' || reading.kind === 'percent' ? reading.year : undefined;
  return own ?? cell.year;
}

/**
 * Default evaluation year: the latest actual year column that holds any non-missing reading anywhere on the
 * sheet; failing that the latest baseline or target year; 0 when the sheet has no years at all.
 */
export function defaultEvaluationYear(sheet: KpiSheet): FiscalYear {
  let latest: FiscalYear | null = null;
  let anyYear: FiscalYear | null = null;
  const later = (year: FiscalYear | null, cell: YearCell | null): FiscalYear | null =>
    cell && (year === null || cell.year > year) ? cell.year : year;
  // Plain loops: this runs over every cell of the sheet, and copying each KPI's cells into arrays was most of it.
  for (const block of sheet.blocks) {
    for (const kpis of [block.headlines, block.kpis]) {
      for (const kpi of kpis) {
        for (const cell of kpi.actuals) {
          if (cell.reading.kind !== 'missing') latest = later(latest, cell);
          anyYear = later(anyYear, cell);
        }
        anyYear = later(later(anyYear, kpi.baseline), kpi.target);
      }
    }
  }
  return latest ?? anyYear ?? 0;
}

export type LatestPick =
  /** A reading to judge (anything but missing, abolished or unreadable text). */
  | {
      readonly kind: 'reading';
      readonly cell: YearCell;
      readonly year: FiscalYear;
      readonly notes: readonly string[];
    }
  | {
      readonly kind: 'abolished';
      /** First year of the run of 廃止 cells that ends at `year` (missing cells in between do not break it). */
      readonly since: FiscalYear;
      readonly cell: YearCell;
      readonly year: FiscalYear;
      readonly notes: readonly string[];
    }
  /** Nothing at or before the year; `unreadable` holds text cells that were skipped. */
  | { readonly kind: 'none'; readonly unreadable: readonly YearCell[]; readonly notes: readonly string[] };

function isJudgeable(reading: Reading): boolean {
  return reading.kind !== 'missing' && reading.kind !== 'text' && reading.kind !== 'abolished';
}

/** Latest first; two cells of one year (a cell with its own year) keep sheet order. */
function byLatestFirst(
  x: { year: FiscalYear; order: number },
  y: { year: FiscalYear; order: number },
): number {
  return y.year - x.year || y.order - x.order;
}

/**
 * The actuals at or before `year`, latest first. The layout reader gives them sorted by year, so walking them
 * backwards is usually the order already; sorting is only needed otherwise (and a sort per KPI allocated
 * more than the rest of the evaluation).
 */
function latestFirst(actuals: readonly YearCell[], year: FiscalYear): YearCell[] {
  const cells: YearCell[] = [];
  let ordered = true;
  let previous = Infinity;
  for (let order = actuals.length - 1; order >= 0; order -= 1) {
    const cellAt = cellYear(actuals[order]);
    if (cellAt > year) continue;
    if (cellAt > previous) ordered = false;
    previous = cellAt;
    cells.push(actuals[order]);
  }
  if (ordered) return cells;
  return actuals
    .map((cell, order) => ({ cell, year: cellYear(cell), order }))
    .filter((c) => c.year <= year)
    .sort(byLatestFirst)
    .map((c) => c.cell);
}

function abolishedSince(latestFirst: readonly YearCell[], from: FiscalYear): FiscalYear {
  let since = from;
  for (const cell of latestFirst) {
    const year = cellYear(cell);
    if (year > from) continue;
    const kind = cell.reading.kind;
    if (kind === 'abolished') since = year;
    else if (kind !== 'missing') break;
  }
  return since;
}

/**
 * The latest reading at or before `year`. Missing cells are passed over; an unreadable cell is passed over
 * too (it is listed as a data issue) and noted, so an older value can still be judged; an abolished cell
 * ends the search: the KPI is 廃止 from then on.
 */
export function pickLatest(kpi: Kpi, year: FiscalYear): LatestPick {
  const candidates = latestFirst(kpi.actuals, year);

  const notes: string[] = [];
  const unreadable: YearCell[] = [];
  for (const cell of candidates) {
    const reading = cell.reading;
    const cellAt = cellYear(cell);
    if (reading.kind === 'abolished') {
      const since = abolishedSince(candidates, cellAt);
      return { kind: 'abolished', cell, year: cellAt, since, notes };
    }
    if (reading.kind === 'text') {
      unreadable.push(cell);
      notes.push(`${fiscalYearLabel(cellAt)}の値「${reading.raw.trim()}」は読めないため除外`);
      continue;
    }
    if (isJudgeable(reading)) {
      if (cellAt < year) notes.push(`${fiscalYearLabel(cellAt)}の値で評価`);
      return { kind: 'reading', cell, year: cellAt, notes };
    }
  }
  return { kind: 'none', unreadable, notes };
}
