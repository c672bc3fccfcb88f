/**
 * The row-level step (EVALUATION.md sections 1 and 2): a row's unit is the one most of its cells carry;
 * a cell with another unit keeps its own and the row gets a note (`単位不一致: 件 / 回`). In a percent row,
 * a fraction (0.873) is read as a percent (87.3 %) and noted; a bare number takes the row's unit.
 *
 * Takes Readings (from readCell), not CellInputs, so a caller reads each cell once and keeps its address;
 * the notes point back by index into the same array.
 */
import type { PercentReading, QuantityReading, Reading } from '../types/reading';
import { formatNumber } from './format';
import { roundScaled } from './numbers';
import { baseUnit } from './units';

export type RowNoteKind = 'unitMismatch' | 'fractionAsPercent';

export interface RowNote {
  readonly kind: RowNoteKind;
  /** Index of the cell in the readings given to readRow. */
  readonly index: number;
  /** Japanese, for the row's notes: `単位不一致: 件 / 回`, `小数を百分率として読み取り: 0.873 → 87.3%`. */
  readonly text: string;
}

export interface RowReading {
  /** The row's unit: the one most of its cells carry ('' when none carries one). */
  readonly unit: string;
  /** The cells' readings after the row's step, in the same order. */
  readonly readings: readonly Reading[];
  readonly notes: readonly RowNote[];
}

export interface RowContext {
  /** The KPI name, for 割合 / 率. */
  readonly name: string;
}

function isQuantity(reading: Reading): reading is QuantityReading {
  return reading.kind === 'number' || reading.kind === 'percent';
}

/** A number with no unit of its own (`1.27`, `0.16`, or a General-format numeric cell). */
function isBare(reading: Reading): boolean {
  return reading.kind === 'number' && reading.unit === '';
}

/** Fractions that a percent row writes as 0.16 for 16 %: at most 1 in size. */
function isFraction(value: number): boolean {
  return Math.abs(value) <= 1;
}

/** The unit most cells carry; on a tie, the first one the row shows. '' when no cell carries a unit. */
export function majorityUnit(readings: readonly Reading[]): string {
  const counts = new Map<string, number>();
  for (const reading of readings) {
    if (!isQuantity(reading) || reading.unit === '') continue;
    const unit = baseUnit(reading.unit);
    counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  let best = '';
  let bestCount = 0;
  // forEach keeps insertion order (the first unit wins a tie) without an entry array per unit.
  counts.forEach((count, unit) => {
    if (count > bestCount) {
      best = unit;
      bestCount = count;
    }
  });
  return best;
}

/**
 * Whether the row's numbers are percents: most cells carry %, or (no other unit prevails and) its name
 * says 割合 / 率 and a cell carries %,
 * or its name says 割合 and every number in it is a bare fraction (the strategy table writes
 * マタニティクラス参加割合 as 0.16 and 0.2). 合計特殊出生率 (1.27, no % anywhere) is not.
 */
export function isPercentRow(readings: readonly Reading[], context: RowContext, unit: string): boolean {
  if (unit === '%') return true;
  // A row whose cells mostly carry another unit (人, 件) stays in that unit; its % cells get a mismatch note.
  if (unit !== '') return false;
  const anyPercent = readings.some((reading) => reading.kind === 'percent');
  if (anyPercent && /割合|率/u.test(context.name)) return true;
  const quantities = readings.filter(isQuantity);
  return (
    /割合/u.test(context.name) &&
    quantities.length > 0 &&
    quantities.every((reading) => isBare(reading) && isFraction(reading.value))
  );
}

/** The reading's own words, footnote and year, carried over when the row changes its kind. */
function carried(reading: QuantityReading): Pick<PercentReading, 'raw' | 'qualifier' | 'footnote' | 'year'> {
  return {
    raw: reading.raw,
    ...(reading.qualifier === undefined ? {} : { qualifier: reading.qualifier }),
    ...(reading.footnote === undefined ? {} : { footnote: reading.footnote }),
    ...(reading.year === undefined ? {} : { year: reading.year }),
  };
}

function fractionAsPercent(reading: QuantityReading): PercentReading {
  return {
    ...carried(reading),
    kind: 'percent',
    value: roundScaled(reading.value * 100),
    unit: '%',
    fromFraction: true,
  };
}

function pointsAsPercent(reading: QuantityReading): PercentReading {
  return { ...carried(reading), kind: 'percent', value: reading.value, unit: '%' };
}

/** Applies the row's unit to its cells and notes what differs. */
export function readRow(cells: readonly Reading[], context: RowContext): RowReading {
  const majority = majorityUnit(cells);
  const percentRow = isPercentRow(cells, context, majority);
  const unit = percentRow ? '%' : majority;
  const notes: RowNote[] = [];
  const readings = cells.map((reading, index): Reading => {
    if (!isQuantity(reading)) return reading;
    if (isBare(reading)) {
      if (percentRow && isFraction(reading.value)) {
        const percent = fractionAsPercent(reading);
        notes.push({
          kind: 'fractionAsPercent',
          index,
          text: `小数を百分率として読み取り: ${formatNumber(reading.value)} → ${formatNumber(percent.value)}%`,
        });
        return percent;
      }
      if (percentRow) return pointsAsPercent(reading);
      return unit === '' || reading.kind !== 'number' ? reading : { ...reading, unit };
    }
    if (baseUnit(reading.unit) !== unit && unit !== '') {
      notes.push({ kind: 'unitMismatch', index, text: `単位不一致: ${reading.unit} / ${unit}` });
    }
    return reading;
  });
  return { unit, readings, notes };
}
