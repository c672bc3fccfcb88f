/**
 * The history chart of one KPI: its values by year, the baseline, the target, the interim path
 * the grade is judged against, in the grade's colour. Pure: from the KPI's readings to the chart's points
 * in SVG coordinates; history-view.ts draws them.
 */
import { pathTarget } from '../../core/evaluate/interim-path';
import { cellYear } from '../../core/evaluate/year';
import { gradeFill } from '../../core/plan/palette';
import type {
  Color,
  FiscalYear,
  Grade,
  GradeScale,
  Kpi,
  KpiEvaluation,
  Reading,
  YearCell,
} from '../../core/types';

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

export const CHART_SIZE: ChartSize = { width: 300, height: 170 };

/** Room for the value labels left and the year labels below. */
const MARGIN = { left: 44, right: 12, top: 12, bottom: 22 } as const;

export interface ChartPoint {
  readonly year: FiscalYear;
  readonly value: number;
  readonly x: number;
  readonly y: number;
}

export interface ChartTick {
  readonly label: string;
  readonly at: number;
}

export interface HistoryChart {
  readonly size: ChartSize;
  readonly kpiId: string;
  readonly name: string;
  readonly unit: string;
  readonly grade: Grade;
  /** The grade's strong colour for the actual values, and its fill behind the plot. */
  readonly color: Color;
  readonly fill: Color;
  /** The actual values, by year. */
  readonly points: readonly ChartPoint[];
  readonly baseline: ChartPoint | null;
  readonly target: ChartPoint | null;
  /** The straight line from baseline to target, a vertex per year (EVALUATION.md section 3). */
  readonly path: readonly ChartPoint[];
  readonly xTicks: readonly ChartTick[];
  readonly yTicks: readonly ChartTick[];
  /** The plot's rectangle inside the margins. */
  readonly plot: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
}

/** Readings a line can show: numbers, percents and age limits (in years). */
function plotted(reading: Reading): number | null {
  return reading.kind === 'number' || reading.kind === 'percent' || reading.kind === 'age'
    ? reading.value
    : null;
}

function yearValue(cell: YearCell | null): { year: FiscalYear; value: number } | null {
  if (!cell) return null;
  const value = plotted(cell.reading);
  return value === null ? null : { year: cellYear(cell), value };
}

function niceStep(span: number): number {
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return step ?? 10 * power;
}

/** `R6` style labels for the x axis (the chart is small; the Western year is in the title). */
function shortYear(year: FiscalYear): string {
  if (year >= 2019) return year === 2019 ? 'R1' : `R${year - 2018}`;
  if (year >= 1989) return `H${year - 1988}`;
  return String(year);
}

function valueLabel(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('ja-JP') : String(Math.round(value * 100) / 100);
}

/**
 * The chart of a KPI, or null when nothing in its row can be drawn (presences, text, only missing cells).
 * Actual values in year order; a cell with its own year (`9,174人 (H28年)`) is drawn at that year.
 */
export function historyChart(
  kpi: Kpi,
  evaluation: KpiEvaluation,
  scale: GradeScale,
  size: ChartSize = CHART_SIZE,
): HistoryChart | null {
  const actuals = kpi.actuals
    .map(yearValue)
    .filter((v): v is { year: FiscalYear; value: number } => v !== null)
    .sort((a, b) => a.year - b.year);
  const baseline = yearValue(kpi.baseline);
  const target = yearValue(kpi.target);
  if (actuals.length === 0 && baseline === null && target === null) return null;

  const path: { year: FiscalYear; value: number }[] = [];
  if (baseline && target && baseline.year < target.year) {
    for (let year = baseline.year; year < target.year; year++) {
      const value = pathTarget(baseline, target, year);
      if (value !== null) path.push({ year, value });
    }
    path.push(target);
  }

  const all = [...actuals, ...(baseline ? [baseline] : []), ...(target ? [target] : [])];
  const years = all.map((v) => v.year);
  const minYear = Math.min(...years);
  const maxYear = Math.max(...years);
  const values = all.map((v) => v.value);
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (low === high) {
    const pad = Math.abs(low) > 0 ? Math.abs(low) * 0.1 : 1;
    low -= pad;
    high += pad;
  }
  const step = niceStep(high - low);
  low = Math.floor(low / step) * step;
  high = Math.ceil(high / step) * step;

  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: size.width - MARGIN.right,
    bottom: size.height - MARGIN.bottom,
  };
  const x = (year: FiscalYear): number =>
    maxYear === minYear
      ? (plot.left + plot.right) / 2
      : plot.left + ((year - minYear) / (maxYear - minYear)) * (plot.right - plot.left);
  const y = (value: number): number => plot.top + ((high - value) / (high - low)) * (plot.bottom - plot.top);
  const point = (v: { year: FiscalYear; value: number }): ChartPoint => ({
    year: v.year,
    value: v.value,
    x: round(x(v.year)),
    y: round(y(v.value)),
  });

  const xTicks: ChartTick[] = [];
  for (let year = minYear; year <= maxYear; year++)
    xTicks.push({ label: shortYear(year), at: round(x(year)) });
  const yTicks: ChartTick[] = [];
  for (let value = low; value <= high + step / 2; value += step)
    yTicks.push({ label: valueLabel(value), at: round(y(value)) });

  const strong = gradeFill(scale, evaluation.grade);
  return {
    size,
    kpiId: kpi.id,
    name: kpi.name,
    unit: kpi.unit,
    grade: evaluation.grade,
    color: strong.fontColor ?? strong.fill,
    fill: strong.fill,
    points: actuals.map(point),
    baseline: baseline ? point(baseline) : null,
    target: target ? point(target) : null,
    path: path.map(point),
    xTicks,
    yTicks,
    plot,
  };
}

/** SVG coordinates to two decimals: stable in tests and in the markup. */
function round(n: number): number {
  return Math.round(n * 100) / 100;
}
