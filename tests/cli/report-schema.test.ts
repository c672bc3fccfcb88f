/**
 * The JSON of `kpi-sheet evaluate --json` is what its published schema (schema/) says, on every fixture
 * workbook, checked by a maintained validator (Ajv, JSON Schema 2020-12).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { main } from '../../src/cli/main';
import { REPORT_SCHEMA_ID, REPORT_SCHEMA_VERSION } from '../../src/cli/evaluate-json';
import { runCli } from './run-cli';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const SCHEMA_FILE = path.join(ROOT, 'schema', `report-v${REPORT_SCHEMA_VERSION}.schema.json`);

function workbooks(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'seeds' ? [] : workbooks(full);
    return /\.xls[xm]$/.test(entry.name) ? [full] : [];
  });
}

const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { $id: string };
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);

async function report(file: string, ...options: string[]) {
  const run = await runCli(main, ['evaluate', file, '--json', ...options]);
  return { run, json: run.code === 0 ? (JSON.parse(run.stdout) as Record<string, unknown>) : null };
}

describe('the schema is published with its version', () => {
  test('its $id names the version the report says it follows', () => {
    expect(schema.$id).toBe(REPORT_SCHEMA_ID);
    expect(schema.$id).toContain(`report-v${REPORT_SCHEMA_VERSION}`);
  });
});

describe('every fixture’s report validates against the schema', () => {
  const files = workbooks(FIXTURES);
  test('there are fixtures to check', () => expect(files.length).toBeGreaterThan(25));

  test.each(files.map((f) => [path.relative(FIXTURES, f), f]))('%s', async (_name, file) => {
    const { run, json } = await report(file, '--previous-year', 'auto');
    if (json === null) {
      // A workbook without a readable KPI table: a Japanese reason, not a report.
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      return;
    }
    const ok = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test('a report that breaks the schema is refused (a KPI without its previous-year grade)', async () => {
    const { json } = await report(path.join(FIXTURES, 'asakuchi-progress.xlsx'));
    const blocks = json!.blocks as { kpis: Record<string, unknown>[] }[];
    delete blocks[0].kpis[0].previousGrade;
    expect(validate(json)).toBe(false);
  });
});

describe('each KPI carries what the pane shows, each 基本目標 its counts both years', () => {
  test('asakuchi-progress: grade, rate, year-before grade, change mark, cells; counts this year and last', async () => {
    const { json } = await report(path.join(FIXTURES, 'asakuchi-progress.xlsx'));
    expect(json!.previousYear).toBe(2023);
    const blocks = json!.blocks as {
      counts: Record<string, number>;
      previousCounts: Record<string, number>;
      kpis: Record<string, unknown>[];
    }[];
    const kpi = blocks[0].kpis.find((k) => String(k.name).startsWith('創業支援事業による創業者数'))!;
    expect(kpi).toMatchObject({ grade: 'D', previousGrade: 'C', change: '低下', pathTarget: null });
    expect(kpi.rate).toBeCloseTo(14 / 39, 6);
    expect(kpi.cells).toEqual({
      baseline: 'E10',
      actuals: [2020, 2021, 2022, 2023, 2024].map((year, i) => ({ year, cell: `${'FGHIJ'[i]}10` })),
      target: 'K10',
    });
    const changes = new Set(blocks.flatMap((b) => b.kpis.map((k) => k.change)));
    expect(changes).toEqual(new Set(['上昇', '維持', '低下', null]));
    const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    for (const b of blocks) expect(total(b.counts)).toBe(b.kpis.length);
    expect(blocks[0].counts).not.toEqual(blocks[0].previousCounts);
  });

  test('a reading diagnostic is on the KPI of its row', async () => {
    const { json } = await report(path.join(FIXTURES, 'asakuchi-progress.xlsx'));
    const blocks = json!.blocks as { headline: { row: number; diagnostics: { cell: string }[] }[] }[];
    const headline = blocks[0].headline[0];
    expect(headline.diagnostics.map((d) => d.cell)).toContain(`C${headline.row}`);
  });
});
