/**
 * What Excel does to a sheet when a user inserts rows or columns, on the fake's state: cells, merges,
 * conditional formats, validation and every defined name that points at the sheet move down (right) from the
 * insertion; a range that spans the insertion grows. A clerk's own edit between two runs, for tests.
 */
import { absoluteAddress } from '../../src/core/a1';
import type { CellRange } from '../../src/core/types';
import { parseA1, type FakeWorkbookState } from './fake-excel';

type Axis = 'rows' | 'columns';

function shiftRange(range: CellRange, axis: Axis, at: number, count: number): CellRange {
  const [first, last] = axis === 'rows' ? (['top', 'bottom'] as const) : (['left', 'right'] as const);
  const out = { ...range };
  if (range[first] >= at) out[first] += count;
  if (range[last] >= at) out[last] += count;
  return out;
}

function insert(state: FakeWorkbookState, sheetName: string, axis: Axis, at: number, count: number): void {
  const sheet = state.sheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const cells = [...sheet.cells.entries()];
  sheet.cells.clear();
  for (const [key, cell] of cells) {
    const [row, col] = key.split(',').map(Number);
    const moved =
      axis === 'rows' ? [row >= at ? row + count : row, col] : [row, col >= at ? col + count : col];
    sheet.cells.set(`${moved[0]},${moved[1]}`, cell);
  }
  // Excel gives inserted cells the format of the row above (the column left): the clerk's new row looks alike.
  for (let i = 0; i < count; i++) {
    for (const [key, cell] of cells) {
      const [row, col] = key.split(',').map(Number);
      if ((axis === 'rows' ? row : col) !== at - 1) continue;
      const target = axis === 'rows' ? `${at + i},${col}` : `${row},${at + i}`;
      sheet.cells.set(target, {
        value: '',
        text: '',
        numberFormat: cell.numberFormat,
        style: { ...cell.style },
      });
    }
  }
  sheet.merges = sheet.merges.map((m) => shiftRange(m, axis, at, count));
  for (const cf of sheet.conditionalFormats) cf.ranges = cf.ranges.map((r) => shiftRange(r, axis, at, count));
  for (const v of sheet.validations) v.range = shiftRange(v.range, axis, at, count);
  if (axis === 'rows') sheet.rowBreaks = sheet.rowBreaks.map((r) => (r >= at ? r + count : r));
  for (const name of state.names) {
    const match = /^=(.+)!(\$[A-Z]+\$\d+(?::\$[A-Z]+\$\d+)?)$/.exec(name.formula);
    if (!match) continue;
    const sheetPart = match[1].replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    if (sheetPart !== sheet.name) continue;
    name.formula = `=${match[1]}!${absoluteAddress(shiftRange(parseA1(match[2]), axis, at, count))}`;
  }
}

export function insertRows(state: FakeWorkbookState, sheet: string, at: number, count = 1): void {
  insert(state, sheet, 'rows', at, count);
}

export function insertColumns(state: FakeWorkbookState, sheet: string, at: number, count = 1): void {
  insert(state, sheet, 'columns', at, count);
}
