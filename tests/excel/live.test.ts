/**
 * Live re-judging: a user's edit re-judges the rows it touched and rewrites only their flags; the
 * add-in's own writes never trigger it.
 */
import { restrictToRows } from '../../src/core/plan/restrict';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Grid, WritePlan } from '../../src/core/types';
import { ExcelWorkbookHost } from '../../src/excel/excel-host';
import { ALL_FEATURES, MINIMUM_FEATURES } from '../../src/excel/features';
import type { Features } from '../../src/excel/features';
import { eventRange, rejudgeRows, RowDebouncer, startLiveRejudge } from '../../src/excel/live';
import { FakeExcel } from './fake-excel';
import { fixtureGrid } from './fixture-grids';
import { NOW, planFor, runnerFor } from './harness';

describe('restrictToRows', () => {
  const plan: WritePlan = {
    ops: [
      { op: 'setValues', sheet: 'KPI', row: 3, col: 12, values: [['h1', 'h2']] },
      {
        op: 'setValues',
        sheet: 'KPI',
        row: 4,
        col: 12,
        values: [
          ['a', 1],
          ['b', 2],
          ['c', 3],
          ['d', 4],
        ],
      },
      { op: 'setValues', sheet: 'サマリー', row: 5, col: 1, values: [['x']] },
      {
        op: 'setStyle',
        sheet: 'KPI',
        range: { top: 4, left: 12, bottom: 7, right: 13 },
        style: { bold: true },
      },
    ],
    notices: ['n'],
  };

  test('keeps the sheet’s value cells on the rows, one op per run of consecutive rows', () => {
    expect(restrictToRows(plan, 'KPI', [4, 6, 7, 20])).toEqual({
      ops: [
        { op: 'setValues', sheet: 'KPI', row: 4, col: 12, values: [['a', 1]] },
        {
          op: 'setValues',
          sheet: 'KPI',
          row: 6,
          col: 12,
          values: [
            ['c', 3],
            ['d', 4],
          ],
        },
      ],
      notices: [],
    });
  });

  test('no rows, nothing', () => {
    expect(restrictToRows(plan, 'KPI', []).ops).toEqual([]);
  });
});

describe('event addresses', () => {
  test('cells, ranges, whole rows and whole columns', () => {
    expect(eventRange('F12')).toEqual({ top: 12, left: 6, bottom: 12, right: 6 });
    expect(eventRange('KPI一覧!F12:G14')).toEqual({ top: 12, left: 6, bottom: 14, right: 7 });
    expect(eventRange('5:7')).toMatchObject({ top: 5, bottom: 7 });
    expect(eventRange('C:C')).toMatchObject({ top: 1, bottom: 1048576 });
  });
});

function setup(grid: Grid, features: Features, apiVersion: string) {
  const fake = new FakeExcel({ apiVersion });
  fake.state.seed(grid);
  fake.state.activeSheet = grid.sheet;
  let clock = 0;
  const host = new ExcelWorkbookHost({
    runner: runnerFor(fake),
    features,
    language: 'ja',
    clock: () => clock,
  });
  return { fake, host, advance: (ms: number) => (clock += ms) };
}

describe.each([
  ['ExcelApi 1.14 (triggerSource)', ALL_FEATURES, '1.14'],
  ['ExcelApi 1.7 (own-write ranges only)', MINIMUM_FEATURES, '1.7'],
])('onRowsEdited on %s', (_name, features, apiVersion) => {
  let fixture: Grid;
  beforeAll(async () => {
    fixture = await fixtureGrid('asakuchi-progress.xlsx');
  });

  test('a user edit reports its rows; the add-in’s own writes report nothing', async () => {
    const { fake, host, advance } = setup(fixture, features, apiVersion);
    const edits: [string, readonly number[]][] = [];
    const stop = await host.onRowsEdited((sheet, rows) => edits.push([sheet, rows]));

    await host.applyPlan(planFor(fixture));
    advance(1000);
    await fake.settle();
    expect(edits).toEqual([]);

    await fake.userEdit(fixture.sheet, 'F10:F11', [[120], [130]]);
    expect(edits).toEqual([[fixture.sheet, [10, 11]]]);

    stop();
    await Promise.resolve();
    await fake.userEdit(fixture.sheet, 'F12', [[1]]);
    expect(edits).toHaveLength(1);
  });

  test('co-authoring: a co-author’s edit (source Remote) is left to their own pane', async () => {
    const { fake, host } = setup(fixture, features, apiVersion);
    const edits: [string, readonly number[]][] = [];
    await host.onRowsEdited((sheet, rows) => edits.push([sheet, rows]));
    await fake.remoteEdit(fixture.sheet, 'F10', [[120]]);
    expect(edits).toEqual([]);
    await fake.userEdit(fixture.sheet, 'F11', [[130]]);
    expect(edits).toEqual([[fixture.sheet, [11]]]);
  });

  test('inserted rows are reported; deleted rows are not (nothing is left there to judge)', async () => {
    const { fake, host } = setup(fixture, features, apiVersion);
    const edits: [string, readonly number[]][] = [];
    await host.onRowsEdited((sheet, rows) => edits.push([sheet, rows]));
    await fake.userChange(fixture.sheet, '12:13', 'RowDeleted');
    expect(edits).toEqual([]);
    await fake.userChange(fixture.sheet, '12:12', 'RowInserted');
    expect(edits).toEqual([[fixture.sheet, [12]]]);
  });
});

