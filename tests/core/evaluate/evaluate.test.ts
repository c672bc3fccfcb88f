import { evaluate } from '../../../src/core/evaluate';
import { directionFromName, resolveDirection } from '../../../src/core/evaluate/direction';
import { DEFAULT_SETTINGS, PRESETS, withRateThresholds } from '../../../src/core/settings';
import type { Kpi, KpiEvaluation, Settings } from '../../../src/core/types';
import { abolished, age, block, kpi, missing, num, sheet, sheetOf, text } from './build';
import * as seed from './seeds';

function judge(row: Kpi, settings: Partial<Settings> = {}): KpiEvaluation {
  const evaluation = evaluate(sheetOf(row), { ...DEFAULT_SETTINGS, ...settings });
  return evaluation.kpis[0];
}

function judgeOnSheet(row: Kpi, settings: Partial<Settings> = {}): KpiEvaluation {
  const evaluation = evaluate(seed.progressSheet(), { ...DEFAULT_SETTINGS, ...settings });
  const found = evaluation.kpis.find((k) => k.kpiId === row.id);
  if (!found) throw new Error(`no evaluation for ${row.name}`);
  return found;
}

describe('direction: up unless a lower-is-better word or the user says otherwise', () => {
  it.each([
    '放課後児童クラブの待機児童数 (年間最大数)',
    '交通事故発生件数',
    '刑法犯罪認知件数',
    '交通事故死亡者数',
    '特殊詐欺被害件数',
    '不登校児童生徒数',
    '新規学卒者の離職率',
    '転出者数',
    '耕作放棄地面積',
    '温室効果ガス排出量',
    '1人1日当たりのごみ排出量',
    '市内の空き家数',
  ])('%s is lower-is-better', (name) => {
    expect(directionFromName(name)).toBe('down');
  });

  it.each([
    '移動数(転入一転出)※2',
    '移動数（転入—転出）',
    '空き家情報バンク登録物件数(累計)',
    '空き家バンク登録件数',
    '交通事故防止教室の開催回数',
    '耕作放棄地の再生面積',
    '消防団員数',
    '創業支援事業による創業者数 (年間)',
  ])('%s is higher-is-better', (name) => {
    expect(directionFromName(name)).toBeNull();
    expect(resolveDirection({ name, directionChoice: null })).toEqual({ direction: 'up', source: 'default' });
  });

  it('the user’s 方向 cell wins over the name', () => {
    expect(resolveDirection({ name: '待機児童数', directionChoice: 'up' })).toEqual({
      direction: 'up',
      source: 'user',
    });
    expect(judge({ ...seed.創業者数, directionChoice: 'down' }).direction).toBe('down');
  });

  it('is never inferred from baseline vs target: 移動数 10 → 0 stays up', () => {
    expect(judge(seed.移動数)).toMatchObject({ direction: 'up', directionSource: 'default' });
  });
});

describe('evaluation year: latest year column with any reading; each KPI its latest reading at or before it', () => {
  it('defaults to R6 on the progress table', () => {
    expect(evaluate(seed.progressSheet(), DEFAULT_SETTINGS).year).toBe(2024);
  });

  it('a sheet whose R6 column is empty evaluates at R5', () => {
    const row = kpi({
      row: 3,
      name: 'X数',
      baseline: num(1, '件'),
      actuals: [num(2, '件'), num(3, '件'), num(4, '件'), num(5, '件'), missing()],
      target: num(10, '件'),
    });
    expect(evaluate(sheetOf(row), DEFAULT_SETTINGS).year).toBe(2023);
  });

  it('合計特殊出生率: R5/R6 are —, so the R4 value 1.64 is used and noted', () => {
    const e = judgeOnSheet(seed.合計特殊出生率);
    expect(e.latestYear).toBe(2022);
    expect(e.latest).toMatchObject({ value: 1.64 });
    expect(e.notes).toContain('R4の値で評価');
    expect(e.achievementRate).toBeCloseTo(1.64 / 1.76, 6);
    expect(e.grade).toBe('B');
  });

  it('a settable year picks the reading of that year', () => {
    const e = judge(seed.創業者数, { evaluationYear: 2022 });
    expect(e).toMatchObject({ year: 2022, latestYear: 2022, latest: { value: 25 } });
    expect(e.notes).not.toContain('R4の値で評価');
  });

  it('an unreadable latest cell is passed over and noted; the older value is judged', () => {
    const row = kpi({
      row: 3,
      name: 'X数',
      baseline: num(1, '件'),
      actuals: [num(2, '件'), num(3, '件'), num(4, '件'), num(5, '件'), text('集計中')],
      target: num(5, '件'),
    });
    const e = judge(row);
    expect(e).toMatchObject({ latestYear: 2023, grade: 'A' });
    expect(e.notes).toEqual(['R6の値「集計中」は読めないため除外', 'R5の値で評価']);
  });
});

