/** Cell styles and column widths as Office.js calls, and the bytes a style sends. */
import { rangeAddress } from '../core/a1';
import type { CellRange, CellStyle, WriteOp } from '../core/types';
import { jsonBytes } from './payload';

/**
 * Column width: Excel's character width → points. 游ゴシック 11 (Japanese Excel's default font) has an
 * 8-pixel digit and Excel adds 5 pixels of padding; 96 pixels are 72 points.
 */
export function columnWidthPoints(characters: number): number {
  const pixels = Math.round(characters * 8 + 5);
  return pixels * 0.75;
}

/**
 * Bytes of a matrix of one number format over `area`, as the request carries it (one string per
 * cell), so the payload estimate counts what Excel receives.
 */
export function formatMatrixBytes(area: CellRange, format: string): number {
  const cols = area.right - area.left + 1;
  const rows = area.bottom - area.top + 1;
  return rows * (cols * (jsonBytes(format) + 1) + 2);
}

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/** The border edges a style sets on a range: the outline, and the inside lines where it has them. */
function borderEdges(area: CellRange): `${Excel.BorderIndex}`[] {
  const edges: `${Excel.BorderIndex}`[] = [
    Excel_Edge.top,
    Excel_Edge.bottom,
    Excel_Edge.left,
    Excel_Edge.right,
  ];
  if (area.right > area.left) edges.push(Excel_Edge.insideVertical);
  if (area.bottom > area.top) edges.push(Excel_Edge.insideHorizontal);
  return edges;
}

/**
 * What a style sends: one property set per call, each with its range's path (sheet and address) beside it,
 * as the request carries them. A bordered range is 12 to 18 calls: counting the op once undercounted a
 * summary of thousands of bordered rows by a factor of ten, past the 5 MB limit (npm run bench, 5,000 rows).
 */
export function styleBytes(op: Extract<WriteOp, { op: 'setStyle' }>): number {
  const { style, range } = op;
  const plain = [
    style.fill,
    style.fontColor,
    style.bold,
    style.fontSize,
    style.horizontal,
    style.vertical,
    style.wrap,
    style.rowHeight,
    style.numberFormat,
  ].filter((v) => v !== undefined).length;
  const calls = plain + (style.border !== undefined ? borderEdges(range).length * 3 : 0);
  // The path, the member (`format.borders.InsideHorizontal.weight=`) and the value, with their quotes.
  const perCall = jsonBytes(`worksheets.getItem(${op.sheet}).getRange(${rangeAddress(range)})`) + 64;
  return jsonBytes(op) + calls * perCall;
}

export function queueStyle(range: Excel.Range, area: CellRange, style: CellStyle): void {
  const format = range.format;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.horizontal !== undefined) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical !== undefined) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.rowHeight !== undefined) format.rowHeight = style.rowHeight;
  if (style.border !== undefined) {
    for (const edge of borderEdges(area)) {
      const border = format.borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = 'Thin';
      border.color = style.border;
    }
  }
  if (style.numberFormat !== undefined) {
    const rows = area.bottom - area.top + 1;
    const cols = area.right - area.left + 1;
    const format1 = style.numberFormat;
    range.numberFormat = Array.from({ length: rows }, () => Array.from({ length: cols }, () => format1));
  }
}

/** String values of Excel.BorderIndex, so this module runs without the global `Excel` (tests). */
const Excel_Edge = {
  top: 'EdgeTop',
  bottom: 'EdgeBottom',
  left: 'EdgeLeft',
  right: 'EdgeRight',
  insideVertical: 'InsideVertical',
  insideHorizontal: 'InsideHorizontal',
} as const satisfies Record<string, `${Excel.BorderIndex}`>;
