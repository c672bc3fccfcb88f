import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, plan } from '../../src/core/pipeline';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Grid, Settings, WritePlan } from '../../src/core/types';
import { formulaHolds } from '../../src/taskpane/demo/conditional';
import { DemoWorkbookHost } from '../../src/taskpane/demo/demo-host';
import { DemoWorkbook } from '../../src/taskpane/demo/demo-workbook';
import { formatNumber } from '../../src/core/number-text';
import { sheetView } from '../../src/taskpane/demo/sheet-view';

/** A small KPI-like sheet: a header row and two KPI rows, starting at B2. */
function sampleGrid(): Grid {
  return {
    sheet: '進捗表',
    top: 2,
    left: 2,
    values: [
      ['KPI', '担当課', 'R6', 'R6 (目標値)'],
      ['創業支援事業による創業者数 (年間)', '産業振興課', '14人', '39人'],
      ['消防団員数', '危機管理課', 804, 940],
    ],
    texts: [
      ['KPI', '担当課', 'R6', 'R6 (目標値)'],
      ['創業支援事業による創業者数 (年間)', '産業振興課', '14人', '39人'],
      ['消防団員数', '危機管理課', '804', '940'],
    ],
    formats: [
      ['General', 'General', 'General', 'General'],
      ['General', 'General', 'General', 'General'],
      ['General', 'General', '#,##0', '#,##0'],
    ],
    merges: [],
    marks: [],
    sheetNames: ['進捗表'],
  };
}

const FLAG_RANGE = { top: 3, left: 6, bottom: 4, right: 6 };

function flagPlan(grades: string[]): WritePlan {
  return {
    notices: [],
    ops: [
      { op: 'setValues', sheet: '進捗表', row: 2, col: 6, values: [['判定'], ...grades.map((g) => [g])] },
      {
        op: 'setStyle',
        sheet: '進捗表',
        range: { top: 2, left: 6, bottom: 2, right: 6 },
        style: { bold: true },
      },
      {
        op: 'addConditionalFormat',
        sheet: '進捗表',
        range: FLAG_RANGE,
        rule: { type: 'textEquals', text: 'D', style: { fill: '#F8CBAD' } },
      },
      {
        op: 'addConditionalFormat',
        sheet: '進捗表',
        range: { top: 3, left: 2, bottom: 4, right: 5 },
        rule: { type: 'formula', formula: '=$F3="B"', style: { fill: '#FFF2CC' } },
      },
      { op: 'addMark', mark: { name: 'KPISHEET_FLAGS_1', sheet: '進捗表', range: FLAG_RANGE } },
      { op: 'addSheet', sheet: 'KPI設定', visibility: 'veryHidden' },
      { op: 'setValues', sheet: 'KPI設定', row: 1, col: 1, values: [['{"preset":"標準"}']] },
      {
        op: 'addMark',
        mark: {
          name: 'KPISHEET_SETTINGS',
          sheet: 'KPI設定',
          range: { top: 1, left: 1, bottom: 1, right: 1 },
        },
      },
      {
        op: 'setPageLayout',
        sheet: '進捗表',
        layout: {
          orientation: 'landscape',
          paperSize: 'A4',
          fitToWidth: true,
          printArea: { top: 1, left: 1, bottom: 4, right: 6 },
          titleRows: null,
          header: '&A',
          footer: '&P / &N',
          rowBreaks: [],
          centerHorizontally: true,
        },
      },
    ],
  };
}

describe('reading the sample back as a Grid', () => {
  it('gives the same cells at the same sheet coordinates', async () => {
    const host = new DemoWorkbookHost(DemoWorkbook.fromGrid(sampleGrid()));
    const grid = await host.readGrid();
    expect(grid.top).toBe(2);
    expect(grid.left).toBe(2);
    expect(grid.values[2]).toEqual(['消防団員数', '危機管理課', 804, 940]);
    expect(grid.formats[2][2]).toBe('#,##0');
    expect(grid.sheetNames).toEqual(['進捗表']);
  });
});

