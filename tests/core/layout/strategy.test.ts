/**
 * The strategy table (strategy-kpi-table.txt → tests/fixtures/asakuchi-strategy.xlsx): 基本目標 lines, the
 * 数値目標 written as 【現状値】【目標値】 text, and a KPI table with 主な取組 / 取組の概要 / KPI / 現状値 / 目標値 /
 * 担当課, messy as it arrived. Expectations are copied from the seed text.
 */
import { readKpiSheet } from '../../../src/core/layout';
import type { Kpi, KpiSheet } from '../../../src/core/types';
import { fixtureGrid } from './fixture-grid';

let sheet: KpiSheet;

beforeAll(async () => {
  const result = readKpiSheet(await fixtureGrid('asakuchi-strategy.xlsx'));
  if (!result.ok) throw new Error(result.failure.message);
  sheet = result.sheet;
});

const kpis = (): Kpi[] => sheet.blocks.flatMap((b) => b.kpis);
const named = (name: string): Kpi => {
  const found = kpis().find((k) => k.name === name);
  if (!found) throw new Error(`no KPI ${name}`);
  return found;
};

/** [KPI name, 担当課, 現状値 (H30年度), 目標値 (R6年度)], realigned where the seed's row is shifted. */
const SEED_ROWS: readonly [string, string, string, string | null][] = [
  ['助成対象者数 (年間)', '市民課', '1人', '2人'], // seed line 13
  ['計画策定 創業者数 (年間)', '産業振興課', '15人', '39人'], // seed line 14
  ['農業参入企業数 (累計)', '産業振興課', '1社', '1社'], // seed line 15
  ['浅口市産農林水産物を原材料とした「あさくちブランド」商品数(累計)', '産業振興課', '12個', '15個'], // seed line 16
  ['工業団地整備面積 (累計)', '工業団地推進室', '4.4ha', '13.4ha'], // seed line 17
  ['優遇制度活用件数 (累計)', '工業団地推進室', '2件', '6件'], // seed line 18
  ['市の求人情報ホームページへのアクセス数 (月平均) 情報更新回数 (年間)', '市民課', '383件 52回', '52回'], // seed line 19
  ['設備資金利子補給件数 (年間)', '', '12件', '20件'], // seed line 20
  ['成長支援事業補助件数 (年間)', '産業振興課', '13件', '20件'], // seed line 21
  ['「あさくちブランド」認定数 (累計)', '産業振興課', '32個', '37個'], // seed line 22
  ['移住・定住ポータルサイトのアクセス数 (月平均)', '地域創造課', '280件', '350件'], // seed line 36
  ['空き家情報バンク登録物件数 (累計)', 'まちづくり課', '63件', '150件'], // seed line 37
  ['就職面接会参加学生数 (年間)', '市民課', '18人', null], // seed line 38
  ['就職相談（面接）会開催回数 (年間)', '市民課', '4回', '4回'], // seed line 39
  ['調査・台帳作成及び計画策定棟数 (累計)', '建設業務課', '12棟', '27棟'], // seed line 40
  [
    'あさくち住マイルロード促進事業奨励金の活用で造成された宅地区画数 (累計)',
    'まちづくり課',
    '46区画',
    '50区画',
  ], // seed line 41
  ['浅口ふれあい号の利用者数', '地域創造課', '30,239人', '35,000人'], // seed line 42
  ['外部講師による授業の回数及び外部講師と連携した授業及び活動の回数 (年間)', '学校教育課', '2回', '3回'], // seed line 43
  ['学校給食での特産品等に関する指導回数 (年間)', '学校給食センター', '2回', '2回'], // seed line 44
  ['学校運営協議会の回数 (年間)', '学校教育課', '5回', '5回'], // seed line 45
  ['連携事業数 (累計)', '秘書政策課', '0件', '5件'], // seed line 46
  ['情報発信回数 (年間)', '産業振興課', '0件', '10件'], // seed line 47
  ['天文博物館入館者数 (年間)', '文化振興課', '24,000人', '25,000人'], // seed line 48
  ['広域連携観光事業数 (年間)', '産業振興課', '7事業', '9事業'], // seed line 49
  ['天文関連施設利用回数 (年間)', '産業振興課', '—', '10回'], // seed line 50
  ['あさくち土産品開発品数 (累計)', '産業振興課', '4個', '10個'], // seed line 51
  ['催事等におけるマルチメディアを活用した観光PR回数 (年間)', '産業振興課', '22回', '30回'], // seed line 52
  ['ふるさと寄附金件数 (年間)', '地域創造課', '2,016件', '7,000件'], // seed line 53
  ['商談数 (年間)', '産業振興課', '40社', '50社'], // seed line 54
  ['観光パンフレット配布部数 (年間)', '産業振興課', '—', '4,000部'], // seed line 55
  ['出展イベント数 (累計)', '産業振興課', '0件', '10件'], // seed line 56
  ['浅口よいとこ応援隊員数 (累計)', '産業振興課', '12人', '14人'], // seed line 57
  ['縁結びサポーターによる成婚数(累計)', '秘書政策課', '1組', '5組'], // seed line 68
  ['子ども医療費給付対象年齢', '社会福祉課', '中3まで', '中3まで'], // seed line 69
  ['不妊・不育治療費助成制度の有無', '健康推進課', '有', '継続'], // seed line 70
  ['マタニティクラス参加割合(年間)', '健康推進課', '0.16', '0.2'], // seed line 71
  ['あかちゃん訪問の割合(年間)', '健康推進課', '0.873', '希望者の100%'], // seed line 72
  ['施設数(累計)', 'こども未来課', '0施設', null], // seed line 73
  ['放課後児童クラブの待機児童数(年間最大数)', 'こども未来課', '0人', '0人'], // seed line 74
  ['地域子育て支援拠点事業実施箇所数', 'こども未来課', '2箇所', '2箇所'], // seed line 75
  ['「おかもや子育て応援宣言」に登録している企業・事業所数(累計)', '市民課', '8社', '10社'], // seed line 76
  ['エアコン設置台数(累計)', '教育総務課', '211台', null], // seed line 77
  ['地域学校協働活動事業実施小・中学校区数', '生涯学習課', '10校区', '10校区'], // seed line 78
  ['夏GAKUサプリ実施公民館数', '生涯学習課', '3館', '3館'], // seed line 79
  ['自主防災組織設置数(累計)', 'くらし安全課', '62組織', '75組織'], // seed line 93
  ['消防団員数', 'くらし安全課', '919人', '940人'], // seed line 94
  ['設備設置', 'くらし安全課', '設置済み', null], // seed line 95
  ['地域おこし協力隊員数', '地域創造課', '4人', '8人'], // seed line 96
  ['市民提案型協働事業数(累計)', '地域創造課', '31事業', '55事業'], // seed line 97
  ['公共施設個別施設計画の策定', '財政課', '0施設', '90施設'], // seed line 98
  ['浸透延長(年間)', '建設課', '1,159m', '1,500m'], // seed line 99
];

