/**
 * The workbook `kpi-sheet compare -o` writes opens in LibreOffice Calc as written: converted headless (its
 * own profile), it keeps both sheets and every cell of the 比較 sheet and of the city's sheet. Skipped where
 * LibreOffice is not installed (scripts/system-packages.sh installs it).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { main } from '../../src/cli/main';
import { findSoffice } from '../../src/cli/render-pdf';
import { openBook } from '../../src/xlsx/open-book';
import type { XlsxBook } from '../../src/xlsx/package/book';
import { readBookCell } from '../../src/xlsx/package/read-book';
import { runCli } from '../cli/run-cli';

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
  let dir = '';
  let soffice: string | null = null;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kpi-compare-'));
    soffice = await findSoffice();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('both sheets and every cell survive a headless conversion', async () => {
    if (soffice === null) {
      console.warn('LibreOffice is not installed: the compare conversion test is skipped');
      return;
    }
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
    const profile = await mkdtemp(path.join(os.tmpdir(), 'kpi-compare-lo-'));
    try {
      await promisify(execFile)(
        soffice,
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--convert-to',
          'xlsx',
          '--outdir',
          outDir,
          written,
        ],
        { timeout: 180_000 },
      );
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
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
