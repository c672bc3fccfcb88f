/**
 * A worksheet's `sheetData` as rows of cells kept as their own text: a row the add-in does not touch is
 * written back exactly as it was read, and in a row it does touch every cell but the add-in's keeps its
 * bytes (ECMA-376 Part 1, 18.3.1.73 row, 18.3.1.4 c).
 */
import { cellAddress } from '../../core/a1';
import { scanRow, scanRowSpans } from './sheet-scan';
import { attribute, encodeXstring, escapeXml, splitElement, tagEnd, withAttribute } from './xml';

/** A cell as its element's text, with its column. */
export interface CellText {
  readonly col: number;
  xml: string;
}

export interface Row {
  readonly num: number;
  /** The row's start tag (`<row r="5" spans="1:11" ht="30" customHeight="1">`), self-closing or not. */
  start: string;
  /** The row's element text as read; null once the row has changed. */
  raw: string | null;
  /** Text between the previous row and this one (whitespace in pretty-printed files). */
  readonly gap: string;
  /** The cells, by column, parsed on first use. */
  cells: CellText[] | null;
  /** Whether the start tag has no `r`, so it must get one if rows around it change. */
  readonly implicit: boolean;
  /** Whether the add-in created the row (it goes again if it ends up empty). */
  readonly created: boolean;
  /** Where the row's gap and text lie in the sheetData's inner text as read (-1 for a created row). */
  readonly from: number;
  readonly to: number;
}

/** An Excel string cell holds at most 32,767 characters (Excel specifications and limits). */
export const CELL_TEXT_LIMIT = 32_767;

/** A cell's start tag, made an opening tag if it closes itself (`<c r="A1" s="2"/>` → `<c r="A1" s="2">`). */
function openStartTag(xml: string): string {
  const end = tagEnd(xml, 0);
  if (xml.charCodeAt(end - 2) !== 47) return xml.slice(0, end);
  let cut = end - 2;
  while (cut > 0 && /\s/.test(xml.charAt(cut - 1))) cut--;
  return `${xml.slice(0, cut)}>`;
}

/** A row's cells from its element text, each with its address written out (see below). */
function cellsOf(xml: string, num: number): CellText[] {
  const cells: CellText[] = [];
  scanRow(xml, num, {
    cell: (_row, col, _s, _type, _value, start, end, explicit) => {
      const text = xml.slice(start, end);
      // A cell without `r` is placed after the one before it; it gets its address written out so that
      // cells added around it cannot move it.
      cells.push({ col, xml: explicit ? text : `<c r="${cellAddress(num, col)}"${text.slice(2)}` });
    },
  });
  return cells;
}

export class SheetData {
  readonly rows: Row[] = [];
  private readonly index = new Map<number, number>();
  private changed = false;
  private readonly tail: string;
  readonly head: string;

  /** The sheetData's inner text as read: rows nothing changed are written back as slices of it. */
  private readonly source: string;

  constructor(xml: string | undefined) {
    const parts = xml === undefined ? null : splitElement(xml);
    this.head = parts ? parts.start.replace(/\s*\/>$/, '>') : '<sheetData>';
    const inner = parts?.inner ?? '';
    this.source = inner;
    let last = 0;
    scanRowSpans(inner, (num, start, end, explicit) => {
      this.index.set(num, this.rows.length);
      this.rows.push({
        num,
        start: inner.slice(start, tagEnd(inner, start)),
        raw: inner.slice(start, end),
        gap: inner.slice(last, start),
        cells: null,
        implicit: !explicit,
        created: false,
        from: last,
        to: end,
      });
      last = end;
    });
    this.tail = inner.slice(last);
  }

  row(num: number): Row | undefined {
    const i = this.index.get(num);
    return i === undefined ? undefined : this.rows[i];
  }

  cells(row: Row): CellText[] {
    row.cells ??= cellsOf(row.raw ?? row.start, row.num);
    return row.cells;
  }

