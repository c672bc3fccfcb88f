/**
 * The comment columns 「要因・分析」「今後の方向性」 in Excel: what a clerk types there survives a
 * re-run, a row inserted above it, and a move of the flag columns, and the summary's follow-up list shows it.
 */
import { cellAddress, compactRangeAddress } from '../../src/core/a1';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { CellValue, Grid, Settings } from '../../src/core/types';
import type { FakeWorkbookState } from './fake-excel';
import { fixtureGrid } from './fixture-grids';
import { fullRun, seeded } from './harness';
import { insertColumns, insertRows } from './insert-like-excel';

const SHEET = 'KPI一覧';
const SUMMARY = 'KPI評価サマリー';
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, commentColumns: true };
const FACTOR = '創業相談は増えたが、物価高で開業を見送る例が多かった。R5は25人。';
const OUTLOOK = '商工会と連携し、創業塾の受講者に開業資金の相談窓口を案内する。';

function value(state: FakeWorkbookState, sheet: string, row: number, col: number): CellValue {
  return state.values(sheet, cellAddress(row, col))[0][0];
}

/** The sheet row whose name cell (B or C) starts with `name`. */
function rowOf(state: FakeWorkbookState, name: string): number {
  for (let row = 1; row <= 200; row++)
    for (const col of [2, 3]) if (String(value(state, SHEET, row, col)).startsWith(name)) return row;
  throw new Error(`no row for ${name}`);
}

/** The column whose header (in `row`) is `header`. */
function colOf(state: FakeWorkbookState, row: number, header: string): number {
  for (let col = 1; col <= 40; col++) if (value(state, SHEET, row, col) === header) return col;
  throw new Error(`no ${header} in row ${row}`);
}

/** A clerk types into a cell, as Excel stores it. */
function type(state: FakeWorkbookState, row: number, col: number, text: string): void {
  const cell = state.cell(state.sheet(SHEET)!, row, col);
  cell.value = text;
  cell.text = text;
}

function summaryTexts(state: FakeWorkbookState): string[] {
  const sheet = state.sheet(SUMMARY);
  if (!sheet) throw new Error('no summary sheet');
  return [...sheet.cells.values()].map((c) => String(c.value)).filter((v) => v !== '');
}

async function commentedWorkbook(grid?: Grid) {
  const { fake, host } = seeded(grid ?? (await fixtureGrid('asakuchi-progress.xlsx')));
  await fullRun(host, SETTINGS);
  const state = fake.state;
  const row = rowOf(state, '創業支援事業による創業者数');
  const header = row - 2; // 創業者数 is the table's second KPI row
  const factorCol = colOf(state, header, '要因・分析');
  type(state, row, factorCol, FACTOR);
  type(state, row, factorCol + 1, OUTLOOK);
  return { fake, host, state, row, factorCol };
}

describe('a run with the setting adds the two input columns right of the flags', () => {
  it('heads them in every table header row and formats them as input cells (Excel 入力 style)', async () => {
    const { fake, host } = seeded(await fixtureGrid('asakuchi-progress.xlsx'));
    const { result } = await fullRun(host, SETTINGS);
    expect(result.skipped).toEqual([]);
    const state = fake.state;
    const row = rowOf(state, '創業支援事業による創業者数');
    expect(value(state, SHEET, row - 2, 18)).toBe('備考');
    expect(value(state, SHEET, row - 2, 19)).toBe('要因・分析');
    expect(value(state, SHEET, row - 2, 20)).toBe('今後の方向性');
    const cell = state.sheet(SHEET)!.cells.get(`${row},19`)!;
    expect(cell.style['fill.color']).toBe('#FFCC99');
    expect(cell.value).toBe('');
  });

  it('adds nothing without the setting', async () => {
    const { fake, host } = seeded(await fixtureGrid('asakuchi-progress.xlsx'));
    await fullRun(host);
    const row = rowOf(fake.state, '創業支援事業による創業者数');
    expect(value(fake.state, SHEET, row - 2, 19)).toBe('');
  });
});

/** The validations of the KPI sheet that cover column `col`, as `[range, rule, prompt title]`. */
function validationsIn(state: FakeWorkbookState, col: number): [string, unknown, string | null][] {
  return state
    .sheet(SHEET)!
    .validations.filter((v) => v.range.left <= col && col <= v.range.right)
    .map((v) => [compactRangeAddress(v.range), v.rule, v.prompt?.title ?? null]);
}

