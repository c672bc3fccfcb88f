/** A1-style addresses and defined-name references, for the Office.js host. */
import type { CellRange } from '../core/types';

/** 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let n = col;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** `P5:P40`, or `P5` for one cell. */
export function rangeAddress(range: CellRange): string {
  const first = cellAddress(range.top, range.left);
  if (range.top === range.bottom && range.left === range.right) return first;
  return `${first}:${cellAddress(range.bottom, range.right)}`;
}

/** Absolute form for defined names and print settings: `$P$5:$P$40`. */
export function absoluteAddress(range: CellRange): string {
  const cell = (row: number, col: number): string => `$${columnLetters(col)}$${row}`;
  return `${cell(range.top, range.left)}:${cell(range.bottom, range.right)}`;
}

/** Always quoted: Excel accepts `'Sheet1'!A1` for every name, and names with spaces or 全角 need it. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** `A1:B2`, `$A$1`, `A1` → a range; whole rows or columns and anything else → null. */
export function parseAddress(address: string): CellRange | null {
  const parts = address.split(':');
  if (parts.length > 2) return null;
  const first = CELL.exec(parts[0] ?? '');
  const last = CELL.exec(parts[1] ?? parts[0] ?? '');
  if (!first || !last) return null;
  const top = Number(first[2]);
  const left = columnNumber(first[1]);
  const bottom = Number(last[2]);
  const right = columnNumber(last[1]);
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
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
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((part) => parseReference(part)).filter((ref): ref is SheetReference => ref !== null);
}
