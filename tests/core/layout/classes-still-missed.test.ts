/**
 * Classes of other cities' tables the header words alone did not settle, each as a small table with invented
 * names and numbers in the class's layout: name columns told by their cells, names beside merged sections,
 * baselines and targets dated from the sheet around them, 見込 and dated actual columns.
 */
import { readKpiSheet } from '../../../src/core/layout';
import { formatMapping } from '../../../src/core/layout';
import type { CellRange, Kpi, KpiSheet, YearCell } from '../../../src/core/types';
import { inlineGrid } from './fixture-grid';

function read(rows: string[][], merges: readonly CellRange[] = []): KpiSheet {
  const result = readKpiSheet(inlineGrid(rows, { merges }));
  if (!result.ok) throw new Error(result.failure.message);
  return result.sheet;
}

function value(c: YearCell): string {
  const r = c.reading;
  return `${c.year} ${r.value === null ? r.raw : `${r.value}${r.unit}`}`;
}

function line(k: Kpi): string {
  const parts = [k.name];
  if (k.measure !== '') parts.unshift(`[${k.measure}]`);
  if (k.baseline) parts.push(`B ${value(k.baseline)}`);
  if (k.actuals.length > 0) parts.push(`A ${k.actuals.map(value).join(', ')}`);
  if (k.forecasts && k.forecasts.length > 0) parts.push(`F ${k.forecasts.map(value).join(', ')}`);
  if (k.target) parts.push(`T ${value(k.target)}`);
  return parts.join(' | ');
}

const lines = (sheet: KpiSheet): string[] => sheet.blocks.flatMap((b) => b.kpis).map(line);
const said = (sheet: KpiSheet): string[] => sheet.diagnostics.map((d) => `${d.cell} ${d.message}`);

describe('name columns headed by a word holding 目標 or ending in 名, decided by their cells', () => {
  test('目標(指標)名 | 現状値(H30) | 目標値(R6)', () => {
    const sheet = read([
      ['目標(指標)名', '現状値(H30)', '目標値(R6)'],
      ['図書館の年間来館者数', '52,000人', '60,000人'],
      ['公民館講座の受講者数', '1,240人', '1,500人'],
    ]);
    expect(lines(sheet)).toEqual([
      '図書館の年間来館者数 | B 2018 52000人 | T 2024 60000人',
      '公民館講座の受講者数 | B 2018 1240人 | T 2024 1500人',
    ]);
  });

  test('No | 目標項目 | 基準値(H27) | 目標値(H31): a 目標 header over distinct texts is the name, not a target', () => {
    const sheet = read([
      ['No', '目標項目', '基準値(H27)', '目標値(H31)'],
      ['1', '観光入込客数', '410,000人', '480,000人'],
      ['2', '宿泊客数', '38,000人', '45,000人'],
      ['3', '特産品の販売額', '2,300万円', '3,000万円'],
    ]);
    expect(lines(sheet)).toEqual([
      '観光入込客数 | B 2015 410000人 | T 2019 480000人',
      '宿泊客数 | B 2015 38000人 | T 2019 45000人',
      '特産品の販売額 | B 2015 23000000円 | T 2019 30000000円',
    ]);
    expect(sheet.mappings?.map(formatMapping)).toEqual(['row=1,B=name,C=baseline:2015,D=target:2019']);
  });

  test('指標 | 目標 | 現状値(R1) | 目標値(R7): beside a name, a 目標 column of sentences is text, never the target', () => {
    const sheet = read([
      ['指標', '目標', '現状値(R1)', '目標値(R7)'],
      ['自治会加入率', '地域のつながりを保つ', '72.0%', '75.0%'],
      ['防災訓練の参加者数', '自助・共助の力を高める', '1,800人', '2,500人'],
    ]);
    expect(lines(sheet)).toEqual([
      '自治会加入率 | B 2019 72% | T 2025 75%',
      '防災訓練の参加者数 | B 2019 1800人 | T 2025 2500人',
    ]);
    expect(sheet.diagnostics.map((d) => [d.cell, d.kind])).toEqual([['B1', 'ignoredColumn']]);
  });
});

describe('a name and a section told apart by their cells', () => {
  test('区分 (merged down) | 施策 | 現状値 | 目標値: the section repeats, each name under it is a KPI', () => {
    const sheet = read(
      [
        ['区分', '施策', '現状値(H30)', '目標値(R6)'],
        ['子育て', '保育所の定員数', '1,200人', '1,500人'],
        ['', '一時預かりの利用者数', '300人', '400人'],
        ['', '子育て相談の件数', '820件', '1,000件'],
        ['教育', '図書の貸出冊数', '3.2冊', '5.0冊'],
      ],
      [{ top: 2, left: 1, bottom: 4, right: 1 }],
    );
    expect(lines(sheet)).toEqual([
      '[子育て] | 保育所の定員数 | B 2018 1200人 | T 2024 1500人',
      '[子育て] | 一時預かりの利用者数 | B 2018 300人 | T 2024 400人',
      '[子育て] | 子育て相談の件数 | B 2018 820件 | T 2024 1000件',
      '[教育] | 図書の貸出冊数 | B 2018 3.2冊 | T 2024 5冊',
    ]);
  });

  test('分野 | 施策 written on every row: the one that changes on every row is the name', () => {
    const sheet = read([
      ['分野', '施策', '基準値(R2)', '目標値(R7)'],
      ['産業', '新規就農者数', '4人', '10人'],
      ['産業', '創業件数', '6件', '12件'],
      ['観光', '観光案内所の利用者数', '9,800人', '12,000人'],
    ]);
    expect(sheet.blocks[0].kpis.map((k) => [k.name, k.framework])).toEqual([
      ['新規就農者数', '産業'],
      ['創業件数', '産業'],
      ['観光案内所の利用者数', '観光'],
    ]);
  });
});

