/**
 * The parts a worksheet owns, through the relationships of the package (ECMA-376 Part 2): deleting a sheet
 * takes with it the drawings, charts and notes only it referred to, so a re-run leaves no orphan parts.
 */
import { posix } from 'node:path';
import { REL_CHART } from './chart-part';
import { REL_DRAWING } from './drawing-part';
import { type OpcPackage, relsPartOf, resolveTarget } from './opc';

const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/**
 * Parts a worksheet owns through these relationships, and what those own in turn (a chart's user shapes,
 * style and colour parts as Excel adds them on save, a drawing's pictures, a sheet's notes and their VML, its
 * printer settings): removed with the sheet when nothing else refers to them. Tables, pivot tables, external
 * links and anything else stay.
 */
const OWNED_TYPES = new Set([
  REL_DRAWING,
  REL_CHART,
  `${REL_BASE}chartUserShapes`,
  `${REL_BASE}image`,
  `${REL_BASE}themeOverride`,
  `${REL_BASE}vmlDrawing`,
  `${REL_BASE}comments`,
  `${REL_BASE}printerSettings`,
  'http://schemas.microsoft.com/office/2011/relationships/chartStyle',
  'http://schemas.microsoft.com/office/2011/relationships/chartColorStyle',
]);

/** `xl/drawings/_rels/drawing1.xml.rels` → `xl/drawings/drawing1.xml`; `_rels/.rels` → '' (the package). */
function sourceOfRels(relsPart: string): string {
  const dir = posix.dirname(posix.dirname(relsPart));
  const base = posix.basename(relsPart).replace(/\.rels$/, '');
  return dir === '.' ? base : `${dir}/${base}`;
}

/**
 * The parts `root` owns (OWNED_TYPES, followed down): each one no relationship from outside the set points
 * at. A drawing or image another sheet also uses is not the deleted sheet's alone, and stays.
 */
export function ownedParts(opc: OpcPackage, root: string): string[] {
  const owned = new Set([root]);
  const order: string[] = [];
  const referrers = (part: string): string[] => {
    const key = part.toLowerCase();
    return opc
      .partNames()
      .filter((p) => p.endsWith('.rels'))
      .map(sourceOfRels)
      .filter((source) =>
        opc
          .relationships(source)
          .some((r) => !r.external && resolveTarget(source, r.target).toLowerCase() === key),
      );
  };
  const visit = (part: string): void => {
    for (const rel of opc.relationships(part)) {
      if (rel.external || !OWNED_TYPES.has(rel.type)) continue;
      const target = resolveTarget(part, rel.target);
      if (owned.has(target) || !opc.has(target)) continue;
      if (referrers(target).some((source) => !owned.has(source))) continue;
      owned.add(target);
      order.push(target);
      visit(target);
    }
  };
  visit(root);
  return order;
}

/** Removes parts with their relationship parts and content-type overrides. */
export function removeParts(opc: OpcPackage, parts: readonly string[]): void {
  for (const part of parts) {
    opc.remove(part);
    opc.remove(relsPartOf(part));
    opc.setContentTypeOverride(part, undefined);
    opc.setContentTypeOverride(relsPartOf(part), undefined);
  }
}
