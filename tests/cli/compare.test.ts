/**
 * `kpi-sheet compare`: the terminal table in Japanese, the JSON its schema describes, and with -o a copy of
 * the progress workbook with a 比較 sheet and nothing else changed, the same after a re-run.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { COMPARE_SCHEMA_ID } from '../../src/cli/compare-json';
import { FIXTURES, scratchDir } from '../xlsx/evaluated';
import { runCli, type Captured } from './run-cli';

const STRATEGY = join(FIXTURES, 'asakuchi-strategy.xlsx');
const PROGRESS = join(FIXTURES, 'asakuchi-progress.xlsx');
const SCHEMA = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'schema', 'compare-v1.schema.json'), 'utf8'),
) as { $id: string };

function compare(...argv: string[]): Promise<Captured> {
  return runCli(main, ['compare', ...argv]);
}

async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort())
    if (!zip.files[name].dir) out.set(name, await zip.files[name].async('string'));
  return out;
}

async function sheetValues(file: string, sheet: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[Number(cell.col) - 1] = cell.value === null ? '' : String(cell.value);
    });
    rows.push(Array.from(cells, (c) => c ?? ''));
  });
  return rows;
}

describe('the terminal table', () => {
  it('lists each KPI with its mark in Japanese, the counts, the notes and the pairs to confirm', async () => {
    const { code, stdout, stderr } = await compare(STRATEGY, PROGRESS);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^目標変更\s+ふるさと寄附金件数 \(年間\)\s+ふるさと寄附金件数\(年間\)\s+2,016件\s+7,000件 → 3,000件$/m,
    );
    expect(stdout).toMatch(
      /^変更なし\s+設備資金利子補給件数 \(年間\)\s+設備資金利子補給件数 \(年間\)\s+12件\s+20件 → \(未記入\)$/m,
    );
    expect(stdout).toContain('変更なし 34  目標変更 5  基準値変更 2  単位変更 0  追加 9  削除 15');
    expect(stdout).toContain('設備資金利子補給件数 (年間): 目標値: 進捗の表で未記入 (策定時 20件)');
    expect(stdout).toContain('確認が必要な組 9 件');
    expect(stdout).toContain('商談数 (年間)  ⇔  旅行事業者等との商談数(年間)');
  });

  it('refuses one file, an unknown sheet and a missing file with a Japanese sentence and exit 2', async () => {
    const one = await compare(STRATEGY);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('2 つのファイルを指定してください');
    const sheet = await compare(STRATEGY, PROGRESS, '--progress-sheet', 'ない');
    expect(sheet.code).toBe(2);
    expect(sheet.stderr).toContain('ない');
    const missing = await compare(STRATEGY, join(scratchDir(), 'none.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('ファイルが見つかりません');
  });
});

describe('the JSON', () => {
  const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(SCHEMA);

  it('is what schema/compare-v1.schema.json says, with and without -o', async () => {
    expect(SCHEMA.$id).toBe(COMPARE_SCHEMA_ID);
    const out = join(scratchDir(), 'compared.xlsx');
    for (const argv of [
      [STRATEGY, PROGRESS, '--json'],
      [STRATEGY, PROGRESS, '--json', '-o', out],
    ]) {
      const { code, stdout } = await compare(...argv);
      expect(code).toBe(0);
      const json = JSON.parse(stdout) as unknown;
      expect(validate.errors ?? []).toEqual([]);
      expect(validate(json)).toBe(true);
    }
  });

  it('lists the uncertain pairs apart, each KPI of them also as 削除 and 追加', async () => {
    const json = JSON.parse((await compare(STRATEGY, PROGRESS, '--json')).stdout) as {
      rows: { marks: string[]; strategy: { name: string } | null; progress: { name: string } | null }[];
      uncertain: { strategy: { name: string }; progress: { name: string } }[];
      output: unknown;
    };
    expect(json.output).toBeNull();
    expect(json.uncertain.length).toBe(9);
    for (const u of json.uncertain) {
      expect(json.rows.find((r) => r.strategy?.name === u.strategy.name)?.marks).toEqual(['削除']);
      expect(json.rows.find((r) => r.progress?.name === u.progress.name)?.marks).toEqual(['追加']);
    }
  });

  it('rejects a row whose mark is not one of the six', () => {
    const bad = {
      $schema: COMPARE_SCHEMA_ID,
      schemaVersion: 1,
      strategy: { file: 'a.xlsx', sheet: 'A' },
      progress: { file: 'b.xlsx', sheet: 'B' },
      counts: { 変更なし: 0, 目標変更: 0, 基準値変更: 0, 単位変更: 0, 追加: 0, 削除: 0 },
      rows: [{ marks: ['変更'], score: null, notes: [], strategy: null, progress: null }],
      uncertain: [],
      output: null,
    };
    expect(validate(bad)).toBe(false);
  });
});

describe('-o: a 比較 sheet in a copy of the progress workbook', () => {
  it('writes the sheet, leaves the input and every part of the workbook it did not create as they were', async () => {
    const dir = scratchDir();
    const input = join(dir, 'progress.xlsx');
    copyFileSync(PROGRESS, input);
    const out = join(dir, 'compared.xlsx');
    const { code, stdout } = await compare(STRATEGY, input, '-o', out);
    expect(code).toBe(0);
    expect(stdout).toContain(`「比較」シートを加えて保存しました: ${out}`);
    expect(readFileSync(input)).toEqual(readFileSync(PROGRESS));

    const before = await parts(PROGRESS);
    const after = await parts(out);
    // Only the workbook's lists of sheets and parts change, besides the new sheet's own part.
    const changed = [...after.keys()].filter((name) => before.get(name) !== after.get(name));
    const added = changed.filter((name) => !before.has(name));
    expect(added).toEqual([expect.stringMatching(/^xl\/worksheets\/sheet\d+\.xml$/)]);
    expect(changed.filter((name) => before.has(name)).sort()).toEqual(expect.arrayContaining([]));
    for (const name of changed.filter((n) => before.has(n)))
      expect([
        '[Content_Types].xml',
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
        'docProps/app.xml',
        'xl/styles.xml',
        'xl/sharedStrings.xml',
      ]).toContain(name);
    expect([...before.keys()].filter((name) => !after.has(name))).toEqual([]);

    const rows = await sheetValues(out, '比較');
    expect(rows[0][0]).toBe('策定時の表との比較');
    const header = rows.findIndex((r) => r[0] === '比較');
    expect(rows[header].slice(0, 4)).toEqual(['比較', '基本目標', '策定時の KPI', '進捗の KPI']);
    const body = rows.slice(header + 1).filter((r) => (r[0] ?? '') !== '' && r[0] !== '要確認');
    const kpiRows = body.slice(
      0,
      body.findIndex((r) => r[0].startsWith('確認が必要な組')),
    );
    expect(kpiRows).toHaveLength(65);
    expect(kpiRows.find((r) => r[3] === 'ふるさと寄附金件数(年間)')?.slice(9, 11)).toEqual([
      '7,000件',
      '3,000件',
    ]);
    expect(kpiRows.find((r) => r[2] === '設備資金利子補給件数 (年間)')?.[0]).toBe('変更なし');
    expect(rows.filter((r) => r[0] === '要確認')).toHaveLength(9);
  });

  it('writes the same workbook when run again on its own output', async () => {
    // The same file names in two folders: the sheet names the files it compared.
    const [first, second] = [scratchDir(), scratchDir()];
    copyFileSync(PROGRESS, join(first, 'progress.xlsx'));
    const once = join(first, 'compared.xlsx');
    expect((await compare(STRATEGY, join(first, 'progress.xlsx'), '-o', once)).code).toBe(0);
    copyFileSync(once, join(second, 'progress.xlsx'));
    const twice = join(second, 'compared.xlsx');
    expect((await compare(STRATEGY, join(second, 'progress.xlsx'), '-o', twice)).code).toBe(0);
    expect(await parts(twice)).toEqual(await parts(once));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(twice);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['KPI一覧', '比較']);
  });

  it('is left alone by evaluate, which judges the city’s sheet only', async () => {
    const dir = scratchDir();
    const compared = join(dir, 'compared.xlsx');
    const evaluated = join(dir, 'evaluated.xlsx');
    expect((await compare(STRATEGY, PROGRESS, '-o', compared)).code).toBe(0);
    const report = await runCli(main, ['evaluate', compared, '--json']);
    expect((JSON.parse(report.stdout) as { sheets: string[] }).sheets).toEqual(['KPI一覧']);
    expect((await runCli(main, ['evaluate', compared, '-o', evaluated])).code).toBe(0);
    expect(await sheetValues(evaluated, '比較')).toEqual(await sheetValues(compared, '比較'));
  });

  it('refuses to write over a file it reads', async () => {
    const dir = scratchDir();
    const input = join(dir, 'progress.xlsx');
    copyFileSync(PROGRESS, input);
    const run = await compare(STRATEGY, input, '-o', input);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('-o には読み込むファイルとは別のファイルを指定してください');
    expect(readFileSync(input)).toEqual(readFileSync(PROGRESS));
  });
});
