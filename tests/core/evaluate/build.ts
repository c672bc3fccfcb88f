/**
 * Hand-built KpiSheets for the evaluation tests: seed rows with their readings written out as typed Reading
 * objects, laid out like the progress table (E = H30 現状値, F–J = R2–R6, K = R6 目標値).
 */
import type {
  Block,
  Diagnostic,
  Direction,
  FiscalYear,
  Kpi,
  KpiRole,
  KpiSheet,
  PresenceLevel,
  Reading,
  YearCell,
} from '../../../src/core/types';

export function num(value: number, unit: string, raw?: string, year?: FiscalYear): Reading {
  return {
    kind: 'number',
    value,
    unit,
    raw: raw ?? `${value}${unit}`,
    ...(year === undefined ? {} : { year }),
  };
}
export function pct(value: number, raw?: string): Reading {
  return { kind: 'percent', value, unit: '%', raw: raw ?? `${value}%` };
}
export function age(value: number, raw: string): Reading {
  return { kind: 'age', value, unit: '歳', raw };
}
const LEVEL_RANK: Readonly<Record<PresenceLevel, number>> = { none: 0, partial: 1, present: 2, expanded: 3 };
export function presence(level: PresenceLevel, raw: string): Reading {
  return { kind: 'presence', level, value: LEVEL_RANK[level], unit: '', raw };
}
export function missing(mark = '—'): Reading {
  return { kind: 'missing', value: null, unit: '', mark, raw: mark };
}
export function abolished(raw = '廃止'): Reading {
  return { kind: 'abolished', value: null, unit: '', raw };
}
export function text(raw: string): Reading {
  return { kind: 'text', value: null, unit: '', raw };
}

export const BASELINE_YEAR = 2018;
export const ACTUAL_YEARS: readonly FiscalYear[] = [2020, 2021, 2022, 2023, 2024];
export const TARGET_YEAR = 2024;
const BASELINE_COL = 5;
const TARGET_COL = 11;

export interface KpiSeed {
  readonly row: number;
  readonly name: string;
  readonly role?: KpiRole;
  readonly department?: string;
  readonly baseline?: Reading | null;
  /** R2…R6 in order; shorter arrays leave the later years out. */
  readonly actuals?: readonly Reading[];
  readonly target?: Reading | null;
  readonly directionChoice?: Direction | null;
  readonly unit?: string;
}

export function kpi(seed: KpiSeed): Kpi {
  const at = (col: number, year: FiscalYear, reading: Reading): YearCell => ({
    year,
    reading,
    cell: { row: seed.row, col },
  });
  return {
    id: `R${seed.row}`,
    role: seed.role ?? 'kpi',
    row: seed.row,
    name: seed.name,
    framework: '',
    measure: '',
    period: null,
    department: seed.department ?? (seed.role === 'headline' ? '' : '産業振興課'),
    unit: seed.unit ?? '',
    baseline: seed.baseline ? at(BASELINE_COL, BASELINE_YEAR, seed.baseline) : null,
    actuals: (seed.actuals ?? []).map((reading, i) => at(BASELINE_COL + 1 + i, ACTUAL_YEARS[i], reading)),
    target: seed.target ? at(TARGET_COL, TARGET_YEAR, seed.target) : null,
    directionChoice: seed.directionChoice ?? null,
    notes: [],
  };
}

export function block(goal: string, headlines: readonly Kpi[], kpis: readonly Kpi[]): Block {
  const firstRow = Math.min(...[...headlines, ...kpis].map((k) => k.row));
  return {
    goal,
    goalNumber: Number.parseInt(goal, 10) || null,
    firstRow,
    headlines,
    kpis,
    headlineTable: null,
    kpiTable: null,
  };
}

export function sheet(blocks: readonly Block[], diagnostics: readonly Diagnostic[] = []): KpiSheet {
  return { sheet: 'KPI', title: null, blocks, diagnostics };
}

/** One block holding the given KPIs. */
export function sheetOf(...kpis: readonly Kpi[]): KpiSheet {
  return sheet([block('1 テスト', [], kpis)]);
}