describe('blocks and KPIs of the strategy table', () => {
  test('4 blocks with 10, 22, 12 and 7 KPIs, in sheet order', () => {
    expect(sheet.blocks.map((b) => b.kpis.length)).toEqual([10, 22, 12, 7]);
    expect(kpis().map((k) => k.name)).toEqual(SEED_ROWS.map((r) => r[0]));
  });

  test('基本目標 lines: number and title, in one cell or two', () => {
    expect(sheet.blocks.map((b) => [b.goalNumber, b.goal])).toEqual([
      [1, '1 浅口市における安定した雇用を創出する'],
      [2, '2 浅口市への新しいひとの流れをつくる'],
      [3, '3 若い世代の結婚・出産・子育ての希望をかなえる'],
      [4, '4 時代に合った地域をつくり、安心な暮らしを守るとともに、地域と地域を連携する'],
    ]);
  });

  test.each(SEED_ROWS)('%s: %s, %s → %s', (name, department, baseline, target) => {
    const kpi = named(name);
    expect(kpi.department).toBe(department);
    expect(kpi.baseline?.year).toBe(2018);
    expect(kpi.baseline?.reading.raw).toBe(baseline);
    expect(kpi.actuals).toEqual([]);
    if (target === null) expect(kpi.target).toBeNull();
    else expect(kpi.target).toMatchObject({ year: 2024, reading: { raw: target } });
  });

  test('fractions in a percent row read as percent points', () => {
    expect(named('マタニティクラス参加割合(年間)').baseline?.reading).toMatchObject({
      kind: 'percent',
      value: 16,
    });
    expect(named('あかちゃん訪問の割合(年間)').baseline?.reading).toMatchObject({
      kind: 'percent',
      value: 87.3,
    });
  });
});

