/**
 * The xlsx host's print parts: rows grown to fit wrapped text (fitRowHeights), and the page
 * setup's new fields as ExcelJS writes them.
 */
import ExcelJS from 'exceljs';
import type { PageLayout, WriteOp } from '../../src/core/types';
import { rowHeightFor, wrappedLines } from '../../src/core/plan/text-size';
import { applyPlan } from '../../src/xlsx/apply-plan';

function sheetWith(setup: (ws: ExcelJS.Worksheet) => void): ExcelJS.Worksheet {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('KPI一覧');
  ws.getColumn(1).width = 10;
  ws.getColumn(2).width = 30;
  setup(ws);
  return ws;
}

function apply(ws: ExcelJS.Worksheet, ops: WriteOp[]): void {
  const result = applyPlan(ws.workbook, { ops, notices: [] });
  expect(result.skipped).toEqual([]);
}

const fit = (bottom: number): WriteOp => ({
  op: 'fitRowHeights',
  sheet: 'KPI一覧',
  range: { top: 1, left: 1, bottom, right: 2 },
});

describe('fitRowHeights grows rows to their wrapped text and never shrinks one', () => {
  it('a wrapped name three lines long in a 30-character column gets three lines of height', () => {
    const ws = sheetWith((s) => {
      s.getCell('B1').value = '浅口市産農林水産物を原材料とした「あさくちブランド」認定品の開発数 (累計)';
      s.getCell('B1').alignment = { wrapText: true };
    });
    apply(ws, [fit(1)]);
    expect(ws.getRow(1).height).toBe(Math.ceil(3 * 11 * 1.4 + 3));
  });

  it('leaves alone a row whose text fits one line, and text that does not wrap', () => {
    const ws = sheetWith((s) => {
      s.getCell('B1').value = '消防団員数';
      s.getCell('B1').alignment = { wrapText: true };
      s.getCell('B2').value = '浅口市産農林水産物を原材料とした「あさくちブランド」認定品の開発数 (累計)';
    });
    apply(ws, [fit(2)]);
    expect(ws.getRow(1).height).toBeUndefined();
    expect(ws.getRow(2).height).toBeUndefined();
  });

  it('keeps a row the city made taller than its text needs', () => {
    const ws = sheetWith((s) => {
      s.getCell('B1').value = '長い名前の KPI が二行になる程度の長さの文字列です';
      s.getCell('B1').alignment = { wrapText: true };
      s.getRow(1).height = 60;
    });
    apply(ws, [fit(1)]);
    expect(ws.getRow(1).height).toBe(60);
  });

  it('measures a 9-point 備考 at its own size', () => {
    const ws = sheetWith((s) => {
      s.getCell('B1').value = '目標0のため達成率・進捗率を算出できず、達成/未達で判定';
      s.getCell('B1').alignment = { wrapText: true };
      s.getCell('B1').font = { size: 9 };
    });
    apply(ws, [fit(1)]);
    expect(ws.getRow(1).height).toBe(Math.ceil(2 * 9 * 1.4 + 3));
  });

  it('a cell merged down two rows gives its last row what the two lack', () => {
    const ws = sheetWith((s) => {
      s.getCell('A1').value = '1 持続的・自立的な地域の形成 (コミュニティ創生)';
      s.getCell('A1').alignment = { wrapText: true };
      s.mergeCells('A1:A2');
    });
    apply(ws, [fit(2)]);
    const text = '1 持続的・自立的な地域の形成 (コミュニティ創生)';
    // Six lines in 10 characters (96 points), of which row 1 keeps its default 15, now written down.
    expect(wrappedLines(text, 10)).toBe(6);
    expect(ws.getRow(1).height).toBe(15);
    expect(ws.getRow(2).height).toBe(rowHeightFor(6) - 15);
  });

  it('a second run leaves the heights as the first did', () => {
    const ws = sheetWith((s) => {
      s.getCell('B1').value = '浅口市産農林水産物を原材料とした「あさくちブランド」認定品の開発数 (累計)';
      s.getCell('B1').alignment = { wrapText: true };
    });
    apply(ws, [fit(1)]);
    const once = ws.getRow(1).height;
    apply(ws, [fit(1)]);
    expect(ws.getRow(1).height).toBe(once);
  });
});

describe('setPageLayout writes the two-pages-wide setup', () => {
  const layout: PageLayout = {
    orientation: 'landscape',
    paperSize: 'A4',
    fitToWidth: true,
    pagesWide: 2,
    printArea: { top: 1, left: 1, bottom: 73, right: 18 },
    titleRows: null,
    titleColumns: { first: 1, last: 3 },
    columnBreaks: [12],
    pageOrder: 'overThenDown',
    margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.9, header: 0.3, footer: 0.3 },
    header: '&C&A',
    footer: '&L&9凡例&R&P / &N',
    rowBreaks: [25],
    centerHorizontally: true,
  };

  it('as fitToWidth 2, page order, margins and title columns', () => {
    const ws = sheetWith(() => undefined);
    apply(ws, [{ op: 'setPageLayout', sheet: 'KPI一覧', layout }]);
    expect(ws.pageSetup).toMatchObject({
      fitToPage: true,
      fitToWidth: 2,
      fitToHeight: 0,
      pageOrder: 'overThenDown',
      printTitlesColumn: 'A:C',
      margins: layout.margins,
    });
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
  });
});
