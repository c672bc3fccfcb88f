/**
 * `npm run build` runs this first (prebuild): the sample workbook's KPI sheet, read with the xlsx host's
 * grid reader, serialized to src/taskpane/demo/sample-grid.json for the task pane's demo mode. The pane
 * bundle then carries plain JSON (in its own chunk) and never ExcelJS.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readGrid } from '../src/xlsx/read-grid';
import { loadWorkbook } from '../src/xlsx/workbook';

const ROOT = resolve(__dirname, '..');
const SAMPLE = join(ROOT, 'tests', 'fixtures', 'asakuchi-progress.xlsx');
const OUT = join(ROOT, 'src', 'taskpane', 'demo', 'sample-grid.json');

async function main(): Promise<void> {
  const workbook = await loadWorkbook(SAMPLE);
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) throw new Error(`${SAMPLE} にシートがありません`);
  const grid = readGrid(sheet);
  const text = `${JSON.stringify(grid)}\n`;
  // Written only when it changed: `npm test` type-checks (which reads this file) while the build runs.
  if (!existsSync(OUT) || readFileSync(OUT, 'utf8') !== text) writeFileSync(OUT, text);
  console.log(`demo sample: ${grid.sheet}, ${grid.values.length} rows → ${OUT}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
