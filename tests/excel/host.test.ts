/**
 * The whole run inside Excel on the fixtures: read → judge → plan → apply through the Excel host, in
 * a constant number of round trips, degrading on older Excel, and ending where one run ends.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import type { Grid } from '../../src/core/types';
import { columnLetters } from '../../src/core/a1';
import { ALL_FEATURES, MINIMUM_FEATURES } from '../../src/excel/features';
import { analyze } from '../../src/core/pipeline';
import { planWrite } from '../../src/core/plan';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { applyPlan as applyXlsx } from '../../src/xlsx/apply-plan';
import { readGrid as readXlsxGrid } from '../../src/xlsx/read-grid';
import { loadWorkbook } from '../../src/xlsx/workbook';
import { FIXTURES, fixtureGrid, grownGrid, kpiCount } from './fixture-grids';
import { fullRun, NOW, planFor, seeded } from './harness';

describe('round trips do not grow with the rows', () => {
  let fixture: Grid;
  beforeAll(async () => {
    fixture = await fixtureGrid('asakuchi-progress.xlsx');
  });

  // Apply: a check, then one write per 2.5 MB (half of Excel on the web's 5 MB request limit, as estimated).
  // At 5,000 KPI rows the summary alone is about 3.6 MB (its follow-up list runs to some 100 pages, each
  // page's rows bordered: 12 to 18 calls a range), so the write goes in two batches: Excel's limit, not a
  // round trip per row.
  test.each([
    [50, 2],
    [500, 2],
    [5000, 3],
  ])('%i KPI rows: apply in %i syncs, a re-run in one more', async (kpis, applySyncs) => {
    const grid = grownGrid(fixture, kpis);
    expect(kpiCount(grid)).toBeGreaterThanOrEqual(kpis);
    const { fake, host } = seeded(grid);
    const { result } = await fullRun(host);
    expect(result.skipped).toEqual([]);
    expect(result.syncs).toBe(applySyncs);
    // Reading: one sync up to 600 rows; beyond, one more per block of at most 2.5 MB (estimated with
    // every non-ASCII character as a 6-byte escape): 4,430 more rows of this sheet make two blocks.
    expect(host.lastReadSyncs).toBe(kpis <= 500 ? 1 : 3);
    expect(fake.syncCount).toBe(host.lastReadSyncs + result.syncs);

    // A re-run also looks up the ranges of the earlier rules before deleting them: check, rules, write.
    const rerun = await fullRun(host);
    expect(rerun.result.syncs).toBe(applySyncs + 1);
  });
});

describe('older Excel (ExcelApi 1.7: Office 2019, early Excel on the web)', () => {
  test('the run completes; print setup and drop-downs are skipped with reasons, nothing newer is called', async () => {
    const grid = await fixtureGrid('asakuchi-progress.xlsx');
    const { fake, host } = seeded(grid, MINIMUM_FEATURES, { apiVersion: '1.7' });
    const { writePlan, result } = await fullRun(host);
    const skippedKinds = new Set(result.skipped.map((s) => s.op));
    expect(skippedKinds).toEqual(new Set(['setPageLayout', 'setDataValidation']));
    expect(result.skipped.every((s) => /ExcelApi 1\.[89] 未満/.test(s.reason))).toBe(true);
    expect(result.applied + result.skipped.length).toBe(writePlan.ops.length);
    expect(result.syncs).toBe(2);
    // The flags are written all the same.
    const flags = writePlan.ops.find((op) => op.op === 'setValues' && op.sheet === grid.sheet);
    if (flags?.op !== 'setValues') throw new Error('no flag values in the plan');
    const written = fake.state.values(grid.sheet, `L${flags.row}:R${flags.row}`)[0];
    expect(written).toEqual(flags.values[0].map((v) => v ?? ''));
  });
});

describe('the same plan through both hosts', () => {
  test.each(['asakuchi-progress.xlsx', 'asakuchi-strategy.xlsx'])(
    '%s: the same cell values',
    async (file) => {
      const workbook = await loadWorkbook(path.join(FIXTURES, file));
      const grid = readXlsxGrid(workbook.worksheets[0]);
      const writePlan = planFor(grid);

      applyXlsx(workbook, writePlan);
      const saved = new ExcelJS.Workbook();
      await saved.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);

      const { fake, host } = seeded(grid);
      await host.applyPlan(writePlan);

      const sheets = [...new Set(writePlan.ops.flatMap((op) => ('sheet' in op ? [op.sheet] : [])))];
      for (const name of sheets) {
        const xlsxSheet = saved.getWorksheet(name);
        const fakeSheet = fake.state.sheet(name);
        expect(xlsxSheet).toBeDefined();
        expect(fakeSheet).toBeDefined();
        const fromXlsx = readXlsxGrid(xlsxSheet!);
        const area = `A1:${String.fromCharCode(64 + Math.min(26, fromXlsx.values[0].length))}${fromXlsx.values.length}`;
        expect({ sheet: name, values: fake.state.values(name, area) }).toEqual({
          sheet: name,
          values: fromXlsx.values.map((r) => r.slice(0, 26)),
        });
      }
      expect(fake.state.names.map((n) => n.name).sort()).toEqual(
        writePlan.ops.flatMap((op) => (op.op === 'addMark' ? [op.mark.name] : [])).sort(),
      );
    },
  );
});

describe('a second run ends where the first one did', () => {
  test.each([
    ['ExcelApi 1.14', ALL_FEATURES, '1.14'],
    ['ExcelApi 1.7', MINIMUM_FEATURES, '1.7'],
  ])(
    '%s: apply, read back, plan again from the marks, apply again: the workbook is the same',
    async (_n, features, apiVersion) => {
      const grid = await fixtureGrid('asakuchi-progress.xlsx');
      const first = analyze(grid, DEFAULT_SETTINGS);
      if (!first.ok) throw new Error(first.failure.message);
      const { fake, host } = seeded(grid, features, { apiVersion });
      await host.applyPlan(planWrite({ ...first.analysis, now: NOW }));
      const afterOne = fake.state.snapshot();

      // The second plan starts from what Excel now holds: the marks, the flag columns, the extra sheets.
      // (The table's meaning is the first run's: the plan is what this test is about, not the layout.)
      const reread = await host.readGrid();
      expect(reread.marks.length).toBeGreaterThan(0);
      expect(reread.sheetNames).toContain('KPI評価サマリー');
      const second = planWrite({ ...first.analysis, grid: reread, now: NOW });
      expect(second.ops.some((op) => op.op === 'removeMark')).toBe(true);
      await host.applyPlan(second);
      expect(fake.state.snapshot()).toEqual(afterOne);
      // The city's own table is untouched by both runs.
      const right = columnLetters(grid.left + grid.values[0].length - 1);
      const own = `A${grid.top}:${right}${grid.top + grid.values.length - 1}`;
      expect(fake.state.values(grid.sheet, own)).toEqual(grid.values);
    },
  );
});

describe('a second run through the whole pipeline', () => {
  test.each(['asakuchi-progress.xlsx', 'asakuchi-strategy.xlsx'])(
    '%s: read, judge, plan, apply twice: the same workbook, 3 syncs to write',
    async (file) => {
      const grid = await fixtureGrid(file);
      const { fake, host } = seeded(grid);
      await fullRun(host);
      const afterOne = fake.state.snapshot();
      const second = await fullRun(host);
      expect(second.grid.marks.length).toBeGreaterThan(0);
      // Check, the ranges of the earlier run's rules (so only those are deleted), write.
      expect(second.result.syncs).toBe(3);
      expect(fake.state.snapshot()).toEqual(afterOne);
    },
  );
});

describe('saved settings', () => {
  test('null before the first run; the JSON the run saved afterwards, found through its mark', async () => {
    const grid = await fixtureGrid('asakuchi-progress.xlsx');
    const { fake, host } = seeded(grid);
    expect(await host.readSettings()).toBeNull();
    await fullRun(host);
    const saved = await host.readSettings();
    expect(saved).not.toBeNull();
    expect(JSON.parse(saved!)).toMatchObject({ preset: DEFAULT_SETTINGS.preset });
    expect(fake.state.sheet('KPI評価_設定')?.visibility).toBe('VeryHidden');
  });
});
