import { runEvaluate } from '../../src/cli/evaluate';
import { parseEvaluateArgs, parseCommandLine, EVALUATE_OPTIONS } from '../../src/cli/options';
import { renderEvaluationTable } from '../../src/cli/evaluate-table';
import { displayWidth } from '../../src/cli/text-width';
import { evaluate } from '../../src/core/evaluate';
import { ACHIEVED_SCALE, DEFAULT_SETTINGS, PRESETS, rateThresholds } from '../../src/core/settings';
import { progressSheet } from '../core/evaluate/seeds';
import { runCli, type Captured } from './run-cli';

function run(argv: readonly string[]): Promise<Captured> {
  return runCli(runEvaluate, argv);
}

function settingsOf(argv: readonly string[]) {
  const parsed = parseEvaluateArgs(argv);
  if (!parsed.ok || parsed.value.help) throw new Error(parsed.ok ? 'help' : parsed.message);
  return parsed.value;
}

function messageOf(argv: readonly string[]): string {
  const parsed = parseEvaluateArgs(argv);
  if (parsed.ok) throw new Error('expected a rejection');
  return parsed.message;
}

describe('evaluate options: a flag for every setting', () => {
  it('defaults: 標準, no JSON', () => {
    const command = settingsOf(['a.xlsx']);
    expect(command).toMatchObject({
      file: 'a.xlsx',
      sheet: undefined,
      json: { to: 'none' },
      settings: DEFAULT_SETTINGS,
    });
  });

  it.each([
    ['R5', 2023],
    ['2023', 2023],
    ['令和5年度', 2023],
    ['R元', 2019],
    ['H30', 2018],
  ])('--year %s → %d', (text, year) => {
    expect(settingsOf(['a.xlsx', '--year', text]).settings.evaluationYear).toBe(year);
    expect(settingsOf(['a.xlsx', `--year=${text}`]).settings.evaluationYear).toBe(year);
  });

  it('--basis, --thresholds, --no-path, --tolerance make カスタム settings', () => {
    const { settings } = settingsOf([
      'a.xlsx',
      '--basis',
      'progress',
      '--thresholds',
      '100,70,40',
      '--no-path',
      '--tolerance',
      '5%',
    ]);
    expect(settings).toMatchObject({
      preset: 'カスタム',
      basis: 'progress',
      interimPath: false,
      trendTolerance: 0.05,
    });
    expect(rateThresholds(settings.scale)).toEqual([100, 70, 40]);
  });

  it('--preset ◎○△× and --preset 達成/未達成 choose those scales; --thresholds must fit the scale', () => {
    expect(settingsOf(['a.xlsx', '--preset', '◎○△×']).settings.scale).toEqual(PRESETS['◎○△×'].scale);
    expect(settingsOf(['a.xlsx', '--preset', '達成/未達成']).settings.scale).toEqual(ACHIEVED_SCALE);
    expect(messageOf(['a.xlsx', '--thresholds', '100,80'])).toBe(
      '--thresholds の値が不正です: 100,80 (大きい順に 3 つ、例: 100,80,60)',
    );
    expect(messageOf(['a.xlsx', '--thresholds', '60,80,100'])).toBe(
      '--thresholds の値が不正です: 60,80,100 (大きい順に 3 つ、例: 100,80,60)',
    );
  });

  it('--preset 進捗率 and --sheet', () => {
    const command = settingsOf(['--preset', '進捗率', 'a.xlsx', '--sheet', 'KPI一覧']);
    expect(command.settings).toEqual(PRESETS['進捗率']);
    expect(command.sheet).toBe('KPI一覧');
  });

  it('--json alone prints; --json report.json writes a file; a following .xlsx stays the input', () => {
    expect(settingsOf(['a.xlsx', '--json']).json).toEqual({ to: 'stdout' });
    expect(settingsOf(['a.xlsx', '--json', 'out.json']).json).toEqual({ to: 'file', path: 'out.json' });
    expect(settingsOf(['--json', 'a.xlsx'])).toMatchObject({ file: 'a.xlsx', json: { to: 'stdout' } });
  });

  it.each([
    [['a.xlsx', '--colour'], '不明なオプションです: --colour'],
    [['a.xlsx', '--year', 'R99x'], '--year の値が不正です: R99x (例: R5, 2023, 令和5年度)'],
    [['a.xlsx', '--year'], '--year には値が必要です (例: --year R5)'],
    [['a.xlsx', '--basis', 'gut'], '--basis の値が不正です: gut (achievement か progress)'],
    [
      ['a.xlsx', '--thresholds', '60,80,100'],
      '--thresholds の値が不正です: 60,80,100 (大きい順に 3 つ、例: 100,80,60)',
    ],
    [
      ['a.xlsx', '--thresholds', '100,80'],
      '--thresholds の値が不正です: 100,80 (大きい順に 3 つ、例: 100,80,60)',
    ],
    [['a.xlsx', '--tolerance', '1.5'], '--tolerance の値が不正です: 1.5 (0 以上 1 未満、例: 0.05 または 5%)'],
    [
      ['a.xlsx', '--preset', '甘め'],
      '不明なプリセットです: 甘め (使えるもの: 標準、進捗率、◎○△×、S/A/B/C、達成/未達成)',
    ],
    [['a.xlsx', '--no-path=yes'], '--no-path は値を取りません: --no-path=yes'],
    [[], '評価する .xlsx ファイルを指定してください'],
    [['a.xlsx', 'b.xlsx'], 'ファイルは 1 つだけ指定してください: a.xlsx b.xlsx'],
  ])('rejects %j', (argv, message) => {
    expect(messageOf(argv)).toBe(message);
  });

  it('the parser is declarative: a new option is one more spec', () => {
    const specs = [...EVALUATE_OPTIONS, { name: '-o', kind: 'value' as const, help: '保存先' }];
    const parsed = parseCommandLine(['a.xlsx', '-o', 'out.xlsx'], specs);
    expect(parsed).toEqual({
      ok: true,
      value: { positionals: ['a.xlsx'], options: new Map([['-o', 'out.xlsx']]) },
    });
  });
});

