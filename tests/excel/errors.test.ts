/**
 * Excel's refusals become clear Japanese messages, and a write that fails part-way says what was
 * applied and what was not.
 */
import type { Grid, WritePlan } from '../../src/core/types';
import { applyPlan } from '../../src/excel/apply-plan';
import { describeOfficeError, ExcelHostError } from '../../src/excel/errors';
import { ALL_FEATURES } from '../../src/excel/features';
import { FakeExcel, FakeOfficeError } from './fake-excel';
import { runnerFor } from './harness';
import { ExcelWorkbookHost } from '../../src/excel/excel-host';

const SHEET = 'KPI一覧';

const grid: Grid = {
  sheet: SHEET,
  top: 1,
  left: 1,
  values: [['KPI', '目標']],
  texts: [['KPI', '目標']],
  formats: [['General', 'General']],
  merges: [],
  marks: [],
  sheetNames: [SHEET],
};

const plan: WritePlan = {
  ops: [
    { op: 'addSheet', sheet: 'KPI評価サマリー', visibility: 'visible' },
    { op: 'setValues', sheet: SHEET, row: 1, col: 3, values: [['判定']] },
    { op: 'setValues', sheet: 'KPI評価サマリー', row: 1, col: 1, values: [['KPI評価サマリー']] },
    {
      op: 'addMark',
      mark: {
        name: 'KPISHEET_SUMMARY',
        sheet: 'KPI評価サマリー',
        range: { top: 1, left: 1, bottom: 1, right: 1 },
      },
    },
  ],
  notices: [],
};

function setup(): { fake: FakeExcel; host: ExcelWorkbookHost } {
  const fake = new FakeExcel();
  fake.state.seed(grid);
  fake.state.activeSheet = SHEET;
  return {
    fake,
    host: new ExcelWorkbookHost({ runner: runnerFor(fake), features: ALL_FEATURES, language: 'ja' }),
  };
}

async function failure(run: () => Promise<unknown>): Promise<ExcelHostError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ExcelHostError) return error;
    throw error;
  }
  throw new Error('expected the run to fail');
}

describe('messages per Office.js error code', () => {
  test.each([
    ['AccessDenied', '保護されているため書き込めません'],
    ['InvalidOperationInCellEditMode', 'セルの編集中'],
    ['RequestPayloadSizeLimitExceeded', '5 MB'],
    ['ResponsePayloadSizeLimitExceeded', '5 MB'],
    ['ItemNotFound', 'シートが削除されたか'],
    ['GeneralException', '予期しないエラー'],
  ])('%s', (code, words) => {
    const message = describeOfficeError(new FakeOfficeError(code, 'x'));
    expect(message).toContain(words);
    expect(message).toContain(`(エラーコード: ${code})`);
  });

  test('English when Office speaks English', () => {
    expect(describeOfficeError(new FakeOfficeError('AccessDenied', 'x'), 'en')).toMatch(
      /^The sheet or workbook is protected/,
    );
  });

  test('PayloadTooLarge is no Office.js code (only the two documented limits name the 5 MB)', () => {
    // https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
    expect(describeOfficeError(new FakeOfficeError('PayloadTooLarge', 'x'))).toBe(
      'Excel で操作を完了できませんでした。 (エラーコード: PayloadTooLarge)',
    );
  });

  test('an unknown code still gets a sentence, not a stack trace', () => {
    expect(describeOfficeError(new FakeOfficeError('Conflict', 'x'))).toBe(
      'Excel で操作を完了できませんでした。 (エラーコード: Conflict)',
    );
  });
});

describe('refusals found before anything is written', () => {
  test('a protected KPI sheet: nothing written, the message says how to unprotect', async () => {
    const { fake, host } = setup();
    fake.state.sheet(SHEET)!.protected = true;
    const before = JSON.stringify(fake.state.snapshot());
    const error = await failure(() => host.applyPlan(plan));
    expect(error.message).toContain('[校閲] タブで保護を解除');
    expect(error.message).toContain('ブックは変更されていません');
    expect(error.details).toMatchObject({ stage: 'check', code: 'AccessDenied', applied: [], syncs: 1 });
    expect(JSON.stringify(fake.state.snapshot())).toBe(before);
  });

  test('a protected workbook structure stops a plan that adds sheets', async () => {
    const { fake, host } = setup();
    fake.state.structureProtected = true;
    const error = await failure(() => host.applyPlan(plan));
    expect(error.details.code).toBe('AccessDenied');
    expect(fake.state.sheets.map((s) => s.name)).toEqual([SHEET]);
  });

  test('the KPI sheet deleted between reading and writing', async () => {
    const { fake, host } = setup();
    await host.readGrid();
    fake.state.sheets = [];
    fake.state.addSheet('Sheet1');
    const error = await failure(() => host.applyPlan(plan));
    expect(error.message).toContain('シートが削除されたか');
    expect(error.details.stage).toBe('check');
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  test('a cell in edit mode: the first sync is refused, nothing written', async () => {
    const { fake, host } = setup();
    fake.editMode = true;
    const error = await failure(() => host.applyPlan(plan));
    expect(error.message).toContain('Enter キーか Esc キー');
    expect(error.details.applied).toEqual([]);
  });

  test('reading in edit mode gives the same message', async () => {
    const { fake, host } = setup();
    fake.editMode = true;
    const error = await failure(() => host.readGrid());
    expect(error.message).toContain('セルの編集中');
    expect(error.details.stage).toBe('read');
  });
});

describe('a write that fails part-way', () => {
  test('lists what was applied and what was not, from the traces Excel returns', async () => {
    const { fake, host } = setup();
    fake.failures.push({
      when: (c) => c.member === 'values=' && c.target.includes('KPI評価サマリー'),
      code: 'GeneralException',
    });
    const error = await failure(() => host.applyPlan(plan));
    // Order: sheet, mark, then values.
    expect(error.details.applied).toEqual([
      'addSheet KPI評価サマリー',
      'addMark KPISHEET_SUMMARY',
      'setValues KPI一覧!C1',
    ]);
    expect(error.details.notApplied).toEqual(['setValues KPI評価サマリー!A1']);
    expect(error.message).toContain(
      '3 件の操作は反映済み、1 件 (setValues KPI評価サマリー!A1 から) は未反映です',
    );
    // The mark went in before the cells, so the next run finds and removes the partial output.
    expect(fake.state.names.map((n) => n.name)).toEqual(['KPISHEET_SUMMARY']);
    // The batch turned the add-in's events off; the failure did not leave them off.
    expect(fake.eventsEnabled).toBe(true);
  });

  test('a request over 5 MB is refused whole by Excel on the web; the host never sends one', async () => {
    const { fake } = setup();
    const big: WritePlan = {
      ops: [
        {
          op: 'setValues',
          sheet: SHEET,
          row: 2,
          col: 1,
          values: Array.from({ length: 60_000 }, (_, i) => [`KPI の説明 ${i} `.repeat(8)]),
        },
      ],
      notices: [],
    };
    const result = await fake.run((context) => applyPlan(context, big, { features: ALL_FEATURES }));
    expect(result.syncs).toBeGreaterThan(2);
    expect(fake.state.values(SHEET, 'A60001')).toEqual([['KPI の説明 59999 '.repeat(8)]]);
    // The same data in one request is what Excel refuses:
    const fake2 = new FakeExcel();
    fake2.state.seed(grid);
    const error = await fake2
      .run((context) => applyPlan(context, big, { features: ALL_FEATURES, payloadBudget: 100 * 1024 * 1024 }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect((error as ExcelHostError).details.code).toBe('RequestPayloadSizeLimitExceeded');
  });
});
