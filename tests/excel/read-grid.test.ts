/**
 * Reading a worksheet into a Grid: one round trip for a KPI sheet, row blocks under the payload limit
 * for large ones, the add-in's marks from the workbook's names, merged areas where the API has them.
 */
import type { CellRange, Grid } from '../../src/core/types';
import { parseAreas, parseReference } from '../../src/excel/a1';
import { ALL_FEATURES, MINIMUM_FEATURES } from '../../src/excel/features';
import { readGrid } from '../../src/excel/read-grid';
import { FakeExcel } from './fake-excel';
import { fixtureGrid, grownGrid } from './fixture-grids';
import { seeded } from './harness';

const range = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });

/** Three rows of a KPI list; the merges given. */
function smallGrid(merges: CellRange[]): Grid {
  const values = [
    ['施策', 'KPI', '目標'],
    ['観光', '観光客数', 1000],
    ['移住', '移住者数', 50],
  ];
  return {
    sheet: 'KPI一覧',
    top: 1,
    left: 1,
    values,
    texts: values.map((row) => row.map(String)),
    formats: values.map((row) => row.map(() => 'General')),
    merges,
    marks: [],
    sheetNames: ['KPI一覧'],
  };
}

describe('defined-name references', () => {
  test('quoted and unquoted sheets, absolute or not; formulas and #REF! are not marks', () => {
    expect(parseReference("='KPI 表''s'!$P$5:$U$40")).toEqual({
      sheet: "KPI 表's",
      range: { top: 5, left: 16, bottom: 40, right: 21 },
    });
    expect(parseReference('=KPI一覧!$A$1')).toEqual({
      sheet: 'KPI一覧',
      range: { top: 1, left: 1, bottom: 1, right: 1 },
    });
    expect(parseReference('=#REF!$A$1')).toBeNull();
    expect(parseReference('=SUM(A1:A3)')).toBeNull();
  });

  test('merged areas address: one rectangle per comma, commas inside quotes kept', () => {
    expect(parseAreas("'a,b'!A1:B2, 'a,b'!D4:D6").map((r) => r.range)).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 4, left: 4, bottom: 6, right: 4 },
    ]);
  });
});