describe('baselines without a baseline word, dated from the sheet or said to be undated', () => {
  test('現状 under a headline 「基準値（平成30年度）」: the headline gives the year, and inspect says so', () => {
    const sheet = read([
      ['', '基準値（平成30年度）', ''],
      ['指標名', '現状', '目標値(R6)'],
      ['ごみの資源化率', '18.5%', '25.0%'],
    ]);
    expect(lines(sheet)).toEqual(['ごみの資源化率 | B 2018 18.5% | T 2024 25%']);
    expect(said(sheet)).toEqual([
      'B2 「現状」の列の年度を B1 の「基準値（平成30年度）」から H30 (2018年度) と読みました。',
    ]);
  });

  test('現況 with the year in the title (令和2年度 時点の一覧)', () => {
    const sheet = read([
      ['東川町 総合戦略 KPI 一覧 (令和2年度)'],
      [],
      ['指標名', '現況', '目標値(R6)'],
      ['移住者数', '35人', '50人'],
    ]);
    expect(lines(sheet)).toEqual(['移住者数 | B 2020 35人 | T 2024 50人']);
    expect(said(sheet)[0]).toContain('A1 の「東川町 総合戦略 KPI 一覧 (令和2年度)」から R2 (2020年度)');
  });

  test('当初 with no year anywhere: read without a year, and said so', () => {
    const sheet = read([
      ['指標名', '当初', '目標値(R6)'],
      ['空き家バンクの登録件数', '12件', '30件'],
    ]);
    expect(lines(sheet)).toEqual(['空き家バンクの登録件数 | B 0 12件 | T 2024 30件']);
    expect(sheet.diagnostics.map((d) => [d.cell, d.kind])).toEqual([['B1', 'guessed']]);
    expect(said(sheet)[0]).toContain('年度なしで読み取りました');
  });

  test('a lone first year column before the actuals, the sheet naming that year the baseline in a note', () => {
    const sheet = read([
      ['指標名', 'H30', 'R1', 'R2', '目標値(R6)'],
      ['特定健診の受診率', '38.0%', '39.5%', '41.0%', '60.0%'],
      ['※基準値は平成30年度の値です。'],
    ]);
    expect(lines(sheet)).toEqual(['特定健診の受診率 | B 2018 38% | A 2019 39.5%, 2020 41% | T 2024 60%']);
    expect(said(sheet)).toEqual([
      'B1 「H30」の列を、A3 の「※基準値は平成30年度の値です。」から基準値として読みました。',
    ]);
  });

  test('without such a note the first year column stays an actual', () => {
    const sheet = read([
      ['指標名', 'H30', 'R1', 'R2', '目標値(R6)'],
      ['特定健診の受診率', '38.0%', '39.5%', '41.0%', '60.0%'],
    ]);
    expect(lines(sheet)).toEqual(['特定健診の受診率 | A 2018 38%, 2019 39.5%, 2020 41% | T 2024 60%']);
  });
});

describe('targets named by a span or a date, actuals headed by a date or a forecast', () => {
  test('基準値(H26) | 5ヵ年目標: five years after the baseline, said', () => {
    const sheet = read([
      ['指標名', '基準値(H26)', '5ヵ年目標'],
      ['市民農園の利用区画数', '120区画', '160区画'],
    ]);
    expect(lines(sheet)).toEqual(['市民農園の利用区画数 | B 2014 120区画 | T 2019 160区画']);
    expect(said(sheet)[0]).toContain('5 年後の R元 (2019年度) の目標');
  });

  test('目標(平成31年度) and 最終目標(R7)', () => {
    const sheet = read([
      ['指標名', '基準値(H26)', '目標(平成31年度)', '最終目標(R7)'],
      ['市民活動団体数', '80団体', '95団体', '110団体'],
    ]);
    expect(lines(sheet)).toEqual(['市民活動団体数 | B 2014 80団体 | T 2025 110団体']);
  });

  test('目標月 H28.3 on the 交付金 form: March 2016 is fiscal 2015', () => {
    const sheet = read([
      ['指標名', '事業開始前(H26)', '目標値', '目標月', '実績値'],
      ['お試し移住の利用者数', '0人', '40人', 'H28.3', '35人'],
    ]);
    expect(lines(sheet)).toEqual(['お試し移住の利用者数 | B 2014 0人 | A 2015 35人 | T 2015 40人']);
  });

  test('平成14年実績 | 平成15年9月30日現在 | 平成15年末見込: the dated one an actual, 見込 a forecast, each said', () => {
    const sheet = read([
      ['指標名', '平成14年実績', '平成15年9月30日現在', '平成15年末見込', '目標(平成19年度)'],
      ['下水道の普及率', '61.0%', '62.4%', '63.0%', '75.0%'],
    ]);
    expect(lines(sheet)).toEqual(['下水道の普及率 | A 2002 61%, 2003 62.4% | F 2003 63% | T 2007 75%']);
    expect(said(sheet)).toEqual([
      'C1 「平成15年9月30日現在」を H15 (2003年度) の実績 (年度途中の値) として読みました。',
      'D1 「平成15年末見込」は見込値のため、H15 の実績には使わず見込として読みました。',
    ]);
    expect(sheet.mappings?.map(formatMapping)).toEqual([
      'row=1,A=name,B=actual:2002,C=actual:2003,D=forecast:2003,E=target:2007',
    ]);
  });
});
