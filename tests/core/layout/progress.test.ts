/**
 * The progress table (kpi-progress-table.txt, built into tests/fixtures/asakuchi-progress.xlsx by
 * `npm run fixtures`; sheet row = seed line − 2). Expectations are copied from the seed text.
 */
import { readKpiSheet } from '../../../src/core/layout';
import type { Kpi, KpiSheet, Reading } from '../../../src/core/types';
import { fixtureGrid } from './fixture-grid';

let sheet: KpiSheet;

beforeAll(async () => {
  const result = readKpiSheet(await fixtureGrid('asakuchi-progress.xlsx'));
  if (!result.ok) throw new Error(result.failure.message);
  sheet = result.sheet;
});

const kpis = (): Kpi[] => sheet.blocks.flatMap((b) => b.kpis);
const kpiAt = (row: number): Kpi => {
  const found = [...sheet.blocks.flatMap((b) => b.headlines), ...kpis()].find((k) => k.row === row);
  if (!found) throw new Error(`no KPI on row ${row}`);
  return found;
};
const raw = (r: Reading | undefined): string | undefined => r?.raw;

/** [sheet row, KPI name, 担当課, [H30 (現状値), R2, R3, R4, R5, R6], R6 (目標値)] as the seed writes them. */
const SEED_ROWS: readonly [number, string, string, readonly string[], string | null][] = [
  [9, '雇用奨励助成を活用した就業者数 (年間)', '市民課', ['1人', '2人', '3人', '3人', '廃止', '廃止'], '2人'],
  [
    10,
    '創業支援事業による創業者数 (年間)',
    '産業振興課',
    ['15人', '8人', '18人', '25人', '25人', '14人'],
    '39人',
  ],
  [11, '農業参入企業数 (累計)', '産業振興課', ['1社', '1社', '1社', '1社', '1社', '1社'], '1社'],
  [
    12,
    '浅口市産農林水産物を原材料とした「あさくちブランド」商品数 (累計)',
    '産業振興課',
    ['12個', '13個', '13個', '13個', '13個', '13個'],
    '15個',
  ],
  [
    13,
    '工業団地整備面積 (累計)',
    'まちづくり課',
    ['4.4ha', '4.4ha', '4.4ha', '4.4ha', '4.4ha', '廃止'],
    '13.4ha',
  ],
  [14, '企業立地優遇制度活用件数 (累計)', 'まちづくり課', ['2件', '5件', '6件', '7件', '8件', '8件'], '6件'],
  [
    15,
    '市の求人情報ホームページの情報更新回数 (年間)',
    '市民課',
    ['52回', '51回', '50回', '51回', '50回', '50回'],
    '52回',
  ],
  [16, '設備資金利子補給件数 (年間)', '産業振興課', ['12件', '16件', '13件', '16件', '10件', '14件'], null], // realigned
  [17, '成長支援事業補助件数 (年間)', '産業振興課', ['13件', '6件', '12件', '16件', '17件', '14件'], null], // realigned
  [
    18,
    '「あさくちブランド」認定数 (累計)',
    '産業振興課',
    ['32個', '34個', '35個', '36個', '37個', '37個'],
    null,
  ], // realigned
  [
    26,
    'あさくち住マイルロード促進事業奨励金の(累計)活用で造成された宅地区画数',
    'まちづくり課',
    ['46区画', '46区画', '78区画', '104区画', '104区画', '104区画'],
    '66区画',
  ],
  [
    27,
    '移住・定住ポータルサイトのアクセス数(月平均)',
    '地域創造課',
    ['280件', '308件', '306件', '382件', '219件', '195件'],
    '350件',
  ],
  [
    28,
    '空き家情報バンク登録物件数(累計)',
    'まちづくり課',
    ['63件', '103件', '112件', '123件', '137件', '147件'],
    '150件',
  ],
  [29, '就職相談(面接)会開催回数(年間)', '市民課', ['4回', '2回', '4回', '5回', '4回', '4回'], '4回'],
  [
    30,
    '浅口ふれあい号の利用者数(年間)',
    '地域創造課',
    ['30,239人', '27,928人', '28,150人', '30,990人', '29,708人', '27,684人'],
    '35,000人',
  ],
  [
    31,
    '外部講師と連携した授業及び活動の回数(年間)',
    '学校教育課',
    ['2回', '9回', '7回', '8回', '6回', '3回'],
    '3回',
  ],
  [
    32,
    '学校給食での特産品等に関する指導回数(年間)',
    '学校給食センター',
    ['2回', '3回', '4回', '1回', '4回', '4回'],
    '2回',
  ],
  [33, '学校運営協議会の回数(年間)', '学校教育課', ['5回', '5回', '5回', '5回', '5回', '5回'], '5回'],
  [
    34,
    '子ども農山漁村交流事業の連携事業数(累計)',
    '秘書政策課',
    ['0件', '0件', '0件', '1件', '1件', '1件'],
    '5件',
  ],
  [
    35,
    '特別区全国連携プロジェクトに関する情報発信回数(年間)',
    '秘書政策課',
    ['0回', '2回', '2回', '2回', '1回', '1回'],
    '10回',
  ],
  [
    36,
    '天文博物館入館者数(年間)',
    'ひとづくり推進課',
    ['24,000人', '10,225人', '8,533人', '12,667人', '11,916人', '13,264人'],
    '25,000人',
  ],
  [
    37,
    '広域連携観光事業数(年間)',
    '産業振興課',
    ['7事業', '7事業', '10事業', '10事業', '10事業', '10事業'],
    '9事業',
  ],
  [
    38,
    '国立天文台観光利用回数(年間)',
    'ひとづくり推進課',
    ['2回', '5回', '4回', '3回', '0回', '0回'],
    '10回',
  ],
  [39, 'あさくち土産開発品数(累計)', '産業振興課', ['4個', '6個', '7個', '10個', '11個', '11個'], '10個'],
  [
    40,
    '催事等におけるマルチメディアを活用した観光PR回数(年間)',
    '産業振興課',
    ['22回', '101回', '169回', '213回', '194回', '218回'],
    '30回',
  ],
  [
    41,
    'ふるさと寄附金件数(年間)',
    '地域創造課',
    ['2,016件', '6,022件', '6,347件', '6,379件', '4,749件', '7,275件'],
    '3,000件',
  ],
  [42, '旅行事業者等との商談数(年間)', '産業振興課', ['40社', '8社', '5社', '8社', '2社', '8社'], '50社'],
  [
    43,
    '観光パンフレット配布部数(年間)',
    '産業振興課',
    ['—', '3,000部', '3,000部', '3,000部', '3,000部', '4,000部'],
    '4,000部',
  ],
  [44, '都市部での出展イベント数(累計)', '産業振興課', ['1件', '2件', '3件', '3件', '4件', '5件'], '10件'],
  [
    45,
    '浅口よいとこ応援隊員数(累計)',
    '産業振興課',
    ['12人', '12人', '12人', '13人', '13人', '13人'],
    '14人',
  ],
  [53, '縁結びサポートによる成婚数 (累計)', '秘書政策課', ['1組', '0組', '0組', '0組', '0組', '1組'], '5組'],
  [
    54,
    '子ども医療費給付対象年齢',
    '健康こども福祉課',
    ['中3まで', '中3まで', '中3まで', '満18歳まで', '満18歳まで', '満18歳まで'],
    '中3まで',
  ],
  [
    55,
    '不妊・不育治療費助成制度の有無',
    '健康こども福祉課',
    ['有', '拡充', '有', '有', '不育のみ有', '不育のみ有'],
    '有',
  ],
  [
    56,
    'マタニティクラス参加割合 (年間)',
    '健康こども福祉課',
    ['16%', '11%', '8%', '19%', '20%', '14%'],
    '20%',
  ],
  [
    57,
    'あかちゃん訪問割合 (年間)',
    '健康こども福祉課',
    ['87%', '90%', '92%', '98%', '100%', '100%'],
    '希望者の100%',
  ],
  [
    58,
    '地域子育て支援拠点事業実施箇所数',
    '保育未来課',
    ['2箇所', '2箇所', '2箇所', '2箇所', '2箇所', '2箇所'],
    '2箇所',
  ],
  [
    59,
    '放課後児童クラブの待機児童数 (年間最大数)',
    '保育未来課',
    ['0人', '0人', '0人', '0人', '24人', '23人'],
    '0人',
  ],
  [
    60,
    '「おかやま子育て応援宣言」に登録している企業・事業所数 (累計)',
    '市民課',
    ['8社', '9社', '9社', '9社', '10社', '10社'],
    '10社',
  ],
  [
    61,
    '地域学校協働活動事業実施小・中学校区数',
    'ひとつづくり推進課',
    ['10校区', '10校区', '10校区', '10校区', '10校区', '10校区'],
    '10校区',
  ],
  [62, '夏GAKUサプリ実施公民館数', 'ひとつづくり推進課', ['3館', '0館', '3館', '3館', '3館', '3館'], '3館'],
  [
    68,
    '自主防災組織設置数 (累計)',
    'くらし安全課',
    ['62組織', '76組織', '77組織', '78組織', '78組織', '75組織'],
    '75組織',
  ],
  [69, '消防団員数', 'くらし安全課', ['919人', '896人', '881人', '835人', '823人', '804人'], '940人'],
  [70, '地域おこし協力隊員数', '地域創造課', ['4人', '2人', '1人', '1人', '0人', '0人'], '6人'],
  [
    71,
    '市民提案型協働事業数 (累計)',
    '地域創造課',
    ['31事業', '37事業', '38事業', '40事業', '40事業', '40事業'],
    '55事業',
  ],
  [
    72,
    '公共施設個別施設計画の策定 (累計)',
    '財政課',
    ['—', '87施設', '86施設', '86施設', '86施設', '86施設'],
    '90施設',
  ],
  [
    73,
    '河川の浚渫延長 (年間)',
    '建設課',
    ['1,159m', '4,370m', '3,645m', '2,206m', '3,239m', '2,679m'],
    '1,500m',
  ],
];

