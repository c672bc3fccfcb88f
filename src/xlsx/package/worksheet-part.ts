/**
 * One worksheet part (ECMA-376 Part 1, 18.3.1.99 worksheet) split into its top-level elements. The add-in
 * rewrites `sheetData`, `dimension`, `cols`, `mergeCells`, its own `conditionalFormatting` and
 * `dataValidation` entries and the print elements, and adds a `drawing` element for its chart to a sheet
 * that has none; every other element (sheet protection, drawings, legacy drawings for notes, table parts,
 * pivot references, extLst …) keeps its bytes and its place.
 */
import { parseCellAddress, rangeBetween } from '../../core/a1';
import type { CellRange } from '../../core/types';
import { editExtList, x14IdsOf } from './data-bar';
import { SheetData } from './sheet-data';
import { attribute, ElementList, splitElement, withAttribute } from './xml';

/** CT_Worksheet's sequence: where a new element goes. */
export const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

const REL_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const EMPTY_WORKSHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
  '<sheetFormatPr defaultRowHeight="15"/><sheetData/>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

/** `A1:B5 C3` (an sqref) → its ranges; a part that is not an address is left out. */
export function parseSqref(sqref: string): CellRange[] {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((part) => {
      const [a, b = a] = part.split(':');
      const p = parseCellAddress(a);
      const q = parseCellAddress(b);
      return p && q ? [rangeBetween(p, q)] : [];
    });
}

/** A list element (`mergeCells`, `dataValidations`) as its items, written back with its `count`. */
class CountedList {
  private readonly list: ElementList;
  changed = false;

  constructor(
    private readonly name: string,
    xml: string | undefined,
  ) {
    this.list = ElementList.parseOpen(xml, name);
  }

  items(): string[] {
    return this.list.children.filter((c) => c.name !== '').map((c) => c.xml);
  }

  filter(keep: (xml: string) => boolean): void {
    const before = this.list.children.length;
    this.list.children = this.list.children.filter((c) => c.name === '' || keep(c.xml));
    if (this.list.children.length !== before) this.changed = true;
  }

  add(itemName: string, xml: string): void {
    this.list.children.push({ name: itemName, xml });
    this.changed = true;
  }

  /** The element, or undefined when it has no items left (an empty list is not valid OOXML). */
  toString(): string | undefined {
    const count = this.items().length;
    if (count === 0) return undefined;
    this.list.setRootTag(withAttribute(this.list.rootTag(), 'count', String(count)));
    return this.list.toString();
  }
}

export class WorksheetPart {
  readonly list: ElementList;
  private dataCache: SheetData | undefined;
  private readonly merges: CountedList;
  private readonly validations: CountedList;
  private colsChanged = false;
  private pendingFormats: string[] = [];
  private merged: CellRange[] | undefined;
  private readonly removedX14 = new Set<string>();
  private addedX14: string[] = [];
  private priority: number | undefined;
  private cols: string[];
  private readonly colsHead: string;

  constructor(xml: string) {
    this.list = ElementList.parse(xml);

    this.merges = new CountedList('mergeCells', this.list.find('mergeCells')?.xml);
    this.validations = new CountedList('dataValidations', this.list.find('dataValidations')?.xml);
    const cols = this.list.find('cols');
    const colList = ElementList.parseOpen(cols?.xml, 'cols');
    this.colsHead = colList.head;
    this.cols = colList.all('col').map((c) => c.xml);
  }

  /**
   * The rows and cells for editing, split on first use: reading the sheet (sheet-scan.ts) needs no row or
   * cell objects, and a sheet that is only read never builds them.
   */
  get data(): SheetData {
    this.dataCache ??= new SheetData(this.list.find('sheetData')?.xml);
    return this.dataCache;
  }

  /** The sheetData element's text as it stands (edits included). */
  sheetDataXml(): string {
    if (this.dataCache?.isChanged()) return this.dataCache.toString();
    return this.list.find('sheetData')?.xml ?? '<sheetData/>';
  }

  /**
   * A column's width in characters: its `col` element's, else the sheet's `defaultColWidth`, else Excel's
   * 8.43 (ECMA-376 Part 1, 18.3.1.13 col, 18.3.1.81 sheetFormatPr).
   */
  columnWidth(col: number): number {
    // Asked for every cell a row height is measured in: each column's width is worked out once.
    let width = this.widths[col];
    if (width === undefined) {
      width = this.columnWidthOf(col);
      this.widths[col] = width;
    }
    return width;
  }