describe('kpi-sheet evaluate: exit codes and messages', () => {
  it('an unknown option exits 2 with a Japanese message', async () => {
    const { code, stderr, stdout } = await run(['x.xlsx', '--frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('不明なオプションです: --frobnicate');
    expect(stdout).toBe('');
  });

  it('a missing file exits 2', async () => {
    const { code, stderr } = await run(['/nonexistent/kpi.xlsx', '--json']);
    expect(code).toBe(2);
    expect(stderr).toContain('ファイルが見つかりません: /nonexistent/kpi.xlsx');
  });

  it('--help exits 0 and lists every option', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const spec of EVALUATE_OPTIONS) expect(stdout).toContain(spec.name);
  });
});

describe('the terminal table: one per goal, aligned for full-width characters', () => {
  const sheet = progressSheet();
  const text = renderEvaluationTable(sheet, evaluate(sheet, DEFAULT_SETTINGS));
  const lines = text.split('\n');

  it('has a table per 基本目標 with the grades and their labels', () => {
    expect(lines.filter((l) => l.startsWith('基本目標 '))).toHaveLength(4);
    const founders = lines.find((l) => l.includes('創業支援事業による創業者数'));
    expect(founders).toMatch(/14人 \(R6\)\s+39人\s+35\.9%\s+-4\.2%\s+↘\s+D 遅れ/);
    expect(lines.find((l) => l.includes('工業団地整備面積'))).toContain('廃止');
  });

  it('columns line up in display width', () => {
    const start = lines.findIndex((l) => l.startsWith('基本目標 1'));
    const header = lines[start + 1];
    const rows = lines.slice(start + 3, start + 3 + 4);
    const at = (line: string, word: string) => displayWidth(line.slice(0, line.indexOf(word)));
    const gradeColumn = at(header, '判定');
    for (const r of rows) {
      const match = /[↗→↘—] +(A 達成|B 概ね順調|C 要努力|D 遅れ|廃止|X 評価不能)/.exec(r);
      if (!match) throw new Error(`no grade in ${r}`);
      const gradeAt = match.index + match[0].length - match[1].length;
      expect(displayWidth(r.slice(0, gradeAt))).toBe(gradeColumn);
    }
  });

  it('ends with the overall counts, follow-ups and data issues', () => {
    expect(text).toContain(
      '全体 (KPI): 評価 8 件 (A 達成 3、B 概ね順調 2、C 要努力 1、D 遅れ 2、廃止 2)、達成割合 37.5%',
    );
    expect(text).toContain('要フォローアップ (C・D): 4 件');
    expect(text).toContain(
      '  D 創業支援事業による創業者数 (年間) (産業振興課): 14人 (R6) / 目標 39人、不足 25',
    );
  });
});

