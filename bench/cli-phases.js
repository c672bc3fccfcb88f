#!/usr/bin/env node
'use strict';
// Where `kpi-sheet evaluate in.xlsx -o out.xlsx` spends its wall time, phase by phase, in one cold process
// (as the command line runs: the package editor), with ExcelJS alone's load and write for comparison. Uses
// the compiled command line (npm run build:cli). Usage: node bench/cli-phases.js in.xlsx [out.xlsx]
const ExcelJS = require('exceljs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');
const { performance } = require('node:perf_hooks');

const build = (path) => require(join(__dirname, '..', 'build', path));

async function main(input, output) {
  const { openBook, pickBookSheet } = build('xlsx/open-book.js');
  const { analyzeRead, plan } = build('core/pipeline.js');
  const { applyBookPlan, PACKAGE_CHARTS } = build('xlsx/package/apply-book.js');
  const { saveFileSafely } = build('cli/safe-save.js');
  const { DEFAULT_SETTINGS } = build('core/settings/index.js');
  const { renderEvaluationTable } = build('cli/evaluate-table.js');
  let last = performance.now();
  const lap = (name) => {
    const now = performance.now();
    const rss = Math.round(process.memoryUsage().rss / 1e6);
    process.stdout.write(
      `${name.padEnd(9)} ${String(Math.round(now - last)).padStart(5)} ms  (rss ${rss} MB)\n`,
    );
    last = now;
  };
  const workbook = await openBook(input);
  lap('load');
  const picked = pickBookSheet(workbook, undefined);
  lap('read');
  const analyzed = analyzeRead(picked.grid, picked.layout, DEFAULT_SETTINGS);
  if (!analyzed.ok) throw new Error(analyzed.failure.message);
  lap('evaluate');
  const writePlan = plan(analyzed.analysis, { now: new Date(), charts: PACKAGE_CHARTS });
  lap('plan');
  applyBookPlan(workbook, writePlan);
  lap('apply');
  renderEvaluationTable(analyzed.analysis.sheet, analyzed.analysis.evaluation);
  lap('table');
  await saveFileSafely(output, workbook.toBuffer());
  lap('write');
  const alone = new ExcelJS.Workbook();
  await alone.xlsx.readFile(input);
  lap('load (ExcelJS alone, warm)');
  await alone.xlsx.writeFile(output);
  lap('write (ExcelJS alone, warm)');
}

const [input, output = join(tmpdir(), 'kpi-sheet-phases.xlsx')] = process.argv.slice(2);
if (!input) {
  console.error('usage: node bench/cli-phases.js in.xlsx [out.xlsx]');
  process.exitCode = 2;
} else {
  main(input, output).catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
