/**
 * Opening a workbook file as a package for the command line, and choosing the sheet to read, with a
 * Japanese message naming the real cause when it cannot be: missing, not permitted, password-protected,
 * an old .xls, an .ods, not a zip, a KPI table only on a hidden sheet.
 */
import { readFile } from 'node:fs/promises';
import { readKpiSheet } from '../core/layout';
import type { Grid, LayoutResult } from '../core/types';
import { NotAWorkbookError, XlsxBook } from './package/book';
import { readBookGrid } from './package/read-book';
import { ZipFormatError } from './package/zip';
import { WorkbookError } from './workbook-error';

/** The compound file (OLE/CFB) signature: an old .xls, or an encrypted .xlsx (MS-OFFCRYPTO 2.3.4). */
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** An encrypted OOXML file is a CFB holding an `EncryptionInfo` stream; its directory names are UTF-16LE. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    switch (errorCode(error)) {
      case 'ENOENT':
      case 'ENOTDIR':
        throw new WorkbookError('notFound', `ファイルが見つかりません: ${path}`);
      case 'EISDIR':
        throw new WorkbookError('notAFile', `ファイルではありません: ${path}`);
      case 'EACCES':
      case 'EPERM':
        throw new WorkbookError(
          'permissionDenied',
          `ファイルを読む権限がありません: ${path}\nファイルのアクセス権を確認してください。`,
        );
      default:
        throw new WorkbookError(
          'corrupt',
          `ファイルを読み込めませんでした: ${path} (${errorCode(error) ?? '不明なエラー'})`,
        );
    }
  }
}

function corrupt(path: string): WorkbookError {
  return new WorkbookError(
    'corrupt',
    `Excel ブック (.xlsx) として読み込めませんでした: ${path}\n` +
      'ファイルが壊れているか、.xlsx 以外の形式 (.xls, .csv など) です。Excel で開いて .xlsx 形式で保存し直してください。',
  );
}

/** Opens the file as a package: only the zip directory and workbook.xml are read here. */
export async function openBook(path: string): Promise<XlsxBook> {
  const bytes = await readBytes(path);
  if (bytes.subarray(0, 8).equals(CFB_SIGNATURE)) {
    if (bytes.includes(ENCRYPTION_INFO))
      throw new WorkbookError(
        'encrypted',
        `パスワードで保護 (暗号化) されたブックは読み込めません: ${path}\n` +
          'Excel で開き、[ファイル] → [情報] → [ブックの保護] → [パスワードを使用して暗号化] でパスワードを消してから保存し直してください。',
      );
    throw new WorkbookError(
      'oldFormat',
      `Excel 97-2003 形式 (.xls) のブックは読み込めません: ${path}\nExcel で開いて .xlsx 形式で保存し直してください。`,
    );
  }
  let book: XlsxBook;
  try {
    book = XlsxBook.fromBuffer(bytes);
  } catch (error) {
    if (error instanceof NotAWorkbookError && error.reason === 'openDocument')
      throw new WorkbookError(
        'openDocument',
        `OpenDocument 形式 (.ods) のファイルは読み込めません: ${path}\n` +
          'LibreOffice Calc で開き、[名前を付けて保存] で「Excel 2007-365 (.xlsx)」を選んで保存し直してください。',
      );
    if (error instanceof NotAWorkbookError || error instanceof ZipFormatError || error instanceof Error)
      throw corrupt(path);
    throw error;
  }
  if (book.sheets().length === 0) throw new WorkbookError('noSheet', `ブックにシートがありません: ${path}`);
  return book;
}

/** A sheet with what reading it gave: its Grid and its layout. */
export interface ReadBookSheet {
  readonly name: string;
  readonly grid: Grid;
  readonly layout: LayoutResult;
}

/**
 * The sheet named `name`, or else the first visible worksheet with a KPI table, or else the first visible
 * worksheet (so the caller reports why that one could not be read). Each sheet is read at most once. A KPI
 * table found only on a hidden sheet is reported as such rather than read behind the user's back.
 */
export function pickBookSheet(book: XlsxBook, name: string | undefined): ReadBookSheet {
  const reads = new Map<string, ReadBookSheet>();
  const read = (sheet: string): ReadBookSheet => {
    let found = reads.get(sheet);
    if (!found) {
      const grid = readBookGrid(book, sheet);
      found = { name: sheet, grid, layout: readKpiSheet(grid) };
      reads.set(sheet, found);
    }
    return found;
  };
  const sheets = book.sheets();
  if (name !== undefined) {
    if (!sheets.some((s) => s.name === name)) {
      const names = sheets.map((s) => `「${s.name}」`).join('、');
      throw new WorkbookError(
        'unknownSheet',
        `シート「${name}」が見つかりません。このブックのシート: ${names}`,
      );
    }
    if (!book.worksheet(name))
      throw new WorkbookError('notAWorksheet', `シート「${name}」はグラフシートなどで、セルがありません`);
    return read(name);
  }
  const worksheets = sheets.filter((s) => book.worksheet(s.name) !== undefined);
  if (worksheets.length === 0) throw new WorkbookError('noSheet', 'ブックにワークシートがありません');
  const visible = worksheets.filter((s) => s.visibility === 'visible');
  const candidates = visible.length > 0 ? visible : worksheets;
  // One candidate is the answer either way; testing it would read the whole sheet twice.
  if (candidates.length === 1 && visible.length === worksheets.length) return read(candidates[0].name);
  const withTable = candidates.find((s) => read(s.name).layout.ok);
  if (withTable) return read(withTable.name);
  const hidden = worksheets.find((s) => s.visibility !== 'visible' && read(s.name).layout.ok);
  if (hidden)
    throw new WorkbookError(
      'hiddenSheet',
      `KPI 表は非表示のシート「${hidden.name}」にあります。` +
        `Excel でシートを再表示するか、--sheet "${hidden.name}" でシートを指定してください。`,
    );
  return read(candidates[0].name);
}

/**
 * Every visible worksheet, read, in workbook order: the candidates for a run over the whole book (one sheet
 * per 基本目標). Hidden sheets stay out, as in pickBookSheet: nothing is read behind the user's back.
 */
export function readVisibleSheets(book: XlsxBook): ReadBookSheet[] {
  return book
    .sheets()
    .filter((s) => s.visibility === 'visible' && book.worksheet(s.name) !== undefined)
    .map((s) => {
      const grid = readBookGrid(book, s.name);
      return { name: s.name, grid, layout: readKpiSheet(grid) };
    });
}