describe('cell edit mode and the add-in’s own change events', () => {
  let fixture: Grid;
  beforeAll(async () => {
    fixture = await fixtureGrid('asakuchi-progress.xlsx');
  });

  test('a live re-judge while the user is typing waits for the edit to end, then writes (delayForCellEdit)', async () => {
    const { fake, host } = setup(fixture, ALL_FEATURES, '1.14');
    fake.editMode = true;
    let outcome: unknown = 'pending';
    const run = rejudgeRows(host, fixture.sheet, [10], DEFAULT_SETTINGS, NOW).then(
      (result) => (outcome = result),
      (error: unknown) => (outcome = error),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(outcome).toBe('pending');
    fake.exitEditMode();
    await run;
    expect(outcome).toMatchObject({ applied: 1 });
  });

  test('a user’s edit that arrives while the add-in writes is reported, not dropped', async () => {
    const { fake, host } = setup(fixture, ALL_FEATURES, '1.14');
    const edits: [string, readonly number[]][] = [];
    await host.onRowsEdited((sheet, rows) => edits.push([sheet, rows]));
    const during = fake.syncCount + 2;
    fake.onSync = (n) => (n === during ? fake.userEdit(fixture.sheet, 'F10', [[120]]) : undefined);
    await host.applyPlan(planFor(fixture));
    await fake.settle();
    expect(edits).toEqual([[fixture.sheet, [10]]]);
  });

  test('ExcelApi 1.8: the add-in’s writes raise no events (enableEvents off); an edit right after is the user’s', async () => {
    const features = { ...MINIMUM_FEATURES, dataValidation: true, runtimeEvents: true };
    const { fake, host } = setup(fixture, features, '1.8');
    const edits: [string, readonly number[]][] = [];
    await host.onRowsEdited((sheet, rows) => edits.push([sheet, rows]));
    await host.applyPlan(planFor(fixture));
    await fake.settle();
    expect(edits).toEqual([]);
    expect(fake.eventsEnabled).toBe(true);
    // The user picks a direction in the add-in's own 方向 column a moment after the write.
    await fake.userEdit(fixture.sheet, 'Q10', [['↓']]);
    expect(edits).toEqual([[fixture.sheet, [10]]]);
  });
});

describe('debouncing', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('edits within 400 ms make one call with every row, sorted', () => {
    const calls: [string, readonly number[]][] = [];
    const debouncer = new RowDebouncer((sheet, rows) => calls.push([sheet, rows]));
    debouncer.push('KPI', [12]);
    jest.advanceTimersByTime(300);
    debouncer.push('KPI', [9, 12]);
    jest.advanceTimersByTime(399);
    expect(calls).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(calls).toEqual([['KPI', [9, 12]]]);
  });
});

