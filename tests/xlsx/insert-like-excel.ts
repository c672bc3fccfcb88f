/**
 * What Excel does to a saved workbook when a user inserts rows or columns, done with ExcelJS on a file:
 * cells and defined names move (ExcelJS's spliceRows / spliceColumns move both), and so do the conditional
 * format and validation ranges (ExcelJS leaves those where they were). A clerk's own edit between two runs.
 */
import type ExcelJS from 'exceljs';
import { columnLetters, columnNumber } from '../../src/core/a1';
import { internals } from './evaluated';

type Axis = 'rows' | 'columns';

/** Every `A1`-style reference in `text` moved as Excel moves it for an insertion at `at`. */
function shiftRefs(text: string, axis: Axis, at: number, count: number): string {
  return text.replace(
    /(\$?)([A-Z]{1,3})(\$?)(\d+)/g,
    (_, d1: string, letters: string, d2: string, digits: string) => {
      let row = Number(digits);
      let col = columnNumber(letters);
      if (axis === 'rows' && row >= at) row += count;
      if (axis === 'columns' && col >= at) col += count;
      return `${d1}${columnLetters(col)}${d2}${row}`;
    },
  );
}

function insert(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, axis: Axis, at: number, count: number): void {
  // ExcelJS moves names cell by cell, leaving the inserted row out of a range that spans it; Excel grows the
  // range. Names are set afterwards as Excel would have them.
  const names = wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] };
  const before = names.model;
  if (axis === 'rows') ws.spliceRows(at, 0, ...Array.from({ length: count }, () => []));
  else ws.spliceColumns(at, 0, ...Array.from({ length: count }, () => []));
  names.model = before.map((n) => ({
    ...n,
    ranges: n.ranges.map((r) => {
      const bang = r.lastIndexOf('!');
      const sheet = r
        .slice(0, bang)
        .replace(/^'(.*)'$/, '$1')
        .replace(/''/g, "'");
      return sheet === ws.name
        ? `${r.slice(0, bang + 1)}${shiftRefs(r.slice(bang + 1), axis, at, count)}`
        : r;
    }),
  }));
  const inner = internals(ws);
  for (const cf of inner.conditionalFormattings) cf.ref = shiftRefs(cf.ref, axis, at, count);
  const model = inner.dataValidations.model;
  for (const key of Object.keys(model)) {
    const value = model[key];
    delete model[key];
    model[shiftRefs(key, axis, at, count)] = value;
  }
}

export function insertRows(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, at: number, count = 1): void {
  insert(wb, ws, 'rows', at, count);
}

export function insertColumns(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, at: number, count = 1): void {
  insert(wb, ws, 'columns', at, count);
}
