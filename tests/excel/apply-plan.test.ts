/**
 * The Excel host carries out a WritePlan through Office.js: the calls and arguments for each plan
 * operation, in a constant number of round trips.
 */
import type { CellStyle, Grid, WriteOp, WritePlan } from '../../src/core/types';
import { applyPlan, columnWidthPoints, headerSections, needsTextFormat } from '../../src/excel/apply-plan';
import { ALL_FEATURES } from '../../src/excel/features';
import type { Features } from '../../src/excel/features';
import { FakeExcel } from './fake-excel';
import type { FakeExcelOptions, FakeSheet, RecordedCall } from './fake-excel';

type Seen = (sheet: FakeSheet) => unknown;

const SHEET = 'KPI一覧';

function grid(): Grid {
  return {
    sheet: SHEET,
    top: 1,
    left: 1,
    values: [
      ['施策', 'KPI', '目標'],
      ['観光', '観光客数', 1000],
      ['移住', '移住者数', 50],
    ],
    texts: [
      ['施策', 'KPI', '目標'],
      ['観光', '観光客数', '1000'],
      ['移住', '移住者数', '50'],
    ],
    formats: [
      ['General', 'General', 'General'],
      ['General', 'General', 'General'],
      ['General', 'General', 'General'],
    ],
    merges: [],
    marks: [],
    sheetNames: [SHEET],
  };
}

function fakeWith(options: FakeExcelOptions = {}): FakeExcel {
  const fake = new FakeExcel(options);
  fake.state.seed(grid());
  fake.state.activeSheet = SHEET;
  return fake;
}

async function apply(fake: FakeExcel, ops: WriteOp[], features: Features = ALL_FEATURES) {
  const plan: WritePlan = { ops, notices: [] };
  return fake.run((context) => applyPlan(context, plan, { features }));
}

/** The write calls (not loads, traces or lookups) of the last sync, as `member args`. */
function writes(fake: FakeExcel): RecordedCall[] {
  return fake
    .callsInSync(fake.syncCount)
    .filter(
      (c) =>
        !c.member.includes('load(') &&
        c.member !== 'trace()' &&
        !c.member.startsWith('suspend') &&
        !c.member.startsWith('runtime.'),
    );
}

const range = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });

