/**
 * The comment columns 「要因・分析」「今後の方向性」 in the xlsx host and the command line: a
 * clerk's comment typed into the saved file survives a re-run, a row inserted above it and a move of the flag
 * columns, and the setting is kept in the workbook for the next run.
 */
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Settings } from '../../src/core/types';
import { FIXTURES, readBook, runOnce, scratchDir, snapshot } from './evaluated';
import { insertColumns, insertRows } from './insert-like-excel';
import { runWith } from './run-with';

const PROGRESS = join(FIXTURES, 'asakuchi-progress.xlsx');
const SHEET = 'KPI一覧';
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, commentColumns: true };
const FACTOR = '創業相談は増えたが、物価高で開業を見送る例が多かった。R5は25人。';
const OUTLOOK = '商工会と連携し、創業塾の受講者に開業資金の相談窓口を案内する。';

function text(ws: ExcelJS.Worksheet, row: number, col: number): string {
  const value = ws.getCell(row, col).value;
  return value === null || value === undefined ? '' : String(value);
}

function rowOf(ws: ExcelJS.Worksheet, name: string): number {
  for (let row = 1; row <= ws.rowCount; row++)
    for (const col of [2, 3]) if (text(ws, row, col).startsWith(name)) return row;
  throw new Error(`no row for ${name}`);
}

/** A clerk opens the file, edits it and saves it. */
async function edit(
  input: string,
  output: string,
  change: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void,
) {
  const wb = await readBook(input);
  change(wb, wb.getWorksheet(SHEET)!);
  await wb.xlsx.writeFile(output);
}

/** First run with the setting, then the clerk's comment on 創業支援事業による創業者数 (row 10, S and T). */
async function commented(dir: string): Promise<string> {
  await runWith(PROGRESS, join(dir, 'first.xlsx'), SETTINGS);
  const file = join(dir, 'commented.xlsx');
  await edit(join(dir, 'first.xlsx'), file, (_, ws) => {
    ws.getCell('S10').value = FACTOR;
    ws.getCell('T10').value = OUTLOOK;
  });
  return file;
}

describe('the comment columns in a saved workbook', () => {
  it('are headed S:T beside 備考, as input cells, and the setting is saved for the command line', async () => {
    const dir = scratchDir();
    await runWith(PROGRESS, join(dir, 'first.xlsx'), SETTINGS);
    const ws = (await readBook(join(dir, 'first.xlsx'))).getWorksheet(SHEET)!;
    expect([text(ws, 8, 18), text(ws, 8, 19), text(ws, 8, 20)]).toEqual([
      '備考',
      '要因・分析',
      '今後の方向性',
    ]);
    // The package editor writes Excel's own solid fill (with its `bgColor indexed=64`).
    expect(ws.getCell('S10').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFFFCC99' },
    });
    // The command line, given no settings, takes the workbook's: the columns come back on a re-run.
    await runOnce(join(dir, 'first.xlsx'), join(dir, 'again.xlsx'));
    expect(text((await readBook(join(dir, 'again.xlsx'))).getWorksheet(SHEET)!, 8, 19)).toBe('要因・分析');
  });
});

