/**
 * The package editor's new workbook (new-book.ts) and Excel table part (table-part.ts), read back with
 * ExcelJS as the oracle.
 */
import ExcelJS from 'exceljs';
import { newWorkbook } from '../../src/xlsx/package/new-book';
import { addTablePart } from '../../src/xlsx/package/table-part';

async function excelJs(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

describe('an empty workbook made in code takes sheets and cells like any other', () => {
  it('opens in ExcelJS with the sheet, its text and numbers', async () => {
    const book = newWorkbook();
    expect(book.sheets()).toEqual([]);
    book.addSheet('集計', 'visible');
    const sheet = book.worksheet('集計')!;
    sheet.data.setValue(1, 1, '浅口市');
    sheet.data.setValue(1, 2, 42);
    const read = await excelJs(book.toBuffer());
    expect(read.worksheets.map((s) => s.name)).toEqual(['集計']);
    const ws = read.getWorksheet('集計')!;
    expect([ws.getCell('A1').value, ws.getCell('B1').value]).toEqual(['浅口市', 42]);
  });
});

describe('a table part covers a header row and data rows, its column names the header texts', () => {
  function bookWithRows() {
    const book = newWorkbook();
    book.addSheet('全KPI', 'visible');
    const sheet = book.worksheet('全KPI')!;
    const rows = [
      ['KPI', '判定 & 注意 <1>'],
      ['創業者数', 'D'],
      ['転入者数', 'A'],
    ];
    rows.forEach((r, i) => r.forEach((v, j) => sheet.data.setValue(i + 1, j + 1, v)));
    return book;
  }
  const range = { top: 1, left: 1, bottom: 3, right: 2 };

  it('is a part of its own, related from the sheet, with its content type and a filter', async () => {
    const book = bookWithRows();
    const part = addTablePart(book, {
      sheet: '全KPI',
      name: 'AllKpis',
      range,
      columns: ['KPI', '判定 & 注意 <1>'],
    });
    expect(part).toBe('xl/tables/table1.xml');
    expect(book.opc.text('xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="../tables/table1.xml"');
    expect(book.opc.contentType(part)).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
    );
    const read = await excelJs(book.toBuffer());
    const table = read.getWorksheet('全KPI')!.getTable('AllKpis') as unknown as {
      table: { tableRef: string; autoFilterRef: string; columns: { name: string }[] };
    };
    expect(table.table.tableRef).toBe('A1:B3');
    expect(table.table.autoFilterRef).toBe('A1:B3');
    expect(table.table.columns.map((c) => c.name)).toEqual(['KPI', '判定 & 注意 <1>']);
  });

  it('refuses a range without data rows or with another number of columns', () => {
    const book = bookWithRows();
    expect(() =>
      addTablePart(book, {
        sheet: '全KPI',
        name: 'T',
        range: { ...range, bottom: 1 },
        columns: ['KPI', 'x'],
      }),
    ).toThrow('範囲と列の数が合いません');
    expect(() => addTablePart(book, { sheet: '全KPI', name: 'T', range, columns: ['KPI'] })).toThrow(
      '範囲と列の数が合いません',
    );
    expect(book.opc.partNames().some((p) => p.startsWith('xl/tables/'))).toBe(false);
  });
});
