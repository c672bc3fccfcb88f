/**
 * The report options of `kpi-sheet evaluate` end to end: --department keeps one 担当課's KPIs in the table,
 * the JSON and the CSV; --direction judges a row the other way and writes it to the row's 方向 cell; the
 * department's comments typed in the sheet come out in the JSON.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { saveWorkbook } from '../../src/cli/write-output';
import { openBook } from '../../src/xlsx/open-book';
import { applyBookPlan } from '../../src/xlsx/package/apply-book';
import { readBookCell } from '../../src/xlsx/package/read-book';
import { runCli } from './run-cli';

const SOURCE = path.join(__dirname, '..', 'fixtures', 'asakuchi-progress.xlsx');
const DEPARTMENT = '産業振興課';

interface KpiOut {
  row: number;
  name: string;
  department: string;
  direction: string;
  grade: string;
  comments?: { factor: string; outlook: string };
}
interface ReportOut {
  department: string | null;
  blocks: { goal: string; headline: KpiOut[]; kpis: KpiOut[]; counts: Record<string, number> }[];
}

async function json(...argv: string[]): Promise<ReportOut> {
  const run = await runCli(main, ['evaluate', ...argv, '--json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ReportOut;
}

const all = (r: ReportOut): KpiOut[] => r.blocks.flatMap((b) => [...b.headline, ...b.kpis]);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kpi-report-options-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('--department keeps only that 担当課’s KPIs', () => {
  test('in the JSON: its KPIs, the blocks they are in, counted over them', async () => {
    const every = await json(SOURCE);
    const mine = await json(SOURCE, '--department', DEPARTMENT);
    expect(mine.department).toBe(DEPARTMENT);
    const expected = all(every).filter((k) => k.department === DEPARTMENT);
    expect(expected.length).toBeGreaterThan(2);
    expect(all(mine).map((k) => k.row)).toEqual(expected.map((k) => k.row));
    expect(mine.blocks.length).toBeLessThan(every.blocks.length);
    for (const b of mine.blocks)
      expect(Object.values(b.counts).reduce((a, n) => a + n, 0)).toBe(b.kpis.length);
  });

  test('in the CSV and the table', async () => {
    const csv = path.join(dir, 'dept.csv');
    expect((await runCli(main, ['evaluate', SOURCE, '--department', DEPARTMENT, '--csv', csv])).code).toBe(0);
    const lines = (await readFile(csv, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines.slice(1)) expect(line.split(',')[5]).toBe(DEPARTMENT);

    const table = await runCli(main, ['evaluate', SOURCE, '--department', DEPARTMENT]);
    expect(table.stdout).toContain('創業支援事業による創業者数');
    expect(table.stdout).not.toContain('自主防災組織率');
  });

  test('a 担当課 the sheet does not have: said so, nothing listed', async () => {
    const run = await runCli(main, ['evaluate', SOURCE, '--department', '存在しない課', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('担当課「存在しない課」の KPI はありません');
    expect((JSON.parse(run.stdout) as ReportOut).blocks).toEqual([]);
  });
});

describe('--direction ROW=up|down|keep', () => {
  test('judges the row the other way, and -o writes it to the row’s 方向 cell for the next run', async () => {
    const before = all(await json(SOURCE)).find((k) => k.row === 10)!;
    expect(before).toMatchObject({ direction: 'up', grade: 'D' });
    const out = path.join(dir, 'direction.xlsx');
    const run = await runCli(main, ['evaluate', SOURCE, '--direction', '10=down', '-o', out, '--json']);
    expect(run.code).toBe(0);
    const after = all(JSON.parse(run.stdout) as ReportOut).find((k) => k.row === 10)!;
    expect(after.direction).toBe('down');
    expect(after.grade).not.toBe('D');
    expect(all(await json(out)).find((k) => k.row === 10)!.direction).toBe('down');
  });

  test('the last word for a row wins: keep undoes an earlier --direction on the same line', async () => {
    const kept = all(await json(SOURCE, '--direction', '10=down', '--direction', '10=keep'));
    expect(kept.find((k) => k.row === 10)!.direction).toBe('up');
  });
});

describe('the department’s comments are in the JSON', () => {
  test('the KPI whose row has them carries both; the others carry none', async () => {
    const first = path.join(dir, 'first.xlsx');
    const typedPath = path.join(dir, 'typed.xlsx');
    expect((await runCli(main, ['evaluate', SOURCE, '--comments', '-o', first])).code).toBe(0);
    const book = await openBook(first);
    let col = 0;
    for (let c = 1; c < 40 && col === 0; c++)
      if (readBookCell(book, 'KPI一覧', 8, c) === '要因・分析') col = c;
    expect(col).toBeGreaterThan(0);
    const factor = '物価高で開業を見送る例が多かった。';
    applyBookPlan(book, {
      ops: [{ op: 'setValues', sheet: 'KPI一覧', row: 10, col, values: [[factor, '']] }],
      notices: [],
    });
    await saveWorkbook(book, typedPath);
    const kpis = all(await json(typedPath));
    expect(kpis.find((k) => k.row === 10)!.comments).toEqual({ factor, outlook: '' });
    expect(kpis.filter((k) => k.comments !== undefined)).toHaveLength(1);
  });
});

describe('--csv never writes over a workbook', () => {
  test('a CSV path that is the input or names a workbook is refused before anything runs', async () => {
    const same = await runCli(main, ['evaluate', SOURCE, `--csv=${SOURCE}`]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('--csv の保存先が元のブックと同じです');
    const book = await runCli(main, ['evaluate', SOURCE, `--csv=${path.join(dir, 'report.xlsx')}`]);
    expect(book.code).toBe(2);
    expect(book.stderr).toContain('report.csv のように .csv で指定してください');
  });
});
