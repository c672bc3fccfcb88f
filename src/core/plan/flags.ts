/**
 * The flag columns: what each KPI row shows to the right of the city's table, and the ops that write
 * one table's block of them.
 */
import { gradeLabelOf, gradeSymbols } from '../settings/scale';
import type {
  Grade,
  GradeScale,
  InputPrompt,
  KpiEvaluation,
  PlanValue,
  Settings,
  TableRegion,
  Trend,
  WriteOp,
} from '../types';
import { rangeOf } from '../a1';
import { BORDER, HEADER_STYLE, RATE_FORMAT } from './palette';
import { fiscalYearText, readingText } from './reading-text';
import { widthForWords } from './word-width';

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

/** Column widths in characters, as Excel counts them: the least each column gets (flagWidths). */
export const FLAG_WIDTHS: readonly number[] = [13, 8, 8, 5, 11, 5, 30];

/** The 備考's font size: small, so a note of several reasons stays a few lines. */
export const NOTES_FONT_SIZE = 9;

/** Past these widths a word breaks as any long text does: the table stays on its pages. */
const WIDEST_LATEST = 20;
const WIDEST_NOTES = 48;

export const DIRECTION_CHOICES: readonly string[] = ['↑', '↓'];

/** The 方向 cell's input message: what the arrows mean and that a choice there is kept (directionText). */
export const DIRECTION_PROMPT: InputPrompt = {
  title: '方向 (↑ / ↓)',
  message:
    '↑ 増えるほど良い / ↓ 減るほど良い。\n' +
    '一覧から選び直すと、次の評価からその向きで判定します。空欄は向きの確認待ちです。',
};

const TREND_ARROW: Readonly<Record<Trend, string>> = { better: '↗', same: '→', worse: '↘' };

/**
 * The 判定 cell's text: the scale's symbol, then its label (`D 遅れ`, `◎ 達成`). The symbol is always the
 * text's start, and no symbol of a scale starts another, so rules and readers recover it whatever label
 * the city chose.
 */
export function gradeText(grade: Grade, settings: Pick<Settings, 'scale'>): string {
  const label = gradeLabelOf(settings.scale, grade).trim();
  if (label === '' || label === grade) return grade;
  if (label.startsWith(grade)) return label;
  return `${grade} ${label}`;
}

/** The grade symbol back from a 判定 cell's text, on the given scale. */
export function gradeFromText(text: string, scale: GradeScale): Grade | null {
  return gradeSymbols(scale).find((symbol) => text.startsWith(symbol)) ?? null;
}

/** Beyond ±999 % a rate says nothing more to a reader; the cell prints a cap, the JSON keeps it exact. */
export const RATE_CAP = 9.99;

/** The 達成率 / 進捗率 cell: the fraction, or `999%超` / `−999%未満` beyond the cap. */
export function rateCellValue(rate: number | null): PlanValue {
  if (rate === null) return null;
  if (rate > RATE_CAP) return '999%超';
  if (rate < -RATE_CAP) return '−999%未満';
  return rate;
}

/** `14人 (R6)`; '' when there is no reading. */
export function latestText(evaluation: KpiEvaluation): string {
  if (evaluation.latest === null) return '';
  const value = readingText(evaluation.latest);
  return evaluation.latestYear === null ? value : `${value} (${fiscalYearText(evaluation.latestYear)})`;
}

/**
 * The 方向 cell: the arrow the KPI was judged by, read back as the user's choice on the next run. Left empty
 * while the direction is to be confirmed (target below baseline, nothing saying lower-is-better), so the
 * re-run asks again until the user picks ↑ or ↓ there.
 */
export function directionText(evaluation: KpiEvaluation): string {
  if (evaluation.directionToConfirm) return '';
  return evaluation.direction === 'down' ? '↓' : '↑';
}

/** One KPI row's flag values, left to right; the Excel host rewrites a row with this alone. */
export function flagValuesFor(evaluation: KpiEvaluation, settings: Settings): PlanValue[] {
  return [
    latestText(evaluation),
    rateCellValue(evaluation.achievementRate),
    rateCellValue(evaluation.progressRate),
    evaluation.trend === null ? '' : TREND_ARROW[evaluation.trend],
    gradeText(evaluation.grade, settings),
    directionText(evaluation),
    evaluation.notes.join(' / '),
  ];
}

/** Each KPI row's flag values, computed once per plan: the flag columns and the printed row heights read them. */
export type FlagValuesByRow = ReadonlyMap<number, readonly PlanValue[]>;

export function flagValuesByRow(kpis: readonly KpiEvaluation[], settings: Settings): FlagValuesByRow {
  return new Map(kpis.map((k) => [k.row, flagValuesFor(k, settings)]));
}

/**
 * The flag columns' widths for these rows: the wrapped 最新値 and 備考 columns widened to their longest
 * word (`1,234,567,890円` is not split across lines), each up to a cap; the others as FLAG_WIDTHS. Not to
 * the longest value: `98,000人 (R2)` may take two lines, where a wider column would push the seed's A3
 * print from one page wide to two. The same rows give the
 * same widths, so a re-run writes what the first run did.
 */
export function flagWidths(values: FlagValuesByRow): readonly number[] {
  const { latest, notes } = FLAG_OFFSET;
  const column = (offset: number): string[] => [...values.values()].map((v) => String(v[offset] ?? ''));
  const widths = [...FLAG_WIDTHS];
  widths[latest] = widthForWords(column(latest), FLAG_WIDTHS[latest], WIDEST_LATEST);
  widths[notes] = widthForWords(column(notes), FLAG_WIDTHS[notes], WIDEST_NOTES, NOTES_FONT_SIZE);
  return widths;
}

/** A row of the table that is no KPI (a section or note row): its flag cells stay empty. */
const NO_FLAGS: readonly PlanValue[] = FLAG_HEADERS.map(() => null);

export interface FlagTable {
  readonly sheet: string;
  readonly table: TableRegion;
  /** First flag column. */
  readonly startCol: number;
}

/** Header, values, styles and the 方向 dropdown of one table's flag columns. */
export function flagOps(target: FlagTable, flagValues: FlagValuesByRow): WriteOp[] {
  const { sheet, table, startCol } = target;
  const col = (offset: number): number => startCol + offset;
  const lastCol = col(FLAG_COUNT - 1);
  const rows: (readonly PlanValue[])[] = [];
  for (let row = table.firstRow; row <= table.lastRow; row++) rows.push(flagValues.get(row) ?? NO_FLAGS);
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
      // Wrapped: a capped rate (`−999%未満`) is wider than the column and goes on two lines, its row grown.
      style: {
        border: BORDER,
        horizontal: 'right',
        vertical: 'middle',
        numberFormat: RATE_FORMAT,
        wrap: true,
      },
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
      // Wrapped (its row grows to fit, fitRowHeights), so a long note prints whole.
      style: { border: BORDER, vertical: 'middle', fontSize: NOTES_FONT_SIZE, wrap: true },
    },
    {
      op: 'setDataValidation',
      sheet,
      range: data(direction, direction),
      rule: { type: 'list', list: DIRECTION_CHOICES },
      prompt: DIRECTION_PROMPT,
    },
  );
  return ops;
}
