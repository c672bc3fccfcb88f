/** Reading cells, rows and year headers (EVALUATION.md sections 1 and 2). */
export { readCell, readNumber, readText } from './cell';
export type { CellInput } from './cell';
export { readRow, majorityUnit, isPercentRow } from './row';
export type { RowContext, RowNote, RowNoteKind, RowReading } from './row';
export { parseYearHeader, parseFiscalYear, formatFiscalYear, yearRoleOf, UNKNOWN_YEAR } from './fiscal-year';
export { formatReading, formatNumber } from './format';
export {
  BASE_UNITS,
  baseUnit,
  lookupUnit,
  sameUnitKind,
  unitFromNumberFormat,
  isDateTimeFormat,
  LARGE_SCALES,
  SMALL_SCALES,
} from './units';
export type { FormatUnit, UnitEntry } from './units';
export { normalizeCellText } from './normalize';
export type { NormalizedText } from './normalize';
export { parseQuantity } from './numbers';
export type { Quantity } from './numbers';
export { readAgeLimit, formatAgeLimit } from './age';
export { readPresenceLevel, PRESENCE_RANK } from './presence';
export { isMissingMark } from './missing';
export { isAbolished } from './abolished';
export { cachedCellReader } from './memo';
export type { CellReader } from './memo';
