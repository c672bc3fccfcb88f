/**
 * xl/styles.xml (ECMA-376 Part 1, 18.8): number formats of the city's cells for reading, and the add-in's
 * own styles appended for writing. An entry the add-in needs that the file already has (from an earlier run)
 * is reused, so a re-run adds nothing; the city's entries and their order never change, so every `s` index
 * in the city's cells keeps its meaning.
 */
import type { CellStyle, FillStyle } from '../../core/types';
import { attribute, ElementList, escapeXml, withAttribute } from './xml';

const STYLESHEET_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

/**
 * Built-in number formats by id (ECMA-376 Part 1, 18.8.30), as Office.js reports them in a Japanese Excel:
 * id 14 is the short date `yyyy/m/d` there, and 27–36 / 50–58 are the Japanese era and 年月日 formats.
 */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'yyyy/m/d',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm',
  27: '[$-411]ge.m.d',
  28: '[$-411]ggge"年"m"月"d"日"',
  29: '[$-411]ggge"年"m"月"d"日"',
  30: 'm/d/yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"時"mm"分"',
  33: 'h"時"mm"分"ss"秒"',
  34: 'yyyy"年"m"月"',
  35: 'm"月"d"日"',
  36: '[$-411]ge.m.d',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: '[$-411]ge.m.d',
  51: '[$-411]ggge"年"m"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: '[$-411]ggge"年"m"月"d"日"',
  55: 'yyyy"年"m"月"',
  56: 'm"月"d"日"',
  57: '[$-411]ge.m.d',
  58: '[$-411]ggge"年"m"月"d"日"',
};

/** Formats the add-in writes that have a built-in id: written as that id, as Excel itself does. */
const WRITE_AS_BUILT_IN: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
};

/** ARGB as OOXML writes it: `#C6EFCE` → `FFC6EFCE`. */
function argb(color: string): string {
  return `FF${color.replace('#', '').toUpperCase()}`;
}

/** One collection of styles.xml (`fonts`, `cellXfs`, …): its entries and the text around them. */
class Collection {
  private list: ElementList;
  readonly entries: string[];
  private readonly index = new Map<string, number>();
  changed = false;

  constructor(
    readonly name: string,
    xml: string | undefined,
    readonly entryName: string,
  ) {
    this.list = ElementList.parseOpen(xml, name);
    this.entries = this.list.all(entryName).map((c) => c.xml);
    this.entries.forEach((xml, i) => {
      if (!this.index.has(xml)) this.index.set(xml, i);
    });
  }

  /** The index of an entry with exactly this text, appended if there is none. */
  indexOf(xml: string): number {
    const found = this.index.get(xml);
    if (found !== undefined) return found;
    this.entries.push(xml);
    this.list.children.push({ name: this.entryName, xml });
    this.index.set(xml, this.entries.length - 1);
    this.changed = true;
    return this.entries.length - 1;
  }

  toString(): string {
    this.list.setRootTag(withAttribute(this.list.rootTag(), 'count', String(this.entries.length)));
    return this.list.toString();
  }
}

export class StylesPart {
  private readonly list: ElementList;
  private readonly numFmtCodes = new Map<number, string>();
  private readonly numFmts: Collection;
  private readonly fonts: Collection;
  private readonly fills: Collection;
  private readonly borders: Collection;
  private readonly cellXfs: Collection;
  private readonly dxfs: Collection;
  /** numFmtId of each cellXfs entry. */
  private readonly xfFormats: number[];