describe('blocks, headlines and KPI rows of the progress table', () => {
  test('4 blocks, 4 headlines, 46 KPI rows', () => {
    expect(sheet.blocks).toHaveLength(4);
    expect(sheet.blocks.map((b) => b.headlines.length)).toEqual([1, 1, 1, 1]);
    expect(sheet.blocks.map((b) => b.kpis.length)).toEqual([10, 20, 10, 6]);
    expect(kpis()).toHaveLength(46);
  });

  test('the title row and the 基本目標 of each block, from its headline block', () => {
    expect(sheet.title).toBe('II 基本目標と具体的な施策のKPI(重要業績評価指標)一覧');
    expect(sheet.blocks.map((b) => [b.goalNumber, b.goal])).toEqual([
      [1, '1 浅口市における安定した雇用を創出する'],
      [2, '2 浅口市への新しいひとの流れをつくる'],
      [3, '3 結婚・出産・子育ての希望をかなえる'],
      [4, '4 時代に合った地域をつくり、安心・安全な暮らしを守るとともに、地域と地域を連携する'],
    ]);
  });

  test.each(SEED_ROWS)('row %i: %s', (row, name, department, values, target) => {
    const kpi = kpiAt(row);
    expect(kpi.role).toBe('kpi');
    expect(kpi.id).toBe(`R${row}`);
    expect(kpi.name).toBe(name);
    expect(kpi.department).toBe(department);
    expect(kpi.baseline?.year).toBe(2018);
    expect(raw(kpi.baseline?.reading)).toBe(values[0]);
    expect(kpi.actuals.map((a) => a.year)).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(kpi.actuals.map((a) => a.reading.raw)).toEqual(values.slice(1));
    if (target === null) expect(kpi.target).toBeNull();
    else {
      expect(kpi.target?.year).toBe(2024);
      expect(raw(kpi.target?.reading)).toBe(target);
    }
  });

  test('readings keep their meaning: units, percents in points, ages, presences, 廃止, dashes', () => {
    expect(kpiAt(30).baseline?.reading).toMatchObject({ kind: 'number', value: 30239, unit: '人' });
    expect(kpiAt(13).target?.reading).toMatchObject({ kind: 'number', value: 13.4, unit: 'ha' });
    expect(kpiAt(56).baseline?.reading).toMatchObject({ kind: 'percent', value: 16, unit: '%' });
    expect(kpiAt(57).target?.reading).toMatchObject({ kind: 'percent', value: 100, qualifier: '希望者の' });
    expect(kpiAt(54).actuals[2].reading).toMatchObject({ kind: 'age', value: 18 });
    expect(kpiAt(55).actuals[0].reading).toMatchObject({ kind: 'presence', level: 'expanded' });
    expect(kpiAt(9).actuals[3].reading.kind).toBe('abolished');
    expect(kpiAt(43).baseline?.reading).toMatchObject({ kind: 'missing', mark: '—' });
    expect(kpiAt(9).unit).toBe('人');
    expect(kpiAt(56).unit).toBe('%');
  });
});

