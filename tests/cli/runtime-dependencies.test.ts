/**
 * What the command line needs at run time: Node.js alone. `package.json` declares no runtime dependency, and
 * the compiled command line (build/, what `npx kpi-sheet` runs) loads no module from node_modules while it
 * reads, judges and writes a workbook. ExcelJS stays a devDependency for the oracle tests and the bench.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const MAIN = join(ROOT, 'build', 'cli', 'main.js');
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'asakuchi-progress.xlsx');

/** Preloaded into the CLI's process: records every file it loads from node_modules, written out at exit. */
const RECORDER = `
const Module = require('node:module');
const fs = require('node:fs');
const loaded = new Set();
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const file = resolveFilename.apply(this, args);
  if (file.includes('node_modules')) loaded.add(file);
  return file;
};
process.on('exit', () => fs.writeFileSync(process.env.KPI_LOADED_LIST, JSON.stringify([...loaded])));
`;

describe('the command line at run time', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kpi-runtime-'));
    writeFileSync(join(dir, 'recorder.js'), RECORDER);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('declares no runtime dependency in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
    expect(pkg.devDependencies.exceljs).toBeDefined();
  });

  it.each([
    ['inspect', ['inspect', FIXTURE, '--json']],
    ['evaluate -o', ['evaluate', FIXTURE, '-o', 'OUT', '--json']],
    ['rollup -o', ['rollup', FIXTURE, '-o', 'OUT', '--json']],
  ])('loads nothing from node_modules for %s', (_name, argv) => {
    if (!existsSync(MAIN)) throw new Error('build/cli/main.js is missing: run `npm run build:cli` first');
    const list = join(dir, 'loaded.json');
    const out = join(dir, 'out.xlsx');
    const args = argv.map((a) => (a === 'OUT' ? out : a));
    const script = `require(${JSON.stringify(MAIN)}).main(${JSON.stringify(args)}).then((c) => { process.exitCode = c; })`;
    const stdout = execFileSync(process.execPath, ['-r', join(dir, 'recorder.js'), '-e', script], {
      cwd: dir,
      env: { ...process.env, KPI_LOADED_LIST: list },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    // The run did its work: a report with the seed's 基本目標, and the workbook when asked for one.
    const report = JSON.parse(stdout) as { blocks?: unknown[]; books?: { goals: unknown[] }[] };
    expect((report.blocks ?? report.books?.[0].goals ?? []).length).toBeGreaterThanOrEqual(4);
    if (args.includes('-o')) expect(existsSync(out)).toBe(true);
    expect(JSON.parse(readFileSync(list, 'utf8'))).toEqual([]);
  });
});
