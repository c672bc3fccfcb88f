/**
 * Years a KPI header leaves out, taken from what the sheet says elsewhere, each said as a diagnostic with
 * where it came from: a 現状 / 現況 / 当初 baseline's year from a headline above the table
 * (`基準値（平成30年度）`) or the title; a lone first year column read as the baseline when the sheet names
 * that year the baseline; an N-year target (`5ヵ年目標`) N years after the baseline. 見込 and dated
 * columns (`平成15年9月30日現在`) say what kind of value they hold.
 */
import { cellAddress } from '../a1';
import { formatFiscalYear } from '../read';
import type { Diagnostic } from '../types';
import type { Column, HeaderRows } from './headers';
import { baselineNoteAt, type BaselineNote, type BaselineNotes } from './baseline-notes';
import type { SheetCells } from './sheet-cells';
import { findYear, type ValueHeader } from './value-header';

/** Rows above a header looked at for a headline that dates its columns. */
const ROWS_ABOVE = 3;

function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

type Found = BaselineNote;

/** The first cell in `rows` naming a baseline year (`基準値（平成30年度）`, `※基準年度は H30`). */
function baselineYearIn(cells: SheetCells, rows: readonly number[]): Found | null {
  for (const row of rows) {
    for (let col = cells.firstCol; col <= cells.lastCol; col += 1) {
      const found = baselineNoteAt(cells, row, col);
      if (found) return found;
    }
  }
  return null;
}

function titleOf(cells: SheetCells, before: number): Found | null {
  for (let row = cells.firstRow; row < before; row += 1) {
    for (let col = cells.firstCol; col <= cells.lastCol; col += 1) {
      const text = cells.text(row, col);
      if (text === '') continue;
      const t = compact(text);
      // A title naming one year (not a plan's span) dates what it calls 現状.
      const years = t.match(/(平成|令和|H|R)([0-9]{1,2}|元)年度?|(19|20)[0-9]{2}年度?/giu) ?? [];
      const found = years.length === 1 ? findYear(t) : null;
      return found ? { year: found.year, cell: cellAddress(row, col), text } : null;
    }
  }
  return null;
}

function withHeader(c: Column, header: ValueHeader): Column {
  return { ...c, role: { kind: 'year', header } };
}

function yearHeader(c: Column): ValueHeader | null {
  return c.role.kind === 'year' ? c.role.header : null;
}

export interface DatedHeader {
  readonly header: HeaderRows;
  readonly diagnostics: readonly Diagnostic[];
}

export function dateHeaderYears(cells: SheetCells, header: HeaderRows, notes: BaselineNotes): DatedHeader {
  const diagnostics: Diagnostic[] = [];
  const at = (c: Column): string => cellAddress(header.row, c.col);
  let columns = [...header.columns];
  const above: number[] = [];
  for (let row = header.top - 1; row >= Math.max(cells.firstRow, header.top - ROWS_ABOVE); row -= 1)
    above.push(row);

  // A baseline without a year: the headline above, else the title's year for 現状 / 現況 (the state as written).
  columns = columns.map((c) => {
    const h = yearHeader(c);
    if (!h || h.role !== 'baseline' || h.year !== null) return c;
    const found =
      baselineYearIn(cells, above) ?? (/現状|現況/u.test(c.label) ? titleOf(cells, header.top) : null);
    if (!found) return c;
    diagnostics.push({
      cell: at(c),
      kind: 'guessed',
      message: `「${c.label}」の列の年度を ${found.cell} の「${found.text}」から ${formatFiscalYear(found.year)} (${found.year}年度) と読みました。`,
    });
    return withHeader(c, { role: 'baseline', year: found.year });
  });

  const values = columns.filter((c) => yearHeader(c) !== null);
  const hasBaseline = values.some((c) => yearHeader(c)?.role === 'baseline');
  const first = values[0];
  const firstHeader = first ? yearHeader(first) : null;
  // A lone first year column before the actuals is the baseline when the sheet says that year is.
  if (
    !hasBaseline &&
    first &&
    firstHeader &&
    firstHeader.role === 'actual' &&
    firstHeader.year !== null &&
    values.length >= 3
  ) {
    const found = notes.first(firstHeader.year);
    if (found) {
      diagnostics.push({
        cell: at(first),
        kind: 'guessed',
        message: `「${first.label}」の列を、${found.cell} の「${found.text}」から基準値として読みました。`,
      });
      columns = columns.map((c) => (c === first ? withHeader(c, { ...firstHeader, role: 'baseline' }) : c));
    }
  }

  const baselineYear =
    columns.map(yearHeader).find((h) => h?.role === 'baseline' && h.year !== null)?.year ?? null;
  columns = columns.map((c) => {
    const h = yearHeader(c);
    if (!h) return c;
    const label = compact(c.label);
    const span = /([0-9]+)[かヵヶカケ]年/u.exec(label);
    if (h.role === 'target' && h.year === null && span && baselineYear !== null) {
      const year = baselineYear + Number(span[1]);
      diagnostics.push({
        cell: at(c),
        kind: 'guessed',
        message: `「${c.label}」を基準値 ${formatFiscalYear(baselineYear)} から ${span[1]} 年後の ${formatFiscalYear(year)} (${year}年度) の目標として読みました。`,
      });
      return withHeader(c, { role: 'target', year });
    }
    if (h.year === null) return c;
    if (h.role === 'forecast') {
      diagnostics.push({
        cell: at(c),
        kind: 'guessed',
        message: `「${c.label}」は見込値のため、${formatFiscalYear(h.year)} の実績には使わず見込として読みました。`,
      });
    } else if (h.role === 'actual' && /[0-9]+月[0-9]+日|現在|時点/u.test(label)) {
      diagnostics.push({
        cell: at(c),
        kind: 'guessed',
        message: `「${c.label}」を ${formatFiscalYear(h.year)} (${h.year}年度) の実績 (年度途中の値) として読みました。`,
      });
    }
    return c;
  });
  return { header: { ...header, columns }, diagnostics };
}