describe('re-judging the touched rows', () => {
  test('only the flag cells of the edited rows are written', async () => {
    const fixture = await fixtureGrid('asakuchi-progress.xlsx');
    const { fake, host } = setup(fixture, ALL_FEATURES, '1.14');
    const full = planFor(fixture);
    const kpiRow = full.ops.find(
      (op) => op.op === 'setValues' && op.sheet === fixture.sheet && typeof op.values[0][1] === 'number',
    );
    if (kpiRow?.op !== 'setValues') throw new Error('no KPI flag row in the plan');

    const before = fake.calls.length;
    const result = await rejudgeRows(host, fixture.sheet, [kpiRow.row], DEFAULT_SETTINGS, NOW);
    expect(result).toMatchObject({ applied: 1, syncs: 2 });
    const writes = fake.calls.slice(before).filter((c) => c.member.endsWith('=') || c.member.endsWith('()'));
    expect(
      writes
        .filter((c) => c.member !== 'trace()' && c.target !== 'runtime')
        .map((c) => [c.target.split('.').pop(), c.member]),
    ).toEqual([
      ['getUsedRange(true)', 'getMergedAreasOrNullObject()'],
      ['application', 'suspendScreenUpdatingUntilNextSync()'],
      [`getRange(L${kpiRow.row}:R${kpiRow.row})`, 'values='],
    ]);
    expect(fake.state.values(fixture.sheet, `L${kpiRow.row}:R${kpiRow.row}`)).toEqual([
      kpiRow.values[0].map((v) => v ?? ''),
    ]);
  });

  test('startLiveRejudge: a typed value rewrites that row after the quiet period', async () => {
    const fixture = await fixtureGrid('asakuchi-progress.xlsx');
    jest.useFakeTimers();
    try {
      const { fake, host } = setup(fixture, ALL_FEATURES, '1.14');
      const results: (readonly number[])[] = [];
      const stop = await startLiveRejudge(host, {
        settings: () => DEFAULT_SETTINGS,
        now: () => NOW,
        onResult: (_result, rows) => results.push(rows),
      });
      await fake.userEdit(fixture.sheet, 'F10', [[99]]);
      await fake.userEdit(fixture.sheet, 'F11', [[98]]);
      await jest.advanceTimersByTimeAsync(400);
      await jest.runAllTimersAsync();
      expect(results).toEqual([[10, 11]]);
      stop();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('re-judging on an evaluated sheet', () => {
  test('after an edit, the row’s flags are what a full run would write, and nothing else is written', async () => {
    const fixture = await fixtureGrid('asakuchi-progress.xlsx');
    const { fake, host } = setup(fixture, ALL_FEATURES, '1.14');
    const first = await host.applyPlan(planFor(fixture));
    expect(first.skipped).toEqual([]);
    const afterRun = await host.readGrid();
    const flagOps = planFor(afterRun).ops.filter(
      (op) => op.op === 'setValues' && op.sheet === fixture.sheet && typeof op.values[0][1] === 'number',
    );
    const row = flagOps[1];
    if (row?.op !== 'setValues') throw new Error('no KPI flag row');

    // The user types a new latest value (`14人` → `42人`) in the row's own cells, left of the flags.
    const rowValues = afterRun.values[row.row - afterRun.top].slice(0, row.col - afterRun.left);
    const numeric = rowValues.map((v) => /^\d[\d,]*\D*$/.test(String(v)));
    const col = numeric.lastIndexOf(true);
    expect(col).toBeGreaterThanOrEqual(0);
    const typed = String(rowValues[col]).replace(/^[\d,]+/, (n) => String(Number(n.replace(/,/g, '')) * 3));
    await fake.userEdit(fixture.sheet, `${String.fromCharCode(65 + col)}${row.row}`, [[typed]]);

    const flagsBefore = fake.state.values(fixture.sheet, `L${row.row}:R${row.row}`);
    const before = fake.calls.length;
    await rejudgeRows(host, fixture.sheet, [row.row], DEFAULT_SETTINGS, NOW);
    const valueWrites = fake.calls.slice(before).filter((c) => c.member === 'values=');
    expect(valueWrites.map((c) => c.target.split('.').pop())).toEqual([`getRange(L${row.row}:R${row.row})`]);

    const expected = planFor(await host.readGrid()).ops.find(
      (op) => op.op === 'setValues' && op.sheet === fixture.sheet && op.row === row.row,
    );
    if (expected?.op !== 'setValues') throw new Error('row missing from the full plan');
    const flagsAfter = fake.state.values(fixture.sheet, `L${row.row}:R${row.row}`);
    expect(flagsAfter).toEqual([expected.values[0].map((v) => v ?? '')]);
    expect(flagsAfter).not.toEqual(flagsBefore);
  });
});
