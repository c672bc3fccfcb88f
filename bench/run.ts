/**
 * `npm run bench`: generates KPI sheets in the city's layout and measures, in one table: Office.js round trips
 * and rules (recording fake), core throughput, the command line against ExcelJS alone at three sizes, how
 * `evaluate -o` and the layout reader grow with rows and with blocks (time per row at the larger size ÷ at the
 * smaller), and the task pane's size. Every ratio compares figures taken in the same run. Prints the table
 * and writes it to bench/RESULTS.md, keeping that file's hand-written notes (everything after NOTES_MARKER).
 *
 *   npm run bench                 full run (about 8 minutes on 2 cores, most of it ExcelJS reading the
 *                                 50,000-row workbook: 2 minutes a run; do not run it on a busy machine)
 *   npm run bench -- --quick      the same figures at a tenth of the sizes, under 2 minutes; prints only
 *   BENCH_ROUNDS=9 npm run bench  more command line rounds (default 5, --quick 3; at the largest size at most
 *                                 2, --quick 3)
 *   KPI_BENCH_DIR=…               where the generated workbooks are kept (default <tmp>/kpi-sheet-bench)
 */
import { cpus, loadavg } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildCli, measureCli } from './cli';
import type { CliMeasure } from './cli';
import { measureCore } from './core';
import type { CoreMeasure } from './core';
import { measureExcelHost } from './excel-host';
import type { ExcelHostMeasure } from './excel-host';
import { CACHE_DIR, SHEET_NAME, cachedWorkbook, generateWorkbook } from './generate';
import { grouped, nowMs } from './stats';
import { measureScaling, type ScalingMeasure, type ScalingSize } from './scaling';
import { measureTaskpane } from './taskpane';
import type { TaskpaneMeasure } from './taskpane';
import { readGrid } from '../src/xlsx/read-grid';
import type { Grid } from '../src/core/types';
import { mkdir } from 'node:fs/promises';

const RESULTS = resolve(__dirname, 'RESULTS.md');
const NOTES_MARKER = '<!-- notes: kept by npm run bench -->';

/** What one run measures: the full run's sizes, or --quick's (the same figures, a tenth of the rows). */
interface BenchSizes {
  readonly command: string;
  /** Excel host (fake) runs. */
  readonly host: readonly number[];
  readonly core: number;
  /** Core runs after its warm-up runs. */
  readonly coreRuns: number;
  readonly coreWarmUp: number;
  /** Command line ÷ ExcelJS, each size in its own processes; the middle one also gives peak memory. */
  readonly cli: readonly [number, number, number];
  /** Rows ×10 at the seed's four blocks, then rows and blocks both ×10. */
  readonly rows: readonly [ScalingSize, ScalingSize];
  readonly blocks: readonly [ScalingSize, ScalingSize];
  /** The smallest command line size the ÷ ExcelJS goal is judged at (below, start-up is most of it). */
  readonly judgedFrom: number;
  /** In-process runs per scaling size, and command line rounds at the largest size. */
  readonly scalingRuns: number;
  readonly largeRounds: number;
  /** Command line rounds at the other sizes (BENCH_ROUNDS overrides). */
  readonly rounds: number;
}

const FULL: BenchSizes = {
  command: 'npm run bench',
  host: [50, 500, 5_000, 10_000],
  core: 10_000,
  coreRuns: 7,
  coreWarmUp: 2,
  cli: [1_000, 10_000, 50_000],
  judgedFrom: 10_000,
  rows: [{ rows: 5_000 }, { rows: 50_000 }],
  blocks: [
    { rows: 5_000, blocks: 100 },
    { rows: 50_000, blocks: 1_000 },
  ],
  scalingRuns: 3,
  largeRounds: 2,
  rounds: 5,
};

const QUICK: BenchSizes = {
  command: 'npm run bench -- --quick',
  host: [50, 500, 1_000],
  core: 1_000,
  coreRuns: 3,
  coreWarmUp: 1,
  cli: [100, 1_000, 5_000],
  judgedFrom: 1_000,
  rows: [{ rows: 500 }, { rows: 5_000 }],
  blocks: [
    { rows: 500, blocks: 10 },
    { rows: 5_000, blocks: 100 },
  ],
  scalingRuns: 3,
  largeRounds: 3,
  rounds: 3,
};

const GOALS = {
  applySyncs: 3,
  rowsPerSecond: 100_000,
  /** `evaluate -o` at no more than half of ExcelJS alone reading and writing the same file, from 10,000 rows up. */
  cliRatio: 0.5,
  /** Time per row (or per block) at ten times the size, within this factor of the smaller size's. */
  perRowGrowth: 1.3,
  /** Save time from 5,000 rows in 100 blocks to 50,000 rows in 1,000 blocks (linear is 10×). */
  saveGrowth: 11,
} as const;

