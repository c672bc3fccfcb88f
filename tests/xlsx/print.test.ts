/**
 * The xlsx hosts' print parts: rows grown to fit their text (fitRowHeights), and the page
 * setup's new fields as ExcelJS writes them.
 */
import ExcelJS from 'exceljs';
import type { PageLayout, WriteOp } from '../../src/core/types';
import { rowHeightFor, wrappedLines } from '../../src/core/plan/text-size';
import { join } from 'node:path';
import { saveWorkbook } from '../../src/cli/write-output';
import { applyPlan } from '../../src/xlsx/apply-plan';
import { openBook } from '../../src/xlsx/open-book';
import { applyBookPlan } from '../../src/xlsx/package/apply-book';
import { readBook, scratchDir } from './evaluated';

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

/** The plan applied by one host to the sheet `setup` makes; the sheet as ExcelJS reads it back. */
type Host = (setup: (ws: ExcelJS.Worksheet) => void, ops: WriteOp[]) => Promise<ExcelJS.Worksheet>;

const excelJsHost: Host = async (setup, ops) => {
  const ws = sheetWith(setup);
  apply(ws, ops);
  return ws;
};

/** The command line's package editor: the sheet saved, opened as a package, the plan applied, read back. */
const packageHost: Host = async (setup, ops) => {
  const dir = scratchDir();
  await sheetWith(setup).workbook.xlsx.writeFile(join(dir, 'in.xlsx'));
  const book = await openBook(join(dir, 'in.xlsx'));
  expect(applyBookPlan(book, { ops, notices: [] }).skipped).toEqual([]);
  await saveWorkbook(book, join(dir, 'out.xlsx'));
  return (await readBook(join(dir, 'out.xlsx'))).getWorksheet('KPI一覧')!;
};

/** The plan applied twice, as a re-run does. */
const twice =
  (host: Host): Host =>
  async (setup, ops) =>
    host((ws) => {
      setup(ws);
      apply(ws, ops);
    }, ops);

const fit = (bottom: number): WriteOp => ({
  op: 'fitRowHeights',
  sheet: 'KPI一覧',
  range: { top: 1, left: 1, bottom, right: 2 },
});

const LONG_NAME = '浅口市産農林水産物を原材料とした「あさくちブランド」認定品の開発数 (累計)';

describe.each([
  ['the ExcelJS host', excelJsHost],
  ['the package editor (the command line)', packageHost],
])('fitRowHeights on %s grows rows to their text and never shrinks one', (_name, host) => {
  it('a wrapped name three lines long in a 30-character column gets three lines of height', async () => {
    const ws = await host(
      (s) => {
        s.getCell('B1').value = LONG_NAME;
        s.getCell('B1').alignment = { wrapText: true };
      },
      [fit(1)],
    );
    expect(ws.getRow(1).height).toBe(Math.ceil(3 * 11 * 1.4 + 3));
  });

  // Excel's 15-point default row cuts the bottom of LibreOffice's Japanese glyphs (Noto Sans CJK).
  it('gives a row of one line the height one line needs (19 points), wrapped or not', async () => {
    const ws = await host(
      (s) => {
        s.getCell('B1').value = '消防団員数';
        s.getCell('B1').alignment = { wrapText: true };
        s.getCell('B2').value = LONG_NAME;
        s.getCell('B3').value = 30239;
      },
      [fit(4)],
    );
    expect(ws.getRow(1).height).toBe(19);
    // Text that does not wrap stays on one line: one line's height, not three.
    expect(ws.getRow(2).height).toBe(19);
    expect(ws.getRow(3).height).toBe(19);
  });

  it('leaves a row without text at its height', async () => {
    const ws = await host(
      (s) => {
        s.getCell('B1').value = '消防団員数';
        s.getCell('B3').value = '人口';
      },
      [fit(3)],
    );
    expect(ws.getRow(2).height ?? 15).toBe(15);
  });

  it('keeps a row the city made taller than its text needs', async () => {
    const ws = await host(
      (s) => {
        s.getCell('B1').value = '長い名前の KPI が二行になる程度の長さの文字列です';
        s.getCell('B1').alignment = { wrapText: true };
        s.getRow(1).height = 60;
      },
      [fit(1)],
    );
    expect(ws.getRow(1).height).toBe(60);
  });

  it('measures a 9-point 備考 at its own size', async () => {
    const ws = await host(
      (s) => {
        s.getCell('B1').value = '目標0のため達成率・進捗率を算出できず、達成/未達で判定';
        s.getCell('B1').alignment = { wrapText: true };
        s.getCell('B1').font = { size: 9 };
        s.getCell('B2').value = '目標値なし';
        s.getCell('B2').font = { size: 9 };
      },
      [fit(2)],
    );
    expect(ws.getRow(1).height).toBe(Math.ceil(2 * 9 * 1.4 + 3));
    expect(ws.getRow(2).height).toBe(Math.ceil(9 * 1.4 + 3));
  });

  it('a cell merged down two rows gives its last row what the two lack', async () => {
    const text = '1 持続的・自立的な地域の形成 (コミュニティ創生)';
    const ws = await host(
      (s) => {
        s.getCell('A1').value = text;
        s.getCell('A1').alignment = { wrapText: true };
        s.mergeCells('A1:A2');
      },
      [fit(2)],
    );
    // Six lines in 10 characters (96 points), of which row 1 keeps its default 15, now written down.
    expect(wrappedLines(text, 10)).toBe(6);
    expect(ws.getRow(1).height).toBe(15);
    expect(ws.getRow(2).height).toBe(rowHeightFor(6) - 15);
  });

  it('a second run leaves the heights as the first did', async () => {
    const setup = (s: ExcelJS.Worksheet): void => {
      s.getCell('B1').value = LONG_NAME;
      s.getCell('B1').alignment = { wrapText: true };
      s.getCell('B2').value = '消防団員数';
    };
    const once = await host(setup, [fit(2)]);
    const again = await twice(host)(setup, [fit(2)]);
    expect([again.getRow(1).height, again.getRow(2).height]).toEqual([
      once.getRow(1).height,
      once.getRow(2).height,
    ]);
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
