/** Office.js pieces of A1 notation: the references Office.js gives for defined names, events and areas. */
import { parseCellAddress, rangeBetween } from '../core/a1';
import { splitOutsideQuotes } from '../core/split-outside-quotes';
import type { CellRange } from '../core/types';

/** `A1:B2`, `$A$1`, `A1` → a range; whole rows or columns and anything else → null. */
export function parseAddress(address: string): CellRange | null {
  const parts = address.split(':');
  if (parts.length > 2) return null;
  const first = parseCellAddress(parts[0] ?? '');
  const last = parseCellAddress(parts[1] ?? parts[0] ?? '');
  return first && last ? rangeBetween(first, last) : null;
}

export interface SheetReference {
  readonly sheet: string;
  readonly range: CellRange;
}

/**
 * `=Sheet!$A$1:$B$2`, `='KPI 表'!$P$5`, or `Sheet!A1` (Office.js gives range addresses without `=`)
 * → sheet and range; a formula, a constant or `#REF!` → null.
 */
export function parseReference(reference: string): SheetReference | null {
  const text = reference.trim().replace(/^=/, '');
  const bang = text.lastIndexOf('!');
  if (bang <= 0) return null;
  const sheetPart = text.slice(0, bang);
  const quoted = sheetPart.startsWith("'") && sheetPart.endsWith("'") && sheetPart.length >= 2;
  // Unquoted, a sheet name has letters, digits, _ and . only: `#REF` or `SUM(A` is no sheet.
  if (!quoted && !/^[\p{L}\p{N}_.]+$/u.test(sheetPart)) return null;
  const sheet = quoted ? sheetPart.slice(1, -1).replace(/''/g, "'") : sheetPart;
  const range = parseAddress(text.slice(bang + 1));
  return range ? { sheet, range } : null;
}

/**
 * A `RangeAreas` address (`Sheet1!A1:B2, Sheet1!D1:D4`) → its rectangles. Commas inside a quoted
 * sheet name are kept.
 */
export function parseAreas(address: string): SheetReference[] {
  return splitOutsideQuotes(address, ',', "'")
    .map((part) => parseReference(part))
    .filter((ref): ref is SheetReference => ref !== null);
}
