/**
 * The check before anything is written: which sheets and names exist, which are protected, and which of the
 * conditional formats on the row tint's cells are the add-in's own.
 */
import { compactRangeAddress, rangeInside, rangesOverlap, sameRange } from '../core/a1';
import type { CellRange, WriteOp } from '../core/types';
import { parseAreas } from './a1';
import type { Features } from './features';

export type RemoveRules = Extract<WriteOp, { op: 'removeConditionalFormats' }>;

/** Excel's names are case-insensitive: `KPISHEET_SUMMARY` and `kpisheet_summary` are one name. */
export function nameKey(name: string): string {
  return name.toUpperCase();
}

export interface WorkbookState {
  readonly sheets: ReadonlyMap<string, { readonly protected: boolean }>;
  /** The workbook's names, by nameKey. */
  readonly names: ReadonlySet<string>;
  readonly structureProtected: boolean;
  /** The conditional formats each 'sameRange' removal deletes, lowest priority first. */
  readonly rules: ReadonlyMap<RemoveRules, readonly Excel.ConditionalFormat[]>;
  readonly syncs: number;
}

/** Number of cells of a range. */
function cellCount(range: CellRange): number {
  return (range.bottom - range.top + 1) * (range.right - range.left + 1);
}

/**
 * Does a format applied to `areas` cover exactly the cells of `range`? A rule Excel split into several
 * rectangles (a paste into its range) still covers the same cells when its areas tile the range.
 */
export function coversExactly(areas: readonly CellRange[], range: CellRange): boolean {
  if (areas.length === 0 || !areas.every((area) => rangeInside(area, range))) return false;
  if (areas.length === 1) return sameRange(areas[0], range);
  const overlapping = areas.some((a, i) => areas.slice(i + 1).some((b) => rangesOverlap(a, b)));
  return !overlapping && areas.reduce((n, area) => n + cellCount(area), 0) === cellCount(range);
}

/** The removal ops whose rules must be looked up: the row tint over the city's cells. */
function lookedUp(op: WriteOp, deleted: ReadonlySet<string>): op is RemoveRules {
  return op.op === 'removeConditionalFormats' && op.match === 'sameRange' && !deleted.has(op.sheet);
}

export async function checkWorkbook(
  context: Excel.RequestContext,
  ops: readonly WriteOp[],
  features: Features,
): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets.load('items/name,items/protection/protected');
  const names = context.workbook.names.load('items/name');
  const protection = context.workbook.protection.load('protected');
  // Sheets the plan deletes take their rules with them; the others were just read, so they exist.
  const deleted = new Set(ops.flatMap((op) => (op.op === 'deleteSheet' ? [op.sheet] : [])));
  const collections = ops
    .filter((op) => lookedUp(op, deleted))
    .map((op) => ({
      op,
      formats: context.workbook.worksheets
        .getItem(op.sheet)
        .getRange(compactRangeAddress(op.range))
        .conditionalFormats.load('items/priority'),
    }));
  await context.sync();
  // A rule over several ranges has a null getRangeOrNullObject(); getRanges() (ExcelApi 1.9) has them all.
  // https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-getranges-member(1)
  const ranges = collections.flatMap(({ op, formats }) =>
    formats.items.map((format) => ({
      op,
      format,
      areas: (features.ruleAreas ? format.getRanges() : format.getRangeOrNullObject()).load('address'),
    })),
  );
  if (ranges.length > 0) await context.sync();
  const syncs = ranges.length > 0 ? 2 : 1;
  const rules = new Map<RemoveRules, Excel.ConditionalFormat[]>();
  for (const { op, format, areas } of ranges) {
    if (areas.isNullObject) continue;
    if (
      !coversExactly(
        parseAreas(areas.address).map((ref) => ref.range),
        op.range,
      )
    )
      continue;
    rules.set(op, [...(rules.get(op) ?? []), format]);
  }
  // An item names "the rule at this priority" (its id is its priority), so deleting one renumbers the
  // rules below it: delete from the bottom up, and each index still names the rule it did
  // (deleting several rules on the same cells in one batch otherwise fails with ItemNotFound:
  // https://github.com/OfficeDev/office-js/issues/5222).
  for (const formats of rules.values()) formats.sort((a, b) => b.priority - a.priority);
  return {
    sheets: new Map(sheets.items.map((ws) => [ws.name, { protected: ws.protection.protected }])),
    names: new Set(names.items.map((n) => nameKey(n.name))),
    structureProtected: protection.protected,
    rules,
    syncs,
  };
}
