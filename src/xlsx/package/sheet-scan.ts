/**
 * A streaming (SAX-style) pass over a worksheet's `sheetData` (ECMA-376 Part 1, 18.3.1.73 row, 18.3.1.4 c,
 * 18.3.1.96 v, 18.3.1.53 is): each cell is handed to the caller with its row, column, style index, type and
 * value text as it is met, and each row with where it starts and ends in the XML. Nothing is built per
 * row or per cell: reading a 50,000-row sheet through row and cell objects was most of the read's time and
 * garbage. Only the subset of XML a sheetData holds is understood: elements, attributes in either quote,
 * comments; a `<` never occurs in attribute values or text (XML 1.0 §2.4, §3.1).
 */

/** What the scan reports; `row` is optional (a reader of values has no use for it). */
export interface SheetScanVisitor {
  /** A row element: its number and the offsets of its text, `<row` to just past `</row>` or `/>`. */
  row?(num: number, start: number, end: number): void;
  /**
   * A cell: its row and column, style index (0 when none), type (`t`, `n` when absent) and value: the `v`
   * element's text as written (entities not yet decoded), or for `t="inlineStr"` the `is` element's inner
   * XML; undefined when the cell has neither. `start` and `end` are the offsets of the cell's element text
   * (`<c` to just past `</c>` or `/>`) and `explicit` whether it has its own `r`.
   */
  cell(
    row: number,
    col: number,
    s: number,
    type: string,
    value: string | undefined,
    start: number,
    end: number,
    explicit: boolean,
  ): void;
}

const GT = 62; // >
const SLASH = 47; // /
const EQ = 61; // =
const DQUOTE = 34;
const SQUOTE = 39;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Whether `xml` has the element name `name` at `at` (then whitespace, `>` or `/`). */
function nameAt(xml: string, at: number, name: string): boolean {
  if (!xml.startsWith(name, at)) return false;
  const next = xml.charCodeAt(at + name.length);
  return next === GT || next === SLASH || isSpace(next);
}

/** The type names a cell can have, as constants: no string is sliced per cell for its `t`. */
function typeName(xml: string, start: number, end: number): string {
  const length = end - start;
  const first = xml.charCodeAt(start);
  if (length === 1) {
    switch (first) {
      case 115:
        return 's';
      case 110:
        return 'n';
      case 98:
        return 'b';
      case 101:
        return 'e';
      case 100:
        return 'd';
    }
  }
  if (length === 3 && xml.startsWith('str', start)) return 'str';
  if (length === 9 && xml.startsWith('inlineStr', start)) return 'inlineStr';
  return xml.slice(start, end);
}

/** Column number of the letters at the start of a cell reference (`$AB12` → 28); 0 when there are none. */
function columnOf(xml: string, start: number, end: number): number {
  let col = 0;
  let i = start;
  if (xml.charCodeAt(i) === 36) i++; // $
  for (; i < end; i++) {
    const code = xml.charCodeAt(i) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    col = col * 26 + (code - 96);
  }
  return col;
}

function integerOf(xml: string, start: number, end: number): number {
  let n = 0;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const code = xml.charCodeAt(i);
    if (code < 48 || code > 57) break;
    n = n * 10 + (code - 48);
    digits++;
  }
  return digits === 0 ? Number.NaN : n;
}

/** Index just past the `>` of the tag starting at `start`; quoted `>` in attribute values skipped. */
function tagEndAt(xml: string, start: number): number {
  let quote = 0;
  for (let i = start + 1; i < xml.length; i++) {
    const code = xml.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === DQUOTE || code === SQUOTE) quote = code;
    else if (code === GT) return i + 1;
  }
  throw new Error('unterminated tag');
}

/**
 * The attributes of one start tag, one after another, as offsets into the XML: one instance is reused for
 * every tag, so walking a sheet's attributes allocates nothing.
 */
class AttributeCursor {
  xml = '';
  nameStart = 0;
  nameEnd = 0;
  valueStart = 0;
  valueEnd = 0;
  private at = 0;
  private end = 0;

  /** Starts at `from` (past the tag's name) in a tag ending at `end` (just past `>`). */
  reset(xml: string, from: number, end: number): void {
    this.xml = xml;
    this.at = from;
    this.end = end;
  }

