/**
 * Opening a .xlsx file into ExcelJS's model and choosing the sheet to read: the model reader the tests use as
 * an oracle for the package reader (src/xlsx/package); the command line opens files with open-book.ts.
 */
import { stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { readKpiSheet } from '../core/layout';
import type { Grid, LayoutResult } from '../core/types';
import { readGrid } from './read-grid';
import { WorkbookError } from './workbook-error';

export { WorkbookError, type WorkbookErrorKind } from './workbook-error';

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new WorkbookError('notFound', `ファイルが見つかりません: ${path}`);
  if (!info.isFile()) throw new WorkbookError('notAFile', `ファイルではありません: ${path}`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch {
    throw new WorkbookError(
      'corrupt',
      `Excel ブック (.xlsx) として読み込めませんでした: ${path}\n` +
        'ファイルが壊れているか、.xlsx 以外の形式 (.xls, .csv など) です。Excel で開いて .xlsx 形式で保存し直してください。',
    );
  }
  if (workbook.worksheets.length === 0)
    throw new WorkbookError('noSheet', `ブックにシートがありません: ${path}`);
  return workbook;
}

function isVisible(sheet: ExcelJS.Worksheet): boolean {
  return sheet.state === undefined || sheet.state === 'visible';
}

/**
 * The sheet named `name`, or else the first visible sheet for which `hasKpiTable` holds, or else the first
 * visible sheet (so the caller reports why that one could not be read).
 */
export function pickSheet(
  workbook: ExcelJS.Workbook,
  name: string | undefined,
  hasKpiTable: (sheet: ExcelJS.Worksheet) => boolean,
): ExcelJS.Worksheet {
  if (name !== undefined) {
    const sheet = workbook.worksheets.find((ws) => ws.name === name);
    if (!sheet) {
      const names = workbook.worksheets.map((ws) => `「${ws.name}」`).join('、');
      throw new WorkbookError(
        'unknownSheet',
        `シート「${name}」が見つかりません。このブックのシート: ${names}`,
      );
    }
    return sheet;
  }
  const visible = workbook.worksheets.filter(isVisible);
  const candidates = visible.length > 0 ? visible : workbook.worksheets;
  // One candidate is the answer either way; testing it would read the whole sheet twice (bench/RESULTS.md).
  if (candidates.length === 1) return candidates[0];
  return candidates.find(hasKpiTable) ?? candidates[0];
}

/** A worksheet with what reading it gave: its Grid and its layout. */
export interface ReadSheet {
  readonly sheet: ExcelJS.Worksheet;
  readonly grid: Grid;
  readonly layout: LayoutResult;
}

/**
 * pickSheet with each sheet read at most once: the sheet chosen by testing the visible sheets for a KPI
 * table comes back with the Grid and layout that test read, so the caller does not read it again.
 */
export function pickKpiSheet(workbook: ExcelJS.Workbook, name: string | undefined): ReadSheet {
  const reads = new Map<ExcelJS.Worksheet, ReadSheet>();
  const readSheet = (sheet: ExcelJS.Worksheet): ReadSheet => {
    let read = reads.get(sheet);
    if (!read) {
      const grid = readGrid(sheet);
      read = { sheet, grid, layout: readKpiSheet(grid) };
      reads.set(sheet, read);
    }
    return read;
  };
  return readSheet(pickSheet(workbook, name, (sheet) => readSheet(sheet).layout.ok));
}