describe('the input cells carry an input message (入力時メッセージ)', () => {
  it('on each table’s data rows of 要因・分析 and 今後の方向性, with no rule; 方向 has one beside its list', async () => {
    const { fake, host } = seeded(await fixtureGrid('asakuchi-progress.xlsx'));
    const { result } = await fullRun(host, SETTINGS);
    expect(result.skipped).toEqual([]);
    const state = fake.state;
    const row = rowOf(state, '創業支援事業による創業者数');
    const factor = validationsIn(state, 19);
    expect(factor.length).toBeGreaterThan(1);
    expect(factor.every(([, rule, title]) => rule === null && title === '要因・分析')).toBe(true);
    expect(
      validationsIn(state, 20).every(([, rule, title]) => rule === null && title === '今後の方向性'),
    ).toBe(true);
    // The KPI's table: from its first KPI row (the header two rows up gets none).
    expect(factor.map(([address]) => address)).toContainEqual(
      expect.stringMatching(new RegExp(`^S${row - 1}:`)),
    );
    const prompt = state.sheet(SHEET)!.validations.find((v) => v.range.left === 19)!.prompt;
    expect(prompt).toEqual({
      showPrompt: true,
      title: '要因・分析',
      message: expect.stringContaining('要因'),
    });
    const direction = validationsIn(state, 17);
    expect(direction.length).toBe(factor.length);
    expect(direction[0].slice(1)).toEqual([
      { list: { inCellDropDown: true, source: '↑,↓' } },
      '方向 (↑ / ↓)',
    ]);
  });

  it('moves with the comment columns (S:T → U:V): none is left at S:T, the clerk’s text stays', async () => {
    const { host, state, row } = await commentedWorkbook();
    const before = validationsIn(state, 19).length;
    await fullRun(host, { ...SETTINGS, previousYearColumns: true });
    expect(validationsIn(state, 19)).toEqual([]);
    expect(validationsIn(state, 20)).toEqual([]);
    expect(validationsIn(state, 21).map(([, , title]) => title)).toEqual(Array(before).fill('要因・分析'));
    expect(validationsIn(state, 22).map(([, , title]) => title)).toEqual(Array(before).fill('今後の方向性'));
    expect([21, 22].map((col) => value(state, SHEET, row, col))).toEqual([FACTOR, OUTLOOK]);
    // And back.
    await fullRun(host, SETTINGS);
    expect(validationsIn(state, 21)).toEqual([]);
    expect(validationsIn(state, 19).map(([, , title]) => title)).toEqual(Array(before).fill('要因・分析'));
    expect([19, 20].map((col) => value(state, SHEET, row, col))).toEqual([FACTOR, OUTLOOK]);
  });

  it('goes with empty columns when the setting is turned off, and stays with typed ones', async () => {
    const { fake, host } = seeded(await fixtureGrid('asakuchi-progress.xlsx'));
    await fullRun(host, SETTINGS);
    await fullRun(host, DEFAULT_SETTINGS);
    expect(validationsIn(fake.state, 19)).toEqual([]);
    expect(validationsIn(fake.state, 20)).toEqual([]);
    const { host: typedHost, state } = await commentedWorkbook();
    await fullRun(typedHost, DEFAULT_SETTINGS);
    expect(validationsIn(state, 19).length).toBeGreaterThan(0);
  });

  it('is written once over the same cells when the marks were lost (no second, overlapping validation)', async () => {
    const { host, state } = await commentedWorkbook();
    const once = validationsIn(state, 19);
    state.names = state.names.filter((n) => !n.name.startsWith('KPISHEET_COMMENTS_'));
    await fullRun(host, SETTINGS);
    expect(validationsIn(state, 19)).toEqual(once);
  });
});

