/** How the plan shows a reading and a fiscal year: the read module's own formatting, in one place. */
import { formatFiscalYear, formatReading } from '../read';
import type { FiscalYear, Reading } from '../types';

export function readingText(reading: Reading): string {
  return formatReading(reading);
}

export function fiscalYearText(year: FiscalYear): string {
  return formatFiscalYear(year);
}
