/**
 * `kpi-sheet rollup`: the test fixtures and one file that is not a workbook, rolled up into a new workbook.
 * ExcelJS reads the result back as the oracle (its sheets, cells and the table part), and the counts are
 * checked against `kpi-sheet evaluate --json` of each file, the single-workbook run.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import ExcelJS from 'exceljs';
import { EXIT_OK, EXIT_PARTIAL, EXIT_USAGE } from '../../src/cli/exit-codes';
import { main } from '../../src/cli/main';
import { ROLLUP_SCHEMA_ID } from '../../src/cli/rollup-json';
import { runCli } from './run-cli';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const GOOD = [
  'asakuchi-progress.xlsx',
  'asakuchi-progress-sheet-per-goal.xlsx',
  'saved-by-v1-progress.xlsx',
  'published-verdicts.xlsx',
  'asakuchi-strategy.xlsx',
].map((f) => path.join(FIXTURES, f));

interface EvaluateJson {
  readonly summary: { readonly overall: { readonly counts: Record<string, number> } };
  readonly blocks: readonly { readonly headline: readonly unknown[]; readonly kpis: readonly unknown[] }[];
}

async function evaluateJson(file: string): Promise<EvaluateJson> {
  const run = await runCli(main, ['evaluate', file, '--json']);
  expect(run.code).toBe(EXIT_OK);
  return JSON.parse(run.stdout) as EvaluateJson;
}

/** A sheet's used cells as text rows (ExcelJS's values; a rich or formula value as its text). */
function rowsOf(sheet: ExcelJS.Worksheet): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values: (string | number | null)[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      values.push(v === null || v === undefined ? null : typeof v === 'number' ? v : String(v));
    }
    rows[n - 1] = values;
  });
  return Array.from(rows, (r) => r ?? []);
}

