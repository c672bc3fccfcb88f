/**
 * Core throughput alone (the Core row of `npm run bench`), for profiling without the full bench:
 *
 *   npx tsx bench/core-only.ts            10,000 rows, 7 runs after 2 warm-up runs
 *   KPI_ROWS=5000 npx tsx bench/core-only.ts
 */
import { measureCore } from './core';
import { generatedGrid } from './generate';

const kpiRows = Number(process.env.KPI_ROWS ?? 10_000);
const runs = Number(process.env.CORE_RUNS ?? 7);
const m = measureCore(kpiRows, generatedGrid(kpiRows), runs, 2);
const ms = (n: number): string => n.toFixed(0);
process.stdout.write(
  `core ${kpiRows} rows: ${Math.round(m.rowsPerSecond).toLocaleString('en-US')} rows/s ` +
    `(${ms(m.totalMs)} ms: layout ${ms(m.layoutMs)}, evaluate ${ms(m.evaluateMs)}, plan ${ms(m.planMs)}; median of ${m.runs})\n`,
);