  private widths: number[] = [];

  private columnWidthOf(col: number): number {
    for (const xml of this.cols) {
      if (Number(attribute(xml, 'min')) <= col && col <= Number(attribute(xml, 'max'))) {
        const width = Number(attribute(xml, 'width'));
        if (Number.isFinite(width) && width > 0) return width;
      }
    }
    const format = this.list.find('sheetFormatPr')?.xml ?? '';
    const width = Number(attribute(format, 'defaultColWidth'));
    return Number.isFinite(width) && width > 0 ? width : 8.43;
  }

  /** A row's height in points: its own `ht`, else the sheet's `defaultRowHeight`, else Excel's 15. */
  rowHeight(num: number): number {
    const own = Number(attribute(this.data.row(num)?.start ?? '', 'ht'));
    if (Number.isFinite(own) && own > 0) return own;
    const format = this.list.find('sheetFormatPr')?.xml ?? '';
    const height = Number(attribute(format, 'defaultRowHeight'));
    return Number.isFinite(height) && height > 0 ? height : 15;
  }

  /** The sheet's merged ranges, in the file's order (parsed once). */
  mergeRanges(): CellRange[] {
    this.merged ??= this.merges.items().flatMap((xml) => parseSqref(attribute(xml, 'ref') ?? ''));
    return this.merged;
  }

  /** Adds a merge; one that overlaps an existing merge is refused (Excel would report the file damaged). */
  addMerge(range: CellRange, ref: string): void {
    const merged = this.mergeRanges();
    for (const existing of merged) {
      const overlaps =
        existing.top <= range.bottom &&
        range.top <= existing.bottom &&
        existing.left <= range.right &&
        range.left <= existing.right;
      if (overlaps) throw new Error(`セル ${ref} は既に結合されたセルと重なっています`);
    }
    merged.push(range);
    this.merges.add('mergeCell', `<mergeCell ref="${ref}"/>`);
  }

  /** Column widths in Excel's character units; a `col` range the widths cut through is split. */
  setColumnWidth(col: number, width: number): void {
    const out: string[] = [];
    let placed = false;
    const ownCol = (base: string) =>
      withAttribute(
        withAttribute(
          withAttribute(withAttribute(base, 'min', String(col)), 'max', String(col)),
          'width',
          String(width),
        ),
        'customWidth',
        '1',
      );
    for (const xml of this.cols) {
      const min = Number(attribute(xml, 'min'));
      const max = Number(attribute(xml, 'max'));
      if (max < col || min > col) {
        if (!placed && min > col) {
          out.push(ownCol('<col/>'));
          placed = true;
        }
        out.push(xml);
        continue;
      }
      if (min < col) out.push(withAttribute(xml, 'max', String(col - 1)));
      out.push(ownCol(xml));
      placed = true;
      if (max > col) out.push(withAttribute(xml, 'min', String(col + 1)));
    }
    if (!placed) out.push(ownCol('<col/>'));
    this.cols = out;
    this.colsChanged = true;
    this.widths = [];
  }

  private static sqrefOf(xml: string): CellRange[] {
    return parseSqref(attribute(xml.slice(0, xml.indexOf('>') + 1), 'sqref') ?? '');
  }

  removeConditionalFormats(goes: (ranges: CellRange[]) => boolean): void {
    const before = this.list.children.length;
    this.list.children = this.list.children.filter((c) => {
      if (c.name !== 'conditionalFormatting' || !goes(WorksheetPart.sqrefOf(c.xml))) return true;
      // Its x14 twins (a solid data bar's fill) go with it.
      for (const id of x14IdsOf(c.xml)) this.removedX14.add(id);
      return false;
    });
    this.pendingFormats = this.pendingFormats.filter((xml) => !goes(WorksheetPart.sqrefOf(xml)));
    if (this.list.children.length !== before) this.priority = undefined;
  }

  /**
   * The next cfRule priority: after the highest in the sheet, so the add-in's rules come after the city's.
   * Kept as a running number: a scan per rule was quadratic in the rules (13 per table, 1,000 tables).
   */
  nextPriority(): number {
    if (this.priority === undefined) {
      let max = 0;
      for (const cf of this.list.all('conditionalFormatting')) {
        for (const m of cf.xml.matchAll(/<cfRule\b[^>]*?\spriority="(\d+)"/g))
          max = Math.max(max, Number(m[1]));
      }
      for (const xml of this.pendingFormats) {
        for (const m of xml.matchAll(/<cfRule\b[^>]*?\spriority="(\d+)"/g)) max = Math.max(max, Number(m[1]));
      }
      this.priority = max;
    }
    this.priority += 1;
    return this.priority;
  }