describe('kpi-sheet rollup: the fixtures and one unreadable file', () => {
  let dir = '';
  let broken = '';
  let out = '';
  let run: Awaited<ReturnType<typeof runCli>>;
  let book: ExcelJS.Workbook;
  let before: Buffer[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kpi-rollup-'));
    broken = path.join(dir, '壊れたブック.xlsx');
    await writeFile(broken, 'これは Excel ブックではありません\n');
    out = path.join(dir, 'rollup.xlsx');
    before = await Promise.all(GOOD.map((f) => readFile(f)));
    run = await runCli(main, ['rollup', ...GOOD, broken, '-o', out]);
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('exits with the partial-success code and names the bad file with its reason on the terminal', () => {
    expect(run.code).toBe(EXIT_PARTIAL);
    expect(run.stderr).toContain(`読み込めませんでした: ${broken}`);
    expect(run.stderr).toContain('Excel ブック (.xlsx) として読み込めませんでした');
    expect(run.stderr).toContain(`保存しました: ${out}`);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('shows progress for more than a few files: n/total and the file name', () => {
    expect(run.stderr).toContain('1/6 asakuchi-progress.xlsx');
    expect(run.stderr).toContain('6/6 壊れたブック.xlsx');
  });

  it('writes the two sheets, 集計 first', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['集計', '全KPI']);
  });

  it('gives each workbook a total row whose counts are the evaluate run’s overall counts', async () => {
    const rows = rowsOf(book.getWorksheet('集計')!);
    const header = rows[3];
    const col = (name: string): number => header.indexOf(name);
    for (const file of GOOD) {
      const name = path.basename(file, '.xlsx');
      const total = rows.find((r) => r[0] === name && r[col('基本目標')] === '全体');
      expect(total).toBeDefined();
      const { counts } = (await evaluateJson(file)).summary.overall;
      for (const [grade, n] of Object.entries(counts))
        expect([grade, total![col(grade)]]).toEqual([grade, n]);
    }
    // One row per 基本目標 too: the progress table has four.
    expect(rows.filter((r) => r[0] === 'asakuchi-progress').map((r) => r[col('基本目標')])).toEqual([
      '1 浅口市における安定した雇用を創出する',
      '2 浅口市への新しいひとの流れをつくる',
      '3 結婚・出産・子育ての希望をかなえる',
      '4 時代に合った地域をつくり、安心・安全な暮らしを守るとともに、地域と地域を連携する',
      '全体',
    ]);
  });

  it('has the change since last year for the progress table (R5) and none for the strategy table', () => {
    const rows = rowsOf(book.getWorksheet('集計')!);
    const header = rows[3];
    const total = (name: string) =>
      rows.find((r) => r[0] === name && r[header.indexOf('基本目標')] === '全体')!;
    expect(total('asakuchi-progress')[header.indexOf('前年度')]).toBe('R5');
    expect(typeof total('asakuchi-progress')[header.indexOf('増減 (ポイント)')]).toBe('number');
    expect(total('asakuchi-strategy')[header.indexOf('前年度')]).toBeNull();
  });

  it('lists the unreadable file in the workbook with its reason in Japanese', () => {
    const rows = rowsOf(book.getWorksheet('集計')!);
    const heading = rows.findIndex((r) => r[0] === '読み込めなかったファイル');
    expect(heading).toBeGreaterThan(4);
    expect(rows[heading + 1].slice(0, 2)).toEqual(['ファイル', '理由']);
    expect(rows[heading + 2][0]).toBe(broken);
    expect(String(rows[heading + 2][1])).toMatch(/^Excel ブック \(\.xlsx\) として読み込めませんでした/);
    expect(String(rows[1][0])).toContain('読み込めなかったファイル 1 件');
  });

  it('puts every KPI of every file on 全KPI, under a table ExcelJS reads back with its filter', async () => {
    const sheet = book.getWorksheet('全KPI')!;
    let expected = 0;
    for (const file of GOOD)
      expected += (await evaluateJson(file)).blocks.reduce(
        (n, b) => n + b.headline.length + b.kpis.length,
        0,
      );
    const rows = rowsOf(sheet).filter((r) => r.some((v) => v !== null));
    expect(rows.length - 1).toBe(expected);
    const table = sheet.getTable('AllKpis') as unknown as {
      table: { tableRef: string; autoFilterRef: string; headerRow: boolean; columns: { name: string }[] };
    };
    expect(table.table.tableRef).toBe(`A1:Q${expected + 1}`);
    expect(table.table.autoFilterRef).toBe(table.table.tableRef);
    expect(table.table.headerRow).toBe(true);
    expect(table.table.columns.map((c) => c.name)).toEqual(rows[0]);
    const kpi = rows.find(
      (r) => r[0] === 'asakuchi-progress' && r[5] === '創業支援事業による創業者数 (年間)',
    );
    expect(kpi?.slice(11, 16)).toEqual(['39人', 'D', expect.any(Number), 'C', '低下']);
  });

  it('is read by openpyxl too, with no warning: the table, its filter, the frozen header rows', () => {
    // A second, independent reader. Never skipped: `npm test` installs python3-openpyxl first
    // (scripts/system-packages.sh) or stops before jest.
    const script = [
      'import sys, warnings, openpyxl',
      "warnings.simplefilter('error')",
      'wb = openpyxl.load_workbook(sys.argv[1])',
      "t = wb['全KPI'].tables['AllKpis']",
      "print(t.ref, t.autoFilter.ref, t.headerRowCount, wb['全KPI'].freeze_panes, wb['集計'].freeze_panes)",
    ].join('\n');
    // Debian's python3 (the package's), not whichever python3 comes first on PATH.
    const output = execFileSync('/usr/bin/python3', ['-c', script, out], { encoding: 'utf8' });
    const rows = rowsOf(book.getWorksheet('全KPI')!).filter((r) => r.some((v) => v !== null)).length;
    expect(output.trim()).toBe(`A1:Q${rows} A1:Q${rows} 1 A2 A5`);
  });

  it('writes a new workbook only: every input keeps its bytes', async () => {
    const after = await Promise.all(GOOD.map((f) => readFile(f)));
    after.forEach((bytes, i) => expect(bytes.equals(before[i])).toBe(true));
    expect(await readFile(broken, 'utf8')).toBe('これは Excel ブックではありません\n');
  });
});

describe('kpi-sheet rollup: the other runs (nothing readable, no -o, a second run, --json)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kpi-rollup-bad-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gives the same bytes on a second run when SOURCE_DATE_EPOCH fixes the time', async () => {
    const previous = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1733500000';
    try {
      const outs = [path.join(dir, 'first.xlsx'), path.join(dir, 'second.xlsx')];
      for (const out of outs)
        expect((await runCli(main, ['rollup', GOOD[0], GOOD[3], '-o', out])).code).toBe(EXIT_OK);
      const [a, b] = await Promise.all(outs.map((f) => readFile(f)));
      expect(a.equals(b)).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = previous;
    }
  });

  it('writes nothing and exits 2 when no file can be read', async () => {
    const out = path.join(dir, 'none.xlsx');
    const run = await runCli(main, [
      'rollup',
      path.join(dir, 'missing.xlsx'),
      path.join(FIXTURES, 'budget-no-kpi.xlsx'),
      '-o',
      out,
    ]);
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.stderr).toContain('ファイルが見つかりません');
    expect(run.stderr).toContain('KPI 表が見つかりません');
    await expect(stat(out)).rejects.toThrow();
    // Two files: no progress lines.
    expect(run.stderr).not.toMatch(/^1\/2 /m);
  });

  it('asks for -o, and never writes over an input', async () => {
    const file = GOOD[0];
    expect((await runCli(main, ['rollup', file])).stderr).toContain(
      '-o rollup.xlsx で保存先を指定してください',
    );
    const over = await runCli(main, ['rollup', file, '-o', file]);
    expect(over.code).toBe(EXIT_USAGE);
    expect(over.stderr).toContain('-o が集計するファイルの 1 つと同じです');
  });

  it('gives the rollup as JSON with --json', async () => {
    const run = await runCli(main, ['rollup', GOOD[0], GOOD[4], '--json']);
    expect(run.code).toBe(EXIT_OK);
    const json = JSON.parse(run.stdout) as {
      books: { name: string; goals: { goal: string; counts: Record<string, number> }[] }[];
      failures: unknown[];
      kpis: unknown[];
    };
    expect(json.books.map((b) => b.name)).toEqual(['asakuchi-progress', 'asakuchi-strategy']);
    expect(json.books[0].goals.at(-1)?.goal).toBe('全体');
    expect(json.failures).toEqual([]);
    expect(json.kpis.length).toBe(50 + 56);
  });
});

