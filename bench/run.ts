/**
 * `npm run bench`: generates KPI sheets of 50, 500, 5,000 and 10,000 rows in the city's layout and measures,
 * in one table: Office.js round trips and rules (recording fake), core throughput, the command line's
 * overhead over ExcelJS alone, and the task pane's size. Prints the table and writes it to bench/RESULTS.md,
 * keeping that file's hand-written notes (everything after NOTES_MARKER).
 *
 *   npm run bench                 full run (2 to 3 minutes on 2 cores)
 *   BENCH_ROUNDS=9 npm run bench  more command line rounds (default 5)
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
import { BENCH_SIZES, CACHE_DIR, SHEET_NAME, generateWorkbook } from './generate';
import { grouped, nowMs } from './stats';
import { measureSave, SAVE_SIZES, type SaveMeasure, type SaveSize } from './save-scaling';
import { measureTaskpane } from './taskpane';
import type { TaskpaneMeasure } from './taskpane';
import { readGrid } from '../src/xlsx/read-grid';
import type { Grid } from '../src/core/types';
import { mkdir } from 'node:fs/promises';

const RESULTS = resolve(__dirname, 'RESULTS.md');
const NOTES_MARKER = '<!-- notes: kept by npm run bench -->';
/**
 * `npm run bench -- --quick`: the same figures at a tenth of the sizes and fewer runs, for a check under two
 * minutes on a small machine; it prints the table and leaves bench/RESULTS.md (the full run's) alone.
 */
const QUICK = process.argv.includes('--quick');
const COMMAND = QUICK ? 'npm run bench -- --quick' : 'npm run bench';
const SIZES: readonly number[] = QUICK ? [50, 500, 1_000] : BENCH_SIZES;
const CORE_SIZE = QUICK ? 1_000 : 10_000;
const CLI_SIZE = QUICK ? 1_000 : 10_000;
const CORE_RUNS = QUICK ? 3 : 7;
const CORE_WARM_UP = QUICK ? 1 : 2;
const SAVE_RUNS = QUICK ? 1 : 3;
const SAVE_QUICK: readonly SaveSize[] = [
  { rows: 500, blocks: 10 },
  { rows: 5_000, blocks: 100 },
];

const GOALS = {
  applySyncs: 3,
  rowsPerSecond: 100_000,
  /** `evaluate -o` (the package editor) at no more than half of ExcelJS alone reading and writing the same file. */
  cliRatio: 0.5,
  /** The package editor's save time from 5,000 rows in 100 blocks to 50,000 rows in 1,000 blocks (linear is 10×). */
  saveGrowth: 11,
} as const;

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
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