describe('達成率 and 進捗率', () => {
  it('創業者数 14人 vs 39人: 達成率 35.9 %, 進捗率 negative (worse than the baseline 15人)', () => {
    const e = judge(seed.創業者数);
    expect(e.achievementRate).toBeCloseTo(0.359, 3);
    expect(e.progressRate).toBeCloseTo((14 - 15) / (39 - 15), 6);
    expect(e.achieved).toBe(false);
  });

  it('a percent compares in points: あかちゃん訪問 100% vs 希望者の100% is achieved', () => {
    const e = judge(seed.あかちゃん訪問);
    expect(e).toMatchObject({ achieved: true, achievementRate: 1, grade: 'A' });
    expect(e.progressRate).toBeCloseTo((100 - 87) / (100 - 87), 6);
  });

  it('down: T ÷ A, so a target of 0 gives 0 % (待機児童 23人 vs 0人)', () => {
    const e = judge(seed.待機児童);
    expect(e).toMatchObject({
      direction: 'down',
      achievementRate: 0,
      progressRate: null,
      achieved: false,
      grade: 'D',
    });
  });

  it('spellings of one unit are the same unit (2箇所 vs 2か所)', () => {
    const row = kpi({
      row: 3,
      name: '拠点数',
      baseline: num(2, '箇所'),
      actuals: [num(2, '箇所')],
      target: num(2, 'か所'),
    });
    const e = judge(row, { evaluationYear: 2020 });
    expect(e.grade).toBe('A');
    expect(e.notes.join()).not.toContain('単位不一致');
  });

  it('different units of the same kind are judged and noted', () => {
    const row = kpi({
      row: 3,
      name: '相談会',
      baseline: num(2, '件'),
      actuals: [num(3, '件'), num(4, '件'), num(4, '件'), num(4, '件'), num(4, '件')],
      target: num(5, '回'),
    });
    const e = judge(row);
    expect(e.notes).toContain('単位不一致: 件 / 回');
    expect(e.grade).toBe('B');
  });

  it('a percent against a number is not judged', () => {
    const row = kpi({
      row: 3,
      name: '参加者',
      baseline: num(2, '人'),
      actuals: [num(3, '人')],
      target: { kind: 'percent', value: 20, unit: '%', raw: '20%' },
    });
    const e = judge(row, { evaluationYear: 2020 });
    expect(e.grade).toBe('X');
    expect(e.notes).toContain('単位不一致: 人 / %');
  });
});

describe('a target of 0', () => {
  it('放課後児童クラブの待機児童数 23人 vs 0人, down → D at 0 %', () => {
    expect(judge(seed.待機児童)).toMatchObject({ grade: 'D', basisUsed: 'achievement', achievementRate: 0 });
  });

  it('移動数 −59人 vs 0人, up → D: neither rate is defined, judged on achieved', () => {
    const e = judge(seed.移動数);
    expect(e).toMatchObject({
      grade: 'D',
      achieved: false,
      achievementRate: null,
      progressRate: null,
      basisUsed: 'achieved',
    });
    expect(e.notes).toContain('目標0のため達成率・進捗率を算出できず、達成/未達で判定');
  });

  it('up with a target of 0 from a negative baseline is judged on 進捗率 and says so', () => {
    const row = kpi({
      row: 3,
      name: '移動数(転入一転出)',
      baseline: num(-40, '人'),
      actuals: [num(-10, '人')],
      target: num(0, '人'),
    });
    const e = judge(row, { evaluationYear: 2024, interimPath: false });
    expect(e.progressRate).toBeCloseTo(0.75, 6);
    expect(e).toMatchObject({ grade: 'C', basisUsed: 'progress' });
    expect(e.notes).toContain('目標0のため進捗率で判定');
  });

  it('down at 0 against 0 is achieved', () => {
    const e = judge(seed.待機児童, { evaluationYear: 2022 });
    expect(e).toMatchObject({ achieved: true, grade: 'A' });
  });
});

