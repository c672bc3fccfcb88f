/**
 * The pane's work on the bundled sample (the Asakuchi progress table), through the demo host and the
 * real pipeline: what staff, clerks and reviewers get from each action.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Grid } from '../../src/core/types';
import type { ApplyResult, WorkbookHost } from '../../src/core/host';
import { DemoWorkbookHost } from '../../src/taskpane/demo/demo-host';
import { DemoWorkbook } from '../../src/taskpane/demo/demo-workbook';
import { clerkItems, countsPerGoal, foundSummary } from '../../src/taskpane/model';
import { Session } from '../../src/taskpane/session';

const SAMPLE: Grid = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'src', 'taskpane', 'demo', 'sample-grid.json'), 'utf8'),
);
const NOW = new Date(Date.UTC(2025, 5, 30));

function demo(): { host: DemoWorkbookHost; session: Session } {
  const host = new DemoWorkbookHost(DemoWorkbook.fromGrid(SAMPLE));
  return { host, session: new Session(host, { now: () => NOW, liveDelayMs: 0 }) };
}

/** The sheet row of the KPI whose name starts with `name`. */
function rowOf(name: string): number {
  const index = SAMPLE.values.findIndex((r) => r.some((v) => typeof v === 'string' && v.startsWith(name)));
  if (index < 0) throw new Error(`no row for ${name}`);
  return SAMPLE.top + index;
}

async function settle(session: Session): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  await session.idle();
}

describe('on open the pane says what it found', () => {
  it('finds the four 基本目標, the 46 KPIs and 4 数値目標, the year columns H30–R6 and evaluates at R6', async () => {
    const { session } = demo();
    await session.load();
    const state = session.state;
    expect(state.error).toBeNull();
    expect(state.failure).toBeNull();
    const found = foundSummary(state.analysis!);
    expect(found.goals).toHaveLength(4);
    expect(found.goals[0]).toContain('安定した雇用を創出する');
    expect(found.kpiCount).toBe(46);
    expect(found.headlineCount).toBe(4);
    expect(found.actualYears).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(found.years).toEqual([2018, 2020, 2021, 2022, 2023, 2024]);
    expect(found.evaluationYear).toBe(2024);
    expect(found.departments).toEqual(expect.arrayContaining(['産業振興課', 'まちづくり課', '市民課']));
  });

  it('says a sheet is not a KPI table, in Japanese, and how to fix it', async () => {
    const budget: Grid = {
      ...SAMPLE,
      sheet: '予算',
      values: [
        ['款', '項', '金額'],
        ['総務費', '総務管理費', 120000],
      ],
      texts: [
        ['款', '項', '金額'],
        ['総務費', '総務管理費', '120,000'],
      ],
      formats: [
        ['General', 'General', 'General'],
        ['General', 'General', '#,##0'],
      ],
      merges: [],
    };
    const session = new Session(new DemoWorkbookHost(DemoWorkbook.fromGrid(budget)));
    await session.load();
    expect(session.state.analysis).toBeNull();
    expect(session.state.failure?.message).toMatch(/KPI/);
    expect(session.state.activity).toBe('idle');
  });
});

describe('評価する writes the plan and gives counts per grade per goal', () => {
  it('writes flags into the sheet and counts every judged KPI once', async () => {
    const { host, session } = demo();
    await session.load();
    await session.evaluate();
    const state = session.state;
    expect(state.error).toBeNull();
    expect(state.written).toBe(true);
    expect(state.lastApply?.applied).toBeGreaterThan(0);
    const grid = await host.readGrid(SAMPLE.sheet);
    expect(grid.marks.some((m) => m.name.startsWith('KPISHEET_FLAGS_'))).toBe(true);
    // 創業支援事業による創業者数: 14人 vs 39人 → D (EVALUATION.md section 4).
    const row = rowOf('創業支援事業による創業者数');
    expect(grid.values[row - grid.top].some((v) => typeof v === 'string' && v.startsWith('D'))).toBe(true);
    const counts = countsPerGoal(state.analysis!);
    expect(counts).toHaveLength(5);
    const total = counts[4];
    const goalsSum = counts
      .slice(0, 4)
      .reduce((n, g) => n + g.counts.A + g.counts.B + g.counts.C + g.counts.D + g.counts.X, 0);
    expect(total.counts.A + total.counts.B + total.counts.C + total.counts.D + total.counts.X).toBe(goalsSum);
    expect(total.counts.廃止).toBeGreaterThanOrEqual(2);
  });

  it('saves the settings in the workbook, so a reload gets them back', async () => {
    const { host, session } = demo();
    await session.load();
    session.changeSettings({ ...DEFAULT_SETTINGS, evaluationYear: 2022, paperSize: 'A3' });
    await session.evaluate();
    const again = new Session(host);
    await again.load();
    expect(again.state.settings.evaluationYear).toBe(2022);
    expect(again.state.settings.paperSize).toBe('A3');
    expect(again.state.settingsProblems).toEqual([]);
  });

  it('gives other counts for another evaluation year, and marks them as not yet written', async () => {
    const { session } = demo();
    await session.load();
    await session.evaluate();
    const r6 = JSON.stringify(countsPerGoal(session.state.analysis!));
    session.changeSettings({ ...session.state.settings, evaluationYear: 2020 });
    expect(session.state.analysis!.evaluation.year).toBe(2020);
    expect(session.state.written).toBe(false);
    expect(JSON.stringify(countsPerGoal(session.state.analysis!))).not.toBe(r6);
  });

  it('a re-run leaves the workbook as one run does', async () => {
    const { host, session } = demo();
    await session.load();
    await session.evaluate();
    const once = await host.readGrid(SAMPLE.sheet);
    await session.evaluate();
    const twice = await host.readGrid(SAMPLE.sheet);
    const changedRows = once.values
      .map((row, i) => ({ row: once.top + i, once: row, twice: twice.values[i] }))
      .filter((r) => JSON.stringify(r.once) !== JSON.stringify(r.twice));
    expect(changedRows).toEqual([]);
    expect(twice.marks).toEqual(once.marks);
    expect(twice.sheetNames).toEqual(once.sheetNames);
  });
});

