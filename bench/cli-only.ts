/**
 * The command line row of `npm run bench` alone, for profiling without the full bench:
 *
 *   npx tsx bench/cli-only.ts             10,000 rows, 5 alternating rounds
 *   BENCH_ROUNDS=3 npx tsx bench/cli-only.ts
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, measureCli } from './cli';
import { CACHE_DIR, writeGeneratedWorkbook } from './generate';

async function main(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  await buildCli();
  const cached = join(CACHE_DIR, 'kpi-10000.xlsx');
  const input = existsSync(cached) ? cached : await writeGeneratedWorkbook(10_000);
  const m = await measureCli(input, CACHE_DIR, rounds);
  const s = (ms: number): string => (ms / 1000).toFixed(2);
  const runs = (list: typeof m.cli): string =>
    list.map((r) => `${s(r.ms)} s / ${Math.round(r.maxRssKb / 1024)} MB`).join(', ');
  process.stdout.write(
    `cli ÷ exceljs: ${m.ratio.toFixed(2)}× (${s(m.cliMs)} s vs ${s(m.exceljsMs)} s; medians of ${m.rounds}); ` +
      `peak ${Math.round(m.cliRssKb / 1024)} vs ${Math.round(m.exceljsRssKb / 1024)} MB\n` +
      `  kpi-sheet: ${runs(m.cli)}\n  exceljs:   ${runs(m.exceljs)}\n`,
  );
}

void main();
