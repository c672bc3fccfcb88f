/**
 * How the command line's save grows: `evaluate -o` on KPI sheets of 5,000 rows in 100 blocks and 50,000 rows
 * in 1,000 blocks (rows and blocks both ×10, as a city's big file grows). Save = applying the plan to the
 * package, serializing the changed parts and writing the file; linear growth is 10×, ExcelJS's was near
 * blocks × rows. In one process, each size's input read and planned first, the save timed alone (median).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { saveFileSafely } from '../src/cli/safe-save';
import { plan as planOf, analyzeRead } from '../src/core/pipeline';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { openBook, pickBookSheet } from '../src/xlsx/open-book';
import { applyBookPlan, PACKAGE_CHARTS } from '../src/xlsx/package/apply-book';
import { CACHE_DIR, generateWorkbook } from './generate';
import { median, nowMs } from './stats';

export interface SaveSize {
  readonly rows: number;
  readonly blocks: number;
}

export const SAVE_SIZES: readonly SaveSize[] = [
  { rows: 5_000, blocks: 100 },
  { rows: 50_000, blocks: 1_000 },
];

export interface SaveMeasure {
  readonly rows: number;
  readonly blocks: number;
  /** Median of the runs: open + read the sheet, and the save (apply + serialize + write). */
  readonly loadMs: number;
  readonly saveMs: number;
  readonly serializeMs: number;
  readonly runs: number;
}

async function inputFor(rows: number, blocks: number): Promise<string> {
  const path = join(CACHE_DIR, `kpi-${rows}-${blocks}b.xlsx`);
  if (!existsSync(path)) await generateWorkbook(rows, blocks).workbook.xlsx.writeFile(path);
  return path;
}

export async function measureSave(runs = 3, sizes: readonly SaveSize[] = SAVE_SIZES): Promise<SaveMeasure[]> {
  const out: SaveMeasure[] = [];
  for (const { rows, blocks } of sizes) {
    const input = await inputFor(rows, blocks);
    const loads: number[] = [];
    const saves: number[] = [];
    const serializes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = nowMs();
      const book = await openBook(input);
      const picked = pickBookSheet(book, undefined);
      const t1 = nowMs();
      const analyzed = analyzeRead(picked.grid, picked.layout, DEFAULT_SETTINGS);
      if (!analyzed.ok) throw new Error(analyzed.failure.message);
      const plan = planOf(analyzed.analysis, { now: new Date(Date.UTC(2026, 0, 1)), charts: PACKAGE_CHARTS });
      const t2 = nowMs();
      applyBookPlan(book, plan);
      const bytes = book.toBuffer();
      const t3 = nowMs();
      await saveFileSafely(join(CACHE_DIR, `save-${rows}.xlsx`), bytes);
      const t4 = nowMs();
      loads.push(t1 - t0);
      saves.push(t4 - t2);
      serializes.push(t3 - t2);
    }
    out.push({
      rows,
      blocks,
      loadMs: median(loads),
      saveMs: median(saves),
      serializeMs: median(serializes),
      runs,
    });
  }
  return out;
}