describe('a clerk’s comment is the clerk’s', () => {
  it('survives a re-run unchanged, and a second re-run leaves the workbook as the first', async () => {
    const { host, state, row, factorCol } = await commentedWorkbook();
    await fullRun(host, SETTINGS);
    expect(value(state, SHEET, row, factorCol)).toBe(FACTOR);
    expect(value(state, SHEET, row, factorCol + 1)).toBe(OUTLOOK);
    const once = JSON.stringify(state.snapshot());
    await fullRun(host, SETTINGS);
    expect(JSON.stringify(state.snapshot())).toBe(once);
  });

  it('is not read as a value: no data issue, the same grades as without it', async () => {
    const { host, row } = await commentedWorkbook();
    const { writePlan } = await fullRun(host, SETTINGS);
    const grid = await host.readGrid();
    const notes = writePlan.notices.join(' ');
    expect(notes).not.toContain('要因');
    const flags = writePlan.ops.find(
      (op) =>
        op.op === 'setValues' &&
        op.sheet === SHEET &&
        op.row <= row &&
        op.row + op.values.length > row &&
        op.col === 12,
    );
    if (flags?.op !== 'setValues') throw new Error('no flags for the row');
    expect(flags.values[row - flags.row][4]).toBe('D 遅れ');
    expect(grid.marks.some((m) => m.name.startsWith('KPISHEET_COMMENTS_'))).toBe(true);
  });

  it('stays with its row when a row is inserted above it (and the new row gets no comment)', async () => {
    const { host, state, row, factorCol } = await commentedWorkbook();
    insertRows(state, SHEET, row);
    // The clerk fills the new row with a new KPI.
    [
      '',
      '',
      '創業セミナー参加者数 (年間)',
      '産業振興課',
      '20人',
      '22人',
      '25人',
      '30人',
      '28人',
      '33人',
      '40人',
    ].forEach((text, i) => type(state, row, i + 1, text));
    await fullRun(host, SETTINGS);
    expect(rowOf(state, '創業支援事業による創業者数')).toBe(row + 1);
    expect(value(state, SHEET, row + 1, factorCol)).toBe(FACTOR);
    expect(value(state, SHEET, row + 1, factorCol + 1)).toBe(OUTLOOK);
    expect(value(state, SHEET, row + 1, 16)).toBe('D 遅れ');
    expect(value(state, SHEET, row, 16)).toBe('B 概ね順調'); // 33人 of 40人
    expect(value(state, SHEET, row, factorCol)).toBe('');
    expect(value(state, SHEET, row, factorCol + 1)).toBe('');
  });

  it('moves with the flag columns when a column is inserted into the city’s table (L:R → M:S)', async () => {
    const { host, state, row, factorCol } = await commentedWorkbook();
    insertColumns(state, SHEET, 11); // a new year column before 目標値
    type(state, 8, 11, 'R7');
    type(state, row, 11, '16人');
    const { writePlan } = await fullRun(host, SETTINGS);
    expect(writePlan.notices).toEqual([]);
    expect(value(state, SHEET, row - 2, 13)).toBe('最新値');
    expect(value(state, SHEET, row - 2, factorCol + 1)).toBe('要因・分析');
    expect(value(state, SHEET, row, factorCol + 1)).toBe(FACTOR);
    expect(value(state, SHEET, row, factorCol + 2)).toBe(OUTLOOK);
    const once = JSON.stringify(state.snapshot());
    await fullRun(host, SETTINGS);
    expect(JSON.stringify(state.snapshot())).toBe(once);
  });

  it('is carried to the same row when the flag columns grow (前年度判定・前年比 turned on: S:T → U:V)', async () => {
    const { host, state, row } = await commentedWorkbook();
    const wider: Settings = { ...SETTINGS, previousYearColumns: true };
    const { result } = await fullRun(host, wider);
    expect(result.skipped).toEqual([]);
    expect([19, 20, 21, 22].map((col) => value(state, SHEET, row - 2, col))).toEqual([
      '前年度判定',
      '前年比',
      '要因・分析',
      '今後の方向性',
    ]);
    expect([19, 20, 21, 22].map((col) => value(state, SHEET, row, col))).toEqual([
      'C 要努力',
      '低下',
      FACTOR,
      OUTLOOK,
    ]);
    const once = JSON.stringify(state.snapshot());
    await fullRun(host, wider);
    expect(JSON.stringify(state.snapshot())).toBe(once);
    // And back: the year-before columns go, the comments come back beside 備考.
    await fullRun(host, SETTINGS);
    expect([19, 20, 21].map((col) => value(state, SHEET, row, col))).toEqual([FACTOR, OUTLOOK, '']);
    expect(value(state, SHEET, row - 2, 21)).toBe('');
  });

  it('is found again by its header when the add-in’s marks were lost', async () => {
    const { host, state, row, factorCol } = await commentedWorkbook();
    state.names = state.names.filter((n) => !n.name.startsWith('KPISHEET_COMMENTS_'));
    await fullRun(host, SETTINGS);
    expect(value(state, SHEET, row, factorCol)).toBe(FACTOR);
    expect(value(state, SHEET, row, factorCol + 1)).toBe(OUTLOOK);
  });

  it('stays, with its columns, when the setting is turned off', async () => {
    const { host, state, row, factorCol } = await commentedWorkbook();
    const { writePlan } = await fullRun(host, DEFAULT_SETTINGS);
    expect(value(state, SHEET, row, factorCol)).toBe(FACTOR);
    expect(value(state, SHEET, row - 2, factorCol)).toBe('要因・分析');
    expect(writePlan.notices).toContain('「要因・分析」「今後の方向性」の列に入力があるため、列を残しました');
  });
});

describe('the summary’s 要フォローアップ list shows both comments for each C/D KPI', () => {
  it('prints the clerk’s comments beside 創業支援事業による創業者数 and (未記入) where none', async () => {
    const { host, state } = await commentedWorkbook();
    await fullRun(host, SETTINGS);
    const texts = summaryTexts(state);
    expect(texts).toContain('要フォローアップの要因・分析と今後の方向性');
    expect(texts).toContain(FACTOR);
    expect(texts).toContain(OUTLOOK);
    expect(texts).toContain('(未記入)');
  });
});
