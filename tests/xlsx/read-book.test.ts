/**
 * The package reader gives the Grid Office.js would give: the same as the ExcelJS model reader (the
 * oracle) on every fixture, and right where ExcelJS's model is wrong: dates shown as 2021/3/31, big
 * numbers in date cells, `_xHHHH_` escapes, backslash escapes in number formats.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { openBook, pickBookSheet } from '../../src/xlsx/open-book';
import { readBookGrid } from '../../src/xlsx/package/read-book';
import { CELL_TEXT_LIMIT, SheetData } from '../../src/xlsx/package/sheet-data';
import { decodeXstring, encodeXstring } from '../../src/xlsx/package/xml';
import { readGrid } from '../../src/xlsx/read-grid';
import { loadWorkbook } from '../../src/xlsx/workbook';
import { runCli } from '../cli/run-cli';
import { FIXTURES, scratchDir } from './evaluated';

const FIXTURE_BOOKS = [
  'asakuchi-progress.xlsx',
  'asakuchi-progress-reiwa.xlsx',
  'asakuchi-progress-two-row-header.xlsx',
  'asakuchi-progress-number-formats.xlsx',
  'asakuchi-progress-empty-r1.xlsx',
  'asakuchi-progress-unit-column.xlsx',
  'asakuchi-strategy.xlsx',
  'budget-no-kpi.xlsx',
  'corpus/libreoffice-city.xlsx',
];

describe('the package reader agrees with the ExcelJS model reader on every fixture', () => {
  it.each(FIXTURE_BOOKS)('%s: values, texts, formats, merges, marks and sheet names', async (name) => {
    const file = join(FIXTURES, name);
    const model = await loadWorkbook(file);
    const book = await openBook(file);
    // ExcelJS's model misreads the LibreOffice book's data sheet (`0.0\%` unescaped, `#,##0\m` taken for a
    // date): its KPI sheet is the comparison there, and the data sheet has its own test below.
    const sheets = name.startsWith('corpus/') ? model.worksheets.slice(0, 1) : model.worksheets;
    for (const ws of sheets) {
      const expected = readGrid(ws);
      const actual = readBookGrid(book, ws.name);
      const sort = (ranges: readonly { top: number; left: number }[]) =>
        [...ranges].sort((a, b) => a.top - b.top || a.left - b.left);
      expect({ ...actual, merges: sort(actual.merges) }).toEqual({
        ...expected,
        merges: sort(expected.merges),
      });
    }
  });
});

/** A copy of the progress fixture with cells of the KPI sheet set through ExcelJS (the fixture builder). */
async function progressWith(edit: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(FIXTURES, 'asakuchi-progress.xlsx'));
  edit(wb.getWorksheet('KPI一覧')!);
  const file = join(scratchDir(), 'input.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('dates in value cells read and print as dates', () => {
  it('a date cell reads as its serial number and shows as 2021/3/31, in the Grid and in inspect', async () => {
    const file = await progressWith((ws) => {
      ws.getCell('T10').value = new Date(Date.UTC(2021, 2, 31));
      ws.getCell('T10').numFmt = 'yyyy/m/d';
      ws.getCell('T11').value = 44286;
      ws.getCell('T11').numFmt = 'yyyy"年"m"月"d"日"';
    });
    const grid = readBookGrid(await openBook(file), 'KPI一覧');
    expect(grid.values[9][19]).toBe(44286);
    expect(grid.texts[9][19]).toBe('2021/3/31');
    expect(grid.texts[10][19]).toBe('2021/3/31');
  });

  it('a date in a KPI value cell prints as 2021/3/31 in inspect, never as Wed Mar 31 2021', async () => {
    const file = await progressWith((ws) => {
      ws.getCell('F10').value = new Date(Date.UTC(2021, 2, 31));
      ws.getCell('F10').numFmt = 'yyyy/m/d';
    });
    const { stdout } = await runCli(main, ['inspect', file, '--json']);
    expect(stdout).toContain('2021/3/31');
    expect(stdout).not.toMatch(/GMT|Mar 31/);
  });

  it('a number far past 9999-12-31 in a date cell stays a number: shown as one, never NaN, its cell untouched', async () => {
    const file = await progressWith((ws) => {
      ws.getCell('T12').value = 1234567890;
      ws.getCell('T12').numFmt = 'yyyy/m/d';
    });
    const grid = readBookGrid(await openBook(file), 'KPI一覧');
    expect(grid.values[11][19]).toBe(1234567890);
    expect(grid.texts[11][19]).toBe('1234567890');
    const out = join(scratchDir(), 'out.xlsx');
    expect((await runCli(main, ['evaluate', file, '-o', out])).code).toBe(0);
    const sheet = await (
      await JSZip.loadAsync(readFileSync(out))
    )
      .file('xl/worksheets/sheet1.xml')!
      .async('string');
    expect(sheet).toMatch(/<c r="T12"[^>]*><v>1234567890<\/v><\/c>/);
    expect(sheet).not.toContain('NaN');
  });
});

