/** `kpi-sheet inspect`: run through main([...]) as the command line does, capturing stdout and stderr. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import type { InspectJson, KpiJson } from '../../src/cli/json';
import { displayWidth } from '../../src/cli/text-width';
import { runCli, type Captured } from './run-cli';

const FIXTURES = join(__dirname, '..', 'fixtures');
const PROGRESS = join(FIXTURES, 'asakuchi-progress.xlsx');
const STRATEGY = join(FIXTURES, 'asakuchi-strategy.xlsx');
const BUDGET = join(FIXTURES, 'budget-no-kpi.xlsx');

function run(argv: readonly string[]): Promise<Captured> {
  return runCli(main, argv);
}

async function json(file: string): Promise<InspectJson> {
  const { code, stdout, stderr } = await run(['inspect', file, '--json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as InspectJson;
}

describe('inspect --json: the public model', () => {
  let model: InspectJson;
  const all = (): KpiJson[] => model.blocks.flatMap((b) => b.kpis);
  beforeAll(async () => {
    model = await json(PROGRESS);
  });

  test('file, sheet, 4 blocks with their headline and 46 KPIs, diagnostics', () => {
    expect(model.file).toBe(PROGRESS);
    expect(model.sheet).toBe('KPI一覧');
    expect(model.blocks.map((b) => b.goal)).toEqual([
      '1 浅口市における安定した雇用を創出する',
      '2 浅口市への新しいひとの流れをつくる',
      '3 結婚・出産・子育ての希望をかなえる',
      '4 時代に合った地域をつくり、安心・安全な暮らしを守るとともに、地域と地域を連携する',
    ]);
    expect(model.blocks.map((b) => b.headline.map((h) => h.name))).toEqual([
      ['市内民営事業所従業者数'],
      ['移動数(転入一転出)'],
      ['合計特殊出生率'],
      ['自主防災組織率'],
    ]);
    expect(all()).toHaveLength(46);
    expect(model.diagnostics[0]).toEqual({
      cell: 'C4',
      kind: 'yearOverride',
      message: expect.stringContaining('H28'),
    });
  });

  test('a KPI: 1-based sheet row, years as numbers, readings with kind, value, unit and raw', () => {
    const kpi = all().find((k) => k.row === 10);
    expect(kpi).toEqual({
      id: 'R10',
      row: 10,
      name: '創業支援事業による創業者数 (年間)',
      framework: '1 就業の場の拡大',
      measure: '① 産業の担い手育成',
      period: 'annual',
      department: '産業振興課',
      unit: '人',
      baseline: { year: 2018, reading: { kind: 'number', value: 15, unit: '人', raw: '15人' } },
      actuals: [
        { year: 2020, reading: { kind: 'number', value: 8, unit: '人', raw: '8人' } },
        { year: 2021, reading: { kind: 'number', value: 18, unit: '人', raw: '18人' } },
        { year: 2022, reading: { kind: 'number', value: 25, unit: '人', raw: '25人' } },
        { year: 2023, reading: { kind: 'number', value: 25, unit: '人', raw: '25人' } },
        { year: 2024, reading: { kind: 'number', value: 14, unit: '人', raw: '14人' } },
      ],
      target: { year: 2024, reading: { kind: 'number', value: 39, unit: '人', raw: '39人' } },
    });
  });

  test('percent in points, qualifiers, ages, 廃止, dashes; the headline’s own year', () => {
    const maternity = all().find((k) => k.row === 56);
    expect(maternity?.baseline?.reading).toEqual({ kind: 'percent', value: 16, unit: '%', raw: '16%' });
    const visits = all().find((k) => k.row === 57);
    expect(visits?.target?.reading).toEqual({
      kind: 'percent',
      value: 100,
      unit: '%',
      raw: '希望者の100%',
      qualifier: '希望者の',
    });
    expect(all().find((k) => k.row === 54)?.actuals[2].reading).toMatchObject({ kind: 'age', value: 18 });
    expect(all().find((k) => k.row === 9)?.actuals[3].reading).toMatchObject({
      kind: 'abolished',
      value: null,
    });
    expect(all().find((k) => k.row === 43)?.baseline?.reading).toMatchObject({
      kind: 'missing',
      value: null,
      raw: '—',
    });
    expect(model.blocks[0].headline[0].baseline).toEqual({
      year: 2016,
      reading: { kind: 'number', value: 9174, unit: '人', raw: '9,174人 (H28年)' },
    });
  });

  test('the strategy sheet: 4 blocks, 51 KPIs, 5 headlines', async () => {
    const strategy = await json(STRATEGY);
    expect(strategy.blocks).toHaveLength(4);
    expect(strategy.blocks.flatMap((b) => b.kpis)).toHaveLength(51);
    expect(strategy.blocks.flatMap((b) => b.headline)).toHaveLength(5);
  });
});

describe('inspect without --json: a readable table per block', () => {
  test('Japanese headers, each block’s goal, the counts and the diagnostics', async () => {
    const { code, stdout } = await run(['inspect', PROGRESS]);
    expect(code).toBe(0);
    expect(stdout).toContain('■ 基本目標 1 浅口市における安定した雇用を創出する');
    expect(stdout).toContain('基本目標 4 / 数値目標 4 / KPI 46');
    expect(stdout).toContain('注意 (9 件)');
    expect(stdout).toMatch(/D16\s+列ずれ補正/);
  });

  test('columns line up for full-width text: every row of a table ends its KPI column at the same width', async () => {
    const { stdout } = await run(['inspect', PROGRESS]);
    const lines = stdout.split('\n');
    const header = lines.findIndex((l) => l.startsWith('行  区分'));
    const table = lines.slice(header, header + 13);
    const kpiStart = displayWidth(table[0].slice(0, table[0].indexOf('KPI')));
    const deptStart = displayWidth(table[0].slice(0, table[0].indexOf('担当課')));
    for (const line of table.slice(2)) {
      const dept = line.match(/(市民課|産業振興課|まちづくり課)/);
      if (!dept || dept.index === undefined) continue;
      expect(displayWidth(line.slice(0, dept.index))).toBe(deptStart);
    }
    expect(kpiStart).toBeGreaterThan(0);
  });

  test('--sheet picks a sheet by name', async () => {
    const { code, stdout } = await run(['inspect', PROGRESS, '--sheet', 'KPI一覧']);
    expect(code).toBe(0);
    expect(stdout).toContain('シート: KPI一覧');
  });
});

describe('bad input: a Japanese message on stderr, exit code 2, nothing on stdout', () => {
  test.each([
    ['a missing file', ['inspect', join(FIXTURES, 'no-such.xlsx')], 'ファイルが見つかりません'],
    ['an unknown sheet', ['inspect', PROGRESS, '--sheet', '予算'], 'シート「予算」が見つかりません'],
    ['a sheet with no KPI table', ['inspect', BUDGET], 'KPI 表が見つかりません'],
    ['an empty sheet', ['inspect', BUDGET, '--sheet', 'Sheet2'], 'シートは空です'],
    ['an unknown option', ['inspect', PROGRESS, '--csv'], '不明なオプションです: --csv'],
    ['no file', ['inspect'], 'ファイルを指定してください'],
    ['two files', ['inspect', PROGRESS, STRATEGY], '1 つだけ'],
  ])('%s', async (_label, argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  test('a corrupt file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kpi-sheet-')), 'broken.xlsx');
    writeFileSync(file, 'PK\u0003\u0004 not really a zip');
    const { code, stderr } = await run(['inspect', file, '--json']);
    expect(code).toBe(2);
    expect(stderr).toContain('読み込めませんでした');
  });

  test('inspect never writes: the workbook is byte for byte the same afterwards', async () => {
    const hash = () => createHash('sha256').update(readFileSync(PROGRESS)).digest('hex');
    const before = hash();
    await run(['inspect', PROGRESS, '--json']);
    await run(['inspect', PROGRESS]);
    expect(hash()).toBe(before);
  });
});

describe('inspect on a table it cannot place: the proposed mapping never puts words into a value role', () => {
  async function misleading(): Promise<string> {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('進行管理');
    ws.addRow(['青葉町 施策の進行管理表']);
    ws.addRow([]);
    // 目標とする姿 reads like a target header, but its cells are sentences.
    ws.addRow(['ものさし', '目標とする姿', '出発点', 'いま', 'ゴール', '課の所見']);
    ws.addRow(['町立図書館の来館者数', '本に親しむ町', '41,000人', '43,500人', '48,000人', '順調']);
    ws.addRow(['子育てサロンの参加組数', '孤立しない子育て', '120組', '150組', '180組', 'やや遅れ']);
    ws.addRow(['農産物直売所の売上額', '稼げる農業', '8,200万円', '8,900万円', '1億円', '順調']);
    const file = join(mkdtempSync(join(tmpdir(), 'kpi-inspect-')), 'misleading.xlsx');
    await wb.xlsx.writeFile(file);
    return file;
  }

  test('目標とする姿 over sentences is not a target; the text columns stay name or unused, twice over', async () => {
    const file = await misleading();
    for (let pass = 0; pass < 2; pass += 1) {
      const { code, stderr } = await run(['inspect', file]);
      expect(code).toBe(2);
      expect(/--columns '([^']+)'/u.exec(stderr)?.[1]).toBe('row=3,A=name,C=baseline,D=actual,E=target');
    }
  });

  test('the proposal, given back, reads every KPI', async () => {
    const file = await misleading();
    const { code, stdout } = await run([
      'inspect',
      file,
      '--json',
      '--columns',
      'row=3,A=name,C=baseline,D=actual,E=target',
    ]);
    expect(code).toBe(0);
    const model = JSON.parse(stdout) as InspectJson;
    expect(
      model.blocks
        .flatMap((b) => b.kpis)
        .map((k) => [k.name, k.baseline?.reading.value, k.target?.reading.value]),
    ).toEqual([
      ['町立図書館の来館者数', 41000, 48000],
      ['子育てサロンの参加組数', 120, 180],
      ['農産物直売所の売上額', 82000000, 100000000],
    ]);
  });
});