  /** The row, created (empty) where it belongs if the sheet has none. */
  private rowForWrite(num: number): Row {
    const existing = this.row(num);
    this.changed = true;
    if (existing) {
      this.cells(existing);
      existing.raw = null;
      return existing;
    }
    const row: Row = {
      num,
      start: `<row r="${num}">`,
      raw: null,
      gap: '',
      cells: [],
      implicit: false,
      created: true,
      from: -1,
      to: -1,
    };
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid].num < num) lo = mid + 1;
      else hi = mid;
    }
    this.rows.splice(lo, 0, row);
    for (let i = lo; i < this.rows.length; i++) this.index.set(this.rows[i].num, i);
    return row;
  }

  cell(num: number, col: number): string | undefined {
    const row = this.row(num);
    if (!row) return undefined;
    return this.cells(row).find((c) => c.col === col)?.xml;
  }

  /** Sets a cell's element text (undefined removes the cell). */
  private putCell(num: number, col: number, edit: (xml: string | undefined) => string | undefined): void {
    const row = this.rowForWrite(num);
    const cells = row.cells ?? [];
    let i = 0;
    while (i < cells.length && cells[i].col < col) i++;
    if (i === cells.length) i = -1;
    const found = i >= 0 && cells[i].col === col ? cells[i] : undefined;
    const xml = edit(found?.xml);
    if (xml === undefined) {
      if (found) cells.splice(i, 1);
    } else if (found) found.xml = xml;
    else cells.splice(i < 0 ? cells.length : i, 0, { col, xml });
  }

  /** Removes the cell, value and style. */
  clearCell(num: number, col: number): void {
    if (this.cell(num, col) === undefined) return;
    this.putCell(num, col, () => undefined);
  }

  /** Writes a value, keeping the cell's style; null empties the cell but keeps its style. */
  setValue(num: number, col: number, value: string | number | null): void {
    this.putCell(num, col, (xml) => {
      // A new number cell, the most common write, built directly.
      if (xml === undefined && typeof value === 'number' && Number.isFinite(value))
        return `<c r="${cellAddress(num, col)}"><v>${String(value)}</v></c>`;
      const start = xml ? openStartTag(xml) : `<c r="${cellAddress(num, col)}">`;
      if (value === null) {
        if (!xml) return undefined;
        return `${withAttribute(start, 't', undefined)}</c>`;
      }
      if (typeof value === 'number') {
        // A number Excel cannot hold is not written as `NaN`: the cell stays empty.
        if (!Number.isFinite(value)) return `${withAttribute(start, 't', undefined)}</c>`;
        return `${withAttribute(start, 't', undefined)}<v>${String(value)}</v></c>`;
      }
      const text = value.length > CELL_TEXT_LIMIT ? `${value.slice(0, CELL_TEXT_LIMIT - 1)}…` : value;
      const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
      return `${withAttribute(start, 't', 'inlineStr')}<is><t${space}>${escapeXml(encodeXstring(text))}</t></is></c>`;
    });
  }

  /** Sets the cell's style index (0 removes `s`). */
  setStyle(num: number, col: number, s: number): void {
    this.putCell(num, col, (xml) => {
      if (!xml) return s === 0 ? undefined : `<c r="${cellAddress(num, col)}" s="${s}"/>`;
      // Only the start tag is edited; the value and formula after it keep their text.
      const end = tagEnd(xml, 0);
      return withAttribute(xml.slice(0, end), 's', s === 0 ? undefined : String(s)) + xml.slice(end);
    });
  }

  /** Sets a row's height in points (Office.js `rowHeight`), as a custom height. */
  setRowHeight(num: number, height: number): void {
    const row = this.rowForWrite(num);
    row.start = withAttribute(withAttribute(row.start, 'ht', String(height)), 'customHeight', '1');
  }

  isChanged(): boolean {
    return this.changed;
  }

  private rowXml(row: Row): string {
    if (row.raw !== null) return row.implicit ? row.raw.replace(/^<row\b/, `<row r="${row.num}"`) : row.raw;
    const cells = row.cells ?? [];
    let start = row.start.replace(/\s*\/>$/, '>');
    if (row.implicit) start = withAttribute(start, 'r', String(row.num));
    // `spans` is an optimisation hint that must cover the row's cells: widened, never narrowed, so clearing
    // the add-in's cells and writing them again ends where one run does.
    const spans = attribute(start, 'spans');
    if (spans !== undefined && cells.length > 0) {
      const bounds = spans
        .split(/[\s:]+/)
        .filter(Boolean)
        .map(Number);
      const first = Math.min(cells[0].col, ...bounds);
      const last = Math.max(cells[cells.length - 1].col, ...bounds);
      const widened = `${first}:${last}`;
      if (
        widened !== spans &&
        !(cells[0].col >= Math.min(...bounds) && cells[cells.length - 1].col <= Math.max(...bounds))
      )
        start = withAttribute(start, 'spans', widened);
    }
    if (row.created && cells.length === 0 && attribute(start, 'ht') === undefined) return '';
    // Concatenated, not mapped and joined: every table row is written, and the arrays were garbage.
    let out = start;
    for (let i = 0; i < cells.length; i++) out += cells[i].xml;
    return `${out}</row>`;
  }

  /** The element's text (pieces(), joined). */
  toString(): string {
    return this.pieces().join('');
  }

  /**
   * The element's text as pieces in order, never joined (a 10,000-row sheet is tens of megabytes, and the
   * package encodes the pieces one by one): each run of rows nothing changed is one slice of the text as
   * read (gaps and all), and only the changed rows are written from their cells.
   */
  pieces(): string[] {
    const parts: string[] = [this.head];
    let runFrom = -1;
    let runTo = -1;
    for (const row of this.rows) {
      const kept = row.raw !== null && !row.implicit && row.from >= 0;
      if (kept && row.from === runTo) {
        runTo = row.to;
        continue;
      }
      if (runFrom >= 0) parts.push(this.source.slice(runFrom, runTo));
      runFrom = -1;
      runTo = -1;
      if (kept) {
        runFrom = row.from;
        runTo = row.to;
      } else parts.push(row.gap, this.rowXml(row));
    }
    if (runFrom >= 0) parts.push(this.source.slice(runFrom, runTo));
    parts.push(this.tail, '</sheetData>');
    return parts;
  }

  /** `A1:R73`: the cells in use, for the `dimension` element. */
  usedRange(): string | undefined {
    let left = Infinity;
    let right = 0;
    let top = 0;
    let bottom = 0;
    for (const row of this.rows) {
      const cells = this.cells(row);
      if (cells.length === 0) continue;
      if (!top) top = row.num;
      bottom = row.num;
      left = Math.min(left, cells[0].col);
      right = Math.max(right, cells[cells.length - 1].col);
    }
    if (!top) return undefined;
    return `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
  }
}