describe('applying a write plan', () => {
  it('writes values, keeps the user cells, records marks, sheets and page layout', async () => {
    const book = DemoWorkbook.fromGrid(sampleGrid());
    const host = new DemoWorkbookHost(book);
    const result = await host.applyPlan(flagPlan(['D', 'B']));
    expect(result).toEqual({ applied: 9, skipped: [], syncs: 0 });
    const grid = await host.readGrid('進捗表');
    expect(grid.values.map((r) => r[4])).toEqual(['判定', 'D', 'B']);
    expect(grid.values[1][0]).toBe('創業支援事業による創業者数 (年間)');
    expect(grid.marks.map((m) => m.name).sort()).toEqual(['KPISHEET_FLAGS_1', 'KPISHEET_SETTINGS']);
    expect(grid.sheetNames).toEqual(['進捗表', 'KPI設定']);
    expect(book.sheet('進捗表')?.pageLayout?.paperSize).toBe('A4');
    expect(book.cell('進捗表', 2, 6).style.bold).toBe(true);
  });

  it('reads the settings back from the cell its mark points at', async () => {
    const host = new DemoWorkbookHost(DemoWorkbook.fromGrid(sampleGrid()));
    expect(await host.readSettings()).toBeNull();
    await host.applyPlan(flagPlan(['D', 'B']));
    expect(await host.readSettings()).toBe('{"preset":"標準"}');
  });

  it('removes an earlier run by its marks so a re-run leaves what one run leaves', async () => {
    const book = DemoWorkbook.fromGrid(sampleGrid());
    const host = new DemoWorkbookHost(book);
    await host.applyPlan(flagPlan(['D', 'B']));
    const once = JSON.stringify(await host.readGrid());
    await host.applyPlan({
      notices: [],
      ops: [
        { op: 'clearRange', sheet: '進捗表', range: { top: 2, left: 6, bottom: 4, right: 6 } },
        { op: 'removeConditionalFormats', sheet: '進捗表', range: { top: 3, left: 2, bottom: 4, right: 6 } },
        { op: 'removeMark', name: 'KPISHEET_FLAGS_1' },
        { op: 'removeMark', name: 'KPISHEET_SETTINGS' },
        { op: 'deleteSheet', sheet: 'KPI設定' },
        ...flagPlan(['D', 'B']).ops,
      ],
    });
    expect(JSON.stringify(await host.readGrid())).toBe(once);
    expect(book.sheet('進捗表')?.conditionalFormats).toHaveLength(2);
  });
});

describe('the demo table shows what Excel would paint', () => {
  it('paints grade cells by their text and whole rows by a formula rule', async () => {
    const book = DemoWorkbook.fromGrid(sampleGrid());
    await new DemoWorkbookHost(book).applyPlan(flagPlan(['D', 'B']));
    const view = sheetView(book, '進捗表');
    const cell = (row: number, col: number) => view?.rows[row - 1].cells.find((c) => c.col === col);
    expect(cell(3, 6)?.painted.fill).toBe('#F8CBAD');
    expect(cell(4, 6)?.painted.fill).toBeUndefined();
    expect(cell(4, 2)?.painted.fill).toBe('#FFF2CC');
    expect(cell(3, 2)?.painted.fill).toBeUndefined();
    expect(cell(4, 4)?.text).toBe('804');
  });

  it('leaves cells covered by a merge out of the row', () => {
    const grid = { ...sampleGrid(), merges: [{ top: 2, left: 2, bottom: 2, right: 3 }] };
    const view = sheetView(DemoWorkbook.fromGrid(grid), '進捗表');
    const header = view?.rows[1].cells ?? [];
    expect(header.map((c) => c.col)).toEqual([1, 2, 4, 5]);
    expect(header[1].colSpan).toBe(2);
  });

  it.each([
    ['=$F3="B"', { row: 4, col: 2 }, true],
    ['=$F3="b"', { row: 4, col: 3 }, true],
    ['=$F3<>"B"', { row: 4, col: 2 }, false],
    ['=OR($F3="A",$F3="B")', { row: 4, col: 5 }, true],
    ['=AND($F3="B",$E3>900)', { row: 4, col: 2 }, true],
    ['=AND($F3="B",$E3>1000)', { row: 4, col: 2 }, false],
    ['=F3="B"', { row: 4, col: 2 }, true],
    ['=F3="B"', { row: 4, col: 3 }, false],
    ['=LEFT($F3,1)="B"', { row: 4, col: 2 }, true],
    ['=LEFT($F3,1)="B"', { row: 3, col: 2 }, false],
    ['=SUMPRODUCT(F3)', { row: 4, col: 2 }, false],
  ])('%s at row %o is %s', (formula, at, expected) => {
    const book = DemoWorkbook.fromGrid(sampleGrid());
    book.apply({ op: 'setValues', sheet: '進捗表', row: 3, col: 6, values: [['D'], ['B']] });
    const lookup = (row: number, col: number) => book.cell('進捗表', row, col);
    expect(formulaHolds(formula, { row: 3, col: 2 }, at, lookup)).toBe(expected);
  });
});

