/**
 * `npm run build` runs this first (prebuild): the sample workbook's KPI sheet, read with the xlsx host's
 * grid reader, serialized to src/taskpane/demo/sample-grid.json for the task pane's demo mode; and the
 * strategy table as adopted, to strategy-grid.json (the demo's `?sample=compare` second sheet). The pane
 * bundle then carries plain JSON (in its own chunks) and never ExcelJS.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readGrid } from '../src/xlsx/read-grid';
import { loadWorkbook } from '../src/xlsx/workbook';

const ROOT = resolve(__dirname, '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const DEMO = join(ROOT, 'src', 'taskpane', 'demo');

async function write(file: string, out: string): Promise<void> {
  const source = join(FIXTURES, file);
  const workbook = await loadWorkbook(source);
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) throw new Error(`${source} にシートがありません`);
  const grid = readGrid(sheet);
  const text = `${JSON.stringify(grid)}\n`;
  const target = join(DEMO, out);
  // Written only when it changed: `npm test` type-checks (which reads this file) while the build runs.
  if (!existsSync(target) || readFileSync(target, 'utf8') !== text) writeFileSync(target, text);
  console.log(`demo sample: ${grid.sheet}, ${grid.values.length} rows → ${target}`);
}

async function main(): Promise<void> {
  await write('asakuchi-progress.xlsx', 'sample-grid.json');
  await write('asakuchi-strategy.xlsx', 'strategy-grid.json');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