describe('hierarchy carried down through merged and blank cells', () => {
  test.each([
    [9, '1 就業の場の拡大', '① 産業の担い手育成'],
    [10, '1 就業の場の拡大', '① 産業の担い手育成'],
    [15, '1 就業の場の拡大', '④ 情報発信の仕組み等の構築'],
    [16, '2 産業の振興と生産性の向上', '① 事業拡大等への経済的支援'],
    [17, '2 産業の振興と生産性の向上', '② 産業の育成・強化'],
    [18, '2 産業の振興と生産性の向上', '② 産業の育成・強化'],
    [26, '1 移住・定住の促進', '① I・J・Uターンに向けた住まいの確保・情報提供の拡充'],
    // As the sheet has them: ③ 「ふるさと」… starts on row 33 in the seed, so rows 31–32 stay under ②.
    [31, '1 移住・定住の促進', '② 移動手段の確保'],
    [33, '1 移住・定住の促進', '③ 「ふるさと」に対する誇りを高める教育の推進'],
    [36, '2 観光の振興と交流の拡大', '① 観光・集客資源の創出・整備'],
    [62, '2 子どもたちの知・徳・体のバランスのとれた学力向上', '① 地域の教育力の向上と活用'],
    [73, '1 持続的・自立的な地域の形成', '③ 公共施設等の維持管理と長寿命化の推進'],
  ])('row %i: %s / %s', (row, framework, measure) => {
    expect(kpiAt(row).framework).toBe(framework);
    expect(kpiAt(row).measure).toBe(measure);
  });
});

