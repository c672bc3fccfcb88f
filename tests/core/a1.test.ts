import {
  absoluteAddress,
  absoluteCellAddress,
  cellAddress,
  columnLetters,
  columnNumber,
  compactRangeAddress,
  parseCellAddress,
  quoteSheet,
  rangeAddress,
  rangeBetween,
  rangeContains,
  rangeInside,
  rangeOf,
  rangesOverlap,
  sameRange,
} from '../../src/core/a1';

describe('column letters and numbers', () => {
  it.each([
    [1, 'A'],
    [16, 'P'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('column %d is %s, and back', (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
    expect(columnNumber(letters)).toBe(col);
    expect(columnNumber(letters.toLowerCase())).toBe(col);
  });
});

describe('addresses', () => {
  const column = rangeOf(5, 16, 40, 16);
  const cell = rangeOf(5, 16, 5, 16);

  it('a cell is written `P5`, absolute `$P$5`', () => {
    expect(cellAddress(5, 16)).toBe('P5');
    expect(absoluteCellAddress(5, 16)).toBe('$P$5');
  });

  it('rangeAddress always writes both corners (the xlsx writer’s form)', () => {
    expect(rangeAddress(column)).toBe('P5:P40');
    expect(rangeAddress(cell)).toBe('P5:P5');
  });

  it('compactRangeAddress writes one cell alone (the form Office.js gives back)', () => {
    expect(compactRangeAddress(column)).toBe('P5:P40');
    expect(compactRangeAddress(cell)).toBe('P5');
  });

  it('absoluteAddress anchors both corners, even for one cell', () => {
    expect(absoluteAddress(column)).toBe('$P$5:$P$40');
    expect(absoluteAddress(cell)).toBe('$P$5:$P$5');
  });

  it('sheet names are always quoted, with quotes doubled', () => {
    expect(quoteSheet('KPI 表')).toBe("'KPI 表'");
    expect(quoteSheet("市's")).toBe("'市''s'");
  });
});

describe('parsing one cell address', () => {
  it.each([
    ['F12', { row: 12, col: 6 }],
    ['$F$12', { row: 12, col: 6 }],
    ['f12', { row: 12, col: 6 }],
    ['XFD1048576', { row: 1048576, col: 16384 }],
  ])('%s is a cell', (address, ref) => {
    expect(parseCellAddress(address)).toEqual(ref);
  });

  it.each(['', 'F', '12', 'A1:B2', ' F12', 'ABCD1', 'A12345678', '#REF!'])(
    '%p is not one cell',
    (address) => {
      expect(parseCellAddress(address)).toBeNull();
    },
  );

  it('two corners in any order give the same range', () => {
    expect(rangeBetween({ row: 40, col: 17 }, { row: 5, col: 16 })).toEqual(rangeOf(5, 16, 40, 17));
  });
});

describe('range predicates', () => {
  const table = rangeOf(5, 2, 40, 10);

  it('sameRange compares all four sides', () => {
    expect(sameRange(table, rangeOf(5, 2, 40, 10))).toBe(true);
    expect(sameRange(table, rangeOf(5, 2, 40, 11))).toBe(false);
  });

  it('rangeInside: every cell of the inner range lies in the outer one', () => {
    expect(rangeInside(rangeOf(5, 2, 40, 10), table)).toBe(true);
    expect(rangeInside(rangeOf(6, 3, 6, 3), table)).toBe(true);
    expect(rangeInside(rangeOf(4, 2, 40, 10), table)).toBe(false);
    expect(rangeInside(table, rangeOf(6, 3, 6, 3))).toBe(false);
  });

  it('rangesOverlap: at least one shared cell, in either order', () => {
    expect(rangesOverlap(table, rangeOf(40, 10, 50, 12))).toBe(true);
    expect(rangesOverlap(rangeOf(40, 10, 50, 12), table)).toBe(true);
    expect(rangesOverlap(table, rangeOf(41, 1, 50, 12))).toBe(false);
    expect(rangesOverlap(table, rangeOf(1, 11, 50, 12))).toBe(false);
  });

  it('rangeContains: a cell on the edge is in, one beyond is out', () => {
    expect(rangeContains(table, 5, 2)).toBe(true);
    expect(rangeContains(table, 40, 10)).toBe(true);
    expect(rangeContains(table, 41, 10)).toBe(false);
    expect(rangeContains(table, 5, 1)).toBe(false);
  });
});