  /** Moves to the next attribute; false when there is none left. */
  next(): boolean {
    const { xml, end } = this;
    let i = this.at;
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    let code = xml.charCodeAt(i);
    if (i >= end || code === SLASH || code === GT) return false;
    this.nameStart = i;
    while (i < end) {
      code = xml.charCodeAt(i);
      if (code === EQ || isSpace(code) || code === GT || code === SLASH) break;
      i++;
    }
    this.nameEnd = i;
    while (i < end && xml.charCodeAt(i) !== EQ) {
      if (xml.charCodeAt(i) === GT) return false;
      i++;
    }
    i++;
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== DQUOTE && quote !== SQUOTE) return false;
    this.valueStart = i + 1;
    this.valueEnd = xml.indexOf(quote === DQUOTE ? '"' : "'", this.valueStart);
    if (this.valueEnd < 0) return false;
    this.at = this.valueEnd + 1;
    return true;
  }

  /** Whether the current attribute's name is the one letter `code` (r, s, t). */
  isLetter(code: number): boolean {
    return this.nameEnd - this.nameStart === 1 && this.xml.charCodeAt(this.nameStart) === code;
  }
}

const attrs = new AttributeCursor();

/** Index just past the end of the element whose start tag begins at `lt` and ends at `tagEnd`. */
function skipElement(xml: string, lt: number, tagEnd: number): number {
  if (xml.charCodeAt(tagEnd - 2) === SLASH) return tagEnd;
  let nameEnd = lt + 1;
  while (nameEnd < tagEnd) {
    const code = xml.charCodeAt(nameEnd);
    if (isSpace(code) || code === GT || code === SLASH) break;
    nameEnd++;
  }
  const name = xml.slice(lt + 1, nameEnd);
  // Children of a cell (f, v, is, extLst) do not nest an element of their own name but is's r/t; depth counts.
  let depth = 1;
  let i = tagEnd;
  while (depth > 0) {
    const next = xml.indexOf('<', i);
    if (next < 0) throw new Error(`unterminated <${name}>`);
    if (xml.charCodeAt(next + 1) === SLASH && nameAt(xml, next + 2, name)) {
      depth--;
      i = xml.indexOf('>', next) + 1;
    } else if (nameAt(xml, next + 1, name)) {
      const end = tagEndAt(xml, next);
      if (xml.charCodeAt(end - 2) !== SLASH) depth++;
      i = end;
    } else if (xml.startsWith('<!--', next)) i = xml.indexOf('-->', next) + 3;
    else i = next + 1;
  }
  return i;
}

/**
 * Walks the `sheetData` element text `xml` (from its start tag to its end tag), calling the visitor for
 * each row and cell in document order. A row or cell without `r` follows the one before it.
 */
export function scanSheetData(xml: string, visitor: SheetScanVisitor): void {
  const open = xml.indexOf('<sheetData');
  if (open < 0) return;
  const openEnd = tagEndAt(xml, open);
  if (xml.charCodeAt(openEnd - 2) === SLASH) return;
  let i = openEnd;
  let rowNum = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return;
    if (xml.startsWith('<!--', lt)) {
      i = xml.indexOf('-->', lt) + 3;
      continue;
    }
    if (xml.charCodeAt(lt + 1) === SLASH) return; // </sheetData>
    const tagEnd = tagEndAt(xml, lt);
    if (!nameAt(xml, lt + 1, 'row')) {
      i = skipElement(xml, lt, tagEnd);
      continue;
    }
    let num = rowNum + 1;
    attrs.reset(xml, lt + 4, tagEnd);
    while (attrs.next()) {
      if (!attrs.isLetter(114)) continue; // r
      const n = integerOf(xml, attrs.valueStart, attrs.valueEnd);
      if (Number.isFinite(n)) num = n;
    }
    rowNum = num;
    if (xml.charCodeAt(tagEnd - 2) === SLASH) {
      visitor.row?.(num, lt, tagEnd);
      i = tagEnd;
      continue;
    }
    i = scanCells(xml, tagEnd, num, visitor);
    visitor.row?.(num, lt, i);
  }
}

/** The cells of one row, from just past its start tag; returns the index just past `</row>`. */
function scanCells(xml: string, from: number, row: number, visitor: SheetScanVisitor): number {
  let i = from;
  let col = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) throw new Error('unterminated <row>');
    if (xml.charCodeAt(lt + 1) === SLASH) return xml.indexOf('>', lt) + 1; // </row>
    if (xml.startsWith('<!--', lt)) {
      i = xml.indexOf('-->', lt) + 3;
      continue;
    }
    const tagEnd = tagEndAt(xml, lt);
    if (!nameAt(xml, lt + 1, 'c')) {
      i = skipElement(xml, lt, tagEnd);
      continue;
    }
    i = cellAt(xml, lt, tagEnd, row, col, visitor);
    col = lastCol;
  }
}

