/**
 * The sheet's drawing part (ECMA-376 Part 1, §20.5 DrawingML - SpreadsheetML Drawing): `xdr:wsDr` holding one
 * `xdr:twoCellAnchor` per chart, each a `xdr:graphicFrame` whose `c:chart` points at the chart part by
 * relationship id (§21.2.2 chart). A chart the add-in adds to a drawing the sheet already has is spliced
 * in after the drawing's own anchors, every byte of theirs kept.
 */
import type { CellRange } from '../../core/types';
import { ElementList, escapeXml, tagName } from './xml';

export const CONTENT_TYPE_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';

const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_MAIN = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const NAMESPACES = `xmlns:xdr="${NS_XDR}" xmlns:a="${NS_MAIN}"`;

export interface ChartAnchor {
  /** The cells the chart covers, whole: from the top-left corner of the first to the bottom-right of the last. */
  readonly position: CellRange;
  /** `cNvPr` id, unique in the drawing. */
  readonly id: number;
  /** The shape's name, as Excel's selection pane lists it. */
  readonly name: string;
  /** The drawing part's relationship to the chart part. */
  readonly relId: string;
}

/** A marker of §20.5.2 from / to: 0-based column and row, offsets in EMUs. */
function marker(tag: 'from' | 'to', col: number, row: number): string {
  return (
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`
  );
}

/**
 * `xdr:twoCellAnchor` (§20.5.2 twoCellAnchor: from, to, graphicFrame, clientData): moved and sized with its
 * cells, as Office.js `Chart.setPosition` places a chart. The `to` marker is the cell after the last
 * covered one at offset 0. `ownNamespaces` declares the prefixes on the anchor, for a drawing part that
 * uses others.
 */
export function chartAnchorXml(anchor: ChartAnchor, ownNamespaces = false): string {
  const { position } = anchor;
  const declared = ownNamespaces ? ` ${NAMESPACES}` : '';
  return (
    `<xdr:twoCellAnchor${declared}>` +
    marker('from', position.left - 1, position.top - 1) +
    marker('to', position.right, position.bottom) +
    '<xdr:graphicFrame macro="">' +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${anchor.id}" name="${escapeXml(anchor.name)}"/>` +
    '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
    // Required, and ignored for a chart anchored to cells: the anchor gives its place (§20.5.2 xfrm).
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS_CHART}">` +
    `<c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_REL}" r:id="${escapeXml(anchor.relId)}"/>` +
    '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

/** A new drawing part holding the anchors. */
export function drawingPartXml(anchors: readonly string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr ${NAMESPACES}>${anchors.join('')}</xdr:wsDr>`
  );
}

/** The lowest `cNvPr` id above every one the drawing has (a shape's id is unique in its drawing, a:cNvPr). */
export function nextShapeId(drawingXml: string): number {
  let max = 1;
  for (const m of drawingXml.matchAll(/<(?:[\w.-]+:)?cNvPr\b[^>]*?\sid="(\d+)"/g))
    max = Math.max(max, Number(m[1]));
  return max + 1;
}

/** Whether the drawing's root declares the prefixes the add-in's anchor uses (openpyxl's uses none). */
export function declaresOwnPrefixes(drawingXml: string): boolean {
  const root = ElementList.parse(drawingXml).rootTag();
  return root.includes(`xmlns:xdr="${NS_XDR}"`) && root.includes(`xmlns:a="${NS_MAIN}"`);
}

/** The drawing with one more anchor after its last child. */
export function withAnchor(drawingXml: string, anchor: string): string {
  const root = ElementList.parse(drawingXml).rootTag();
  const list = ElementList.parseOpen(drawingXml, tagName(root));
  list.children.push({ name: 'xdr:twoCellAnchor', xml: anchor });
  return list.toString();
}