  /**
   * Adds a `conditionalFormatting` element after the sheet's last one (inserted all at once when written),
   * with the `x14:conditionalFormatting` twin its rule links to, if any.
   */
  addConditionalFormat(xml: string, x14?: string): void {
    this.pendingFormats.push(xml);
    if (x14 !== undefined) this.addedX14.push(x14);
  }

  removeDataValidations(goes: (ranges: CellRange[]) => boolean): void {
    this.validations.filter(
      (xml) => !goes(parseSqref(attribute(xml.slice(0, xml.indexOf('>') + 1), 'sqref') ?? '')),
    );
  }

  addDataValidation(xml: string): void {
    this.validations.add('dataValidation', xml);
  }

  /**
   * The prefix the sheet binds to the relationships namespace (for `r:id` on `drawing`), declared as `r` on
   * the root when the sheet has none.
   */
  relationshipPrefix(): string {
    const root = this.list.rootTag();
    for (const m of root.matchAll(/\sxmlns:([\w.-]+)\s*=\s*"([^"]*)"/g))
      if (m[2] === REL_NAMESPACE) return m[1];
    const taken = new Set([...root.matchAll(/\sxmlns:([\w.-]+)/g)].map((m) => m[1]));
    let prefix = 'r';
    for (let n = 1; taken.has(prefix); n++) prefix = `r${n}`;
    this.list.setRootTag(withAttribute(root, `xmlns:${prefix}`, REL_NAMESPACE));
    return prefix;
  }

  /** Replaces (or with undefined removes) a top-level element. */
  put(name: string, xml: string | undefined): void {
    this.list.put(name, xml, WORKSHEET_ORDER);
  }

  element(name: string): string | undefined {
    return this.list.find(name)?.xml;
  }

  toString(): string {
    return this.pieces().join('');
  }

  /**
   * The part's text as pieces in order (the changed sheetData's own pieces among them), for the package to
   * encode one by one instead of one joined string.
   */
  pieces(): string[] {
    if (this.pendingFormats.length > 0) {
      const [first, ...rest] = this.pendingFormats;
      this.list.insert({ name: 'conditionalFormatting', xml: first }, WORKSHEET_ORDER);
      // insert() put it after the sheet's last conditionalFormatting: the rest follow it in order.
      let at = this.list.children.length - 1;
      while (at > 0 && this.list.children[at].name !== 'conditionalFormatting') at--;
      this.list.children.splice(at + 1, 0, ...rest.map((xml) => ({ name: 'conditionalFormatting', xml })));
      this.pendingFormats = [];
    }
    if (this.removedX14.size > 0 || this.addedX14.length > 0) {
      this.list.put(
        'extLst',
        editExtList(this.element('extLst'), this.removedX14, this.addedX14),
        WORKSHEET_ORDER,
      );
      this.removedX14.clear();
      this.addedX14 = [];
    }
    const dataChanged = this.dataCache?.isChanged() === true;
    if (dataChanged) {
      // The list keeps the element as read (or an empty one where it had none): its text is the data's.
      if (!this.list.find('sheetData')) this.list.put('sheetData', '<sheetData/>', WORKSHEET_ORDER);
      const used = this.data.usedRange();
      const dimension = this.list.find('dimension');
      if (used && dimension) {
        const start = splitElement(dimension.xml).start;
        this.list.put('dimension', withAttribute(start, 'ref', used), WORKSHEET_ORDER);
      }
    }
    if (this.colsChanged)
      this.list.put(
        'cols',
        this.cols.length ? `${this.colsHead}${this.cols.join('')}</cols>` : undefined,
        WORKSHEET_ORDER,
      );
    if (this.merges.changed) this.list.put('mergeCells', this.merges.toString(), WORKSHEET_ORDER);
    if (this.validations.changed)
      this.list.put('dataValidations', this.validations.toString(), WORKSHEET_ORDER);
    const out: string[] = [this.list.head];
    for (const child of this.list.children) {
      if (dataChanged && child.name === 'sheetData') for (const piece of this.data.pieces()) out.push(piece);
      else out.push(child.xml);
    }
    out.push(this.list.tail);
    return out;
  }
}
