/**
 * KPI tables as other municipalities publish them (scripts/fixture-layouts.ts, built into tests/fixtures/layouts/
 * by `npm run fixtures`): one describe per class of layout difference, each table with what it must read as.
 * A KPI is written `name | B year value | A year value, … | T year value` (year 0: no year anywhere).
 */
import { readKpiSheet } from '../../../src/core/layout';
import type { Kpi, KpiSheet, YearCell } from '../../../src/core/types';
import { fixtureGrid } from './fixture-grid';

async function read(file: string, sheet?: string): Promise<KpiSheet> {
  const result = readKpiSheet(await fixtureGrid(`layouts/${file}`, sheet));
  if (!result.ok) throw new Error(result.failure.message);
  return result.sheet;
}

function value(c: YearCell): string {
  const r = c.reading;
  const shown = r.value === null ? r.raw : `${r.value}${r.unit}`;
  return `${c.year} ${shown}${r.qualifier ? ` (${r.qualifier})` : ''}`;
}

function line(k: Kpi): string {
  const parts = [k.name];
  if (k.baseline) parts.push(`B ${value(k.baseline)}`);
  if (k.actuals.length > 0) parts.push(`A ${k.actuals.map(value).join(', ')}`);
  if (k.target) parts.push(`T ${value(k.target)}`);
  return parts.join(' | ');
}

const kpis = (sheet: KpiSheet): Kpi[] => sheet.blocks.flatMap((b) => b.kpis);
const lines = (sheet: KpiSheet): string[] => kpis(sheet).map(line);
const diagnostics = (sheet: KpiSheet): string[][] => sheet.diagnostics.map((d) => [d.cell, d.kind]);