describe('typing into the demo table', () => {
  it('turns plain numbers into numbers, keeps other text verbatim, and reports the row edited', async () => {
    const host = new DemoWorkbookHost(DemoWorkbook.fromGrid(sampleGrid()));
    const edits: [string, readonly number[]][] = [];
    const stop = await host.onRowsEdited((sheet, rows) => edits.push([sheet, rows]));
    host.typeInto('進捗表', 3, 4, '40');
    host.typeInto('進捗表', 4, 4, '<img src=x onerror=alert(1)>');
    stop();
    host.typeInto('進捗表', 4, 4, '800');
    expect(edits).toEqual([
      ['進捗表', [3]],
      ['進捗表', [4]],
    ]);
    const grid = await host.readGrid();
    expect(grid.values[1][2]).toBe(40);
    expect(grid.values[2][2]).toBe(800);
    expect(grid.texts[2][2]).toBe('800');
  });

  it('keeps the HTML a user typed as plain text', async () => {
    const host = new DemoWorkbookHost(DemoWorkbook.fromGrid(sampleGrid()));
    host.typeInto('進捗表', 4, 4, '<img src=x onerror=alert(1)>');
    expect((await host.readGrid()).texts[2][2]).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('selecting a cell', () => {
  it('tells the demo table which cell to show', async () => {
    const host = new DemoWorkbookHost(DemoWorkbook.fromGrid(sampleGrid()));
    const seen: unknown[] = [];
    host.onSelected((s) => seen.push(s));
    await host.selectCell('進捗表', 'E4');
    expect(seen).toEqual([{ sheet: '進捗表', row: 4, col: 5 }]);
    await expect(host.selectCell('なし', 'A1')).rejects.toThrow('見つかりません');
  });
});

describe('number display', () => {
  it.each([
    [0.359, '0.0%', '35.9%'],
    [1, '0%', '100%'],
    [30239, '#,##0', '30,239'],
    [30239, '#,##0"人"', '30,239人'],
    [1.27, 'General', '1.27'],
    [-59, '0', '-59'],
  ])('%d as %s is %s', (value, format, text) => {
    expect(formatNumber(value, format)).toBe(text);
  });
});

describe('validations on the bundled sample: the 方向 list and the comment columns’ input messages', () => {
  const SAMPLE: Grid = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'src', 'taskpane', 'demo', 'sample-grid.json'), 'utf8'),
  );
  const SETTINGS: Settings = { ...DEFAULT_SETTINGS, commentColumns: true };

  async function run(host: DemoWorkbookHost, settings = SETTINGS): Promise<void> {
    const analyzed = analyze(await host.readGrid(), settings);
    if (!analyzed.ok) throw new Error(analyzed.failure.message);
    const result = await host.applyPlan(plan(analyzed.analysis, { now: new Date(Date.UTC(2025, 5, 30)) }));
    expect(result.skipped).toEqual([]);
  }

  const byColumn = (book: DemoWorkbook, col: number) =>
    book.sheet(SAMPLE.sheet)!.validations.filter((v) => v.range.left === col);

  it('holds the rule and the prompt of each; a re-run leaves the same; turning the setting off takes them', async () => {
    const book = DemoWorkbook.fromGrid(SAMPLE);
    const host = new DemoWorkbookHost(book);
    await run(host);
    const directions = byColumn(book, 17);
    expect(directions.length).toBeGreaterThan(0);
    expect(directions.every((v) => v.rule.type === 'list' && v.prompt?.title === '方向 (↑ / ↓)')).toBe(true);
    const factor = byColumn(book, 19);
    expect(factor.map((v) => v.range)).toEqual(directions.map((v) => ({ ...v.range, left: 19, right: 19 })));
    expect(factor.every((v) => v.rule.type === 'anyValue' && v.prompt?.title === '要因・分析')).toBe(true);
    expect(byColumn(book, 20).every((v) => v.prompt?.title === '今後の方向性')).toBe(true);
    const once = JSON.stringify(book.sheet(SAMPLE.sheet)!.validations);
    await run(host);
    expect(JSON.stringify(book.sheet(SAMPLE.sheet)!.validations)).toBe(once);
    await run(host, DEFAULT_SETTINGS);
    expect(byColumn(book, 19)).toEqual([]);
    expect(byColumn(book, 20)).toEqual([]);
    expect(byColumn(book, 17)).toHaveLength(directions.length);
  });
});
