#!/usr/bin/env node
'use strict';
// The baseline for `kpi-sheet evaluate -o`: ExcelJS alone reading a workbook and writing it back unchanged.
// Usage: node bench/exceljs-roundtrip.js in.xlsx out.xlsx
const ExcelJS = require('exceljs');

async function main(input, output) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  await workbook.xlsx.writeFile(output);
}

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node bench/exceljs-roundtrip.js in.xlsx out.xlsx');
  process.exitCode = 2;
} else {
  main(input, output).catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
