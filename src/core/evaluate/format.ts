/** Display helpers for notes and follow-ups, on top of the cell reader's own formatting. */
import { formatFiscalYear, formatNumber as formatSheetNumber, formatReading } from '../read';
import type { FiscalYear, Reading } from '../types';

/** 2022 → `R4`, 2018 → `H30`. */
export function fiscalYearLabel(year: FiscalYear): string {
  return formatFiscalYear(year);
}

/** A computed number (a path target, 118.333…) as the sheet writes numbers, to at most two decimals. */
export function formatNumber(value: number): string {
  return formatSheetNumber(Math.round(value * 100) / 100);
}

/** `14人`, `△59人`, `希望者の100%`, `満18歳まで`: as the sheet writes it. */
export function readingLabel(reading: Reading): string {
  return formatReading(reading);
}