describe('header words for the value columns', () => {
  test('基準値/現状値(H27) | 実績(H28) | 実績(H29) | 目標値(H32), units in a 単位 column (件/年, 組織, カ所, ‰)', async () => {
    const sheet = await read('words-genjo-h27.xlsx');
    expect(lines(sheet)).toEqual([
      '企業誘致件数 | B 2015 2件 (/年) | A 2016 3件 (/年), 2017 1件 (/年) | T 2020 5件 (/年)',
      '自主防災組織数 | B 2015 41組織 | A 2016 44組織, 2017 46組織 | T 2020 52組織',
      '子育て支援拠点 | B 2015 3箇所 | A 2016 3箇所, 2017 4箇所 | T 2020 5箇所',
      '乳児死亡率 | B 2015 2.4‰ | A 2016 2.1‰, 2017 1.9‰ | T 2020 1.5‰',
    ]);
    expect(kpis(sheet).map((k) => [k.unit, k.department])).toEqual([
      ['件', '商工観光課'],
      ['組織', '総務課'],
      ['カ所', '子育て支援課'],
      ['‰', '健康推進課'],
    ]);
    expect(sheet.title).toBe('北浜町まち・ひと・しごと創生総合戦略 重要業績評価指標 (KPI) の進捗状況');
  });

  test('策定時の値(2016年度) | 2020年度実績 | 中間目標(2020年度) | 目標値(2026年度), with 方向性', async () => {
    const sheet = await read('words-sakuteiji-chukan.xlsx');
    expect(lines(sheet)).toEqual([
      '市民活動団体の登録数 | B 2016 128団体 | A 2020 141団体 | T 2026 160団体',
      '刑法犯認知件数 | B 2016 1204件 | A 2020 1010件 | T 2026 900件',
      '健康診査の受診率 | B 2016 38.5% | A 2020 41.2% | T 2026 60%',
    ]);
    expect(kpis(sheet).map((k) => k.interimTargets?.map(value))).toEqual([
      ['2020 140団体'],
      ['2020 1050件'],
      ['2020 45%'],
    ]);
    expect(kpis(sheet).map((k) => k.declaredDirection)).toEqual([
      { direction: 'up', cell: 'F3', raw: '増加を目指す' },
      { direction: 'down', cell: 'F4', raw: '減少を目指す' },
      { direction: 'up', cell: 'F5', raw: '増加を目指す' },
    ]);
  });

  test('初期値(計画策定時) beside 現状値: the 現状値 column is the latest actual, its year in the cell', async () => {
    const sheet = await read('words-shoki-genjo.xlsx');
    expect(lines(sheet)).toEqual([
      '転入者数 | B 2015 2310人 | A 2019 2402人 | T 2020 2600人',
      '市内で働きたいと思う高校生の割合 | B 2015 78.2% | A 2019 41% | T 2020 85%',
      '観光入込客数 | B 2014 1840000人 | A 2018 2010000人 | T 2020 2200000人',
    ]);
    expect(diagnostics(sheet)).toEqual([['A3', 'ignoredColumn']]); // No
  });

  test('平成14年実績 | 現状値(平成25年度) | 5か年目標 (a target five years after the baseline)', async () => {
    const sheet = await read('words-jisseki-gokanen.xlsx');
    expect(lines(sheet)).toEqual([
      '村内の年間出生数 | B 2013 24人 | A 2002 31人 | T 2018 30人',
      '特産品の販売額 | B 2013 2480000円 | A 2002 1930000円 | T 2018 3000000円',
    ]);
    expect(kpis(sheet).map((k) => k.department)).toEqual(['住民課', '産業課']);
    expect(sheet.diagnostics).toEqual([
      expect.objectContaining({ cell: 'D2', kind: 'guessed', message: expect.stringContaining('5か年目標') }),
    ]);
  });

  test('策定時 | R4実績 | R5見込 | 9月30日現在 | 最終目標(R7)', async () => {
    const sheet = await read('words-mikomi-genzai.xlsx');
    expect(lines(sheet)).toEqual([
      'ふるさと納税寄附件数 | B 0 3200件 | A 0 2950件, 2022 5410件 | T 2025 8000件',
      '移住相談件数 | B 0 85件 | A 0 71件, 2022 132件 | T 2025 150件',
    ]);
    // R5見込 is the year's forecast, kept apart from the actuals.
    expect(kpis(sheet).map((k) => k.forecasts?.map(value))).toEqual([['2023 6000件'], ['2023 140件']]);
    expect(diagnostics(sheet)).toEqual([
      ['B1', 'guessed'],
      ['D1', 'guessed'],
      ['E1', 'guessed'],
    ]);
  });

  test('the national 交付金 form: 事業開始前 | 指標値 | 目標月 | 実績値', async () => {
    const sheet = await read('words-kofukin-shihyochi.xlsx');
    expect(lines(sheet)).toEqual([
      '移住者数 | B 0 12人 | A 2020 26人 | T 2020 30人',
      '空き家バンク成約件数 | B 0 4件 | A 2020 11件 | T 2020 10件',
      'お試し住宅利用者数 | B 0 0人 | A 2021 35人 | T 2021 40人',
    ]);
    expect(sheet.diagnostics.map((d) => [d.cell, d.kind])).toEqual([
      ['C3', 'guessed'],
      ['F3', 'guessed'],
    ]);
  });

  test("KPI(令和2年度) is that year's actual, KPI(令和7年3月まで) a target by a date (FY2024)", async () => {
    const sheet = await read('words-kpi-made.xlsx');
    expect(lines(sheet)).toEqual([
      '道の駅の年間来訪者数 | A 2020 126000人 | T 2024 200000人',
      '地元産品の出荷額 | A 2020 35400000円 | T 2024 60000000円',
    ]);
    expect(kpis(sheet).map((k) => k.unit)).toEqual(['人', '円']);
  });
});

describe('two-row headers, both ways', () => {
  test('roles above (実績 merged over the years), years below; 指標 and 担当課 merged down', async () => {
    const sheet = await read('two-row-roles-above.xlsx');
    expect(lines(sheet)).toEqual([
      '保育所待機児童数 | B 2018 12人 | A 2019 8人, 2020 5人, 2021 3人, 2022 0人, 2023 0人 | T 2024 0人',
      '市内就業者数 | B 2018 15200人 | A 2019 15180人, 2020 15050人, 2021 15120人, 2022 15300人, 2023 15350人 | T 2024 15600人',
    ]);
    expect(kpis(sheet).map((k) => k.department)).toEqual(['子ども課', '商工課']);
    expect(sheet.blocks[0].kpiTable).toMatchObject({ headerTop: 3, headerRow: 4, firstRow: 5, lastRow: 6 });
  });

  test('years above (16年度 … 27年度, no era), roles below (現状値 | 実績値 | 実績値 | 目標値)', async () => {
    const sheet = await read('two-row-years-above.xlsx');
    expect(lines(sheet)).toEqual([
      '町民一人当たりの図書貸出冊数 | B 2004 3.2冊 | A 2010 3.8冊, 2012 4.1冊 | T 2015 5冊',
      'ごみの排出量 | B 2004 4850t | A 2010 4620t, 2012 4510t | T 2015 4200t',
    ]);
    // Each era-less year is a guess, said once at its header cell.
    expect(diagnostics(sheet)).toEqual([
      ['C3', 'guessed'],
      ['D3', 'guessed'],
      ['E3', 'guessed'],
      ['F3', 'guessed'],
    ]);
    expect(sheet.diagnostics[0].message).toContain('H16 (2004年度)');
  });
});

