/**
 * Column mappings: the reader's own (`KpiSheet.mappings`), a user's (pane, `--columns`, saved settings) winning
 * over the header's words, keyed so that it still applies after rows are added, and its one-line text form.
 */
import { readKpiSheet } from '../../../src/core/layout';
import { formatMapping, parseMapping } from '../../../src/core/layout/mapping';
import type { ColumnMapping, Grid, Kpi, KpiSheet } from '../../../src/core/types';
import { LAYOUTS } from '../../../scripts/fixture-layouts';
import { fixtureGrid } from './fixture-grid';

function sheetOf(grid: Grid, mappings: readonly ColumnMapping[] = []): KpiSheet {
  const result = readKpiSheet(grid, { mappings });
  if (!result.ok) throw new Error(result.failure.message);
  return result.sheet;
}

function mapping(text: string): ColumnMapping {
  const parsed = parseMapping(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.mapping;
}

const essentials = (k: Kpi): unknown => ({
  name: k.name,
  department: k.department,
  baseline: k.baseline && [k.baseline.year, k.baseline.reading.value],
  actuals: k.actuals.map((a) => [a.year, a.reading.value]),
  target: k.target && [k.target.year, k.target.reading.value],
});

/** Rows inserted above `at` (1-based sheet row), empty. */
function insertRows(grid: Grid, at: number, count: number): Grid {
  const index = at - grid.top;
  const blank = <T>(fill: T): T[][] => Array.from({ length: count }, () => grid.values[0].map(() => fill));
  const splice = <T>(rows: readonly (readonly T[])[], fill: T): T[][] => [
    ...rows.slice(0, index).map((r) => [...r]),
    ...blank(fill),
    ...rows.slice(index).map((r) => [...r]),
  ];
  const move = (row: number): number => (row >= at ? row + count : row);
  return {
    ...grid,
    values: splice(grid.values, ''),
    texts: splice(grid.texts, ''),
    formats: splice(grid.formats, 'General'),
    merges: grid.merges.map((m) => ({ ...m, top: move(m.top), bottom: move(m.bottom) })),
  };
}

describe('a user mapping makes a sheet the reader cannot place readable', () => {
  const text = 'row=3,A=name,B=department,C=baseline:2019,D=actual:2022,E=target:2024';

  test('ものさし | 担当 | 出発点 | 令和4年度の姿 | ゴール read as KPI名 | 担当課 | 基準値 R1 | 実績 R4 | 目標値 R6', async () => {
    const grid = await fixtureGrid('layouts/unplaceable.xlsx');
    expect(readKpiSheet(grid).ok).toBe(false);
    const sheet = sheetOf(grid, [mapping(text)]);
    expect(sheet.blocks.flatMap((b) => b.kpis).map(essentials)).toEqual([
      {
        name: '図書館の来館者数',
        department: '生涯学習課',
        baseline: [2019, 52000],
        actuals: [[2022, 55400]],
        target: [2024, 60000],
      },
      {
        name: '公園愛護団体の数',
        department: '公園緑地課',
        baseline: [2019, 18],
        actuals: [[2022, 21]],
        target: [2024, 25],
      },
      {
        name: '市民農園の区画利用率',
        department: '農政課',
        baseline: [2019, 71],
        actuals: [[2022, 80]],
        target: [2024, 90],
      },
    ]);
    expect(sheet.mappings?.[0]).toMatchObject({ source: 'user', headerRow: 3 });
    // The 課の所見 column (F) was not mapped: never read as a value.
    expect(sheet.blocks[0].kpiTable?.lastCol).toBe(6);
  });

  test('still applies after rows are added above the header: it is found again by its header texts', async () => {
    const grid = await fixtureGrid('layouts/unplaceable.xlsx');
    const saved = sheetOf(grid, [mapping(text)]).mappings?.[0];
    if (!saved) throw new Error('no mapping');
    const moved = sheetOf(insertRows(grid, 2, 3), [saved]);
    expect(moved.blocks[0].kpiTable).toMatchObject({ headerRow: 6, firstRow: 7, lastRow: 9 });
    expect(moved.blocks[0].kpis.map((k) => [k.row, k.name])).toEqual([
      [7, '図書館の来館者数'],
      [8, '公園愛護団体の数'],
      [9, '市民農園の区画利用率'],
    ]);
  });

  test('and after KPI rows are added at the end', async () => {
    const grid = await fixtureGrid('layouts/unplaceable.xlsx');
    const saved = sheetOf(grid, [mapping(text)]).mappings?.[0];
    if (!saved) throw new Error('no mapping');
    const values = [...grid.values, ['子ども食堂の数', '福祉課', '4か所', '7か所', '10か所', '']];
    const longer: Grid = {
      ...grid,
      values,
      texts: values.map((r) => r.map(String)),
      formats: values.map((r) => r.map(() => 'General')),
    };
    expect(sheetOf(longer, [saved]).blocks[0].kpis.map((k) => k.name)).toContain('子ども食堂の数');
  });

  test('a user mapping wins over the words of a header the reader did place (one column corrected)', async () => {
    const grid = await fixtureGrid('layouts/words-jisseki-gokanen.xlsx');
    const read = sheetOf(grid).mappings?.[0];
    if (!read) throw new Error('no mapping');
    // The user says 5か年目標 is the target for R5 (2023), and 平成14年実績 is the baseline.
    const fixed = mapping(
      formatMapping(read)
        .replace('D=target', 'D=target:R5')
        .replace('B=actual:2002', 'B=baseline:2002')
        .replace('C=baseline:2013', 'C=actual:2013'),
    );
    const sheet = sheetOf(grid, [fixed]);
    expect(sheet.blocks[0].kpis.map(essentials)[0]).toEqual({
      name: '村内の年間出生数',
      department: '住民課',
      baseline: [2002, 31],
      actuals: [[2013, 24]],
      target: [2023, 30],
    });
  });
});

describe('the reader reports the mapping it used, in a form --columns reads back to the same reading', () => {
  test.each(LAYOUTS.flatMap((l) => l.sheets.map((s) => [l.file, s.name] as const)))(
    '%s / %s',
    async (file, name) => {
      const grid = await fixtureGrid(`layouts/${file}`, name);
      const sheet = sheetOf(grid);
      const reRead = sheetOf(
        grid,
        (sheet.mappings ?? []).map((m) => mapping(formatMapping(m))),
      );
      const all = (s: KpiSheet): unknown[] => s.blocks.flatMap((b) => b.kpis).map(essentials);
      expect(all(reRead)).toEqual(all(sheet));
    },
  );

  test('the text form of the two-row header', async () => {
    const sheet = sheetOf(await fixtureGrid('layouts/two-row-roles-above.xlsx'));
    expect(sheet.mappings?.map(formatMapping)).toEqual([
      'row=3-4,A=name,B=baseline:2018,C=actual:2019,D=actual:2020,E=actual:2021,F=actual:2022,G=actual:2023,H=target:2024,I=department',
    ]);
  });
});

describe('--columns text: what it refuses, in Japanese', () => {
  test.each([
    ['B=name,C=target', '見出し行'],
    ['row=3,C=target:2024', 'KPI 名'],
    ['row=3,B=name', '値の列'],
    ['row=3,B=name,C=goal', '役割「goal」'],
    ['row=3,B=name,C=target:来年', '年度「来年」'],
    ['row=3,B=name,B=target', '2 回'],
    ['row=3,B=name,C=unit:2020', '年度は付けられません'],
  ])('%s', (text, message) => {
    const parsed = parseMapping(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  test('Japanese role names and era years are accepted', () => {
    expect(parseMapping('行=3,A=KPI名,B=担当課,C=基準値:H30,D=実績:令和4年度,E=目標値:R6')).toMatchObject({
      ok: true,
      mapping: {
        headerRow: 3,
        columns: [
          { col: 1, role: 'name' },
          { col: 2, role: 'department' },
          { col: 3, role: 'baseline', year: 2018 },
          { col: 4, role: 'actual', year: 2022 },
          { col: 5, role: 'target', year: 2024 },
        ],
      },
    });
  });
});

describe('blank rows inside a block on the seed table', () => {
  test('with its merges undone and a blank row inserted at row 12, block 1 still has its 10 KPIs', async () => {
    const seed = await fixtureGrid('asakuchi-progress.xlsx');
    const before = sheetOf(seed);
    const grid = insertRows({ ...seed, merges: [] }, 12, 1);
    const sheet = sheetOf(grid);
    expect(sheet.blocks[0].kpis).toHaveLength(10);
    expect(sheet.blocks.flatMap((b) => b.kpis)).toHaveLength(46);
    expect(sheet.blocks[0].kpis.map((k) => k.name)).toEqual(before.blocks[0].kpis.map((k) => k.name));
    expect(sheet.blocks[0].kpiTable).toMatchObject({ firstRow: 9, lastRow: 19 });
  });
});
