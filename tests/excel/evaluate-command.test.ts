/** 「評価を更新」 from the ribbon: the whole run without the pane, reported in one message. */
import { evaluateActiveSheet } from '../../src/excel/evaluate-command';
import { fixtureGrid } from './fixture-grids';
import { NOW, seeded } from './harness';

describe('評価を更新', () => {
  test('judges, writes, selects the summary sheet and says what it did', async () => {
    const grid = await fixtureGrid('asakuchi-progress.xlsx');
    const { fake, host } = seeded(grid);
    const outcome = await evaluateActiveSheet(host, NOW);
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toMatch(/^評価を更新しました: KPI \d+ 件 \(A \d+/);
    expect(outcome.message).toContain('結果は「KPI評価サマリー」シートにまとめました。');
    expect(fake.state.selection).toEqual({ sheet: 'KPI評価サマリー', address: 'A1' });
    expect(fake.state.sheet('KPI評価サマリー')).toBeDefined();
  });

  test('run again while the summary sheet is active: the KPI sheet is evaluated again', async () => {
    const grid = await fixtureGrid('asakuchi-progress.xlsx');
    const { fake, host } = seeded(grid);
    await evaluateActiveSheet(host, NOW);
    expect(fake.state.activeSheet).toBe('KPI評価サマリー');
    const readSheets: string[] = [];
    const read = host.readGrid.bind(host);
    host.readGrid = async (sheet?: string) => {
      const g = await read(sheet);
      readSheets.push(g.sheet);
      // The table as before the first run, with the workbook's marks: this test is about which sheet is read.
      return sheet === undefined ? g : { ...grid, marks: g.marks, sheetNames: g.sheetNames };
    };
    const outcome = await evaluateActiveSheet(host, NOW);
    expect(readSheets).toEqual(['KPI評価サマリー', grid.sheet]);
    expect(outcome).toMatchObject({ ok: true, summarySheet: 'KPI評価サマリー' });
  });

  test('on older Excel the message says what was left out', async () => {
    const grid = await fixtureGrid('asakuchi-progress.xlsx');
    const { host } = seeded(
      grid,
      {
        mergedAreas: false,
        pageLayout: false,
        suspendScreenUpdating: false,
        dataValidation: true,
        eventTriggerSource: false,
        ruleAreas: false,
        runtimeEvents: true,
      },
      { apiVersion: '1.8' },
    );
    const outcome = await evaluateActiveSheet(host, NOW);
    expect(outcome.message).toMatch(
      /この Excel では \d+ 件の設定を省略しました \(この Excel \(ExcelApi 1\.9 未満\) では印刷設定/,
    );
  });

  test('a sheet without a KPI table: the layout reader’s message, nothing written', async () => {
    const grid = await fixtureGrid('budget-no-kpi.xlsx');
    const { fake, host } = seeded(grid);
    const outcome = await evaluateActiveSheet(host, NOW);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).not.toBe('');
    expect(fake.calls.some((c) => c.member === 'values=')).toBe(false);
  });

  test('a protected sheet: the Japanese refusal, nothing written', async () => {
    const grid = await fixtureGrid('asakuchi-progress.xlsx');
    const { fake, host } = seeded(grid);
    fake.state.sheet(grid.sheet)!.protected = true;
    const outcome = await evaluateActiveSheet(host, NOW);
    expect(outcome).toEqual({
      ok: false,
      message: expect.stringContaining('保護されているため書き込めません'),
    });
    expect(fake.state.sheets.map((s) => s.name)).toEqual([grid.sheet]);
  });
});