describe('a KPI sheet in one round trip', () => {
  let fixture: Grid;
  beforeAll(async () => {
    fixture = await fixtureGrid('asakuchi-progress.xlsx');
  });

  test('values, text, formats, merges, marks and sheet names as the xlsx reader gives them', async () => {
    const withMark: Grid = {
      ...fixture,
      marks: [
        {
          name: 'KPISHEET_FLAGS_1',
          sheet: fixture.sheet,
          range: { top: 3, left: 12, bottom: 20, right: 18 },
        },
      ],
      sheetNames: [fixture.sheet, 'メモ'],
    };
    const { fake, host } = seeded(withMark);
    fake.state.names.push({ name: 'UserName', type: 'Range', formula: '=メモ!$A$1' });
    const grid = await host.readGrid();
    expect(fake.syncCount).toBe(1);
    expect(grid.sheet).toBe(fixture.sheet);
    expect(grid.values).toEqual(fixture.values);
    expect(grid.texts).toEqual(fixture.texts);
    expect(grid.formats).toEqual(fixture.formats);
    expect([...grid.merges].sort((a, b) => a.top - b.top || a.left - b.left)).toEqual(
      [...fixture.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    );
    expect(grid.marks).toEqual(withMark.marks);
    expect(grid.sheetNames).toEqual([fixture.sheet, 'メモ']);
  });

  test('the one sync loads the sheet, the names, the used range and its merged areas together', async () => {
    const { fake, host } = seeded(fixture);
    await host.readGrid();
    expect(fake.callsInSync(1).map((c) => c.member)).toEqual([
      'load(name)',
      'load(items/name,items/visibility)',
      'load(items/name,items/type,items/formula)',
      'load(rowIndex,columnIndex,rowCount,columnCount)',
      'load(values,text,numberFormat)',
      'getMergedAreasOrNullObject()',
      'load(address)',
      'areas.load(items/address)',
    ]);
  });

  test('without ExcelApi 1.13 there are no merged areas, and no call needing them', async () => {
    const { fake, host } = seeded(fixture, MINIMUM_FEATURES, { apiVersion: '1.7' });
    const grid = await host.readGrid();
    expect(grid.merges).toEqual([]);
    expect(grid.values).toEqual(fixture.values);
    expect(fake.calls.some((c) => c.member.startsWith('getMergedAreas'))).toBe(false);
  });

  test('a named sheet is read rather than the active one', async () => {
    const { fake, host } = seeded(fixture);
    fake.state.addSheet('白紙');
    fake.state.activeSheet = '白紙';
    expect((await host.readGrid(fixture.sheet)).values).toEqual(fixture.values);
    const blank = await host.readGrid();
    expect(blank).toMatchObject({ sheet: '白紙', top: 1, left: 1, values: [['']] });
  });

  test('a table that starts at C4 gives top 4, left 3', async () => {
    const fake = new FakeExcel();
    fake.state.seed({ ...fixture, top: 4, left: 3, merges: [] });
    fake.state.activeSheet = fixture.sheet;
    const { grid } = await fake.run((context) => readGrid(context, undefined, { features: ALL_FEATURES }));
    expect(grid.top).toBe(4);
    expect(grid.left).toBe(3);
    expect(grid.values).toEqual(fixture.values.slice(0, grid.values.length));
  });
});

describe('large sheets in row blocks under the 5 MB limit', () => {
  test.each([5000])('%i KPI rows: every block under the limit, the grid complete', async (kpis) => {
    const fixture = await fixtureGrid('asakuchi-progress.xlsx');
    const big = grownGrid(fixture, kpis);
    // Long Japanese text in every row makes the sheet heavy.
    const heavy: Grid = {
      ...big,
      values: big.values.map((row) =>
        row.map((v) => (typeof v === 'string' && v !== '' ? `${v}（説明文をここに長く書く）` : v)),
      ),
      texts: big.texts.map((row) => row.map((v) => (v !== '' ? `${v}（説明文をここに長く書く）` : v))),
    };
    const { fake, host } = seeded(heavy, ALL_FEATURES, { payloadLimit: 1024 * 1024 });
    const result = await fake.run((context) =>
      readGrid(context, undefined, { features: ALL_FEATURES, payloadBudget: 512 * 1024 }),
    );
    expect(result.grid.values).toEqual(heavy.values);
    expect(result.grid.texts).toEqual(heavy.texts);
    expect(result.syncs).toBe(fake.syncCount);
    expect(result.syncs).toBeGreaterThan(1);
    void host;
  });

  test('a block refused as too large is read again in halves', async () => {
    const fixture = await fixtureGrid('asakuchi-progress.xlsx');
    const big = grownGrid(fixture, 2000);
    const { fake } = seeded(big, ALL_FEATURES, { payloadLimit: 200 * 1024 });
    // A budget far above the limit: the estimate is wrong on purpose, Excel refuses, the reader recovers.
    const result = await fake.run((context) =>
      readGrid(context, undefined, {
        features: ALL_FEATURES,
        payloadBudget: 10 * 1024 * 1024,
        firstBlock: { rows: 50, columns: 60 },
      }),
    );
    expect(result.grid.values).toEqual(big.values);
  });
});

describe('a first read refused by Excel', () => {
  test('too large a first block: read again from a small one', async () => {
    const fixture = await fixtureGrid('asakuchi-progress.xlsx');
    const { fake } = seeded(fixture, ALL_FEATURES, { payloadLimit: 20 * 1024 });
    const result = await fake.run((context) =>
      readGrid(context, undefined, { features: ALL_FEATURES, payloadBudget: 10 * 1024 }),
    );
    expect(result.grid.values).toEqual(fixture.values);
    expect(result.syncs).toBeGreaterThan(2);
  });

  test('a merge that runs past the used range comes back clipped to the grid', async () => {
    const { fake } = seeded(smallGrid([range(2, 1, 5, 2)]));
    const { grid } = await fake.run((context) => readGrid(context, undefined, { features: ALL_FEATURES }));
    expect(grid.merges).toEqual([range(2, 1, 3, 2)]);
  });

  test('merged areas Excel lists by their top-left cell only are read whole', async () => {
    const { fake } = seeded(smallGrid([range(2, 1, 3, 2)]), ALL_FEATURES, {
      mergedAreasAddress: 'topLeftCell',
    });
    const { grid } = await fake.run((context) => readGrid(context, undefined, { features: ALL_FEATURES }));
    expect(grid.merges).toEqual([range(2, 1, 3, 2)]);
  });

  test('merged areas Excel cannot list (over 512): the sheet is read without them', async () => {
    const fixture = grownGrid(await fixtureGrid('asakuchi-progress.xlsx'), 150);
    // 513 two-cell merges inside the used range: more than Excel lists (a fake limit, 512 as in Excel).
    const pairs = Math.floor(fixture.values[0].length / 2);
    const merges = Array.from({ length: 513 }, (_, i) => {
      const row = fixture.top + Math.floor(i / pairs);
      const col = fixture.left + (i % pairs) * 2;
      return range(row, col, row, col + 1);
    });
    expect(merges[512].bottom).toBeLessThan(fixture.top + fixture.values.length);
    const { fake } = seeded({ ...fixture, merges }, ALL_FEATURES, { mergedAreasLimit: 512 });
    const result = await fake.run((context) => readGrid(context, undefined, { features: ALL_FEATURES }));
    expect(result.grid.values).toEqual(fixture.values);
    expect(result.grid.merges).toEqual([]);
    expect(result.syncs).toBe(2);
  });
});