interface Results {
  readonly excel: readonly ExcelHostMeasure[];
  readonly core: CoreMeasure;
  readonly cli: CliMeasure;
  readonly save: readonly SaveMeasure[];
  readonly taskpane: TaskpaneMeasure;
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
  const l = results.cli;
  rows.push([
    'CLI: `evaluate -o` ÷ ExcelJS read+write',
    grouped(CLI_SIZE),
    `**${l.ratio.toFixed(2)}×** (${(l.cliMs / 1000).toFixed(2)} s vs ${(l.exceljsMs / 1000).toFixed(2)} s; medians of ${l.rounds}, alternating)`,
    `≤ ${GOALS.cliRatio}`,
    mark(l.ratio <= GOALS.cliRatio),
  ]);
  rows.push([
    'CLI: peak memory',
    grouped(CLI_SIZE),
    `${(l.cliRssKb / 1024).toFixed(0)} MB vs ExcelJS alone ${(l.exceljsRssKb / 1024).toFixed(0)} MB (${l.rssSource})`,
    'below ExcelJS alone',
    mark(l.cliRssKb < l.exceljsRssKb),
  ]);
  const [small, large] = results.save;
  const growth = large.saveMs / small.saveMs;
  rows.push([
    'CLI: save time growth (apply + serialize + write)',
    `${grouped(small.rows)} → ${grouped(large.rows)}`,
    `**${growth.toFixed(1)}×** (${small.saveMs.toFixed(0)} ms at ${grouped(small.blocks)} blocks → ${large.saveMs.toFixed(0)} ms at ${grouped(large.blocks)} blocks; medians of ${large.runs})`,
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
  const l = results.cli;
  const runs = (label: string, list: CliMeasure['cli']): string =>
    `${label}: ${list.map((r) => `${(r.ms / 1000).toFixed(2)} s / ${(r.maxRssKb / 1024).toFixed(0)} MB`).join(', ')}`;
  const others = results.taskpane.others
    .map((s) => `${s.file} ${kb(s.bytes)} (gzip ${kb(s.gzipBytes)})`)
    .join(', ');
  const saves = results.save
    .map(
      (m) =>
        `${grouped(m.rows)} rows / ${grouped(m.blocks)} blocks: open + read ${m.loadMs.toFixed(0)} ms, ` +
        `apply + serialize ${m.serializeMs.toFixed(0)} ms, save in all ${m.saveMs.toFixed(0)} ms`,
    )
    .join('; ');
  return [
    `- Command line runs (wall time / peak RSS), in order: ${runs('kpi-sheet', l.cli)}; ${runs('ExcelJS alone', l.exceljs)}.`,
    `- Save growth (in one process, bench/save-scaling.ts): ${saves}.`,
    `- Other scripts of the web build (not loaded by the task pane in Excel): ${others || 'none'}.`,
  ].join('\n');
}

function writeResults(machine: string, body: string, extra: string): void {
  const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
  const at = previous.indexOf(NOTES_MARKER);
  const notes = at >= 0 ? previous.slice(at) : `${NOTES_MARKER}\n\n## Notes\n\n(none yet)\n`;
  const text = [
    '# Benchmark results',
    '',
    `Produced by \`${COMMAND}\` on ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; ${machine}.`,
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

async function main(): Promise<void> {
  const started = nowMs();
  const rounds = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 3 : 5));
  await mkdir(CACHE_DIR, { recursive: true });
  const machine = machineLine();
  log(machine);

  log('building the command line (npm run build:cli)');
  const cliBuilt = buildCli();

  const grids = new Map<number, Grid>();
  let cliInput = '';
  for (const size of SIZES) {
    log(`generating ${grouped(size)} KPI rows`);
    const { workbook } = generateWorkbook(size);
    grids.set(size, readGrid(workbook.getWorksheet(SHEET_NAME)!));
    if (size === CLI_SIZE) {
      cliInput = join(CACHE_DIR, `kpi-${size}.xlsx`);
      await workbook.xlsx.writeFile(cliInput);
    }
  }

  const excel: ExcelHostMeasure[] = [];
  for (const size of SIZES) {
    log(`Excel host (fake), ${grouped(size)} rows`);
    excel.push(await measureExcelHost(size, grids.get(size)!));
  }

  log(`core, ${grouped(CORE_SIZE)} rows, ${CORE_WARM_UP} warm-up + ${CORE_RUNS} runs`);
  const core = measureCore(CORE_SIZE, grids.get(CORE_SIZE)!, CORE_RUNS, CORE_WARM_UP);
  grids.clear();

  await cliBuilt;
  log(`command line vs ExcelJS, ${grouped(CLI_SIZE)} rows, ${rounds} rounds`);
  const cli = await measureCli(cliInput, CACHE_DIR, rounds);

  const saveSizes = QUICK ? SAVE_QUICK : SAVE_SIZES;
  log(
    `command line save growth: ${saveSizes.map((z) => `${grouped(z.rows)} rows / ${grouped(z.blocks)} blocks`).join(' and ')}`,
  );
  const save = await measureSave(SAVE_RUNS, saveSizes);

  log(`task pane: webpack production build into ${join(CACHE_DIR, 'dist')}`);
  const taskpane = await measureTaskpane(join(CACHE_DIR, 'dist'));

  const results: Results = { excel, core, cli, save, taskpane };
  const body = table(results);
  process.stdout.write(`${machine}\n\n${body}\n`);
  if (!QUICK) writeResults(machine, body, details(results));
  log(
    `done in ${((nowMs() - started) / 1000).toFixed(0)} s${QUICK ? ' (quick: bench/RESULTS.md left as it was)' : '; wrote bench/RESULTS.md'}`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