describe('no year columns at all', () => {
  test('基準値 | 目標値 with the year written in the cell (6.1‰(平成 26 年), 612 人(2015 年))', async () => {
    const sheet = await read('no-year-columns-in-cells.xlsx');
    expect(lines(sheet)).toEqual([
      '合計特殊出生率の改善 (千人当たり出生数) | B 2014 6.1‰ | T 2024 7‰',
      '若者の転出超過数 | B 2015 612人 | T 2024 400人',
      '市民満足度 | B 2015 78.2% | T 0 85%',
    ]);
    expect(diagnostics(sheet)).toEqual([['C2', 'guessed']]);
  });

  test('現状値 → 目標値 with the year nowhere: read, and each column said to have no year', async () => {
    const sheet = await read('no-year-arrow.xlsx');
    expect(lines(sheet)).toEqual([
      '認定農業者数 | B 0 45人 | T 0 60人',
      '地域おこし協力隊の定着数 | B 0 3人 | T 0 10人',
    ]);
    expect(diagnostics(sheet)).toEqual([
      ['B1', 'guessed'],
      ['D1', 'guessed'],
    ]);
  });
});

describe('name, code, 区分 and description columns', () => {
  test('主要施策コード | 指標名 | 区分 | 指標の定義・算出方法 | … | 備考(出典等): text columns are never values', async () => {
    const sheet = await read('names-code-kubun.xlsx');
    expect(lines(sheet)).toEqual([
      '地域包括支援センターの相談件数 | B 2018 2410件 | T 2024 3000件',
      '認知症サポーター養成数 | B 2018 5820人 | T 2024 8000人',
      'がん検診受診率 | B 2018 18.2% | T 2024 30%',
    ]);
    expect(diagnostics(sheet)).toEqual([
      ['A2', 'ignoredColumn'],
      ['C2', 'ignoredColumn'],
      ['D2', 'ignoredColumn'],
      ['G2', 'ignoredColumn'],
    ]);
  });

  test('No. | 指標項目 | 説明 | 平成27年度 | 平成29年度 | 目標値(平成31年度)', async () => {
    const sheet = await read('names-shihyo-koumoku.xlsx');
    expect(lines(sheet)).toEqual([
      '観光客数 | A 2015 35000人, 2017 38200人 | T 2019 45000人',
      '新規就農者数 (累計) | A 2015 2人, 2017 5人 | T 2019 10人',
    ]);
    expect(kpis(sheet)[1].period).toBe('cumulative');
  });

  test('数値目標 as the name column of a table without 基本目標; the goal from the title', async () => {
    const sheet = await read('names-suuchi-mokuhyo.xlsx');
    expect(sheet.blocks.map((b) => b.goal)).toEqual(['1 しごとをつくる']);
    expect(lines(sheet)).toEqual([
      '新規雇用者数 | B 2014 120人 | A 2016 135人, 2017 142人 | T 2019 200人',
      '創業件数 | B 2014 8件 | A 2016 11件, 2017 9件 | T 2019 15件',
    ]);
  });

  test('指標(目標)名 beside a 評価指標 column: the first names the KPI', async () => {
    const sheet = await read('names-shihyo-mokuhyo-mei.xlsx');
    expect(lines(sheet)).toEqual([
      '公民館講座の参加者数 | B 2019 1240人 | T 2023 1500人',
      '町営バスの利用者数 | B 2019 18300人 | T 2023 20000人',
    ]);
  });
});