describe('a maintain target (学校運営協議会 5回 → 5回)', () => {
  it('is achieved at 100 % on 達成率', () => {
    expect(judge(seed.学校運営協議会)).toMatchObject({
      achieved: true,
      achievementRate: 1,
      progressRate: null,
      grade: 'A',
      trend: 'same',
    });
  });

  it('on 進捗率 (undefined for a maintain target) falls back to 達成率 and says so', () => {
    const e = judge(seed.学校運営協議会, { ...PRESETS['進捗率'] });
    expect(e).toMatchObject({ grade: 'A', basisUsed: 'achievement' });
    expect(e.notes).toContain('進捗率を算出できないため達成率で判定');
  });
});

describe('interim path: before the target year the straight line from baseline to target', () => {
  it('創業者数 15 → 39 over 2018 → 2024, at R4: 15 + 24 · 4/6 = 31; 25人 is B (80.6 %)', () => {
    const e = judge(seed.創業者数, { evaluationYear: 2022 });
    expect(e.pathTarget).toBe(31);
    expect(e.notes).toContain('按分目標 R4: 31');
    expect(e.achievementRate).toBeCloseTo(25 / 31, 6);
    expect(e.grade).toBe('B');
  });

  it('消防団員数 919 → 940 at R4: 933; 835人 → B (89.5 %)', () => {
    const e = judge(seed.消防団員数, { evaluationYear: 2022 });
    expect(e.pathTarget).toBe(933);
    expect(e.grade).toBe('B');
  });

  it('an older reading is compared with the line in its own year: 合計特殊出生率 at R5 uses R4 (1.27 → 1.76)', () => {
    const e = judge(seed.合計特殊出生率, { evaluationYear: 2023 });
    // 1.27 + 0.49 · 4/6 = 1.5967
    expect(e.pathTarget).toBeCloseTo(1.5967, 4);
    expect(e.notes).toEqual(['R4の値で評価', '按分目標 R4: 1.6']);
    expect(e).toMatchObject({ achieved: true, grade: 'A' });
  });

  it('is off with the setting, and absent at the target year', () => {
    expect(judge(seed.創業者数, { evaluationYear: 2022, interimPath: false })).toMatchObject({
      pathTarget: null,
      grade: 'C',
    });
    expect(judge(seed.創業者数).pathTarget).toBeNull();
  });

  it('a baseline with its own year (9,174人 (H28年)) starts the line at 2016', () => {
    const e = judge(seed.市内民営事業所従業者数, { evaluationYear: 2021 });
    // 9174 + (9518 − 9174) · (2021 − 2016) / (2024 − 2016) = 9389
    expect(e.pathTarget).toBe(9389);
    expect(e.notes).toContain('按分目標 R3: 9,389');
    expect(e.achievementRate).toBeCloseTo(8935 / 9389, 6);
  });
});

describe('trend against the baseline in the KPI’s direction', () => {
  it('消防団員数 919 → 804 is ↘ worse', () => {
    expect(judge(seed.消防団員数).trend).toBe('worse');
  });
  it('待機児童 0 → 23 (down) is worse; 空き家バンク 63 → 147 is better', () => {
    expect(judge(seed.待機児童).trend).toBe('worse');
    expect(judge(seed.空き家バンク).trend).toBe('better');
  });
  it('within the tolerance is →', () => {
    expect(judge(seed.消防団員数, { trendTolerance: 0.2 }).trend).toBe('same');
  });
});

describe('grade on the chosen basis and thresholds', () => {
  it('progress basis with 100/80/50: 空き家バンク (147−63)/(150−63) = 96.6 % → B', () => {
    const e = judge(seed.空き家バンク, { ...PRESETS['進捗率'] });
    expect(e.progressRate).toBeCloseTo(84 / 87, 6);
    expect(e).toMatchObject({ grade: 'B', basisUsed: 'progress' });
  });
  it('exactly 80 % is B (no floating-point slip)', () => {
    const row = kpi({
      row: 3,
      name: 'X数',
      baseline: num(0, '件'),
      actuals: [num(4, '件')],
      target: num(5, '件'),
    });
    expect(judge(row, { evaluationYear: 2024 }).grade).toBe('B');
  });
  it('custom thresholds move the bands', () => {
    const scale = withRateThresholds(DEFAULT_SETTINGS.scale, [100, 50, 30]);
    expect(judge(seed.創業者数, { scale: scale ?? undefined }).grade).toBe('C');
  });
});

