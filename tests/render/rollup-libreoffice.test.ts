/**
 * The rollup workbook opens in LibreOffice Calc as written: converted headless to .xlsx by LibreOffice (its
 * own profile folder), it comes back with both sheets' text, the unreadable file's line, and the 全KPI table
 * as a table with its filter (LibreOffice keeps a table it understood as one). Skipped where LibreOffice is
 * not installed (scripts/system-packages.sh installs it).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { EXIT_PARTIAL } from '../../src/cli/exit-codes';
import { openBook } from '../../src/xlsx/open-book';
import { readBookCell } from '../../src/xlsx/package/read-book';
import { runCli } from '../cli/run-cli';
import { convertWithLibreOffice, sofficeOrSkip, withLibreOffice } from './libreoffice';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

describe('the rollup workbook opens in LibreOffice', () => {
  const lo = withLibreOffice('kpi-rollup-lo-');

  test('both sheets, the unreadable file and the table survive LibreOffice’s reading', async () => {
    const soffice = sofficeOrSkip(lo, 'the rollup conversion test');
    if (soffice === null) return;
    const { dir } = lo;
    const broken = path.join(dir, 'broken.xlsx');
    await writeFile(broken, 'not a workbook');
    const rollup = path.join(dir, 'rollup.xlsx');
    const files = ['asakuchi-progress.xlsx', 'asakuchi-strategy.xlsx', 'published-verdicts.xlsx'].map((f) =>
      path.join(FIXTURES, f),
    );
    expect((await runCli(main, ['rollup', ...files, broken, '-o', rollup])).code).toBe(EXIT_PARTIAL);

    const outdir = path.join(dir, 'lo');
    await convertWithLibreOffice(soffice, rollup, 'xlsx', outdir);
    const opened = await openBook(path.join(outdir, 'rollup.xlsx'));
    expect(opened.sheets().map((s) => s.name)).toEqual(['集計', '全KPI']);
    const text = (sheet: string, row: number, col: number): string =>
      String(readBookCell(opened, sheet, row, col) ?? '');
    const column = (sheet: string, col: number, rows: number): string[] =>
      Array.from({ length: rows }, (_, i) => text(sheet, i + 1, col));

    expect(text('集計', 1, 1)).toBe('KPI 集計');
    expect([text('集計', 4, 1), text('集計', 4, 4), text('集計', 4, 7)]).toEqual(['ブック', '基本目標', 'A']);
    const books = column('集計', 1, 40);
    expect(books).toContain('asakuchi-progress');
    expect(books).toContain('published-verdicts');
    const listed = books.indexOf('読み込めなかったファイル');
    expect(listed).toBeGreaterThan(4);
    expect(text('集計', listed + 3, 1)).toBe(broken);
    expect(text('集計', listed + 3, 2)).toContain('Excel ブック (.xlsx) として読み込めませんでした');

    expect(column('全KPI', 6, 3)).toEqual(['KPI', expect.any(String), expect.any(String)]);
    expect(column('全KPI', 1, 200)).toContain('asakuchi-strategy');

    const tables = opened.opc.partNames().filter((p) => p.startsWith('xl/tables/'));
    expect(tables).toHaveLength(1);
    const table = opened.opc.text(tables[0]) ?? '';
    expect(table).toMatch(/ name="AllKpis"/);
    expect(table).toMatch(/<autoFilter ref="A1:Q\d+"/);
    expect(table).toContain('<tableColumn id="13" name="判定"/>');
  }, 240_000);
});
