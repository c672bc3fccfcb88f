/** Values in row blocks under the payload budget, with the Text format where Excel would not keep text as typed. */
import type { PlanValue } from '../core/types';
import { valuesRange, type SetValuesOp } from './op-order';
import { jsonBytes } from './payload';
import type { Unit } from './write-batch';

/**
 * Text Excel would not keep as text when written through `range.values` into a General cell: formulas
 * (`=`, `+`, `-`, "Excel interprets this value as a formula",
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member), numbers,
 * percentages, dates (`4/1`, `R6.4.1`, `4月1日`), times, booleans and error values. Such text goes into a
 * cell with the Text format (`@`) first, which keeps it as typed; an apostrophe prefix is not relied on
 * (what Office.js does with one is undocumented).
 */
const COERCED_TEXT = [
  /^[=+\-@]/,
  /^\s*[(¥$]?\s*[\d.,]+\s*%?\)?\s*$/,
  /^\s*\d+(\.\d+)?e[+-]?\d+\s*$/i,
  /^\s*\d+\s*[/:.-]\s*\d+(\s*[/:.-]\s*\d+)?\s*$/,
  /^\s*[MTSHRmtshr]\s*\d+\s*[./-]\s*\d+(\s*[./-]\s*\d+)?\s*$/,
  /^\s*(\d+|[明大昭平令][治正和成]\d+)\s*年\s*\d+\s*月(\s*\d+\s*日)?\s*$/,
  /^\s*\d+\s*月\s*\d+\s*日\s*$/,
  /^\s*(true|false)\s*$/i,
  /^\s*#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!)\s*$/i,
];

/** Does this plan value need the Text format to stay as written? */
export function needsTextFormat(value: PlanValue): boolean {
  return typeof value === 'string' && value !== '' && COERCED_TEXT.some((pattern) => pattern.test(value));
}

/** What `range.values` gets: null (no value) clears the cell, as '' does in Office.js. */
function cellInput(value: PlanValue): string | number {
  return value ?? '';
}

/** The Text format where a cell needs it, null (format unchanged) elsewhere; null when no cell does. */
function textFormats(block: readonly (readonly PlanValue[])[]): (string | null)[][] | null {
  if (!block.some((row) => row.some(needsTextFormat))) return null;
  return block.map((row) => row.map((value) => (needsTextFormat(value) ? '@' : null)));
}

/**
 * A setValues in row blocks that each fit the budget, so one huge column never passes the limit. A
 * block with text Excel would not keep as text sets the Text format on those cells first.
 */
export function valueUnits(op: SetValuesOp, opIndex: number, budget: number): Unit[] {
  const width = valuesRange(op).right - op.col + 1;
  const plan = op.values.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? null));
  const rowBytes = plan.map(
    (row) => jsonBytes(row.map(cellInput)) + (row.some(needsTextFormat) ? jsonBytes(row.map(() => '@')) : 0),
  );
  const units: Unit[] = [];
  let start = 0;
  while (start < plan.length || (start === 0 && plan.length === 0)) {
    let end = start;
    let bytes = 0;
    while (end < plan.length && (end === start || bytes + rowBytes[end] <= budget)) {
      bytes += rowBytes[end];
      end++;
    }
    const block = plan.slice(start, end);
    const top = op.row + start;
    units.push({
      opIndex,
      last: end >= plan.length,
      bytes,
      queue: (b) => {
        if (block.length === 0) return;
        const area = { top, left: op.col, bottom: top + block.length - 1, right: op.col + width - 1 };
        const range = b.range(op.sheet, area);
        const formats = textFormats(block);
        if (formats) range.numberFormat = formats;
        range.values = block.map((row) => row.map(cellInput));
      },
    });
    if (end === start) break;
    start = end;
  }
  return units;
}