describe('EVALUATION.md section 4 on the progress fixture (layout reader + xlsx grid reader), R6, defaults', () => {
  const FIXTURE = 'tests/fixtures/asakuchi-progress.xlsx';
  type KpiOut = { name: string; direction: string; evaluation: Record<string, unknown> & { grade: string } };
  type Out = {
    year: number;
    blocks: { goal: string; headline: KpiOut[]; kpis: KpiOut[] }[];
    summary: {
      overall: { judged: number; counts: Record<string, number> };
      byGoal: { key: string; judged: number; counts: Record<string, number> }[];
    };
  };
  let out: Out;
  const find = (name: string, from: Out = out): KpiOut => {
    const all = from.blocks.flatMap((b) => [...b.headline, ...b.kpis]);
    const found = all.find((k) => k.name.startsWith(name));
    if (!found) throw new Error(`no KPI ${name}`);
    return found;
  };

  beforeAll(async () => {
    const { code, stdout, stderr } = await run([FIXTURE, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    out = JSON.parse(stdout) as Out;
  });

  it('evaluates at R6 (2024)', () => expect(out.year).toBe(2024));

  it.each([
    ['創業支援事業による創業者数', 'D', 0.359],
    ['空き家情報バンク登録物件数', 'B', 0.98],
    ['消防団員数', 'B', 0.855],
    ['放課後児童クラブの待機児童数', 'D', 0],
  ] as const)('%s → %s (%d)', (name, grade, rate) => {
    expect(find(name).evaluation.grade).toBe(grade);
    expect(find(name).evaluation.achievementRate as number).toBeCloseTo(rate, 3);
  });

  it('消防団員数 trend ↘ (worse); 待機児童 is down', () => {
    expect(find('消防団員数').evaluation.trend).toBe('worse');
    expect(find('放課後児童クラブの待機児童数').direction).toBe('down');
  });

  it('子ども医療費 A, 工業団地 廃止, 移動数 D (up)', () => {
    expect(find('子ども医療費給付対象年齢').evaluation.grade).toBe('A');
    expect(find('工業団地整備面積').evaluation.grade).toBe('廃止');
    expect(find('移動数').evaluation).toMatchObject({
      grade: 'D',
      achievementRate: null,
      progressRate: null,
    });
    expect(find('移動数').direction).toBe('up');
  });

  it('合計特殊出生率 is judged on R4 and says so; 市内民営事業所従業者数 on R3', () => {
    expect(find('合計特殊出生率').evaluation).toMatchObject({ latestYear: 2022, notes: ['R4の値で評価'] });
    expect(find('市内民営事業所従業者数').evaluation).toMatchObject({ latestYear: 2021, grade: 'B' });
  });

  it('grade counts per goal and overall (KPI rows; 廃止 not judged)', () => {
    const counts = (c: Record<string, number>) => ['A', 'B', 'C', 'D', 'X', '廃止'].map((g) => c[g]);
    expect(out.summary.byGoal.map((g) => [g.judged, ...counts(g.counts)])).toEqual([
      [8, 2, 2, 0, 1, 3, 2],
      [20, 10, 2, 1, 7, 0, 0],
      [10, 6, 0, 2, 2, 0, 0],
      [6, 2, 2, 1, 1, 0, 0],
    ]);
    expect(out.summary.overall).toMatchObject({
      judged: 44,
      counts: { A: 20, B: 6, C: 4, D: 11, X: 3, 廃止: 2 },
    });
  });

  it('--year R4 judges against the interim path: 創業者数 按分目標 31, 25人 → B', async () => {
    const { code, stdout } = await run([FIXTURE, '--json', '--year', 'R4']);
    expect(code).toBe(0);
    const r4 = JSON.parse(stdout) as Out;
    expect(find('創業支援事業による創業者数', r4).evaluation).toMatchObject({
      year: 2022,
      pathTarget: 31,
      grade: 'B',
      notes: ['按分目標 R4: 31'],
    });
    expect(find('雇用奨励助成を活用した就業者数', r4).evaluation.grade).toBe('A');
  });
});
