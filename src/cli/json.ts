/**
 * The public JSON of `kpi-sheet inspect --json` (README: JSON format of inspect / evaluate). `kpi-sheet evaluate --json` is this
 * plus the evaluation, so both commands build it here.
 */
import type { Block, Kpi, KpiSheet, Reading, YearCell } from '../core/types';

export interface ReadingJson {
  readonly kind: Reading['kind'];
  /** Percent in points (16 for 16 %); the age limit in years; the presence rank; null for the rest. */
  readonly value: number | null;
  readonly unit: string;
  readonly raw: string;
  readonly qualifier?: string;
}

export interface YearReadingJson {
  /** Fiscal year as the Gregorian year it starts in: R2 → 2020. */
  readonly year: number;
  readonly reading: ReadingJson;
}

/** The row as core reads it, less what only the add-in uses; its year cells as year and reading. */
export interface KpiJson extends Pick<
  Kpi,
  'id' | 'row' | 'name' | 'framework' | 'measure' | 'period' | 'department' | 'unit'
> {
  readonly baseline: YearReadingJson | null;
  readonly actuals: readonly YearReadingJson[];
  readonly target: YearReadingJson | null;
  /** 見込 values, never actuals; absent when the row has none. */
  readonly forecasts?: readonly YearReadingJson[];
}

/** `sheet`: where the run judged several sheets of the workbook (one sheet per 基本目標). */
export interface BlockJson extends Pick<Block, 'goal' | 'sheet'> {
  /** The block's 数値目標 rows (usually one; the strategy table can write two in one cell). */
  readonly headline: readonly KpiJson[];
  readonly kpis: readonly KpiJson[];
}

export interface InspectJson extends Pick<KpiSheet, 'sheet' | 'diagnostics'> {
  readonly file: string;
  readonly blocks: readonly BlockJson[];
}

/**
 * The named fields of `value`, in the order named (the order the JSON prints them in); a field `value` leaves
 * out stays out.
 */
export function pickFields<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (value[key] !== undefined) picked[key] = value[key];
  return picked as Pick<T, K>;
}

export function readingToJson(reading: Reading): ReadingJson {
  return {
    kind: reading.kind,
    value: reading.value,
    unit: reading.unit,
    raw: reading.raw,
    ...(reading.qualifier === undefined ? {} : { qualifier: reading.qualifier }),
  };
}

function yearCellToJson(cell: YearCell): YearReadingJson {
  return { year: cell.year, reading: readingToJson(cell.reading) };
}

export function kpiToJson(kpi: Kpi): KpiJson {
  return {
    id: kpi.id,
    row: kpi.row,
    name: kpi.name,
    framework: kpi.framework,
    measure: kpi.measure,
    period: kpi.period,
    department: kpi.department,
    unit: kpi.unit,
    baseline: kpi.baseline ? yearCellToJson(kpi.baseline) : null,
    actuals: kpi.actuals.map(yearCellToJson),
    target: kpi.target ? yearCellToJson(kpi.target) : null,
    ...(kpi.forecasts && kpi.forecasts.length > 0 ? { forecasts: kpi.forecasts.map(yearCellToJson) } : {}),
  };
}

function blockToJson(block: Block): BlockJson {
  return {
    goal: block.goal,
    ...(block.sheet === undefined ? {} : { sheet: block.sheet }),
    headline: block.headlines.map(kpiToJson),
    kpis: block.kpis.map(kpiToJson),
  };
}

/** `file` is the path as the user gave it. */
export function kpiSheetToJson(sheet: KpiSheet, file: string): InspectJson {
  return {
    file,
    sheet: sheet.sheet,
    blocks: sheet.blocks.map(blockToJson),
    diagnostics: sheet.diagnostics.map((d) => ({ cell: d.cell, kind: d.kind, message: d.message })),
  };
}