describe('age limits and presences compare by rank', () => {
  it('子ども医療費 満18歳まで vs 中3まで → A', () => {
    expect(judge(seed.子ども医療費)).toMatchObject({
      grade: 'A',
      achieved: true,
      basisUsed: 'rank',
      achievementRate: null,
      trend: 'better',
    });
  });
  it('不妊・不育 不育のみ有 vs 有 → C', () => {
    expect(judge(seed.不妊不育)).toMatchObject({
      grade: 'C',
      achieved: false,
      basisUsed: 'rank',
      trend: 'worse',
    });
  });
  it('拡充 ranks above 有 → A (at R2)', () => {
    expect(judge(seed.不妊不育, { evaluationYear: 2020 })).toMatchObject({ grade: 'A', achieved: true });
  });
});

describe('abolished rows: 廃止, out of every total', () => {
  it('工業団地整備面積 廃止 at R6 → 廃止; at R5 it is judged (4.4ha vs 13.4ha → D)', () => {
    expect(judge(seed.工業団地)).toMatchObject({ grade: '廃止', latestYear: 2024, notes: ['R6から廃止'] });
    expect(judge(seed.工業団地, { evaluationYear: 2023, interimPath: false }).grade).toBe('D');
  });
  it('雇用奨励 廃止 from R5 → 廃止', () => {
    const e = judge(seed.雇用奨励);
    expect(e.grade).toBe('廃止');
    expect(e.notes).toEqual(['R5から廃止']);
  });
  it('a target cell 中止 makes the row 廃止', () => {
    const row = kpi({ row: 3, name: 'X', actuals: [num(2, '件')], target: abolished('中止') });
    expect(judge(row, { evaluationYear: 2024 }).grade).toBe('廃止');
  });
  it('is not counted as judged', () => {
    const s = evaluate(sheetOf(seed.工業団地, seed.創業者数), DEFAULT_SETTINGS).summary;
    expect(s.overall).toMatchObject({ judged: 1, counts: { 廃止: 1, D: 1 }, achievedShare: 0 });
  });
});

describe('X where there is nothing to judge', () => {
  it('no reading at all', () => {
    const row = kpi({
      row: 3,
      name: 'X数',
      baseline: missing(),
      actuals: [missing(), missing()],
      target: num(5, '件'),
    });
    expect(judge(row, { evaluationYear: 2024 })).toMatchObject({ grade: 'X', latest: null });
  });
  it('a baseline alone is not a result (a plan such as the strategy table)', () => {
    const row = kpi({ row: 3, name: '創業者数', baseline: num(15, '人'), target: num(39, '人') });
    const e = judge(row, { evaluationYear: 2024 });
    expect(e).toMatchObject({ grade: 'X', latest: null, latestYear: null });
    expect(e.notes).toEqual(['R6までの実績値なし']);
  });
  it('no target', () => {
    const row = kpi({
      row: 3,
      name: 'X数',
      baseline: num(1, '件'),
      actuals: [num(2, '件')],
      target: missing(),
    });
    const e = judge(row, { evaluationYear: 2024 });
    expect(e.grade).toBe('X');
    expect(e.notes).toContain('目標値なし');
  });
  it('only unreadable text', () => {
    const row = kpi({ row: 3, name: 'X数', actuals: [text('調査中')], target: num(5, '件') });
    expect(judge(row, { evaluationYear: 2024 }).grade).toBe('X');
  });
  it('an age limit against a quantity', () => {
    const row = kpi({ row: 3, name: 'X', actuals: [age(18, '満18歳まで')], target: num(5, '件') });
    const e = judge(row, { evaluationYear: 2024 });
    expect(e.grade).toBe('X');
    expect(e.notes).toContain('実績値と目標値の種類が異なります: 満18歳まで / 5件');
  });
});

