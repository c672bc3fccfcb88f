/** ExcelJS worksheet → Grid: what Office.js would give for the same range. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { formatNumber } from '../../src/core/number-text';
import { readGrid } from '../../src/xlsx/read-grid';
import { loadWorkbook, pickSheet, WorkbookError } from '../../src/xlsx/workbook';

const FIXTURES = join(__dirname, '..', 'fixtures');

describe('values, texts and formats as Office.js gives them', () => {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('KPI');
  ws.getCell('A1').value = '利用者数';
  ws.getCell('B1').value = 30239;
  ws.getCell('B1').numFmt = '#,##0"人"';
  ws.getCell('C1').value = -15;
  ws.getCell('C1').numFmt = '#,##0"人";"△"#,##0"人"';
  ws.getCell('D1').value = 0.685;
  ws.getCell('D1').numFmt = '0.0%';
  ws.getCell('E1').value = 1.27;
  ws.getCell('A2').value = { richText: [{ text: '浅口' }, { text: '市', font: { bold: true } }] };
  ws.getCell('B2').value = { formula: 'B1*2', result: 60478 };
  ws.getCell('C2').value = new Date(Date.UTC(2024, 3, 1));
  ws.getCell('D2').value = true;
  ws.getCell('A3').value = '1 就業の場の拡大';
  ws.mergeCells('A3:A5');
  const grid = readGrid(ws);

  test('numbers stay numbers; their display text follows the number format', () => {
    expect(grid.values[0]).toEqual(['利用者数', 30239, -15, 0.685, 1.27]);
    expect(grid.texts[0]).toEqual(['利用者数', '30,239人', '△15人', '68.5%', '1.27']);
    expect(grid.formats[0]).toEqual(['General', '#,##0"人"', '#,##0"人";"△"#,##0"人"', '0.0%', 'General']);
  });

  test('rich text flattened, formulas as their result, dates as serial numbers, booleans kept', () => {
    expect(grid.values[1].slice(0, 4)).toEqual(['浅口市', 60478, 45383, true]);
  });

  test('a merge: the top-left cell holds the value, covered cells are empty', () => {
    expect(grid.merges).toEqual([{ top: 3, left: 1, bottom: 5, right: 1 }]);
    expect(grid.values.map((r) => r[0]).slice(2)).toEqual(['1 就業の場の拡大', '', '']);
    expect(grid.values).toHaveLength(5);
    expect(grid.sheet).toBe('KPI');
    expect([grid.top, grid.left]).toEqual([1, 1]);
  });

  test('marks: workbook names starting with KPISHEET_, and every sheet name', () => {
    workbook.addWorksheet('KPI評価サマリー');
    workbook.definedNames.add("'KPI'!$F$3:$H$5", 'KPISHEET_FLAGS_1');
    workbook.definedNames.add("'KPI'!$A$1", 'Print_Titles_Other');
    const again = readGrid(ws);
    expect(again.marks).toEqual([
      { name: 'KPISHEET_FLAGS_1', sheet: 'KPI', range: { top: 3, left: 6, bottom: 5, right: 8 } },
    ]);
    expect(again.sheetNames).toEqual(['KPI', 'KPI評価サマリー']);
  });
});

describe('display text of the number formats a KPI sheet uses', () => {
  test.each([
    [1159, 'General', '1159'],
    [1.27, 'General', '1.27'],
    [4.4, '#,##0.0"ha"', '4.4ha'],
    [2016, '#,##0"件"', '2,016件'],
    [-59, '#,##0"人";"△"#,##0"人"', '△59人'],
    [0.16, '0%', '16%'],
    [0.873, '0.0%', '87.3%'],
    [12000, '#,##0', '12,000'],
    [3, '0"館"', '3館'],
  ])('%p with %s → %s', (value, format, text) => {
    expect(formatNumber(value, format)).toBe(text);
  });
});

describe('the progress fixture as a Grid', () => {
  test('merged 施策の枠組み / 具体的な施策 cells and the shifted row as it arrived', async () => {
    const workbook = await loadWorkbook(join(FIXTURES, 'asakuchi-progress.xlsx'));
    const grid = readGrid(workbook.worksheets[0]);
    expect(grid.merges).toEqual(
      expect.arrayContaining([
        { top: 9, left: 1, bottom: 18, right: 1 },
        { top: 9, left: 2, bottom: 10, right: 2 },
        { top: 16, left: 2, bottom: 18, right: 2 },
      ]),
    );
    expect(grid.values[15]).toEqual([
      '',
      '2 産業の振興と生産性の向上',
      '① 事業拡大等への経済的支援',
      '設備資金利子補給件数 (年間)',
      '産業振興課',
      '12件',
      '16件',
      '13件',
      '16件',
      '10件',
      '14件',
    ]);
  });
});

describe('opening files: typed errors with Japanese messages', () => {
  test('a missing file', async () => {
    await expect(loadWorkbook(join(FIXTURES, 'no-such.xlsx'))).rejects.toMatchObject({
      kind: 'notFound',
      message: expect.stringContaining('見つかりません'),
    });
  });

  test('a corrupt file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-sheet-'));
    const file = join(dir, 'broken.xlsx');
    writeFileSync(file, 'this is not a zip');
    const error = await loadWorkbook(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({ kind: 'corrupt', message: expect.stringContaining('.xlsx') });
  });

  test('pickSheet: a named sheet, the first with a KPI table, or the first visible one', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('表紙');
    workbook.addWorksheet('隠し', { state: 'hidden' });
    workbook.addWorksheet('KPI');
    const isKpi = (ws: ExcelJS.Worksheet) => ws.name === 'KPI' || ws.name === '隠し';
    expect(pickSheet(workbook, undefined, isKpi).name).toBe('KPI');
    expect(pickSheet(workbook, undefined, () => false).name).toBe('表紙');
    expect(pickSheet(workbook, '表紙', isKpi).name).toBe('表紙');
    expect(() => pickSheet(workbook, 'なし', isKpi)).toThrow(/シート「なし」が見つかりません/);
  });
});
