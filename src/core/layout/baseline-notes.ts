/**
 * The sheet's cells that name a baseline year (`基準値（平成30年度）`, `※基準年度は H30`), found in one pass
 * over the sheet the first time a header asks, then answered from that list: each KPI header of a long
 * sheet asking the whole sheet again made reading grow with blocks × rows.
 */
import { cellAddress } from '../a1';
import type { SheetCells } from './sheet-cells';
import { findYear } from './value-header';

const BASELINE_WORD = /基準値|基準年度?|現状値|策定時|当初値|初期値/u;

function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

export interface BaselineNote {
  readonly year: number;
  readonly cell: string;
  readonly text: string;
}

/** The year a cell names as the baseline, or null: the first year after the baseline word. */
export function baselineNoteAt(cells: SheetCells, row: number, col: number): BaselineNote | null {
  const text = cells.text(row, col);
  if (text === '' || text.length > 80) return null;
  const t = compact(text);
  const at = t.search(BASELINE_WORD);
  if (at < 0) return null;
  const found = findYear(t.slice(at));
  return found ? { year: found.year, cell: cellAddress(row, col), text } : null;
}

export interface BaselineNotes {
  /** The first cell of the sheet (row by row) naming `year` as the baseline. */
  first(year: number): BaselineNote | null;
}

export function baselineNotes(cells: SheetCells): BaselineNotes {
  let byYear: Map<number, BaselineNote> | undefined;
  return {
    first(year) {
      if (!byYear) {
        byYear = new Map();
        for (let row = cells.firstRow; row <= cells.lastRow; row += 1) {
          if (cells.isEmptyRow(row)) continue;
          for (let col = cells.firstCol; col <= cells.lastCol; col += 1) {
            const note = baselineNoteAt(cells, row, col);
            if (note && !byYear.has(note.year)) byYear.set(note.year, note);
          }
        }
      }
      return byYear.get(year) ?? null;
    },
  };
}