describe('EVALUATION.md section 4 at R6 with default settings (hand-built seed rows)', () => {
  const evaluation = evaluate(seed.progressSheet(), DEFAULT_SETTINGS);
  const of = (row: Kpi) => evaluation.kpis.find((k) => k.kpiId === row.id) as KpiEvaluation;

  it.each([
    [seed.創業者数, 'D', 0.359],
    [seed.空き家バンク, 'B', 0.98],
    [seed.消防団員数, 'B', 0.855],
    [seed.待機児童, 'D', 0],
  ] as const)('%#: grade and 達成率', (row, grade, rate) => {
    expect(of(row).grade).toBe(grade);
    expect(of(row).achievementRate).toBeCloseTo(rate, 3);
  });
  it('消防団員数 trend ↘', () => expect(of(seed.消防団員数).trend).toBe('worse'));
  it('子ども医療費 A, 工業団地 廃止, 移動数 D', () => {
    expect(of(seed.子ども医療費).grade).toBe('A');
    expect(of(seed.工業団地).grade).toBe('廃止');
    expect(of(seed.移動数)).toMatchObject({ grade: 'D', direction: 'up' });
  });
});

describe('summary: per 基本目標, per 担当課, overall; follow-ups; data issues', () => {
  const evaluation = evaluate(seed.progressSheet(), DEFAULT_SETTINGS);
  const { summary } = evaluation;

  it('counts KPI rows (not the 数値目標 headlines), 廃止 out of the judged count', () => {
    // KPIs: 雇用奨励 廃止, 創業者数 D, 工業団地 廃止, 空き家 B, 学校運営 A, 医療費 A, 不妊 C, 訪問 A, 待機 D, 消防 B
    expect(summary.overall).toEqual({
      key: '全体',
      judged: 8,
      counts: { A: 3, B: 2, C: 1, D: 2, X: 0, 廃止: 2 },
      achievedShare: 3 / 8,
    });
    expect(summary.byGoal.map((g) => [g.key.slice(0, 1), g.judged, g.counts.A])).toEqual([
      ['1', 1, 0],
      ['2', 2, 1],
      ['3', 4, 2],
      ['4', 1, 0],
    ]);
  });

  it('groups by 担当課', () => {
    const health = summary.byDepartment.find((g) => g.key === '健康こども福祉課');
    expect(health).toMatchObject({ judged: 3, counts: { A: 2, C: 1 } });
    expect(summary.byDepartment.find((g) => g.key === 'まちづくり課')).toMatchObject({
      judged: 1,
      counts: { B: 1, 廃止: 1 },
    });
  });

  it('lists C and D with latest value, target, gap and department', () => {
    const founders = summary.followUps.find((f) => f.kpiId === seed.創業者数.id);
    expect(founders).toMatchObject({
      latest: '14人 (R6)',
      target: '39人',
      gap: 25,
      department: '産業振興課',
      grade: 'D',
    });
    expect(summary.followUps.find((f) => f.kpiId === seed.待機児童.id)).toMatchObject({
      latest: '23人 (R6)',
      gap: 23,
    });
    expect(summary.followUps.find((f) => f.kpiId === seed.不妊不育.id)).toMatchObject({
      latest: '不育のみ有 (R6)',
      target: '有',
      gap: null,
    });
    expect(summary.followUps.map((f) => f.grade).every((g) => g === 'C' || g === 'D')).toBe(true);
    expect(summary.followUps.find((f) => f.kpiId === seed.移動数.id)).toMatchObject({
      latest: '△59人 (R6)',
      gap: 59,
    });
  });

  it('lists every diagnostic and every unreadable cell with its address', () => {
    const row = kpi({
      row: 12,
      name: 'X数',
      baseline: num(1, '件'),
      actuals: [text('調査中'), text('集計中')],
      target: num(5, '件'),
    });
    const s = evaluate(
      sheet(
        [block('1 テスト', [], [row])],
        [
          { cell: 'F12', kind: 'unreadable', message: '「調査中」を読めません' },
          { cell: 'K3', kind: 'missingTarget', message: '目標値がありません' },
        ],
      ),
      DEFAULT_SETTINGS,
    ).summary;
    expect(s.dataIssues.map((i) => [i.cell, i.kind])).toEqual([
      ['F12', 'unreadable'],
      ['K3', 'missingTarget'],
      ['G12', 'unreadable'],
    ]);
  });
});