describe('the clerk view', () => {
  it('lists one department’s KPIs and those whose evaluation-year value is missing, with their cells', async () => {
    const { host, session } = demo();
    await session.load();
    const all = clerkItems(session.state.analysis!, '産業振興課');
    expect(all.length).toBeGreaterThan(5);
    expect(all.every((i) => i.department === '産業振興課')).toBe(true);
    const target = all.find((i) => i.name.startsWith('創業支援事業による創業者数'))!;
    expect(target.problem).toBeNull();
    expect(target.cell).toMatch(/^[A-Z]+\d+$/);
    await host.selectCell(SAMPLE.sheet, target.cell!);
    host.typeInto(SAMPLE.sheet, host.selection!.row, host.selection!.col, '—');
    await session.load();
    const after = clerkItems(session.state.analysis!, '産業振興課').find((i) => i.kpiId === target.kpiId)!;
    expect(after.problem).toBe('missing');
    expect(after.cell).toBe(target.cell);
  });

  it('flags follow the values typed after an evaluation', async () => {
    const { host, session } = demo();
    await session.load();
    await session.evaluate();
    const item = clerkItems(session.state.analysis!, '産業振興課').find((i) =>
      i.name.startsWith('創業支援事業による創業者数'),
    )!;
    expect(item.grade).toBe('D');
    const cell = item.cell!;
    await host.selectCell(SAMPLE.sheet, cell);
    host.typeInto(SAMPLE.sheet, host.selection!.row, host.selection!.col, '40人');
    await settle(session);
    const updated = clerkItems(session.state.analysis!, '産業振興課').find((i) => i.kpiId === item.kpiId)!;
    expect(updated.grade).toBe('A');
    expect(session.state.liveRows).toBe(1);
    const grid = await host.readGrid(SAMPLE.sheet);
    expect(
      grid.values[host.selection!.row - grid.top].some((v) => typeof v === 'string' && v.startsWith('A')),
    ).toBe(true);
  });
});

describe('印刷用に整える', () => {
  it('applies page setup alone and says which sheets are ready', async () => {
    const { host, session } = demo();
    await session.load();
    await session.preparePrint();
    const print = session.state.print!;
    expect(print.plan.ops.every((op) => op.op === 'setPageLayout' || op.op === 'addMark')).toBe(true);
    expect(print.ready.map((r) => r.sheet)).toEqual([SAMPLE.sheet]);
    expect(host.book.sheet(SAMPLE.sheet)?.pageLayout?.paperSize).toBe('A4');
    // Nothing else was written: the sheet's cells are the sample's.
    const grid = await host.readGrid(SAMPLE.sheet);
    expect(grid.values).toEqual(SAMPLE.values);
    expect(grid.marks).toEqual([]);
  });

  it('after an evaluation the summary sheet is ready too', async () => {
    const { session } = demo();
    await session.load();
    await session.evaluate();
    await session.preparePrint();
    expect(session.state.print!.ready.length).toBeGreaterThanOrEqual(2);
    expect(session.state.print!.notYet).toEqual([]);
  });
});

describe('no action leaves the pane stuck', () => {
  it('shows a host failure as an error and returns to idle', async () => {
    const inner = new DemoWorkbookHost(DemoWorkbook.fromGrid(SAMPLE));
    const failing: WorkbookHost = {
      readGrid: (sheet) => inner.readGrid(sheet),
      readSettings: () => inner.readSettings(),
      selectCell: (s, a) => inner.selectCell(s, a),
      onRowsEdited: (l) => inner.onRowsEdited(l),
      applyPlan: (): Promise<ApplyResult> => Promise.reject(new Error('書き込みに失敗しました')),
    };
    const session = new Session(failing);
    await session.load();
    await session.evaluate();
    expect(session.state.error).toBe('書き込みに失敗しました');
    expect(session.state.activity).toBe('idle');
    expect(session.state.written).toBe(false);
  });
});