const START = nowMs();

function log(message: string): void {
  process.stderr.write(`bench ${((nowMs() - START) / 1000).toFixed(0).padStart(3)} s: ${message}\n`);
}

function mark(ok: boolean): string {
  return ok ? 'met' : '**missed**';
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function machineLine(): string {
  const list = cpus();
  const model = list[0]?.model.trim() ?? 'unknown';
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');
  return `${list.length} CPUs (${model}), node ${process.version}, ${process.platform} ${process.arch}, load average ${load} at start`;
}

interface CliAtSize {
  readonly rows: number;
  readonly measure: CliMeasure;
}

interface Results {
  readonly sizes: BenchSizes;
  readonly excel: readonly ExcelHostMeasure[];
  readonly core: CoreMeasure;
  readonly cli: readonly CliAtSize[];
  readonly rows: readonly [ScalingMeasure, ScalingMeasure];
  readonly blocks: readonly [ScalingMeasure, ScalingMeasure];
  readonly taskpane: TaskpaneMeasure;
}

const s2 = (ms: number): string => (ms / 1000).toFixed(2);
/** Microseconds per unit. */
const per = (ms: number, n: number): number => (ms * 1000) / n;
const us = (n: number): string => `${n.toFixed(n < 10 ? 2 : 1)} µs`;

/** `5,000 → 50,000 rows (4 blocks)` or `100 → 1,000 blocks (5,000 → 50,000 rows)`. */
function pairLabel([a, b]: readonly [ScalingMeasure, ScalingMeasure], unit: 'rows' | 'blocks'): string {
  return unit === 'rows'
    ? `${grouped(a.rows)} → ${grouped(b.rows)} rows (${a.blocks} blocks)`
    : `${grouped(a.blocks)} → ${grouped(b.blocks)} blocks (${grouped(a.rows)} → ${grouped(b.rows)} rows)`;
}

/** A growth row: time per row (or per block) at each size and their ratio. */
function growthRow(
  label: string,
  pair: readonly [ScalingMeasure, ScalingMeasure],
  unit: 'rows' | 'blocks',
  ms: (m: ScalingMeasure) => number,
): string[] {
  const [a, b] = pair;
  const count = (m: ScalingMeasure): number => (unit === 'rows' ? m.rows : m.blocks);
  const ratio = per(ms(b), count(b)) / per(ms(a), count(a));
  const name = unit === 'rows' ? 'row' : 'block';
  return [
    label,
    pairLabel(pair, unit),
    `**${ratio.toFixed(2)}×** time per ${name} (${us(per(ms(a), count(a)))} → ${us(per(ms(b), count(b)))}; ` +
      `${ms(a).toFixed(0)} → ${ms(b).toFixed(0)} ms, medians of ${b.runs})`,
    `≤ ${GOALS.perRowGrowth}×`,
    mark(ratio <= GOALS.perRowGrowth),
  ];
}

function table(results: Results): string {
  const rows: string[][] = [];
  const constantRules = new Set(results.excel.map((m) => m.rules)).size === 1;
  for (const m of results.excel) {
    const rulesOk = m.rulesAfterRerun === m.rules && constantRules;
    const applyOk = m.applySyncs <= GOALS.applySyncs && m.rerunApplySyncs <= GOALS.applySyncs;
    const total = m.readSyncs + m.applySyncs;
    const verdict =
      total <= GOALS.applySyncs && applyOk && rulesOk
        ? 'met'
        : applyOk && rulesOk
          ? `apply and rules met; **full run ${total}** (read split under the 5 MB limit)`
          : mark(false);
    rows.push([
      'Excel host (fake): syncs, rules',
      grouped(m.kpiRows),
      `${total} syncs = read ${m.readSyncs} + apply ${m.applySyncs}; ${m.rules} rules; re-run: apply ${m.rerunApplySyncs} syncs, ${m.rulesAfterRerun} rules`,
      `≤ ${GOALS.applySyncs} syncs; rules constant`,
      verdict,
    ]);
  }
  const c = results.core;
  rows.push([
    'Core: read + judge + plan',
    grouped(c.kpiRows),
    `**${grouped(c.rowsPerSecond)} rows/s** (${c.totalMs.toFixed(0)} ms: layout ${c.layoutMs.toFixed(0)}, evaluate ${c.evaluateMs.toFixed(0)}, plan ${c.planMs.toFixed(0)}; median of ${c.runs})`,
    `≥ ${grouped(GOALS.rowsPerSecond)} rows/s`,
    mark(c.rowsPerSecond >= GOALS.rowsPerSecond),
  ]);
  for (const { rows: size, measure: l } of results.cli) {
    // At the smallest size node's start-up is most of either side's time: shown, not judged.
    const judged = size >= results.sizes.judgedFrom;
    rows.push([
      'CLI: `evaluate -o` ÷ ExcelJS read+write',
      grouped(size),
      `**${l.ratio.toFixed(2)}×** (${s2(l.cliMs)} s vs ${s2(l.exceljsMs)} s; medians of ${l.rounds}, alternating)`,
      judged ? `≤ ${GOALS.cliRatio}` : '—',
      judged ? mark(l.ratio <= GOALS.cliRatio) : 'shown only',
    ]);
  }
  // Marginal time per row between the sizes: start-up cancels out, so a straight line gives equal slopes.
  const slope = (pick: (m: CliMeasure) => number, i: number): number =>
    per(
      pick(results.cli[i + 1].measure) - pick(results.cli[i].measure),
      results.cli[i + 1].rows - results.cli[i].rows,
    );
  const [a, b, c3] = results.cli.map((x) => x.rows);
  const cliSlopes = [slope((m) => m.cliMs, 0), slope((m) => m.cliMs, 1)];
  const baseSlopes = [slope((m) => m.exceljsMs, 0), slope((m) => m.exceljsMs, 1)];
  rows.push([
    'CLI: time per added row between sizes (process wall time)',
    `${grouped(a)} → ${grouped(b)} → ${grouped(c3)}`,
    `kpi-sheet **${us(cliSlopes[0])} → ${us(cliSlopes[1])} (${(cliSlopes[1] / cliSlopes[0]).toFixed(2)}×)**; ` +
      `ExcelJS ${us(baseSlopes[0])} → ${us(baseSlopes[1])} (${(baseSlopes[1] / baseSlopes[0]).toFixed(2)}×)`,
    `≤ ${GOALS.perRowGrowth}×`,
    mark(cliSlopes[1] / cliSlopes[0] <= GOALS.perRowGrowth),
  ]);
  const middle = results.cli[1];
  rows.push([
    'CLI: peak memory',
    grouped(middle.rows),
    `${(middle.measure.cliRssKb / 1024).toFixed(0)} MB vs ExcelJS alone ${(middle.measure.exceljsRssKb / 1024).toFixed(0)} MB (${middle.measure.rssSource})`,
    'below ExcelJS alone',
    mark(middle.measure.cliRssKb < middle.measure.exceljsRssKb),
  ]);
  const total = (m: ScalingMeasure): number => m.totalMs;
  const layout = (m: ScalingMeasure): number => m.layoutMs;
  rows.push(growthRow('`evaluate -o` in one process: growth with rows', results.rows, 'rows', total));
  rows.push(growthRow('`evaluate -o` in one process: growth with blocks', results.blocks, 'rows', total));
  rows.push(growthRow('Layout reading: growth with rows', results.rows, 'rows', layout));
  rows.push(growthRow('Layout reading: time at 10× the blocks', results.blocks, 'blocks', layout));
  const [small, large] = results.blocks;
  const growth = large.saveMs / small.saveMs;
  rows.push([
    'CLI: save time growth (apply + serialize + write)',
    pairLabel(results.blocks, 'blocks'),
    `**${growth.toFixed(1)}×** (${small.saveMs.toFixed(0)} → ${large.saveMs.toFixed(0)} ms; medians of ${large.runs})`,
    `≤ ${GOALS.saveGrowth}×`,
    mark(growth <= GOALS.saveGrowth),
  ]);
  const t = results.taskpane;
  rows.push([
    'Task pane: minified script',
    '—',
    `${t.entry.file}: ${kb(t.entry.bytes)}, gzip ${kb(t.entry.gzipBytes)} (office.js not counted)`,
    '< 300 KB',
    mark(t.entry.bytes < 300 * 1024),
  ]);
  const head = ['Measure', 'KPI rows', 'Result', 'Goal', 'Goal met'];
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function details(results: Results): string {
  const runs = (label: string, list: CliMeasure['cli']): string =>
    `${label}: ${list.map((r) => `${s2(r.ms)} s / ${(r.maxRssKb / 1024).toFixed(0)} MB`).join(', ')}`;
  const others = results.taskpane.others
    .map((s) => `${s.file} ${kb(s.bytes)} (gzip ${kb(s.gzipBytes)})`)
    .join(', ');
  const phases = [...results.rows, ...results.blocks]
    .map(
      (m) =>
        `${grouped(m.rows)} rows / ${grouped(m.blocks)} blocks: open + read ${m.loadMs.toFixed(0)} ms, ` +
        `layout ${m.layoutMs.toFixed(0)}, evaluate + plan ${m.evaluateMs.toFixed(0)}, save ${m.saveMs.toFixed(0)}, ` +
        `in all ${m.totalMs.toFixed(0)} ms (${us(per(m.totalMs, m.rows))} a row)`,
    )
    .join('; ');
  return [
    ...results.cli.map(
      ({ rows, measure: l }) =>
        `- Command line runs at ${grouped(rows)} rows (wall time / peak RSS), in order: ${runs('kpi-sheet', l.cli)}; ${runs('ExcelJS alone', l.exceljs)}.`,
    ),
    `- Phases in one process (bench/scaling.ts, medians): ${phases}.`,
    `- Other scripts of the web build (not loaded by the task pane in Excel): ${others || 'none'}.`,
  ].join('\n');
}

function writeResults(command: string, machine: string, body: string, extra: string): void {
  const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
  const at = previous.indexOf(NOTES_MARKER);
  const notes = at >= 0 ? previous.slice(at) : `${NOTES_MARKER}\n\n## Notes\n\n(none yet)\n`;
  const text = [
    '# Benchmark results',
    '',
    `Produced by \`${command}\` on ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; ${machine}.`,
    '',
    body,
    '',
    extra,
    '',
    notes.trimEnd(),
    '',
  ].join('\n');
  writeFileSync(RESULTS, text);
}

function loadNow(): string {
  return loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');
}

async function main(): Promise<void> {
  const started = nowMs();
  const sizes = process.argv.includes('--quick') ? QUICK : FULL;
  const rounds = Number(process.env.BENCH_ROUNDS ?? sizes.rounds);
  await mkdir(CACHE_DIR, { recursive: true });
  const machine = machineLine();
  log(machine);

  log('building the command line (npm run build:cli)');
  const cliBuilt = buildCli();

  const grids = new Map<number, Grid>();
  for (const size of new Set([...sizes.host, sizes.core])) {
    log(`generating ${grouped(size)} KPI rows`);
    const { workbook } = generateWorkbook(size);
    grids.set(size, readGrid(workbook.getWorksheet(SHEET_NAME)!));
  }

  const excel: ExcelHostMeasure[] = [];
  for (const size of sizes.host) {
    log(`Excel host (fake), ${grouped(size)} rows`);
    excel.push(await measureExcelHost(size, grids.get(size)!));
  }

  log(`core, ${grouped(sizes.core)} rows, ${sizes.coreWarmUp} warm-up + ${sizes.coreRuns} runs`);
  const core = measureCore(sizes.core, grids.get(sizes.core)!, sizes.coreRuns, sizes.coreWarmUp);
  grids.clear();

  await cliBuilt;
  const cli: CliAtSize[] = [];
  for (const [i, size] of sizes.cli.entries()) {
    const input = await cachedWorkbook(size);
    const n = i === sizes.cli.length - 1 ? Math.min(rounds, sizes.largeRounds) : rounds;
    log(`command line vs ExcelJS, ${grouped(size)} rows, ${n} rounds (load ${loadNow()})`);
    cli.push({ rows: size, measure: await measureCli(input, CACHE_DIR, n) });
  }

  const scalingSizes = [...sizes.rows, ...sizes.blocks];
  log(
    `evaluate -o in one process: ${scalingSizes.map((z) => `${grouped(z.rows)} rows / ${z.blocks ?? 4} blocks`).join(', ')} (load ${loadNow()})`,
  );
  const scaled = await measureScaling(scalingSizes, sizes.scalingRuns);

  log(`task pane: webpack production build into ${join(CACHE_DIR, 'dist')} (load ${loadNow()})`);
  const taskpane = await measureTaskpane(
    join(CACHE_DIR, 'dist'),
    sizes === QUICK ? join(CACHE_DIR, 'webpack-cache') : undefined,
  );

  const results: Results = {
    sizes,
    excel,
    core,
    cli,
    rows: [scaled[0], scaled[1]],
    blocks: [scaled[2], scaled[3]],
    taskpane,
  };
  const body = table(results);
  const ended = `load average ${loadNow()} at the end`;
  process.stdout.write(`${machine}; ${ended}\n\n${body}\n\n${details(results)}\n`);
  if (sizes === FULL) writeResults(sizes.command, `${machine}, ${ended}`, body, details(results));
  log(
    `done in ${((nowMs() - started) / 1000).toFixed(0)} s` +
      (sizes === FULL ? '; wrote bench/RESULTS.md' : ' (--quick: bench/RESULTS.md left as it is)'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
