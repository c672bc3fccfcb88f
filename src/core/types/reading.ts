/** A cell's meaning after normalization (EVALUATION.md section 1). */

/** Fiscal year as the Gregorian year it starts in: R2 → 2020, H30 → 2018. */
export type FiscalYear = number;

interface ReadingBase {
  /** The cell text as written (before normalization). */
  readonly raw: string;
  /** Words around the value that qualify it: `希望者の`, `以上`, `延べ`, `/年`. */
  readonly qualifier?: string;
  /** Footnote markers stripped from the value (`※1`). */
  readonly footnote?: string;
}

export interface NumberReading extends ReadingBase {
  readonly kind: 'number';
  readonly value: number;
  /** Base unit from the catalogue ('' for a bare number). */
  readonly unit: string;
  /** A year written in the cell itself, `9,174人 (H28年)`, that overrides its column's. */
  readonly year?: FiscalYear;
}

export interface PercentReading extends ReadingBase {
  readonly kind: 'percent';
  /** In percent points: 16 for 16 %. */
  readonly value: number;
  readonly unit: '%';
  /** True when a fraction (0.16) was read as a percent because of its row. */
  readonly fromFraction?: boolean;
  readonly year?: FiscalYear;
}

export interface AgeReading extends ReadingBase {
  readonly kind: 'age';
  /** The age limit in years: 中3まで → 15, 小6まで → 12, 満18歳まで → 18. */
  readonly value: number;
  readonly unit: '歳';
}

export type PresenceLevel = 'none' | 'partial' | 'present' | 'expanded';

export interface PresenceReading extends ReadingBase {
  readonly kind: 'presence';
  /** Rank of the level: none 0, partial 1, present 2, expanded 3. */
  readonly value: number;
  readonly level: PresenceLevel;
  readonly unit: '';
}

export interface MissingReading extends ReadingBase {
  readonly kind: 'missing';
  readonly value: null;
  readonly unit: '';
  /** Which mark the cell held: '—', '-', '' … */
  readonly mark: string;
}

export interface AbolishedReading extends ReadingBase {
  readonly kind: 'abolished';
  readonly value: null;
  readonly unit: '';
}

export interface TextReading extends ReadingBase {
  readonly kind: 'text';
  readonly value: null;
  readonly unit: '';
}

export type Reading =
  | NumberReading
  | PercentReading
  | AgeReading
  | PresenceReading
  | MissingReading
  | AbolishedReading
  | TextReading;

export type ReadingKind = Reading['kind'];

/** Readings that carry a comparable quantity. */
export type QuantityReading = NumberReading | PercentReading;

export type YearRole = 'baseline' | 'actual' | 'target';

export interface YearHeader {
  readonly year: FiscalYear;
  readonly role: YearRole;
}