describe('数値目標 text cells become headline KPIs with their years', () => {
  test('one headline per block, two in block 4', () => {
    expect(sheet.blocks.map((b) => b.headlines.map((h) => h.name))).toEqual([
      ['市内民営事業所従業者数'],
      ['移動数（転入—転出）'],
      ['合計特殊出生率'],
      ['協議会型住民自治組織数', '自主防災組織率'],
    ]);
  });

  test('【現状値（H30年度）】— 【目標値（R6年度）】9,518人: baseline missing, target FY2024, R1 target noted', () => {
    const h = sheet.blocks[0].headlines[0];
    expect(h.role).toBe('headline');
    expect(h.baseline).toMatchObject({ year: 2018, reading: { kind: 'missing' } });
    expect(h.target).toMatchObject({ year: 2024, reading: { kind: 'number', value: 9518, unit: '人' } });
    expect(h.notes).toEqual(['中間目標 R元: 9,518人']);
  });

  test('移動数 10人 → 0人; 自主防災組織率 68.5% → 72%; 自治組織数 target in FY2019', () => {
    expect(sheet.blocks[1].headlines[0].baseline?.reading).toMatchObject({ value: 10, unit: '人' });
    expect(sheet.blocks[1].headlines[0].target?.reading).toMatchObject({ value: 0, unit: '人' });
    const [council, disaster] = sheet.blocks[3].headlines;
    expect(council.target?.year).toBe(2019);
    expect(disaster.baseline).toMatchObject({ year: 2018, reading: { kind: 'percent', value: 68.5 } });
    expect(disaster.target).toMatchObject({ year: 2024, reading: { kind: 'percent', value: 72 } });
  });
});

describe('messy rows: edit marks, labels in the wrong column, shifted values', () => {
  test.each([
    ['設備資金利子補給件数 (年間)', '(2) 産業の振興と生産性の向上', '①事業拡大等への経済的支援'],
    ['成長支援事業補助件数 (年間)', '(2) 産業の振興と生産性の向上', '②産業の育成・強化'],
    [
      '移住・定住ポータルサイトのアクセス数 (月平均)',
      '(1) 移住・定住の促進',
      '① I・J・Uターンに向けた情報提供の拡充',
    ],
    ['連携事業数 (累計)', '(1) 移住・定住の促進', '⑤ 東京一極集中是正に向けた取り組み'],
    ['施設数(累計)', '(1) 結婚・妊娠・出産・子育ての切れ目ない支援', '④子育て環境の整備と支援の充実'],
    [
      '地域子育て支援拠点事業実施箇所数',
      '(1) 結婚・妊娠・出産・子育ての切れ目ない支援',
      '④子育て環境の整備と支援の充実',
    ],
    [
      '「おかもや子育て応援宣言」に登録している企業・事業所数(累計)',
      '(1) 結婚・妊娠・出産・子育ての切れ目ない支援',
      '⑤ワーク・ライフ・バランスの向上',
    ],
  ])('%s under %s / %s', (name, framework, measure) => {
    expect(named(name).framework).toBe(framework);
    expect(named(name).measure).toBe(measure);
  });

  test('diagnostics name the cell and what was done', () => {
    const at = (cell: string) => sheet.diagnostics.filter((d) => d.cell === cell).map((d) => d.kind);
    expect(at('F16')).toEqual(['unreadable']); // 383件 52回: two values in one cell
    expect(at('F17')).toEqual(['realigned']); // 設備資金利子補給件数: one column right, no 担当課
    expect(at('A18')).toEqual(['realigned']); // ②産業の育成・強化 in the 施策の枠組み column
    expect(at('D38')).toEqual(['realigned']); // 連携事業数: one column left
    expect(at('A65')).toEqual(['guessed']); // 地域子育て支援拠点事業: an 主な取組 in the 施策の枠組み column
    expect(at('F61')).toEqual(['fractionAsPercent']);
    expect(at('G30')).toEqual(['missingTarget']);
    expect(at('B5')).toEqual(['missingBaseline']);
    expect(at('C9')).toEqual(['ignoredColumn']); // 主な取組
    expect(at('D9')).toEqual(['ignoredColumn']); // 取組の概要
  });

  test('the table reaches the shifted 担当課 in column I (flags must go right of it)', () => {
    expect(sheet.blocks[2].kpiTable?.lastCol).toBe(9);
    expect(sheet.blocks[0].kpiTable?.lastCol).toBe(8);
  });
});