describe('setValues', () => {
  test('one range.values set for the whole block, nulls written as empty cells', async () => {
    const fake = fakeWith();
    const result = await apply(fake, [
      {
        op: 'setValues',
        sheet: SHEET,
        row: 2,
        col: 4,
        values: [
          ['A 達成', 0.5],
          [null, 1.25],
        ],
      },
    ]);
    expect(writes(fake)).toEqual([
      expect.objectContaining({
        target: `worksheets.getItem(${SHEET}).getRange(D2:E3)`,
        member: 'values=',
        args: [
          [
            ['A 達成', 0.5],
            ['', 1.25],
          ],
        ],
      }),
    ]);
    expect(fake.state.values(SHEET, 'D2:E3')).toEqual([
      ['A 達成', 0.5],
      ['', 1.25],
    ]);
    expect(result).toEqual({ applied: 1, skipped: [], syncs: 2 });
  });

  test('text Excel would read as a formula, number, boolean, error or date stays text, without an apostrophe', async () => {
    const fake = fakeWith();
    const texts = ['=A1', '+1', '-', '#N/A', 'TRUE', '50%', '2024', '4/1', 'R6.4.1', '令和6年4月', '1e5'];
    await apply(fake, [
      { op: 'setValues', sheet: SHEET, row: 5, col: 1, values: [[...texts, '8,935人 (R3)', 0.5]] },
    ]);
    expect(fake.state.values(SHEET, 'A5:M5')).toEqual([[...texts, '8,935人 (R3)', 0.5]]);
    const formats = Array.from(
      { length: 13 },
      (_, i) => fake.state.sheet(SHEET)!.cells.get(`5,${i + 1}`)?.numberFormat,
    );
    // The Text format only where Excel would not keep the text; the others keep their format.
    expect(formats).toEqual([...texts.map(() => '@'), 'General', 'General']);
  });

  test('plain text and numbers need no Text format', () => {
    expect(['8,935人 (R3)', '↑', 'A 達成', ''].map(needsTextFormat)).toEqual([false, false, false, false]);
    expect(['-', '=A1', '#DIV/0!', 'false', '12:30', '4月1日'].map(needsTextFormat)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
  });
});

describe('setStyle', () => {
  test('fill, font, alignment, wrap, thin borders on every edge and the number format', async () => {
    const fake = fakeWith();
    await apply(fake, [
      {
        op: 'setStyle',
        sheet: SHEET,
        range: range(1, 1, 2, 3),
        style: {
          fill: '#DDEBF7',
          fontColor: '#1F4E78',
          bold: true,
          fontSize: 10,
          horizontal: 'center',
          vertical: 'middle',
          wrap: true,
          border: '#808080',
          numberFormat: '0.0%',
        },
      },
    ]);
    const calls = writes(fake).map((c) => [c.member, c.args[0]]);
    expect(calls).toEqual([
      ['format.fill.color=', '#DDEBF7'],
      ['format.font.color=', '#1F4E78'],
      ['format.font.bold=', true],
      ['format.font.size=', 10],
      ['format.horizontalAlignment=', 'Center'],
      ['format.verticalAlignment=', 'Center'],
      ['format.wrapText=', true],
      ...['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'].flatMap(
        (edge) => [
          [`format.borders.${edge}.style=`, 'Continuous'],
          [`format.borders.${edge}.weight=`, 'Thin'],
          [`format.borders.${edge}.color=`, '#808080'],
        ],
      ),
      [
        'numberFormat=',
        [
          ['0.0%', '0.0%', '0.0%'],
          ['0.0%', '0.0%', '0.0%'],
        ],
      ],
    ]);
  });

  /** Every field of CellStyle, and where a user sees it in Excel. */
  const EVERY_FIELD: { readonly [K in keyof Required<CellStyle>]: [Required<CellStyle>[K], Seen] } = {
    fill: ['#DDEBF7', (s) => s.cells.get('2,2')?.style['fill.color']],
    fontColor: ['#1F4E78', (s) => s.cells.get('2,2')?.style['font.color']],
    bold: [true, (s) => s.cells.get('2,2')?.style['font.bold']],
    fontSize: [10, (s) => s.cells.get('2,2')?.style['font.size']],
    horizontal: ['center', (s) => s.cells.get('2,2')?.style.horizontalAlignment],
    vertical: ['middle', (s) => s.cells.get('2,2')?.style.verticalAlignment],
    wrap: [true, (s) => s.cells.get('2,2')?.style.wrapText],
    border: ['#808080', (s) => s.cells.get('2,2')?.style['borders.EdgeTop.color']],
    numberFormat: ['0.0%', (s) => s.cells.get('2,2')?.numberFormat],
    rowHeight: [36, (s) => s.rowHeights.get(2)],
  };

  test.each(Object.keys(EVERY_FIELD) as (keyof CellStyle)[])(
    'every field of the plan’s styles reaches Excel: %s',
    async (field) => {
      const fake = fakeWith();
      const [value, seen] = EVERY_FIELD[field];
      await apply(fake, [
        { op: 'setStyle', sheet: SHEET, range: range(2, 2, 3, 3), style: { [field]: value } },
      ]);
      const shown = seen(fake.state.sheet(SHEET)!);
      expect(shown).toBeDefined();
      expect(shown).not.toBe('General');
    },
  );

  test('a single cell gets no inside borders', async () => {
    const fake = fakeWith();
    await apply(fake, [
      { op: 'setStyle', sheet: SHEET, range: range(1, 1, 1, 1), style: { border: '#000000' } },
    ]);
    expect(writes(fake).some((c) => c.member.includes('Inside'))).toBe(false);
  });
});

describe('mergeCells and setColumnWidths', () => {
  test('merge without across; widths in points for each column', async () => {
    const fake = fakeWith();
    await apply(fake, [
      { op: 'mergeCells', sheet: SHEET, range: range(6, 1, 6, 4) },
      { op: 'setColumnWidths', sheet: SHEET, firstCol: 12, widths: [14, 8.5] },
    ]);
    expect(writes(fake).map((c) => [c.target.split('.').pop(), c.member, c.args[0]])).toEqual([
      ['getRange(A6:D6)', 'merge()', false],
      ['getRange(L:L)', 'format.columnWidth=', columnWidthPoints(14)],
      ['getRange(M:M)', 'format.columnWidth=', columnWidthPoints(8.5)],
    ]);
    expect(columnWidthPoints(8.38)).toBe(54); // Japanese Excel's standard width: 72 px
  });
});

describe('addConditionalFormat', () => {
  test('textEquals: a cell-value rule equal to the quoted text', async () => {
    const fake = fakeWith();
    await apply(fake, [
      {
        op: 'addConditionalFormat',
        sheet: SHEET,
        range: range(2, 16, 40, 16),
        rule: { type: 'textEquals', text: 'A', style: { fill: '#C6EFCE', fontColor: '#006100' } },
      },
    ]);
    expect(writes(fake).map((c) => [c.member, c.args[0]])).toEqual([
      ['conditionalFormats.add()', 'CellValue'],
      ['cellValue.format.fill.color=', '#C6EFCE'],
      ['cellValue.format.font.color=', '#006100'],
      ['cellValue.rule=', { formula1: '="A"', operator: 'EqualTo' }],
      ['priority=', 1_000_000],
    ]);
  });

  test('formula: a custom rule, with the leading = Office.js expects', async () => {
    const fake = fakeWith();
    await apply(fake, [
      {
        op: 'addConditionalFormat',
        sheet: SHEET,
        range: range(4, 1, 40, 9),
        rule: { type: 'formula', formula: 'LEFT($P4,1)="A"', style: { fill: '#EEF8F0' } },
      },
    ]);
    expect(writes(fake).map((c) => [c.member, c.args[0]])).toEqual([
      ['conditionalFormats.add()', 'Custom'],
      ['custom.rule.formula=', '=LEFT($P4,1)="A"'],
      ['custom.format.fill.color=', '#EEF8F0'],
      ['priority=', 1_000_000],
    ]);
    expect(fake.state.sheet(SHEET)!.conditionalFormats[0].ranges).toEqual([range(4, 1, 40, 9)]);
  });

  test('dataBar: solid bar from 0 to max', async () => {
    const fake = fakeWith();
    await apply(fake, [
      {
        op: 'addConditionalFormat',
        sheet: SHEET,
        range: range(4, 13, 40, 13),
        rule: { type: 'dataBar', color: '#5B9BD5', max: 1 },
      },
    ]);
    expect(writes(fake).map((c) => [c.member, c.args[0]])).toEqual([
      ['conditionalFormats.add()', 'DataBar'],
      ['dataBar.lowerBoundRule=', { type: 'Number', formula: '0' }],
      ['dataBar.upperBoundRule=', { type: 'Number', formula: '1' }],
      ['dataBar.positiveFormat.fillColor=', '#5B9BD5'],
      ['dataBar.positiveFormat.gradientFill=', false],
      ['priority=', 1_000_000],
    ]);
  });
});

describe('rule precedence: the city’s own rules win over the add-in’s', () => {
  test('a new rule goes below the city’s rules on the same cells, ours in plan order', async () => {
    const fake = fakeWith();
    const sheet = fake.state.sheet(SHEET)!;
    sheet.conditionalFormats.push({
      ranges: [range(4, 1, 40, 9)],
      type: 'Custom',
      props: { formula: 'city' },
    });
    const tint = (grade: string): WriteOp => ({
      op: 'addConditionalFormat',
      sheet: SHEET,
      range: range(4, 1, 40, 9),
      rule: { type: 'formula', formula: `LEFT($P4,1)="${grade}"`, style: { fill: '#EEF8F0' } },
    });
    await apply(fake, [tint('A'), tint('B')]);
    expect(sheet.conditionalFormats.map((cf) => cf.props['custom.rule.formula'] ?? cf.props.formula)).toEqual(
      ['city', '=LEFT($P4,1)="A"', '=LEFT($P4,1)="B"'],
    );
  });
});

describe('removing the add-in’s rules on a re-run', () => {
  const rule = (ranges: ReturnType<typeof range>[], formula: string) => ({
    ranges,
    type: 'Custom',
    props: { formula },
  });
  const TINT = range(4, 1, 40, 9);
  const FLAGS = range(1, 12, 40, 18);
  const removal: WriteOp[] = [
    { op: 'removeConditionalFormats', sheet: SHEET, range: FLAGS },
    { op: 'removeConditionalFormats', sheet: SHEET, range: TINT, match: 'sameRange' },
  ];

  test('several tint rules on the same cells all go in one run; no ItemNotFound', async () => {
    const fake = fakeWith();
    const sheet = fake.state.sheet(SHEET)!;
    sheet.conditionalFormats.push(rule([TINT], 'tint A'), rule([TINT], 'tint B'), rule([TINT], 'tint C'));
    const result = await apply(fake, removal);
    expect(sheet.conditionalFormats).toEqual([]);
    expect(result.syncs).toBe(3);
  });

  test('deleting ours never deletes the city’s rule that sits between them', async () => {
    const fake = fakeWith();
    const sheet = fake.state.sheet(SHEET)!;
    sheet.conditionalFormats.push(
      rule([TINT], 'tint A'),
      rule([TINT], 'tint B'),
      rule([range(4, 5, 40, 9)], 'city: own highlight inside the table'),
      rule([range(1, 1, 100, 20)], 'city: whole sheet'),
    );
    await apply(fake, removal);
    expect(sheet.conditionalFormats.map((cf) => cf.props.formula)).toEqual([
      'city: own highlight inside the table',
      'city: whole sheet',
    ]);
  });

  test('rules in the add-in’s columns go by what they cover, split ones too; the city’s keep their own cells', async () => {
    const fake = fakeWith();
    const sheet = fake.state.sheet(SHEET)!;
    sheet.conditionalFormats.push(
      rule([range(4, 16, 20, 16), range(22, 16, 40, 16)], 'flag grade, split by a paste'),
      rule([range(4, 13, 40, 13)], 'flag data bar'),
      rule([range(1, 1, 100, 20)], 'city: whole sheet'),
    );
    await apply(fake, removal.slice(0, 1));
    expect(sheet.conditionalFormats.map((cf) => cf.props.formula)).toEqual(['city: whole sheet']);
    const city = sheet.conditionalFormats[0];
    const covers = (row: number, col: number) =>
      city.ranges.some((r) => r.top <= row && row <= r.bottom && r.left <= col && col <= r.right);
    for (let row = FLAGS.top; row <= FLAGS.bottom; row++)
      for (let col = FLAGS.left; col <= FLAGS.right; col++) expect(covers(row, col)).toBe(false);
    expect([covers(1, 1), covers(40, 11), covers(40, 19), covers(41, 12), covers(100, 20)]).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  test('a tint rule Excel split over several ranges is still found (getRanges, ExcelApi 1.9)', async () => {
    const fake = fakeWith();
    const sheet = fake.state.sheet(SHEET)!;
    sheet.conditionalFormats.push(
      rule([range(4, 1, 20, 9), range(21, 1, 40, 9)], 'tint, split'),
      rule([range(4, 1, 20, 9), range(30, 1, 40, 9)], 'city: two blocks of the table'),
    );
    await apply(fake, removal);
    expect(sheet.conditionalFormats.map((cf) => cf.props.formula)).toEqual(['city: two blocks of the table']);
  });
});

describe('setDataValidation', () => {
  const PROMPT = { title: '方向 (↑ / ↓)', message: '↑ 増えるほど良い / ↓ 減るほど良い。\n選び直せます。' };

  test('an in-cell drop-down of the listed values: cleared, then the rule', async () => {
    const fake = fakeWith();
    await apply(fake, [
      {
        op: 'setDataValidation',
        sheet: SHEET,
        range: range(4, 17, 40, 17),
        rule: { type: 'list', list: ['↑', '↓'] },
      },
    ]);
    expect(writes(fake).map((c) => [c.target.split('.').pop(), c.member, c.args[0]])).toEqual([
      ['getRange(Q4:Q40)', 'dataValidation.clear()', undefined],
      ['getRange(Q4:Q40)', 'dataValidation.rule=', { list: { inCellDropDown: true, source: '↑,↓' } }],
    ]);
    expect(fake.state.sheet(SHEET)!.validations).toEqual([
      { range: range(4, 17, 40, 17), rule: { list: { inCellDropDown: true, source: '↑,↓' } }, prompt: null },
    ]);
  });

  test('a list with an input message: the rule, then the prompt object set whole', async () => {
    const fake = fakeWith();
    await apply(fake, [
      {
        op: 'setDataValidation',
        sheet: SHEET,
        range: range(4, 17, 40, 17),
        rule: { type: 'list', list: ['↑', '↓'] },
        prompt: PROMPT,
      },
    ]);
    expect(writes(fake).map((c) => [c.member, c.args[0]])).toEqual([
      ['dataValidation.clear()', undefined],
      ['dataValidation.rule=', { list: { inCellDropDown: true, source: '↑,↓' } }],
      ['dataValidation.prompt=', { showPrompt: true, ...PROMPT }],
    ]);
    const [validation] = fake.state.sheet(SHEET)!.validations;
    expect(validation.prompt).toEqual({ showPrompt: true, ...PROMPT });
  });

  test('any value with an input message: no rule at all, only the prompt', async () => {
    const fake = fakeWith();
    const prompt = { title: '要因・分析', message: '値が動いた要因を書いてください。' };
    await apply(fake, [
      {
        op: 'setDataValidation',
        sheet: SHEET,
        range: range(4, 19, 40, 19),
        rule: { type: 'anyValue' },
        prompt,
      },
    ]);
    expect(writes(fake).map((c) => [c.target.split('.').pop(), c.member, c.args[0]])).toEqual([
      ['getRange(S4:S40)', 'dataValidation.clear()', undefined],
      ['getRange(S4:S40)', 'dataValidation.prompt=', { showPrompt: true, ...prompt }],
    ]);
    expect(fake.state.sheet(SHEET)!.validations).toEqual([
      { range: range(4, 19, 40, 19), rule: null, prompt: { showPrompt: true, ...prompt } },
    ]);
  });

  test('over cells an earlier validation covers in part, it replaces it there (the clear comes first)', async () => {
    const fake = fakeWith();
    const prompt = { title: '要因・分析', message: '要因を書いてください。' };
    await apply(fake, [
      {
        op: 'setDataValidation',
        sheet: SHEET,
        range: range(10, 19, 20, 19),
        rule: { type: 'anyValue' },
        prompt,
      },
    ]);
    await apply(fake, [
      {
        op: 'setDataValidation',
        sheet: SHEET,
        range: range(4, 19, 12, 19),
        rule: { type: 'list', list: ['↑', '↓'] },
      },
    ]);
    expect(
      fake.state.sheet(SHEET)!.validations.map((v) => [v.range, v.rule === null ? 'prompt' : 'list']),
    ).toEqual([
      [range(13, 19, 20, 19), 'prompt'],
      [range(4, 19, 12, 19), 'list'],
    ]);
  });
});

describe('the fake’s DataValidation is as strict as Excel', () => {
  async function batch(fake: FakeExcel, write: (validation: Excel.DataValidation) => void): Promise<unknown> {
    return fake.run(async (context) => {
      write(context.workbook.worksheets.getItem(SHEET).getRange('S4:S40').dataValidation);
      await context.sync();
    });
  }

  test('a rule over cells an earlier prompt covers in part fails', async () => {
    const fake = fakeWith();
    await batch(fake, (dv) => {
      dv.prompt = { showPrompt: true, title: 't', message: 'm' };
    });
    const wider = fake.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange('S1:S40').dataValidation.rule = {
        list: { inCellDropDown: true, source: 'a,b' },
      };
      await context.sync();
    });
    await expect(wider).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('a prompt is set whole, within 32 and 255 characters', async () => {
    const fake = fakeWith();
    await expect(
      batch(fake, (dv) => {
        dv.prompt.title = 'member by member';
      }),
    ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
    await expect(
      batch(fake, (dv) => {
        dv.prompt = { showPrompt: true, title: 'あ'.repeat(33), message: '' };
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      batch(fake, (dv) => {
        dv.prompt = { showPrompt: true, title: '', message: 'あ'.repeat(256) };
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await batch(fake, (dv) => {
      dv.prompt = { showPrompt: true, title: 'あ'.repeat(32), message: 'あ'.repeat(255) };
    });
    expect(fake.state.sheet(SHEET)!.validations).toHaveLength(1);
  });
});

describe('setPageLayout', () => {
  const layout = {
    orientation: 'landscape' as const,
    paperSize: 'A3' as const,
    fitToWidth: true,
    printArea: range(1, 1, 50, 18),
    titleRows: { first: 3, last: 4 },
    header: '&L&A&R令和6年度',
    footer: '&P / &N',
    rowBreaks: [20, 35],
    centerHorizontally: true,
  };

  test('orientation, paper, fit to width, print area, title rows, header, footer and breaks', async () => {
    const fake = fakeWith();
    await apply(fake, [{ op: 'setPageLayout', sheet: SHEET, layout }]);
    expect(writes(fake).map((c) => [c.member, c.args[0]])).toEqual([
      ['pageLayout.orientation=', 'Landscape'],
      ['pageLayout.paperSize=', 'A3'],
      ['pageLayout.zoom=', { horizontalFitToPages: 1, verticalFitToPages: 0 }],
      ['pageLayout.centerHorizontally=', true],
      ['pageLayout.setPrintArea()', '$A$1:$R$50'],
      ['pageLayout.setPrintTitleRows()', '$3:$4'],
      ['pageLayout.headersFooters.defaultForAllPages.leftHeader=', '&A'],
      ['pageLayout.headersFooters.defaultForAllPages.centerHeader=', ''],
      ['pageLayout.headersFooters.defaultForAllPages.rightHeader=', '令和6年度'],
      ['pageLayout.headersFooters.defaultForAllPages.leftFooter=', ''],
      ['pageLayout.headersFooters.defaultForAllPages.centerFooter=', '&P / &N'],
      ['pageLayout.headersFooters.defaultForAllPages.rightFooter=', ''],
      ['horizontalPageBreaks.removePageBreaks()', undefined],
      ['horizontalPageBreaks.add()', 'A20'],
      ['horizontalPageBreaks.add()', 'A35'],
    ]);
    expect(fake.state.sheet(SHEET)!.rowBreaks).toEqual([20, 35]);
  });

  test('fit to width: the whole zoom object, read back in the sync that sets it', async () => {
    const fake = fakeWith();
    const result = await apply(fake, [{ op: 'setPageLayout', sheet: SHEET, layout }]);
    expect(fake.state.sheet(SHEET)!.pageLayout.zoom).toEqual({
      horizontalFitToPages: 1,
      verticalFitToPages: 0,
    });
    const members = fake.callsInSync(fake.syncCount).map((c) => c.member);
    expect(members.indexOf('pageLayout.load(zoom)')).toBeGreaterThan(members.indexOf('pageLayout.zoom='));
    expect(result.skipped).toEqual([]);
  });

  test('fit to width that Excel did not apply is reported as skipped; the rest is set', async () => {
    const fake = fakeWith({ fitToPagesIgnored: true });
    const result = await apply(fake, [{ op: 'setPageLayout', sheet: SHEET, layout }]);
    expect(result.skipped).toEqual([
      { op: 'setPageLayout', reason: expect.stringContaining('ページ レイアウト') },
    ]);
    expect(fake.state.sheet(SHEET)!.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A3' });
    expect(fake.state.sheet(SHEET)!.pageLayout.zoom).toBeUndefined();
  });

  test('header codes split into Excel sections; text without a code is centred', () => {
    expect(headerSections('&A')).toEqual({ left: '', center: '&A', right: '' });
    expect(headerSections('&L左&C中&R右')).toEqual({ left: '左', center: '中', right: '右' });
  });

  test('without ExcelApi 1.9 it is skipped with a Japanese reason, and nothing of it is called', async () => {
    const fake = fakeWith({ apiVersion: '1.7' });
    const result = await apply(fake, [{ op: 'setPageLayout', sheet: SHEET, layout }], {
      ...ALL_FEATURES,
      pageLayout: false,
      suspendScreenUpdating: false,
    });
    expect(result.skipped).toEqual([
      { op: 'setPageLayout', reason: expect.stringContaining('ExcelApi 1.9 未満') },
    ]);
    expect(result.applied).toBe(0);
    expect(
      fake.calls.some((c) => c.member.startsWith('pageLayout') || c.member.startsWith('horizontal')),
    ).toBe(false);
  });
});

describe('sheets and marks', () => {
  test('a very hidden sheet is added, then written; marks are workbook names with absolute references', async () => {
    const fake = fakeWith();
    await apply(fake, [
      { op: 'addSheet', sheet: 'KPI評価_設定', visibility: 'veryHidden' },
      { op: 'setValues', sheet: 'KPI評価_設定', row: 1, col: 1, values: [['{"preset":"標準"}']] },
      { op: 'addMark', mark: { name: 'KPISHEET_SETTINGS', sheet: 'KPI評価_設定', range: range(1, 1, 1, 1) } },
    ]);
    expect(writes(fake).map((c) => [c.member, ...c.args])).toEqual([
      ['add()', 'KPI評価_設定'],
      ['visibility=', 'VeryHidden'],
      ['add()', 'KPISHEET_SETTINGS', "='KPI評価_設定'!$A$1:$A$1"],
      ['values=', [['{"preset":"標準"}']]],
    ]);
    expect(fake.state.sheet('KPI評価_設定')!.visibility).toBe('VeryHidden');
    expect(fake.state.names).toEqual([
      { name: 'KPISHEET_SETTINGS', type: 'Range', formula: '=KPI評価_設定!$A$1:$A$1' },
    ]);
  });

  test('removal: clear, rules, validation, the very hidden sheet (made visible first) and the name', async () => {
    const fake = fakeWith();
    await apply(fake, [
      { op: 'addSheet', sheet: '設定', visibility: 'veryHidden' },
      { op: 'addMark', mark: { name: 'KPISHEET_SETTINGS', sheet: '設定', range: range(1, 1, 1, 1) } },
    ]);
    await apply(fake, [
      { op: 'clearRange', sheet: SHEET, range: range(1, 12, 40, 18) },
      { op: 'removeConditionalFormats', sheet: SHEET, range: range(1, 1, 40, 18) },
      { op: 'removeDataValidation', sheet: SHEET, range: range(4, 17, 40, 17) },
      { op: 'deleteSheet', sheet: '設定' },
      { op: 'removeMark', name: 'KPISHEET_SETTINGS' },
    ]);
    expect(writes(fake).map((c) => [c.target.split('.').pop(), c.member, ...c.args])).toEqual([
      ['getRange(L1:R40)', 'clear()', 'All'],
      ['getRange(A1:R40)', 'conditionalFormats.clearAll()'],
      ['getRange(Q4:Q40)', 'dataValidation.clear()'],
      ['getItem(設定)', 'visibility=', 'Hidden'],
      ['getItem(設定)', 'delete()'],
      ['getItem(KPISHEET_SETTINGS)', 'delete()'],
    ]);
    expect(fake.state.sheet('設定')).toBeUndefined();
    expect(fake.state.names).toEqual([]);
  });

  test('rules: only the add-in’s are deleted; the city’s own rules on its table stay', async () => {
    const fake = fakeWith();
    const sheet = fake.state.sheet(SHEET)!;
    const rule = (r: ReturnType<typeof range>, formula: string) => ({
      ranges: [r],
      type: 'Custom',
      props: { formula },
    });
    sheet.conditionalFormats.push(
      rule(range(4, 16, 40, 16), 'flag grade'), // ours, inside the flag columns
      rule(range(4, 1, 40, 9), 'tint'), // ours, exactly the tinted table
      rule(range(4, 5, 40, 9), 'city: own highlight inside the table'),
      rule(range(1, 1, 100, 20), 'city: whole sheet'),
    );
    const result = await apply(fake, [
      { op: 'removeConditionalFormats', sheet: SHEET, range: range(1, 12, 40, 18) },
      { op: 'removeConditionalFormats', sheet: SHEET, range: range(4, 1, 40, 9), match: 'sameRange' },
    ]);
    expect(sheet.conditionalFormats.map((cf) => cf.props.formula)).toEqual([
      'city: own highlight inside the table',
      'city: whole sheet',
    ]);
    // Check (the rules over the tinted cells), their ranges, write: the flag columns' rules go by what
    // they cover (clearAll), the tint's one by one.
    expect(result.syncs).toBe(3);
    expect(fake.callsInSync(1).filter((c) => c.member.startsWith('conditionalFormats'))).toHaveLength(1);
    expect(fake.callsInSync(2).every((c) => c.member === 'getRanges().load(address)')).toBe(true);
    expect(fake.callsInSync(3).filter((c) => c.member === 'conditionalFormats.clearAll()')).toHaveLength(1);
    expect(fake.callsInSync(3).filter((c) => c.member === 'delete()')).toHaveLength(1);
  });

  test('removing output the user already deleted is a no-op, not an error', async () => {
    const fake = fakeWith();
    const result = await apply(fake, [
      { op: 'deleteSheet', sheet: 'KPI評価サマリー' },
      { op: 'clearRange', sheet: 'KPI評価サマリー', range: range(1, 1, 10, 9) },
      { op: 'removeMark', name: 'KPISHEET_SUMMARY' },
    ]);
    // Nothing left to write: the check is the only round trip.
    expect(result).toEqual({ applied: 0, skipped: [], syncs: 1 });
    expect(writes(fake)).toEqual([]);
  });

  test('names are case-insensitive: a stale mark spelt in other case is replaced, not a clash', async () => {
    const fake = fakeWith();
    fake.state.names.push({ name: 'kpisheet_summary', type: 'Error', formula: '=#REF!$A$1:$I$30' });
    await apply(fake, [
      { op: 'addMark', mark: { name: 'KPISHEET_SUMMARY', sheet: SHEET, range: range(1, 1, 3, 3) } },
    ]);
    expect(fake.state.names).toEqual([
      { name: 'KPISHEET_SUMMARY', type: 'Range', formula: '=KPI一覧!$A$1:$C$3' },
    ]);
  });

  test('a stale mark the plan did not remove (its sheet is gone: #REF!) is replaced, not a clash', async () => {
    const fake = fakeWith();
    fake.state.names.push({ name: 'KPISHEET_SUMMARY', type: 'Error', formula: '=#REF!$A$1:$I$30' });
    await apply(fake, [
      { op: 'addMark', mark: { name: 'KPISHEET_SUMMARY', sheet: SHEET, range: range(1, 1, 3, 3) } },
    ]);
    expect(fake.state.names).toEqual([
      { name: 'KPISHEET_SUMMARY', type: 'Range', formula: '=KPI一覧!$A$1:$C$3' },
    ]);
  });
});

describe('round trips', () => {
  test('sync 1 only checks (sheets, protection, names); sync 2 writes with screen updating suspended', async () => {
    const fake = fakeWith();
    await apply(fake, [{ op: 'setValues', sheet: SHEET, row: 1, col: 5, values: [['判定']] }]);
    expect(fake.callsInSync(1).map((c) => c.member)).toEqual([
      'load(items/name,items/protection/protected)',
      'load(items/name)',
      'load(protected)',
    ]);
    // The add-in's events are off for the batch only (ExcelApi 1.8), so its writes raise none for it.
    expect(fake.callsInSync(2).map((c) => c.member)).toEqual([
      'suspendScreenUpdatingUntilNextSync()',
      'runtime.enableEvents=',
      'values=',
      'trace()',
      'runtime.enableEvents=',
    ]);
    expect(
      fake
        .callsInSync(2)
        .filter((c) => c.target === 'runtime')
        .map((c) => c.args[0]),
    ).toEqual([false, true]);
  });

  test('without ExcelApi 1.9 screen updating is not suspended and the run still completes', async () => {
    const fake = fakeWith({ apiVersion: '1.7' });
    const result = await apply(
      fake,
      [{ op: 'setValues', sheet: SHEET, row: 1, col: 5, values: [['判定']] }],
      {
        ...ALL_FEATURES,
        suspendScreenUpdating: false,
        pageLayout: false,
        dataValidation: false,
        mergedAreas: false,
        runtimeEvents: false,
        ruleAreas: false,
      },
    );
    expect(result).toEqual({ applied: 1, skipped: [], syncs: 2 });
    expect(fake.calls.some((c) => c.member.startsWith('suspend'))).toBe(false);
  });

  test('number format matrices count as Excel receives them: each request stays under the limit', async () => {
    const fake = fakeWith({ payloadLimit: 100_000 });
    const column = (col: number): WriteOp => ({
      op: 'setStyle',
      sheet: SHEET,
      range: range(1, col, 5000, col),
      style: { numberFormat: '#,##0"人"' },
    });
    const plan: WritePlan = { ops: [column(12), column(13)], notices: [] };
    const result = await fake.run((context) =>
      applyPlan(context, plan, { features: ALL_FEATURES, payloadBudget: 95_000 }),
    );
    expect(result.syncs).toBe(3);
    expect(fake.state.sheet(SHEET)!.cells.get('5000,13')?.numberFormat).toBe('#,##0"人"');
  });

  test('a plan larger than the payload budget is written in blocks, each under it', async () => {
    const fake = fakeWith();
    const values = Array.from({ length: 3000 }, (_, i) => [`KPI ${i} の最新値です`, i / 3000]);
    const plan: WritePlan = {
      ops: [{ op: 'setValues', sheet: SHEET, row: 10, col: 12, values }],
      notices: [],
    };
    const result = await fake.run((context) =>
      applyPlan(context, plan, { features: ALL_FEATURES, payloadBudget: 60_000 }),
    );
    expect(result.syncs).toBeGreaterThan(3);
    const valueCalls = fake.calls.filter((c) => c.member === 'values=');
    expect(valueCalls.map((c) => (c.args[0] as unknown[]).length).reduce((a, b) => a + b, 0)).toBe(3000);
    expect(new Set(valueCalls.map((c) => c.sync)).size).toBe(result.syncs - 1);
    expect(fake.state.values(SHEET, 'L3009:M3009')).toEqual([['KPI 2999 の最新値です', 2999 / 3000]]);
  });
});
