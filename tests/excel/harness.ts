/** A fake Excel seeded with a grid, the Excel host on it, and the plan the core makes for the grid. */
import { analyze, plan } from '../../src/core/pipeline';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Grid, Settings, WritePlan } from '../../src/core/types';
import { ExcelWorkbookHost } from '../../src/excel/excel-host';
import type { ExcelRunner } from '../../src/excel/runner';
import { ALL_FEATURES } from '../../src/excel/features';
import type { Features } from '../../src/excel/features';
import { FakeExcel } from './fake-excel';
import type { FakeExcelOptions } from './fake-excel';

export const NOW = new Date('2026-11-21T09:00:00+09:00');

export function runnerFor(fake: FakeExcel): ExcelRunner {
  return {
    run: (batch, options) => fake.run(batch, options),
    runWith: (context, batch) => batch(context),
  };
}

export interface Harness {
  readonly fake: FakeExcel;
  readonly host: ExcelWorkbookHost;
}

export function seeded(
  grid: Grid,
  features: Features = ALL_FEATURES,
  options: FakeExcelOptions = {},
): Harness {
  const fake = new FakeExcel(options);
  fake.state.seed(grid);
  fake.state.activeSheet = grid.sheet;
  const host = new ExcelWorkbookHost({ runner: runnerFor(fake), features, language: 'ja' });
  return { fake, host };
}

export function planFor(grid: Grid, settings: Settings = DEFAULT_SETTINGS): WritePlan {
  const result = analyze(grid, settings);
  if (!result.ok) throw new Error(result.failure.message);
  return plan(result.analysis, { now: NOW });
}

/** One full run as the pane does it: read, judge, plan, apply. */
export async function fullRun(host: ExcelWorkbookHost, settings: Settings = DEFAULT_SETTINGS) {
  const grid = await host.readGrid();
  const writePlan = planFor(grid, settings);
  const result = await host.applyPlan(writePlan);
  return { grid, writePlan, result };
}
