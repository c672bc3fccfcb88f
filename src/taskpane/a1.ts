/** A1 addresses for the demo workbook: `F12` ↔ row 12, column 6. */
import type { CellRef } from '../core/types';

export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

export function toA1(ref: CellRef): string {
  return `${columnLetters(ref.col)}${ref.row}`;
}

/** Parses `F12` or `$F$12`; null when it is not one cell address. */
export function parseA1(address: string): CellRef | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) return null;
  return { row: Number(match[2]), col: columnNumber(match[1]) };
}