describe('units in the name, in cells with a space or a period, scaled, with words', () => {
  test('each cell in the base unit, and the words kept as its qualifier', async () => {
    const sheet = await read('units-everywhere.xlsx');
    expect(lines(sheet)).toEqual([
      'ごみ処理量(トン) | B 2018 12400t | A 2020 12100t, 2021 11900t | T 2024 11000t',
      '消費生活相談(件) | B 2018 320件 | A 2020 298件, 2021 305件 | T 2024 250件',
      '子育て世代の転入者数 | B 2018 250人 | A 2020 4012人, 2021 3990人 | T 2024 300人',
      '宿泊者数 | B 2018 450000件 (/年) | A 2020 380000件 (/年), 2021 410000件 (/年) | T 2024 500000件 (/年)',
      '市税収入 | B 2018 301200000円 | A 2020 302500000円, 2021 303100000円 | T 2024 305000000円',
      '観光客数 | B 2018 1840000人 | A 2020 1930000人, 2021 126000人 | T 2024 2000000人',
      '図書館の利用者満足度 | B 2018 72% | A 2020 75%, 2021 76% | T 2024 25% (以上)',
      'ボランティア参加者数 | B 2018 1200人 | A 2020 1350人, 2021 580人 ((期間平均)) | T 2024 1500人 (以上)',
      '空き家の利活用件数 | B 2018 4 (延べ) | A 2020 6 (延べ), 2021 9 (延べ) | T 2024 20 (延べ)',
      '一人当たりの救急出動 | B 2018 2.1人 (/年) | A 2020 2人 (/年), 2021 1.9人 (/年) | T 2024 1.8人 (/年)',
    ]);
    expect(kpis(sheet).map((k) => k.unit)).toEqual(['t', '件', '人', '件', '円', '人', '%', '人', '', '人']);
    expect(sheet.diagnostics).toEqual([]);
  });

  test('numeric cells with a 単位 column of 事業所, %, 千人', async () => {
    const sheet = await read('units-number-formats.xlsx');
    expect(lines(sheet)).toEqual([
      '町内の事業所数 | B 2019 412事業所 | A 2021 405事業所 | T 2024 430事業所',
      '特定健診の受診率 | B 2019 41.2% | A 2021 45.5% | T 2024 60%',
      '町の人口 | B 2019 18400人 | A 2021 18100人 | T 2024 18000人',
    ]);
  });
});

describe('blank rows never end a table early', () => {
  test('one and two blank rows inside the table: every KPI below them is read, the note below is not a KPI', async () => {
    const sheet = await read('blank-rows-inside.xlsx');
    expect(kpis(sheet).map((k) => [k.row, k.name, k.framework, k.measure])).toEqual([
      [4, '創業者数 (年間)', '1 雇用の創出', '① 創業支援'],
      [5, '創業セミナー参加者数 (年間)', '1 雇用の創出', '① 創業支援'],
      [7, '企業立地件数 (累計)', '1 雇用の創出', '② 企業誘致'],
      [10, '移住者数 (年間)', '2 人の流れ', '① 移住促進'],
      [11, '空き家バンク登録件数 (累計)', '2 人の流れ', '① 移住促進'],
    ]);
    expect(sheet.blocks[0].kpiTable).toMatchObject({ firstRow: 4, lastRow: 11 });
  });
});

describe('structure: sections, parents, notes, several tables, one sheet per goal', () => {
  test('one-cell rows (基本目標Ⅰ, ① 子育て支援の充実, 基本目標Ⅱ, ② 義務教育の充実) head the rows below', async () => {
    const sheet = await read('structure-section-rows.xlsx');
    expect(sheet.blocks.map((b) => [b.goal, b.goalNumber, b.kpis.map((k) => [k.name, k.measure])])).toEqual([
      [
        '1 学びと子育て',
        1,
        [
          ['保育所の待機児童数', '① 子育て支援の充実'],
          ['子育て支援センター利用者数', '① 子育て支援の充実'],
        ],
      ],
      ['2 健康と福祉', 2, [['全国学力調査の平均正答率', '② 義務教育の充実']]],
    ]);
    expect(sheet.blocks.map((b) => [b.kpiTable?.firstRow, b.kpiTable?.lastRow])).toEqual([
      [3, 6],
      [8, 9],
    ]);
  });

  test('several KPIs per 事業 (事業名 merged), and a parent row with no values over its ・ sub-items', async () => {
    const sheet = await read('structure-parent-bullets.xlsx');
    expect(kpis(sheet).map((k) => [k.row, k.name, k.measure])).toEqual([
      [2, '移住者数', '移住定住促進事業'],
      [3, 'お試し住宅の利用組数', '移住定住促進事業'],
      [4, '移住相談会の開催回数', '移住定住促進事業'],
      [6, '未就学児の保護者', '子育て支援の満足度'],
      [7, '小学生の保護者', '子育て支援の満足度'],
    ]);
    expect(line(kpis(sheet)[3])).toBe('未就学児の保護者 | B 2019 62% | A 2021 66% | T 2024 75%');
  });

  test('title rows above, notes below, the table starting at C6', async () => {
    const sheet = await read('structure-anywhere-notes.xlsx');
    expect(sheet.title).toBe('湖南市 第2期まち・ひと・しごと創生総合戦略');
    expect(lines(sheet)).toEqual([
      '観光案内所の利用者数 | B 2018 22000人 | A 2021 15400人, 2022 19800人 | T 2024 25000人',
      '地元就職率 | B 2018 31% | A 2021 33%, 2022 34% | T 2024 40%',
    ]);
    expect(sheet.blocks[0].kpiTable).toEqual({
      headerTop: 6,
      headerRow: 6,
      firstRow: 7,
      lastRow: 8,
      firstCol: 3,
      lastCol: 8,
    });
  });

  test('two tables of different layouts on one sheet, each under its 【基本目標n】', async () => {
    const sheet = await read('structure-two-tables.xlsx');
    expect(sheet.blocks.map((b) => [b.goal, lines({ ...sheet, blocks: [b] })])).toEqual([
      [
        '1 安定した雇用をつくる',
        [
          '市内事業所の新規雇用者数 | B 2018 310人 | A 2021 335人 | T 2024 400人',
          '農業の新規参入者数 | B 2018 4人 | A 2021 6人 | T 2024 10人',
        ],
      ],
      [
        '2 新しいひとの流れをつくる',
        [
          '転入者数 | B 2019 1820人 | A 2022 1905人 | T 2024 2000人',
          '移住支援金の交付件数 | B 2019 3件 | A 2022 12件 | T 2024 20件',
        ],
      ],
    ]);
    expect(kpis(sheet).map((k) => k.department)).toEqual(['商工課', '農林課', '市民課', '企画課']);
  });

  test('one sheet per 基本目標: each sheet reads as its own goal', async () => {
    const read3 = await Promise.all(
      ['基本目標1', '基本目標2', '基本目標3'].map((s) => read('structure-sheet-per-goal.xlsx', s)),
    );
    expect(read3.map((s) => [s.blocks.map((b) => b.goal), lines(s)])).toEqual([
      [['1 しごとをつくる'], ['新規創業者数 | B 2018 5人 | A 2022 8人 | T 2024 10人']],
      [
        ['2 ひとの流れをつくる'],
        [
          '転入者数 | B 2018 640人 | A 2022 702人 | T 2024 700人',
          '観光入込客数 | B 2018 120000人 | A 2022 90000人 | T 2024 150000人',
        ],
      ],
      [['3 結婚・出産・子育ての希望をかなえる'], ['出生数 | B 2018 88人 | A 2022 71人 | T 2024 100人']],
    ]);
  });
});

