/**
 * The command line writes what the pane writes: on a workbook whose clerks typed their comments,
 * `kpi-sheet evaluate book.xlsx --comments --previous-year auto -o out.xlsx` gives the KPI sheet the same
 * comment columns, year-before grades and flags as 評価する in the pane with both boxes ticked.
 * The pane runs on the simulated Excel (tests/excel/harness.ts), the command line on the .xlsx file.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { COMMENT_HEADERS } from '../../src/core/plan';
import { YEAR_BEFORE_HEADERS } from '../../src/core/plan/year-before-columns';
import type { CellValue } from '../../src/core/types';
import { main } from '../../src/cli/main';
import { saveWorkbook } from '../../src/cli/write-output';
import { Session } from '../../src/taskpane/session';
import { openBook } from '../../src/xlsx/open-book';
import { applyBookPlan } from '../../src/xlsx/package/apply-book';
import type { XlsxBook } from '../../src/xlsx/package/book';
import { readBookCell } from '../../src/xlsx/package/read-book';
import type { FakeWorkbookState } from '../excel/fake-excel';
import { FIXTURES, fixtureGrid } from '../excel/fixture-grids';
import { NOW, seeded } from '../excel/harness';
import { runCli } from './run-cli';

const SHEET = 'KPI一覧';
const ROWS = 120;
const COLS = 40;
/** What two departments typed after the first run. */
const TYPED: readonly { readonly name: string; readonly factor: string; readonly outlook: string }[] = [
  {
    name: '創業支援事業による創業者数',
    factor: '創業相談は増えたが、物価高で開業を見送る例が多かった。R5は25人。',
    outlook: '商工会と連携し、創業塾の受講者に開業資金の相談窓口を案内する。',
  },
  {
    name: '自主防災組織率',
    factor: '高齢化で役員のなり手がなく、解散した組織がある。',
    outlook: '',
  },
];

const SUMMARY = 'KPI評価サマリー';

type Read = (row: number, col: number) => CellValue | undefined;

function paneCell(state: FakeWorkbookState, sheet = SHEET): Read {
  return (row, col) => state.sheet(sheet)?.cells.get(`${row},${col}`)?.value;
}

function bookCell(book: XlsxBook, sheet = SHEET): Read {
  return (row, col) => readBookCell(book, sheet, row, col);
}

/** Cells whose values differ, as `row,col: pane … cli …`. */
function differing(pane: Read, cli: Read, rows: number, cols: number): string[] {
  const out: string[] = [];
  for (let row = 1; row <= rows; row++)
    for (let col = 1; col <= cols; col++) {
      const [p, c] = [plain(pane(row, col)), plain(cli(row, col))];
      if (p !== c) out.push(`${row},${col}: pane ${JSON.stringify(p)} cli ${JSON.stringify(c)}`);
    }
  return out;
}

/** '' for an empty cell either host leaves out. */
function plain(value: CellValue | undefined): CellValue {
  return value === undefined || value === null ? '' : value;
}

function rowOf(read: Read, name: string): number {
  for (let row = 1; row <= ROWS; row++)
    for (const col of [2, 3]) if (String(plain(read(row, col))).startsWith(name)) return row;
  throw new Error(`no row for ${name}`);
}

/** The column headed `header` in the header row above `row`. */
function colOf(read: Read, row: number, header: string): number {
  for (let r = row; r >= Math.max(1, row - 10); r--)
    for (let col = 1; col <= COLS; col++) if (read(r, col) === header) return col;
  throw new Error(`no ${header} above row ${row}`);
}

async function runPane(): Promise<FakeWorkbookState> {
  const { fake, host } = seeded(await fixtureGrid('asakuchi-progress.xlsx'));
  const session = new Session(host, { now: () => NOW });
  await session.load();
  session.changeSettings({ ...session.state.settings, commentColumns: true });
  await session.evaluate();
  const read = paneCell(fake.state);
  for (const t of TYPED) {
    const row = rowOf(read, t.name);
    const col = colOf(read, row, COMMENT_HEADERS[0]);
    for (const [offset, text] of [t.factor, t.outlook].entries()) {
      if (text === '') continue;
      const cell = fake.state.cell(fake.state.sheet(SHEET)!, row, col + offset);
      cell.value = text;
      cell.text = text;
    }
  }
  session.changeSettings({ ...session.state.settings, commentColumns: true, previousYearColumns: true });
  await session.evaluate();
  session.dispose();
  return fake.state;
}

