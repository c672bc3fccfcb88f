/**
 * The workbook `kpi-sheet compare -o` writes opens in LibreOffice Calc as written: converted headless (its
 * own profile), it keeps both sheets and every cell of the 比較 sheet and of the city's sheet. Skipped where
 * LibreOffice is not installed (scripts/system-packages.sh installs it).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { openBook } from '../../src/xlsx/open-book';
import type { XlsxBook } from '../../src/xlsx/package/book';
import { readBookCell } from '../../src/xlsx/package/read-book';
import { runCli } from '../cli/run-cli';
import { convertWithLibreOffice, sofficeOrSkip, withLibreOffice } from './libreoffice';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

function cells(book: XlsxBook, sheet: string, rows: number, cols: number): string[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const value = readBookCell(book, sheet, r + 1, c + 1);
      return value === undefined || value === null ? '' : String(value);
    }),
  );
}

describe('the compared workbook opens in LibreOffice', () => {
  const lo = withLibreOffice('kpi-compare-');

  test('both sheets and every cell survive a headless conversion', async () => {
    const soffice = sofficeOrSkip(lo, 'the compare conversion test');
    if (soffice === null) return;
    const { dir } = lo;
    const written = path.join(dir, 'compared.xlsx');
    const run = await runCli(main, [
      'compare',
      path.join(FIXTURES, 'asakuchi-strategy.xlsx'),
      path.join(FIXTURES, 'asakuchi-progress.xlsx'),
      '-o',
      written,
    ]);
    expect(run.code).toBe(0);

    const outDir = path.join(dir, 'lo');
    await convertWithLibreOffice(soffice, written, 'xlsx', outDir);
    const converted = path.join(outDir, 'compared.xlsx');
    expect((await stat(converted)).size).toBeGreaterThan(0);

    const ours = await openBook(written);
    const theirs = await openBook(converted);
    expect(theirs.sheets().map((s) => s.name)).toEqual(['KPI一覧', '比較']);
    expect(cells(theirs, '比較', 90, 12)).toEqual(cells(ours, '比較', 90, 12));
    expect(cells(theirs, 'KPI一覧', 80, 11)).toEqual(cells(ours, 'KPI一覧', 80, 11));
    expect(cells(theirs, '比較', 1, 1)).toEqual([['策定時の表との比較']]);
  }, 240_000);
});