describe('a clerk’s comment survives', () => {
  it('a re-run of the command line, and a second re-run changes nothing', async () => {
    const dir = scratchDir();
    const file = await commented(dir);
    const result = await runOnce(file, join(dir, 'once.xlsx'));
    expect(result.applied.skipped).toEqual([]);
    const once = await readBook(join(dir, 'once.xlsx'));
    expect(text(once.getWorksheet(SHEET)!, 10, 19)).toBe(FACTOR);
    expect(text(once.getWorksheet(SHEET)!, 10, 20)).toBe(OUTLOOK);
    expect(text(once.getWorksheet(SHEET)!, 10, 16)).toBe('D 遅れ');
    await runOnce(join(dir, 'once.xlsx'), join(dir, 'twice.xlsx'));
    expect(snapshot(await readBook(join(dir, 'twice.xlsx')))).toEqual(snapshot(once));
  });

  it('a row inserted above it, with a new KPI in it', async () => {
    const dir = scratchDir();
    const file = await commented(dir);
    await edit(file, join(dir, 'inserted.xlsx'), (wb, ws) => {
      insertRows(wb, ws, 10);
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
      ].forEach((value, i) => {
        ws.getCell(10, i + 1).value = value;
      });
    });
    await runOnce(join(dir, 'inserted.xlsx'), join(dir, 'out.xlsx'));
    const ws = (await readBook(join(dir, 'out.xlsx'))).getWorksheet(SHEET)!;
    expect(rowOf(ws, '創業支援事業による創業者数')).toBe(11);
    expect([text(ws, 11, 19), text(ws, 11, 20)]).toEqual([FACTOR, OUTLOOK]);
    expect(text(ws, 11, 16)).toBe('D 遅れ');
    expect([text(ws, 10, 16), text(ws, 10, 19), text(ws, 10, 20)]).toEqual(['B 概ね順調', '', '']);
  });

  it('a move of the flag columns (a year column inserted into the city’s table: L:R → M:S)', async () => {
    const dir = scratchDir();
    const file = await commented(dir);
    await edit(file, join(dir, 'widened.xlsx'), (wb, ws) => {
      insertColumns(wb, ws, 11);
      ws.getCell('K8').value = 'R7';
      ws.getCell('K10').value = '16人';
    });
    const result = await runOnce(join(dir, 'widened.xlsx'), join(dir, 'out.xlsx'));
    expect(result.plan.notices).toEqual([]);
    const once = await readBook(join(dir, 'out.xlsx'));
    const ws = once.getWorksheet(SHEET)!;
    expect([text(ws, 8, 13), text(ws, 8, 20), text(ws, 8, 21)]).toEqual([
      '最新値',
      '要因・分析',
      '今後の方向性',
    ]);
    expect([text(ws, 10, 20), text(ws, 10, 21)]).toEqual([FACTOR, OUTLOOK]);
    await runOnce(join(dir, 'out.xlsx'), join(dir, 'twice.xlsx'));
    expect(snapshot(await readBook(join(dir, 'twice.xlsx')))).toEqual(snapshot(once));
  });

  it('a move of the flag columns’ edge (前年度判定・前年比 turned on: the comments go from S:T to U:V)', async () => {
    const dir = scratchDir();
    const file = await commented(dir);
    await runWith(file, join(dir, 'wider.xlsx'), { ...SETTINGS, previousYearColumns: true });
    const once = await readBook(join(dir, 'wider.xlsx'));
    const ws = once.getWorksheet(SHEET)!;
    expect([19, 20, 21, 22].map((col) => text(ws, 8, col))).toEqual([
      '前年度判定',
      '前年比',
      '要因・分析',
      '今後の方向性',
    ]);
    expect([19, 20, 21, 22].map((col) => text(ws, 10, col))).toEqual(['C 要努力', '低下', FACTOR, OUTLOOK]);
    // The command line keeps the saved settings: a re-run changes nothing.
    await runOnce(join(dir, 'wider.xlsx'), join(dir, 'twice.xlsx'));
    expect(snapshot(await readBook(join(dir, 'twice.xlsx')))).toEqual(snapshot(once));
  });

  it('turning the setting off (the typed columns stay, with a notice)', async () => {
    const dir = scratchDir();
    const file = await commented(dir);
    const result = await runOnce(file, join(dir, 'off.xlsx'), '--no-comments');
    expect(result.plan.notices).toContain(
      '「要因・分析」「今後の方向性」の列に入力があるため、列を残しました',
    );
    const ws = (await readBook(join(dir, 'off.xlsx'))).getWorksheet(SHEET)!;
    expect([text(ws, 10, 19), text(ws, 10, 20)]).toEqual([FACTOR, OUTLOOK]);
  });
});