/** The column of the cell cellAt read last (a cell without `r` follows it). */
let lastCol = 0;

/** Reads the cell element at `lt` (its start tag ending at `tagEnd`); returns the index just past it. */
function cellAt(
  xml: string,
  lt: number,
  tagEnd: number,
  row: number,
  previousCol: number,
  visitor: SheetScanVisitor,
): number {
  let ref = 0;
  let s = 0;
  let type = 'n';
  attrs.reset(xml, lt + 2, tagEnd);
  while (attrs.next()) {
    if (attrs.isLetter(114)) ref = columnOf(xml, attrs.valueStart, attrs.valueEnd);
    else if (attrs.isLetter(115)) {
      const n = integerOf(xml, attrs.valueStart, attrs.valueEnd);
      s = Number.isFinite(n) ? n : 0;
    } else if (attrs.isLetter(116)) type = typeName(xml, attrs.valueStart, attrs.valueEnd);
  }
  const col = ref > 0 ? ref : previousCol + 1;
  lastCol = col;
  if (xml.charCodeAt(tagEnd - 2) === SLASH) {
    visitor.cell(row, col, s, type, undefined, lt, tagEnd, ref > 0);
    return tagEnd;
  }
  // The cell's children: v (the value), is (an inline string), f (a formula: its cached v is read).
  let value: string | undefined;
  let j = tagEnd;
  for (;;) {
    const child = xml.indexOf('<', j);
    if (child < 0) throw new Error('unterminated <c>');
    if (xml.charCodeAt(child + 1) === SLASH) {
      j = xml.indexOf('>', child) + 1; // </c>
      break;
    }
    const childEnd = tagEndAt(xml, child);
    const selfClosing = xml.charCodeAt(childEnd - 2) === SLASH;
    if (nameAt(xml, child + 1, 'v')) {
      if (selfClosing) {
        value = '';
        j = childEnd;
      } else {
        const close = xml.indexOf('</v>', childEnd);
        value = xml.slice(childEnd, close);
        j = close + 4;
      }
    } else if (nameAt(xml, child + 1, 'is') && type === 'inlineStr') {
      const end = skipElement(xml, child, childEnd);
      value = selfClosing ? '' : xml.slice(childEnd, xml.lastIndexOf('</', end - 1));
      j = end;
    } else j = skipElement(xml, child, childEnd);
  }
  visitor.cell(row, col, s, type, value, lt, j, ref > 0);
  return j;
}

/**
 * The cells of one row element's text (`<row r="5">…</row>`), as scanSheetData reads them, in row `row`.
 */
export function scanRow(xml: string, row: number, visitor: SheetScanVisitor): void {
  const lt = xml.indexOf('<row');
  if (lt < 0) return;
  const tagEnd = tagEndAt(xml, lt);
  if (xml.charCodeAt(tagEnd - 2) !== SLASH) scanCells(xml, tagEnd, row, visitor);
}

/**
 * The rows of a sheetData's inner text, each as its number and offsets (`<row` to just past its end), without
 * looking into their cells: a `<` never occurs in text, so the row ends at the first `</row>` after it.
 */
export function scanRowSpans(
  xml: string,
  fn: (num: number, start: number, end: number, explicit: boolean) => void,
): void {
  let i = 0;
  let rowNum = 0;
  for (;;) {
    const lt = xml.indexOf('<row', i);
    if (lt < 0) return;
    if (!nameAt(xml, lt + 1, 'row')) {
      i = lt + 4;
      continue;
    }
    const tagEnd = tagEndAt(xml, lt);
    let num = 0;
    attrs.reset(xml, lt + 4, tagEnd);
    while (attrs.next()) {
      if (!attrs.isLetter(114)) continue; // r
      const n = integerOf(xml, attrs.valueStart, attrs.valueEnd);
      if (Number.isFinite(n)) num = n;
    }
    const end = xml.charCodeAt(tagEnd - 2) === SLASH ? tagEnd : xml.indexOf('</row>', tagEnd) + 6;
    if (end < 6) throw new Error('unterminated <row>');
    rowNum = num > 0 ? num : rowNum + 1;
    fn(rowNum, lt, end, num > 0);
    i = end;
  }
}

/** One cell element's text (`<c r="B3" s="2" t="s"><v>4</v></c>`), read as scanSheetData reads it, in row `row`. */
export function scanCell(xml: string, row: number, visitor: SheetScanVisitor): void {
  const lt = xml.indexOf('<c');
  if (lt < 0) return;
  cellAt(xml, lt, tagEndAt(xml, lt), row, 0, visitor);
}
