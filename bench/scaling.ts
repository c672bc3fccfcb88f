/**
 * How `evaluate -o` grows with rows and with blocks, phase by phase, in one process (the package editor, as
 * the command line runs it): open the file and read the sheet into a Grid, read the layout, evaluate and
 * plan, save (apply the plan, serialize the changed parts, write the file). Each size is run `runs` times
 * and the medians kept; the first input is run once more before, untimed, so no size pays the cold JIT
 * alone. Time per row at the larger size ÷ time per row at the smaller is the growth as one number: 1 is
 * linear.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { saveFileSafely } from '../src/cli/safe-save';
import { readKpiSheet } from '../src/core/layout';
import { analyzeRead, plan as planOf } from '../src/core/pipeline';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { openBook } from '../src/xlsx/open-book';
import { applyBookPlan, PACKAGE_CHARTS } from '../src/xlsx/package/apply-book';
import { readBookGrid } from '../src/xlsx/package/read-book';
import { CACHE_DIR, SHEET_NAME, cachedWorkbook } from './generate';
import { median, nowMs } from './stats';

export interface ScalingSize {
  readonly rows: number;
  /** 基本目標 blocks; undefined is the seed's four. */
  readonly blocks?: number;
}

export interface ScalingMeasure {
  readonly rows: number;
  readonly blocks: number;
  readonly runs: number;
  /** Medians in milliseconds. */
  readonly loadMs: number;
  readonly layoutMs: number;
  readonly evaluateMs: number;
  readonly saveMs: number;
  readonly totalMs: number;
}

const NOW = new Date(Date.UTC(2026, 0, 1));

async function once(
  input: string,
  output: string,
): Promise<{ load: number; layout: number; evaluate: number; save: number; blocks: number }> {
  const t0 = nowMs();
  const book = await openBook(input);
  const grid = readBookGrid(book, SHEET_NAME);
  const t1 = nowMs();
  const layout = readKpiSheet(grid);
  const t2 = nowMs();
  const analyzed = analyzeRead(grid, layout, DEFAULT_SETTINGS);
  if (!analyzed.ok) throw new Error(analyzed.failure.message);
  const plan = planOf(analyzed.analysis, { now: NOW, charts: PACKAGE_CHARTS });
  const t3 = nowMs();
  applyBookPlan(book, plan);
  await saveFileSafely(output, book.toBuffer());
  const t4 = nowMs();
  return {
    load: t1 - t0,
    layout: t2 - t1,
    evaluate: t3 - t2,
    save: t4 - t3,
    blocks: analyzed.analysis.sheet.blocks.length,
  };
}

export async function measureScaling(sizes: readonly ScalingSize[], runs = 3): Promise<ScalingMeasure[]> {
  const inputs: string[] = [];
  for (const size of sizes) inputs.push(await cachedWorkbook(size.rows, size.blocks));
  const output = join(CACHE_DIR, `scaling-out-${process.pid}.xlsx`);
  if (inputs.length > 0) await once(inputs[0], output);
  const out: ScalingMeasure[] = [];
  for (const [i, size] of sizes.entries()) {
    const samples: Awaited<ReturnType<typeof once>>[] = [];
    for (let run = 0; run < runs; run++) samples.push(await once(inputs[i], output));
    const pick = (key: 'load' | 'layout' | 'evaluate' | 'save'): number => median(samples.map((s) => s[key]));
    out.push({
      rows: size.rows,
      blocks: samples[0].blocks,
      runs,
      loadMs: pick('load'),
      layoutMs: pick('layout'),
      evaluateMs: pick('evaluate'),
      saveMs: pick('save'),
      totalMs: median(samples.map((s) => s.load + s.layout + s.evaluate + s.save)),
    });
  }
  rmSync(output, { force: true });
  return out;
}