describe('control characters (`_xHHHH_`) survive any number of runs unchanged', () => {
  it('decodes for reading and keeps the city’s cells byte for byte through two runs', async () => {
    const input = join(scratchDir(), 'control.xlsx');
    const zip = await JSZip.loadAsync(readFileSync(join(FIXTURES, 'asakuchi-progress.xlsx')));
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    // The first string (the sheet's title cell) gets a carriage return and a control character.
    const edited = strings.replace(/<si><t>([^<]*)<\/t><\/si>/, '<si><t>$1_x000D_改行_x0001_</t></si>');
    expect(edited).not.toBe(strings);
    zip.file('xl/sharedStrings.xml', edited);
    writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const book = await openBook(input);
    const grid = pickBookSheet(book, undefined).grid;
    expect(grid.values.flat().some((v) => typeof v === 'string' && v.endsWith('\r改行\u0001'))).toBe(true);
    const dir = scratchDir();
    await runCli(main, ['evaluate', input, '-o', join(dir, 'once.xlsx')]);
    await runCli(main, ['evaluate', join(dir, 'once.xlsx'), '-o', join(dir, 'twice.xlsx')]);
    const twice = await JSZip.loadAsync(readFileSync(join(dir, 'twice.xlsx')));
    expect(await twice.file('xl/sharedStrings.xml')!.async('string')).toBe(edited);
  });

  it('what the add-in writes is escaped the same way: control characters and literal _xHHHH_ round-trip', () => {
    const text = '達成\u0001\r\n_x0041_ そのまま';
    expect(encodeXstring(text)).toBe('達成_x0001__x000D_\n_x005F_x0041_ そのまま');
    expect(decodeXstring(encodeXstring(text))).toBe(text);
  });
});

describe("no cell the add-in writes passes Excel's 32,767-character limit", () => {
  it('cuts a longer text to the limit, ending in …', () => {
    const data = new SheetData('<sheetData/>');
    data.setValue(1, 1, 'あ'.repeat(40_000));
    const xml = data.toString();
    const stored = /<t>([^<]*)<\/t>/.exec(xml)![1];
    expect(stored).toHaveLength(CELL_TEXT_LIMIT);
    expect(stored.endsWith('…')).toBe(true);
  });
});

describe("the city's number formats and default font are kept", () => {
  it('backslash escapes (0.0\\%, #,##0\\m) show as the city wrote them and stay in styles.xml as they were', async () => {
    const file = join(FIXTURES, 'corpus', 'openpyxl-city.xlsx');
    const grid = readBookGrid(await openBook(file), '資料');
    expect(grid.texts[1].slice(2, 4)).toEqual(['68.5%', '1,200m']);
    const out = join(scratchDir(), 'out.xlsx');
    expect((await runCli(main, ['evaluate', file, '-o', out])).code).toBe(0);
    const styles = await (await JSZip.loadAsync(readFileSync(out))).file('xl/styles.xml')!.async('string');
    expect(styles).toContain('formatCode="0.0\\%"');
    expect(styles).toContain('formatCode="#,##0\\m"');
  });

  it('every font the add-in adds is the workbook’s default font (游ゴシック) with its own size, weight and colour', async () => {
    const input = join(scratchDir(), 'yu-gothic.xlsx');
    const zip = await JSZip.loadAsync(readFileSync(join(FIXTURES, 'asakuchi-progress.xlsx')));
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const yu = styles.replace(
      /(<fonts[^>]*>\s*<font>[\s\S]*?)<name val="[^"]*"\/>/,
      '$1<name val="游ゴシック"/>',
    );
    expect(yu).toContain('游ゴシック');
    zip.file('xl/styles.xml', yu);
    writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const out = join(scratchDir(), 'out.xlsx');
    expect((await runCli(main, ['evaluate', input, '-o', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('KPI一覧')!;
    // L8: the flag header (bold); P10: a grade cell; the summary title (16 pt).
    expect(ws.getCell('L8').font).toMatchObject({ name: '游ゴシック', bold: true });
    expect(ws.getCell('P10').font?.name ?? '游ゴシック').toBe('游ゴシック');
    expect(wb.getWorksheet('KPI評価サマリー')!.getCell('A1').font).toMatchObject({
      name: '游ゴシック',
      size: 16,
    });
  });
});