describe('published judgement and direction columns are read, never taken as values', () => {
  test('方向性 ↑/↓ and 達成率H28 / 評価H28 / 達成率H29 / 評価H29 per year', async () => {
    const sheet = await read('published-per-year.xlsx');
    expect(lines(sheet)).toEqual([
      '観光入込客数 | B 2014 800000人 | A 2016 880000人, 2017 950000人 | T 2019 1000000人',
      '交通事故件数 | B 2014 420件 | A 2016 398件, 2017 360件 | T 2019 360件',
    ]);
    expect(kpis(sheet).map((k) => k.declaredDirection?.direction)).toEqual(['up', 'down']);
    expect(kpis(sheet)[1].published).toEqual([
      { kind: 'rate', year: 2016, cell: 'E4', raw: '90.5%', rate: 90.5 },
      { kind: 'grade', year: 2016, cell: 'F4', raw: 'B', rate: null },
      { kind: 'rate', year: 2017, cell: 'H4', raw: '100.0%', rate: 100 },
      { kind: 'grade', year: 2017, cell: 'I4', raw: 'A', rate: null },
    ]);
    expect(diagnostics(sheet)).toEqual([
      ['E2', 'ignoredColumn'],
      ['F2', 'ignoredColumn'],
      ['H2', 'ignoredColumn'],
      ['I2', 'ignoredColumn'],
    ]);
  });

  test('目指す方向 アップ/ダウン, 達成度 ◎/△ and 改善・悪化', async () => {
    const sheet = await read('published-tassei-do.xlsx');
    expect(lines(sheet)).toEqual([
      '町民の運動習慣者の割合 | B 2017 28% | A 2020 31% | T 2022 35%',
      '耕作放棄地の面積 | B 2017 52ha | A 2020 55ha | T 2022 45ha',
    ]);
    expect(
      kpis(sheet).map((k) => [k.declaredDirection?.raw, k.published?.map((p) => [p.kind, p.raw])]),
    ).toEqual([
      [
        'アップ',
        [
          ['grade', '◎'],
          ['grade', '改善'],
        ],
      ],
      [
        'ダウン',
        [
          ['grade', '△'],
          ['grade', '悪化'],
        ],
      ],
    ]);
  });
});

describe('a sheet the reader cannot place', () => {
  test('is refused with the row to offer as its header', async () => {
    const result = readKpiSheet(await fixtureGrid('layouts/unplaceable.xlsx'));
    expect(result).toMatchObject({ ok: false, failure: { reason: 'noKpiTable', headerGuess: 3 } });
  });
});