describe('kpi-sheet rollup --json: what schema/rollup-v1.schema.json says', () => {
  const schema = JSON.parse(
    readFileSync(path.join(__dirname, '..', '..', 'schema', 'rollup-v1.schema.json'), 'utf8'),
  ) as { $id: string };
  const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
  const everyFixture = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => path.join(FIXTURES, f));
  let dir = '';
  let json: {
    $schema: string;
    books: { name: string }[];
    failures: { file: string; reason: string }[];
    kpis: { grade: string }[];
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kpi-rollup-json-'));
    const broken = path.join(dir, '壊れたブック.xlsx');
    await writeFile(broken, 'これは Excel ブックではありません\n');
    const to = path.join(dir, 'rollup.json');
    const run = await runCli(main, ['rollup', ...everyFixture, broken, '--json', to]);
    expect(run.code).toBe(EXIT_PARTIAL);
    json = JSON.parse(await readFile(to, 'utf8')) as typeof json;
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('validates against the published, versioned schema, every fixture rolled up', () => {
    expect(schema.$id).toBe(ROLLUP_SCHEMA_ID);
    expect(json.$schema).toBe(ROLLUP_SCHEMA_ID);
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    expect(json.books.length + json.failures.length).toBe(everyFixture.length + 1);
    expect(json.kpis.length).toBeGreaterThan(300);
  });

  it('is rejected by the schema when a KPI loses its grade', () => {
    const broken = structuredClone(json);
    delete (broken.kpis[0] as { grade?: string }).grade;
    expect(validate(broken)).toBe(false);
  });

  it('tells how to make a table with other headings readable by rollup, which takes no --columns', () => {
    const noTable = json.failures.find((f) => f.file.endsWith('budget-no-kpi.xlsx'));
    expect(noTable?.reason).toContain('KPI 表が見つかりません');
    expect(noTable?.reason).toContain('列の割り当てをブックに保存すると、集計でも読み取れます');
    expect(noTable?.reason).not.toContain('コマンドラインでは --columns');
  });

  it('reads a workbook with the column mapping an evaluate --columns run saved in it, as the hint says', async () => {
    const mapped = path.join(dir, 'mapped.xlsx');
    const columns = 'row=3,A=name,B=baseline:2019,C=actual:2023,D=target:2024';
    const saved = await runCli(main, [
      'evaluate',
      path.join(FIXTURES, 'budget-no-kpi.xlsx'),
      '--columns',
      columns,
      '-o',
      mapped,
    ]);
    expect(saved.code).toBe(EXIT_OK);
    const run = await runCli(main, ['rollup', mapped, '--json']);
    expect(run.code).toBe(EXIT_OK);
    const rolled = JSON.parse(run.stdout) as { books: { name: string }[]; kpis: { name: string }[] };
    expect(rolled.books.map((b) => b.name)).toEqual(['mapped']);
    expect(rolled.kpis.length).toBe(3);
  });
});
