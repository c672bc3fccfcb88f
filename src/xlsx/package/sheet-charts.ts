/**
 * A chart on a worksheet as the package holds it (ECMA-376 Part 1, §20.5 and §21.2; Part 2 for the
 * relationships): the worksheet's `drawing` element → (worksheet relationship) → the drawing part, whose
 * anchor → (drawing relationship) → the chart part, each new part with its [Content_Types].xml override.
 * New parts take the lowest free `drawingN.xml` / `chartN.xml`, so they never collide with the city's own
 * drawings and charts, and a re-run that deleted the add-in's sheet (with its parts) numbers them as one run
 * does.
 */
import { posix } from 'node:path';
import type { ChartSpec } from '../../core/types';
import type { XlsxBook } from './book';
import { chartPartXml, CONTENT_TYPE_CHART, REL_CHART, type ReadCell } from './chart-part';
import {
  chartAnchorXml,
  CONTENT_TYPE_DRAWING,
  declaresOwnPrefixes,
  drawingPartXml,
  nextShapeId,
  REL_DRAWING,
  withAnchor,
} from './drawing-part';
import { type OpcPackage, resolveTarget } from './opc';
import { attribute } from './xml';

/** `xl/drawings/drawing3.xml`: the lowest number no part of the package has (names compared as OPC does, case-insensitively). */
function freePartName(opc: OpcPackage, dir: string, stem: string): string {
  const taken = new Set(opc.partNames().map((p) => p.toLowerCase()));
  let n = 1;
  while (taken.has(`${dir}/${stem}${n}.xml`.toLowerCase())) n++;
  return `${dir}/${stem}${n}.xml`;
}

/** The relationship target from `source` to `part`, relative as Excel writes it: `../charts/chart1.xml`. */
function relativeTarget(source: string, part: string): string {
  return posix.relative(posix.dirname(source), part);
}

/**
 * Adds the chart to the sheet: into the drawing the sheet has, or a new drawing part and the sheet's
 * `drawing` element (placed in CT_Worksheet's sequence, §18.3.1.99 worksheet). `read` gives the cells'
 * values for the chart's caches.
 */
export function addSheetChart(book: XlsxBook, sheetName: string, chart: ChartSpec, read: ReadCell): void {
  const sheetPart = book.sheetPart(sheetName);
  const sheet = book.worksheet(sheetName);
  if (sheetPart === undefined || !sheet) throw new Error(`シート「${sheetName}」が見つかりません`);
  const { opc } = book;
  const base = posix.dirname(book.workbookPartName);
  const prefix = sheet.relationshipPrefix();
  const drawingElement = sheet.element('drawing');
  const existingId = drawingElement && attribute(drawingElement, `${prefix}:id`);
  const existingRel =
    existingId === undefined ? undefined : opc.relationships(sheetPart).find((r) => r.id === existingId);
  const existing =
    existingRel && !existingRel.external ? resolveTarget(sheetPart, existingRel.target) : undefined;
  const existingXml = existing === undefined ? undefined : opc.text(existing);
  if (drawingElement !== undefined && existingXml === undefined)
    throw new Error(`シート「${sheetName}」の図形 (drawing) が読めないため、グラフを書けません`);

  const drawingPart = existing ?? freePartName(opc, `${base}/drawings`, 'drawing');
  const chartPart = freePartName(opc, `${base}/charts`, 'chart');
  opc.setText(chartPart, chartPartXml(sheetName, chart, read));
  opc.setContentTypeOverride(chartPart, CONTENT_TYPE_CHART);
  const relId = opc.addRelationship(drawingPart, REL_CHART, relativeTarget(drawingPart, chartPart));
  const anchor = {
    position: chart.position,
    id: existingXml === undefined ? 2 : nextShapeId(existingXml),
    name: chart.title,
    relId,
  };
  if (existingXml !== undefined) {
    opc.setText(
      drawingPart,
      withAnchor(existingXml, chartAnchorXml(anchor, !declaresOwnPrefixes(existingXml))),
    );
    return;
  }
  opc.setText(drawingPart, drawingPartXml([chartAnchorXml(anchor)]));
  opc.setContentTypeOverride(drawingPart, CONTENT_TYPE_DRAWING);
  const sheetRel = opc.addRelationship(sheetPart, REL_DRAWING, relativeTarget(sheetPart, drawingPart));
  sheet.put('drawing', `<drawing ${prefix}:id="${sheetRel}"/>`);
}