async function runCommandLine(dir: string): Promise<XlsxBook> {
  const first = path.join(dir, 'first.xlsx');
  const book = path.join(dir, 'book.xlsx');
  const out = path.join(dir, 'out.xlsx');
  await copyFile(path.join(FIXTURES, 'asakuchi-progress.xlsx'), path.join(dir, 'input.xlsx'));
  expect(
    (await runCli(main, ['evaluate', path.join(dir, 'input.xlsx'), '--comments', '-o', first])).code,
  ).toBe(0);
  // The clerks type into the workbook the first run wrote.
  const typed = await openBook(first);
  const read = bookCell(typed);
  const ops = TYPED.map((t) => {
    const row = rowOf(read, t.name);
    return {
      op: 'setValues' as const,
      sheet: SHEET,
      row,
      col: colOf(read, row, COMMENT_HEADERS[0]),
      values: [[t.factor, t.outlook]],
    };
  });
  applyBookPlan(typed, { ops, notices: [] });
  await saveWorkbook(typed, book);
  const run = await runCli(main, ['evaluate', book, '--comments', '--previous-year', 'auto', '-o', out]);
  expect(run.stderr).not.toContain('予期しない');
  expect(run.code).toBe(0);
  return openBook(out);
}

describe('evaluate --comments --previous-year auto writes what the pane writes', () => {
  let dir = '';
  const epoch = process.env.SOURCE_DATE_EPOCH;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kpi-equivalence-'));
    process.env.SOURCE_DATE_EPOCH = String(Math.floor(NOW.getTime() / 1000));
  });
  afterAll(async () => {
    if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = epoch;
    await rm(dir, { recursive: true, force: true });
  });

  let paneState: FakeWorkbookState;
  let cliBook: XlsxBook;
  beforeAll(async () => {
    paneState = await runPane();
    cliBook = await runCommandLine(dir);
    // Two runs on each side (before and after the clerks type their comments): more than a test's 5 s under load.
  }, 60_000);

  test('the KPI sheet: flags, year-before grades and both comment columns in the same cells, same values', () => {
    const pane = paneCell(paneState);
    const cli = bookCell(cliBook);
    const anchor = rowOf(pane, TYPED[0].name);
    expect(rowOf(cli, TYPED[0].name)).toBe(anchor);
    const factorCol = colOf(pane, anchor, COMMENT_HEADERS[0]);
    const previousCol = colOf(pane, anchor, YEAR_BEFORE_HEADERS[0]);
    expect(colOf(cli, anchor, COMMENT_HEADERS[0])).toBe(factorCol);
    expect(colOf(cli, anchor, COMMENT_HEADERS[1])).toBe(factorCol + 1);
    expect(colOf(cli, anchor, YEAR_BEFORE_HEADERS[0])).toBe(previousCol);
    expect(colOf(cli, anchor, YEAR_BEFORE_HEADERS[1])).toBe(previousCol + 1);

    expect(differing(pane, cli, ROWS, COLS)).toEqual([]);
    // Not a comparison of empty columns: the year before is graded, its change marked, the comments there.
    const column = (col: number) => [...Array(ROWS).keys()].map((r) => String(plain(cli(r + 1, col))));
    expect(column(previousCol).filter((v) => /^[A-DX] /.test(v)).length).toBeGreaterThan(10);
    expect(column(previousCol + 1)).toEqual(expect.arrayContaining(['前年比', '上昇', '維持', '低下']));
    for (const t of TYPED) {
      const row = rowOf(cli, t.name);
      expect(cli(row, factorCol)).toBe(t.factor);
      expect(plain(cli(row, factorCol + 1))).toBe(t.outlook);
    }
  });

  test('the summary sheet: the same year-before table and follow-up list with the comments', () => {
    const pane = paneCell(paneState, SUMMARY);
    const cli = bookCell(cliBook, SUMMARY);
    expect(differing(pane, cli, 200, 20)).toEqual([]);
    const texts = [...Array(200).keys()].flatMap((r) =>
      [...Array(20).keys()].map((c) => String(plain(cli(r + 1, c + 1)))),
    );
    expect(texts.some((t) => t.includes(TYPED[0].factor))).toBe(true);
  });
});
