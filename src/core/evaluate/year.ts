/**
 * The evaluation year and the reading each KPI is judged on (EVALUATION.md section 3): the latest reading at
 * or before the year in the actual columns. The baseline is where the KPI started, not a result: a row (or a
 * plan-only sheet such as the strategy table) with no actual at or before the year has nothing to judge.
 */
import type { FiscalYear, KpiSheet, Kpi, Reading, YearCell } from '../types';
import { fiscalYearLabel } from './format';

/** The year a cell speaks for: its own (`9,174人 (H28年)`) or its column's. */
export function cellYear(cell: YearCell): FiscalYear {
  const own = 'year' in cell.reading ? cell.reading.year : undefined;
  return own ?? cell.year;
}

function allKpis(sheet: KpiSheet): Kpi[] {
  return sheet.blocks.flatMap((block) => [...block.headlines, ...block.kpis]);
}

/**
 * Default evaluation year: the latest actual year column that holds any non-missing reading anywhere on the
 * sheet; failing that the latest baseline or target year; 0 when the sheet has no years at all.
 */
export function defaultEvaluationYear(sheet: KpiSheet): FiscalYear {
  let latest: FiscalYear | null = null;
  let anyYear: FiscalYear | null = null;
  for (const kpi of allKpis(sheet)) {
    for (const cell of kpi.actuals) {
      if (cell.reading.kind !== 'missing' && (latest === null || cell.year > latest)) latest = cell.year;
    }
    for (const cell of [kpi.baseline, kpi.target, ...kpi.actuals]) {
      if (cell && (anyYear === null || cell.year > anyYear)) anyYear = cell.year;
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

function abolishedSince(
  latestFirst: readonly { cell: YearCell; year: FiscalYear }[],
  from: FiscalYear,
): FiscalYear {
  let since = from;
  for (const candidate of latestFirst) {
    if (candidate.year > from) continue;
    const kind = candidate.cell.reading.kind;
    if (kind === 'abolished') since = candidate.year;
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
  const candidates = kpi.actuals
    .map((cell, order) => ({ cell, year: cellYear(cell), order }))
    .filter((c) => c.year <= year)
    // Latest first; two cells of one year (a cell with its own year) keep sheet order.
    .sort((x, y) => y.year - x.year || y.order - x.order);

  const notes: string[] = [];
  const unreadable: YearCell[] = [];
  for (const candidate of candidates) {
    const reading = candidate.cell.reading;
    if (reading.kind === 'abolished') {
      const since = abolishedSince(candidates, candidate.year);
      return { kind: 'abolished', cell: candidate.cell, year: candidate.year, since, notes };
    }
    if (reading.kind === 'text') {
      unreadable.push(candidate.cell);
      notes.push(`${fiscalYearLabel(candidate.year)}の値「${reading.raw.trim()}」は読めないため除外`);
      continue;
    }
    if (isJudgeable(reading)) {
      if (candidate.year < year) notes.push(`${fiscalYearLabel(candidate.year)}の値で評価`);
      return { kind: 'reading', cell: candidate.cell, year: candidate.year, notes };
    }
  }
  return { kind: 'none', unreadable, notes };
}