describe('period from the KPI name', () => {
  test.each([
    [9, 'annual'],
    [11, 'cumulative'],
    [26, 'cumulative'],
    [27, 'monthlyAverage'],
    [59, 'annualMax'],
    [69, null],
    [54, null],
  ])('row %i → %s', (row, period) => {
    expect(kpiAt(row).period).toBe(period);
  });
});

describe('headline 数値目標 rows are KPIs of their block', () => {
  test('names without footnote markers, one per block', () => {
    expect(sheet.blocks.map((b) => b.headlines.map((h) => [h.row, h.role, h.name]))).toEqual([
      [[4, 'headline', '市内民営事業所従業者数']],
      [[21, 'headline', '移動数(転入一転出)']],
      [[48, 'headline', '合計特殊出生率']],
      [[65, 'headline', '自主防災組織率']],
    ]);
    expect(kpiAt(4).notes).toContain('注 ※1');
  });

  test('9,174人 (H28年) overrides its column: the baseline is FY2016', () => {
    const h = kpiAt(4);
    expect(h.baseline).toMatchObject({ year: 2016, reading: { kind: 'number', value: 9174, unit: '人' } });
    expect(h.baseline?.cell).toEqual({ row: 4, col: 3 });
    expect(h.actuals.find((a) => a.year === 2021)?.reading).toMatchObject({ value: 8935 });
    expect(h.target).toMatchObject({ year: 2024, reading: { value: 9518 } });
  });

  test('移動数 with △ minus, 出生率 as a plain number, 組織率 in percent points', () => {
    expect(kpiAt(21).actuals.map((a) => a.reading.value)).toEqual([-15, -36, 122, -51, -59]);
    expect(kpiAt(21).target?.reading.value).toBe(0);
    expect(kpiAt(48).baseline?.reading).toMatchObject({ kind: 'number', value: 1.27, unit: '' });
    expect(kpiAt(65).target?.reading).toMatchObject({ kind: 'percent', value: 48 });
  });
});

describe('table regions for the write plan', () => {
  test('blocks start at their 数値目標 header (page breaks go there)', () => {
    expect(sheet.blocks.map((b) => b.firstRow)).toEqual([3, 20, 47, 64]);
  });

  test('headline and KPI tables: header rows, data rows, and the last column of the city’s table', () => {
    expect(sheet.blocks[0].headlineTable).toEqual({
      headerTop: 3,
      headerRow: 3,
      firstRow: 4,
      lastRow: 4,
      firstCol: 1,
      lastCol: 9,
    });
    expect(sheet.blocks.map((b) => b.kpiTable)).toEqual([
      { headerTop: 8, headerRow: 8, firstRow: 9, lastRow: 18, firstCol: 1, lastCol: 11 },
      { headerTop: 25, headerRow: 25, firstRow: 26, lastRow: 45, firstCol: 1, lastCol: 11 },
      { headerTop: 52, headerRow: 52, firstRow: 53, lastRow: 62, firstCol: 1, lastCol: 11 },
      { headerTop: 67, headerRow: 67, firstRow: 68, lastRow: 73, firstCol: 1, lastCol: 11 },
    ]);
  });
});

describe('diagnostics of the progress table', () => {
  test('the shifted rows, the overridden year, the missing targets and baselines, with their cells', () => {
    expect(sheet.diagnostics.map((d) => [d.cell, d.kind])).toEqual([
      ['C4', 'yearOverride'],
      ['D16', 'realigned'],
      ['L16', 'missingTarget'],
      ['D17', 'realigned'],
      ['L17', 'missingTarget'],
      ['D18', 'realigned'],
      ['L18', 'missingTarget'],
      ['E43', 'missingBaseline'],
      ['E72', 'missingBaseline'],
    ]);
  });

  test('messages are Japanese and say what was done', () => {
    const realigned = sheet.diagnostics.find((d) => d.cell === 'D16');
    expect(realigned?.message).toContain('1 列右にずれていた');
    expect(realigned?.message).toContain('産業振興課');
    expect(sheet.diagnostics.find((d) => d.cell === 'C4')?.message).toContain('H28');
  });
});
