/**
 * The flag columns: what each KPI row shows to the right of the city's table, and the ops that write
 * one table's block of them.
 */
import type { Grade, KpiEvaluation, PlanValue, Settings, TableRegion, Trend, WriteOp } from '../types';
import { rangeOf } from '../a1';
import { BORDER, HEADER_STYLE, RATE_FORMAT } from './palette';
import { fiscalYearText, readingText } from './reading-text';

/** Headers of the flag columns, left to right. The layout reader knows them by these words. */
export const FLAG_HEADERS = ['最新値', '達成率', '進捗率', '傾向', '判定', '方向', '備考'] as const;
export const FLAG_COUNT = FLAG_HEADERS.length;

/** Offset of each flag column from the first one. */
export const FLAG_OFFSET = {
  latest: 0,
  achievementRate: 1,
  progressRate: 2,
  trend: 3,
  grade: 4,
  direction: 5,
  notes: 6,
} as const;

/** Column widths in characters, as Excel counts them. */
export const FLAG_WIDTHS: readonly number[] = [13, 8, 8, 5, 11, 5, 30];

export const DIRECTION_CHOICES: readonly string[] = ['↑', '↓'];

const TREND_ARROW: Readonly<Record<Trend, string>> = { better: '↗', same: '→', worse: '↘' };

/**
 * The 判定 cell's text: the code, then the label (`D 遅れ`). The code is always the first character
 * (`廃止` the first two), so rules and readers recover it whatever label the city chose.
 */
export function gradeText(grade: Grade, settings: Settings): string {
  const label = settings.labels[grade]?.trim() ?? '';
  if (label === '' || label === grade) return grade;
  if (label.startsWith(grade)) return label;
  return `${grade} ${label}`;
}

/** The grade code back from a 判定 cell's text. */
export function gradeFromText(text: string): Grade | null {
  if (text.startsWith('廃止')) return '廃止';
  const code = text.charAt(0);
  return code === 'A' || code === 'B' || code === 'C' || code === 'D' || code === 'X' ? code : null;
}

/** `14人 (R6)`; '' when there is no reading. */
export function latestText(evaluation: KpiEvaluation): string {
  if (evaluation.latest === null) return '';
  const value = readingText(evaluation.latest);
  return evaluation.latestYear === null ? value : `${value} (${fiscalYearText(evaluation.latestYear)})`;
}

/** One KPI row's flag values, left to right; the Excel host rewrites a row with this alone. */
export function flagValuesFor(evaluation: KpiEvaluation, settings: Settings): PlanValue[] {
  return [
    latestText(evaluation),
    evaluation.achievementRate,
    evaluation.progressRate,
    evaluation.trend === null ? '' : TREND_ARROW[evaluation.trend],
    gradeText(evaluation.grade, settings),
    evaluation.direction === 'down' ? '↓' : '↑',
    evaluation.notes.join(' / '),
  ];
}

export interface FlagTable {
  readonly sheet: string;
  readonly table: TableRegion;
  /** First flag column. */
  readonly startCol: number;
}

/** Header, values, styles and the 方向 dropdown of one table's flag columns. */
export function flagOps(
  target: FlagTable,
  evaluationsByRow: ReadonlyMap<number, KpiEvaluation>,
  settings: Settings,
): WriteOp[] {
  const { sheet, table, startCol } = target;
  const col = (offset: number): number => startCol + offset;
  const lastCol = col(FLAG_COUNT - 1);
  const rows: PlanValue[][] = [];
  for (let row = table.firstRow; row <= table.lastRow; row++) {
    const evaluation = evaluationsByRow.get(row);
    rows.push(evaluation ? flagValuesFor(evaluation, settings) : FLAG_HEADERS.map(() => null));
  }
  const data = (first: number, last: number) => rangeOf(table.firstRow, col(first), table.lastRow, col(last));
  const ops: WriteOp[] = [
    {
      op: 'setStyle',
      sheet,
      range: rangeOf(table.headerTop, startCol, table.headerRow, lastCol),
      style: HEADER_STYLE,
    },
    { op: 'setValues', sheet, row: table.headerRow, col: startCol, values: [[...FLAG_HEADERS]] },
  ];
  if (rows.length === 0) return ops;
  const { latest, achievementRate, progressRate, trend, direction, notes } = FLAG_OFFSET;
  ops.push(
    { op: 'setValues', sheet, row: table.firstRow, col: startCol, values: rows },
    {
      op: 'setStyle',
      sheet,
      range: data(latest, latest),
      style: { border: BORDER, horizontal: 'right', vertical: 'middle', wrap: true },
    },
    {
      op: 'setStyle',
      sheet,
      range: data(achievementRate, progressRate),
      style: { border: BORDER, horizontal: 'right', vertical: 'middle', numberFormat: RATE_FORMAT },
    },
    {
      op: 'setStyle',
      sheet,
      range: data(trend, direction),
      style: { border: BORDER, horizontal: 'center', vertical: 'middle' },
    },
    {
      op: 'setStyle',
      sheet,
      range: data(notes, notes),
      // Wrapped (its row grows to fit, fitRowHeights), so a long note prints whole (issue 16).
      style: { border: BORDER, vertical: 'middle', fontSize: 9, wrap: true },
    },
    { op: 'setDataValidationList', sheet, range: data(direction, direction), list: DIRECTION_CHOICES },
  );
  return ops;
}