  constructor(xml: string | undefined) {
    this.list = ElementList.parse(
      xml ??
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></styleSheet>',
    );
    this.numFmts = new Collection('numFmts', this.list.find('numFmts')?.xml, 'numFmt');
    for (const numFmt of this.numFmts.entries) {
      const id = Number(attribute(numFmt, 'numFmtId'));
      this.numFmtCodes.set(id, attribute(numFmt, 'formatCode') ?? '');
    }
    this.fonts = new Collection('fonts', this.list.find('fonts')?.xml, 'font');
    this.fills = new Collection('fills', this.list.find('fills')?.xml, 'fill');
    this.borders = new Collection('borders', this.list.find('borders')?.xml, 'border');
    this.cellXfs = new Collection('cellXfs', this.list.find('cellXfs')?.xml, 'xf');
    this.dxfs = new Collection('dxfs', this.list.find('dxfs')?.xml, 'dxf');
    // A styles part without the entries every cell's index 0 means (a rare writer's minimal file).
    if (this.fonts.entries.length === 0)
      this.fonts.indexOf('<font><sz val="11"/><name val="Calibri"/></font>');
    if (this.fills.entries.length === 0) {
      this.fills.indexOf('<fill><patternFill patternType="none"/></fill>');
      this.fills.indexOf('<fill><patternFill patternType="gray125"/></fill>');
    }
    if (this.borders.entries.length === 0)
      this.borders.indexOf('<border><left/><right/><top/><bottom/><diagonal/></border>');
    if (this.cellXfs.entries.length === 0)
      this.cellXfs.indexOf('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    this.xfFormats = this.cellXfs.entries.map((xf) => Number(attribute(xf, 'numFmtId') ?? 0));
  }

  /** Whether cells of style `s` wrap their text, and their font size in points (for row heights). */
  textLayoutOf(s: number): { readonly wrap: boolean; readonly fontSize: number } {
    const xf = this.cellXfs.entries[s] ?? this.cellXfs.entries[0] ?? '';
    // Asked for every cell of every table row: worked out once per distinct xf.
    const known = this.layouts.get(xf);
    if (known) return known;
    const layout = this.layoutOf(xf);
    this.layouts.set(xf, layout);
    return layout;
  }

  private readonly layouts = new Map<string, { readonly wrap: boolean; readonly fontSize: number }>();

  private layoutOf(xf: string): { readonly wrap: boolean; readonly fontSize: number } {
    const alignment = /<alignment\b[^>]*>/.exec(xf)?.[0] ?? '';
    const wrap = ['1', 'true'].includes(attribute(alignment, 'wrapText') ?? '');
    const font = this.fonts.entries[Number(attribute(xf, 'fontId') ?? 0)] ?? '';
    const size = Number(attribute(/<sz\b[^>]*>/.exec(font)?.[0] ?? '', 'val'));
    return { wrap, fontSize: Number.isFinite(size) && size > 0 ? size : 11 };
  }

  /** The number format of cells with style index `s` ('General' where none). */
  formatOf(s: number): string {
    const id = this.xfFormats[s] ?? 0;
    return this.numFmtCodes.get(id) ?? BUILT_IN_FORMATS[id] ?? 'General';
  }

  private numFmtId(code: string): number {
    for (const [id, existing] of this.numFmtCodes) if (existing === code) return id;
    const builtIn = WRITE_AS_BUILT_IN[code];
    if (builtIn !== undefined) return builtIn;
    // Custom formats start at 164 (ECMA-376 Part 1, 18.8.30: ids below are reserved).
    const id = Math.max(163, ...this.numFmtCodes.keys()) + 1;
    this.numFmtCodes.set(id, code);
    this.numFmts.indexOf(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  /** The workbook's default font's children (游ゴシック 11 …), the base of every font the add-in writes. */
  private defaultFontChildren(): string[] {
    const first = this.fonts.entries[0];
    if (!first) return ['<sz val="11"/>', '<name val="Calibri"/>'];
    return ElementList.parse(first)
      .children.filter((c) => c.name !== '')
      .map((c) => c.xml);
  }

  private fontId(style: CellStyle): number {
    if (!style.bold && style.fontSize === undefined && !style.fontColor) return 0;
    const base = this.defaultFontChildren();
    const keep = base.filter((xml) => !/^<(b|sz|color)[\s/>]/.test(xml));
    const size = base.find((xml) => xml.startsWith('<sz'));
    const color = base.find((xml) => xml.startsWith('<color'));
    const parts = [
      style.bold ? '<b/>' : '',
      style.fontSize !== undefined ? `<sz val="${style.fontSize}"/>` : (size ?? ''),
      style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : (color ?? ''),
      ...keep,
    ];
    return this.fonts.indexOf(`<font>${parts.join('')}</font>`);
  }

  private fillId(fill: string | undefined): number {
    if (!fill) return 0;
    return this.fills.indexOf(
      `<fill><patternFill patternType="solid"><fgColor rgb="${argb(fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
    );
  }

  private borderId(border: string | undefined): number {
    if (!border) return 0;
    const edge = (name: string) => `<${name} style="thin"><color rgb="${argb(border)}"/></${name}>`;
    return this.borders.indexOf(
      `<border>${edge('left')}${edge('right')}${edge('top')}${edge('bottom')}<diagonal/></border>`,
    );
  }

  /**
   * The cellXfs index of a style, every CellStyle field written (exhaustive by construction: a field added
   * to CellStyle and not to one of these lines is a type error in `handled` below).
   */
  cellStyleIndex(style: CellStyle): number {
    const handled: Record<keyof CellStyle, true> = {
      fill: true,
      fontColor: true,
      bold: true,
      fontSize: true,
      horizontal: true,
      vertical: true,
      wrap: true,
      border: true,
      numberFormat: true,
      // Row heights are the row's, not the cell's: the sheet writer sets them.
      rowHeight: true,
    };
    void handled;
    const numFmtId = style.numberFormat ? this.numFmtId(style.numberFormat) : 0;
    const fontId = this.fontId(style);
    const fillId = this.fillId(style.fill);
    const borderId = this.borderId(style.border);
    const align: string[] = [];
    if (style.horizontal) align.push(`horizontal="${style.horizontal}"`);
    // Office.js says 'middle' where OOXML says 'center' (ST_VerticalAlignment).
    if (style.vertical) align.push(`vertical="${style.vertical === 'middle' ? 'center' : style.vertical}"`);
    if (style.wrap) align.push('wrapText="1"');
    const applies = [
      numFmtId ? ' applyNumberFormat="1"' : '',
      fontId ? ' applyFont="1"' : '',
      fillId ? ' applyFill="1"' : '',
      borderId ? ' applyBorder="1"' : '',
      align.length ? ' applyAlignment="1"' : '',
    ].join('');
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    const xml = align.length ? `${head}><alignment ${align.join(' ')}/></xf>` : `${head}/>`;
    const index = this.cellXfs.indexOf(xml);
    this.xfFormats[index] = numFmtId;
    return index;
  }

  /** The dxfs index of a conditional format's fill and font colour. */
  dxfIndex(style: FillStyle): number {
    const font = style.fontColor ? `<font><color rgb="${argb(style.fontColor)}"/></font>` : '';
    return this.dxfs.indexOf(
      `<dxf>${font}<fill><patternFill patternType="solid"><bgColor rgb="${argb(style.fill)}"/></patternFill></fill></dxf>`,
    );
  }

  changed(): boolean {
    return [this.numFmts, this.fonts, this.fills, this.borders, this.cellXfs, this.dxfs].some(
      (c) => c.changed,
    );
  }

  toString(): string {
    for (const collection of [this.numFmts, this.fonts, this.fills, this.borders, this.cellXfs, this.dxfs]) {
      if (collection.changed) this.list.put(collection.name, collection.toString(), STYLESHEET_ORDER);
    }
    return this.list.toString();
  }
}
