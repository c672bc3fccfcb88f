/**
 * Command line overhead: `kpi-sheet evaluate in.xlsx -o out.xlsx` against ExcelJS alone reading and
 * rewriting the same workbook (bench/exceljs-roundtrip.js), each in its own node process, alternating,
 * several rounds; wall time and peak resident memory of each run.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { median, nowMs } from './stats';

const ROOT = resolve(__dirname, '..');
const TIME = '/usr/bin/time';

export interface ProcessRun {
  readonly ms: number;
  readonly maxRssKb: number;
}

export interface CliMeasure {
  readonly rounds: number;
  readonly cli: readonly ProcessRun[];
  readonly exceljs: readonly ProcessRun[];
  readonly cliMs: number;
  readonly exceljsMs: number;
  readonly ratio: number;
  readonly cliRssKb: number;
  readonly exceljsRssKb: number;
  /** How peak memory was measured. */
  readonly rssSource: string;
}

function run(
  command: string,
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, stderr }));
  });
}

/** One node process, timed from the parent; peak RSS from /usr/bin/time, else from the child itself. */
async function timedNode(script: readonly string[], rssFile: string): Promise<ProcessRun> {
  rmSync(rssFile, { force: true });
  const useTime = existsSync(TIME);
  const [command, args] = useTime
    ? [TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...script]]
    : [process.execPath, ['-r', join(ROOT, 'bench', 'report-rss.js'), ...script]];
  const start = nowMs();
  const result = await run(command, args, ROOT);
  const ms = nowMs() - start;
  if (result.code !== 0) throw new Error(`${script.join(' ')} failed (${result.code}):\n${result.stderr}`);
  const rss = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
  return { ms, maxRssKb: rss };
}

export async function measureCli(input: string, workDir: string, rounds: number): Promise<CliMeasure> {
  const rssFile = join(workDir, 'rss.txt');
  const cliOut = join(workDir, 'out-cli.xlsx');
  const baseOut = join(workDir, 'out-exceljs.xlsx');
  process.env.BENCH_RSS_FILE = rssFile;
  const cli: ProcessRun[] = [];
  const exceljs: ProcessRun[] = [];
  for (let round = 0; round < rounds; round += 1) {
    // Alternate which goes first, so neither always runs on a warmer disk cache.
    const pair = [
      async () =>
        exceljs.push(await timedNode([join('bench', 'exceljs-roundtrip.js'), input, baseOut], rssFile)),
      async () =>
        cli.push(await timedNode([join('bin', 'kpi-sheet.js'), 'evaluate', input, '-o', cliOut], rssFile)),
    ];
    if (round % 2 === 1) pair.reverse();
    for (const step of pair) await step();
    rmSync(cliOut, { force: true });
    rmSync(baseOut, { force: true });
  }
  const cliMs = median(cli.map((r) => r.ms));
  const exceljsMs = median(exceljs.map((r) => r.ms));
  return {
    rounds,
    cli,
    exceljs,
    cliMs,
    exceljsMs,
    ratio: cliMs / exceljsMs,
    cliRssKb: Math.max(...cli.map((r) => r.maxRssKb)),
    exceljsRssKb: Math.max(...exceljs.map((r) => r.maxRssKb)),
    rssSource: existsSync(TIME) ? '/usr/bin/time %M' : 'process.resourceUsage().maxRSS',
  };
}

/** Compiles the command line to build/ (`npm run build:cli`); type errors elsewhere do not stop the emit. */
export async function buildCli(): Promise<void> {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  await run(process.execPath, [tsc, '-p', 'tsconfig.cli.json'], ROOT);
  if (!existsSync(join(ROOT, 'build', 'cli', 'main.js')))
    throw new Error('npm run build:cli produced no build/cli/main.js');
}
