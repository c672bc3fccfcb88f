/** A1 notation and range predicates shared by the plan, the hosts and the task pane (host-neutral). */
import type { CellRange, CellRef } from './types';

/** 1 → `A`, 27 → `AA`. */
export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** `A` → 1, `aa` → 27. */
export function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

/** `F12`. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** Both corners, even for one cell: `A1:B2`, `C3:C3`. */
export function rangeAddress(range: CellRange): string {
  return `${cellAddress(range.top, range.left)}:${cellAddress(range.bottom, range.right)}`;
}

/** `P5:P40`, or `P5` for one cell (the form Office.js gives back). */
export function compactRangeAddress(range: CellRange): string {
  const first = cellAddress(range.top, range.left);
  if (range.top === range.bottom && range.left === range.right) return first;
  return `${first}:${cellAddress(range.bottom, range.right)}`;
}

/** `$P$5`. */
export function absoluteCellAddress(row: number, col: number): string {
  return `$${columnLetters(col)}$${row}`;
}

/** Absolute form for defined names and print settings, both corners: `$P$5:$P$40`. */
export function absoluteAddress(range: CellRange): string {
  return `${absoluteCellAddress(range.top, range.left)}:${absoluteCellAddress(range.bottom, range.right)}`;
}

/** Always quoted: Excel accepts `'Sheet1'!A1` for every name, and names with spaces or 全角 need it. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** At most three letters and seven digits, each optionally `$`-anchored: a cell of Excel's grid. */
const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** `F12`, `$F$12`, `f12` → the cell; anything else (spaces included) → null. */
export function parseCellAddress(address: string): CellRef | null {
  const match = CELL.exec(address);
  if (!match) return null;
  return { row: Number(match[2]), col: columnNumber(match[1]) };
}

/** The range with these two cells at opposite corners, whichever order they come in. */
export function rangeBetween(a: CellRef, b: CellRef): CellRange {
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rangeOf(top: number, left: number, bottom: number, right: number): CellRange {
  return { top, left, bottom, right };
}

export function sameRange(a: CellRange, b: CellRange): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

/** Every cell of `inner` lies in `outer`. */
export function rangeInside(inner: CellRange, outer: CellRange): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

/** The two ranges share at least one cell. */
export function rangesOverlap(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function rangeContains(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}
