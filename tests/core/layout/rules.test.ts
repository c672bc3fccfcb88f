/** Layout rules on small sheets written inline: what the reader looks for, skips, reads back and reports. */
import { readKpiSheet } from '../../../src/core/layout';
import type { Grid, KpiSheet } from '../../../src/core/types';
import { inlineGrid } from './fixture-grid';

function read(grid: Grid): KpiSheet {
  const result = readKpiSheet(grid);
  if (!result.ok) throw new Error(result.failure.message);
  return result.sheet;
}

describe('a sheet with no KPI table gets a Japanese message that says what to fix', () => {
  test('an empty sheet', () => {
    const result = readKpiSheet(inlineGrid([]));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.reason).toBe('empty');
      expect(result.failure.message).toContain('空');
    }
  });

  test('a budget table', () => {
    const result = readKpiSheet(
      inlineGrid([
        ['令和6年度 予算執行状況'],
        [],
        ['事業名', '予算額 (千円)', '執行額 (千円)', '執行率'],
        ['移住定住促進事業', { value: 12000, text: '12000' }, { value: 9800, text: '9800' }, '81.7%'],
      ]),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.reason).toBe('noKpiTable');
      expect(result.failure.message).toContain('「KPI」');
      expect(result.failure.message).toContain('目標値');
    }
  });
});

describe('header rows are found by what they say, wherever they are', () => {
  const sheet = read(
    inlineGrid([
      [],
      ['', '指標名', '所管課', '基準値 (R1)', 'R2', 'R3', '目標値 (R7)'],
      ['', 'ボランティア登録者数 (累計)', '社会福祉課', '120人', '130人', '138人', '200人'],
    ]),
  );
  test('指標名 / 所管課 / 基準値 (R1) / 目標値 (R7), starting in column B of row 2', () => {
    const kpi = sheet.blocks[0].kpis[0];
    expect(kpi).toMatchObject({
      row: 3,
      name: 'ボランティア登録者数 (累計)',
      department: '社会福祉課',
      period: 'cumulative',
    });
    expect(kpi.baseline).toMatchObject({ year: 2019, reading: { value: 120 }, cell: { row: 3, col: 4 } });
    expect(kpi.actuals.map((a) => [a.year, a.reading.value])).toEqual([
      [2020, 130],
      [2021, 138],
    ]);
    expect(kpi.target).toMatchObject({ year: 2025, reading: { value: 200 } });
    expect(sheet.blocks[0].kpiTable).toEqual({
      headerTop: 2,
      headerRow: 2,
      firstRow: 3,
      lastRow: 3,
      firstCol: 2,
      lastCol: 7,
    });
  });

  test('a KPI table without a 数値目標 block is one block with no goal', () => {
    expect(sheet.blocks[0]).toMatchObject({
      goal: '',
      goalNumber: null,
      firstRow: 2,
      headlines: [],
      headlineTable: null,
    });
  });
});

describe('columns that are not values are skipped; the add-in’s 方向 is read back', () => {
  const header = [
    '施策の枠組み',
    'KPI',
    '担当課',
    'H30 (現状値)',
    'R2',
    'R6 (目標値)',
    '達成率',
    '備考',
    '最新値',
    '方向',
    '判定',
  ];
  const rows = [
    header,
    ['1 子育て', '待機児童数 (年間最大数)', '保育課', '5人', '3人', '0人', '0%', 'メモ', '3人', '↓', 'D'],
    ['', '延べ利用者数', '保育課', '100人', '120人', '200人', '60%', '', '120人', '↑', 'C'],
    ['', '相談件数 (年間)', '保育課', '30件', '', '40件', '', '', '', '', ''],
  ];

  test('達成率 and 備考 are reported as ignored; the flag columns are not read as values', () => {
    const sheet = read(inlineGrid(rows));
    expect(sheet.diagnostics.filter((d) => d.kind === 'ignoredColumn').map((d) => d.cell)).toEqual([
      'G1',
      'H1',
    ]);
    expect(sheet.blocks[0].kpis[0].actuals.map((a) => a.reading.raw)).toEqual(['3人']);
  });

  test('方向 ↑ / ↓ becomes the row’s directionChoice; an empty one is null', () => {
    const sheet = read(inlineGrid(rows));
    expect(sheet.blocks[0].kpis.map((k) => k.directionChoice)).toEqual(['down', 'up', null]);
  });

  test('the city’s table ends before the add-in’s own columns', () => {
    expect(read(inlineGrid(rows)).blocks[0].kpiTable?.lastCol).toBe(8);
  });

  test('columns inside the add-in’s marks are not read, whatever their header says', () => {
    const marked = rows.map((r, i) => [...r.slice(0, 8), i === 0 ? 'R7' : '999人']);
    const sheet = read(
      inlineGrid(marked, {
        marks: [{ name: 'KPISHEET_FLAGS_1', sheet: 'KPI', range: { top: 1, left: 9, bottom: 4, right: 9 } }],
      }),
    );
    expect(sheet.blocks[0].kpis[0].actuals.map((a) => a.year)).toEqual([2020]);
    expect(sheet.blocks[0].kpiTable?.lastCol).toBe(8);
  });

  test('a row shifted right does not take the add-in’s 最新値 beside the table for its target', () => {
    // Seed rows 16–18: the row starts one column right and lost its target; a re-run has flags in G:H.
    const shifted = [
      ['施策の枠組み', 'KPI', '担当課', 'H30 (現状値)', 'R2', 'R6 (目標値)', '最新値', '方向'],
      ['1 産業', '創業者数 (年間)', '産業振興課', '15人', '8人', '39人', '8人 (R2)', '↑'],
      ['', '', '補給件数 (年間)', '産業振興課', '12件', '16件', '16件 (R2)', '↑'],
    ];
    const sheet = read(
      inlineGrid(shifted, {
        marks: [{ name: 'KPISHEET_FLAGS_1', sheet: 'KPI', range: { top: 1, left: 7, bottom: 3, right: 8 } }],
      }),
    );
    const kpi = sheet.blocks[0].kpis[1];
    expect(kpi.name).toBe('補給件数 (年間)');
    expect(kpi.baseline?.reading.raw).toBe('12件');
    expect(kpi.actuals.map((a) => a.reading.raw)).toEqual(['16件']);
    expect(kpi.target).toBeNull();
    expect(kpi.directionChoice).toBe('up');
  });

  test('a table wholly inside the add-in’s marks is read as empty, and the reading ends', () => {
    const sheet = read(
      inlineGrid(rows, {
        marks: [{ name: 'KPISHEET_FLAGS_1', sheet: 'KPI', range: { top: 1, left: 1, bottom: 4, right: 11 } }],
      }),
    );
    expect(sheet.blocks.flatMap((b) => b.kpis)).toEqual([]);
    expect(sheet.blocks[0].kpiTable?.lastCol).toBe(sheet.blocks[0].kpiTable?.firstCol);
  });

  test('延べ in the name is a total; an empty actual cell is no reading', () => {
    const sheet = read(inlineGrid(rows));
    expect(sheet.blocks[0].kpis[1].period).toBe('total');
    expect(sheet.blocks[0].kpis[2].actuals).toEqual([]);
  });
});

describe('each diagnostic kind, with its cell address', () => {
  const header = ['施策の枠組み', '具体的な施策', 'KPI', '担当課', 'H30 (現状値)', 'R2', 'R3', 'R6 (目標値)'];

  test('unitMismatch: a cell in 回 in a row counted in 件', () => {
    const sheet = read(
      inlineGrid([
        header,
        ['1 発信', '① 広報', '情報発信回数 (年間)', '秘書政策課', '3件', '2回', '4件', '10件'],
      ]),
    );
    expect(sheet.diagnostics).toEqual([
      expect.objectContaining({
        cell: 'F2',
        kind: 'unitMismatch',
        message: expect.stringContaining('単位不一致'),
      }),
    ]);
    expect(sheet.blocks[0].kpis[0].unit).toBe('件');
    expect(sheet.blocks[0].kpis[0].notes[0]).toContain('単位不一致');
  });

  test('unreadable: a value cell with words the reader cannot take as a value', () => {
    const sheet = read(
      inlineGrid([
        header,
        ['1 発信', '① 広報', '相談件数 (年間)', '市民課', '30件', '調整中', '32件', '40件'],
      ]),
    );
    expect(sheet.diagnostics).toEqual([expect.objectContaining({ cell: 'F2', kind: 'unreadable' })]);
    expect(sheet.blocks[0].kpis[0].actuals[0].reading).toMatchObject({ kind: 'text', raw: '調整中' });
  });

  test('fractionAsPercent: 0.16 in a 割合 row with a % target', () => {
    const sheet = read(
      inlineGrid([
        header,
        ['1 健康', '① 妊婦', '参加割合 (年間)', '健康課', { value: 0.16, text: '0.16' }, '11%', '8%', '20%'],
      ]),
    );
    expect(sheet.diagnostics.map((d) => [d.cell, d.kind])).toEqual([['E2', 'fractionAsPercent']]);
    expect(sheet.blocks[0].kpis[0].baseline?.reading).toMatchObject({ kind: 'percent', value: 16 });
  });

  test('realigned: a row one column right (担当課 under H30), its target lost', () => {
    const sheet = read(
      inlineGrid([
        header,
        ['1 発信', '① 広報', '相談件数 (年間)', '市民課', '30件', '31件', '32件', '40件'],
        ['', '', '② 相談', '面談件数 (年間)', '市民課', '5件', '6件', '7件'],
      ]),
    );
    expect(sheet.diagnostics.map((d) => [d.cell, d.kind])).toEqual([
      ['D3', 'realigned'],
      ['I3', 'missingTarget'],
    ]);
    expect(sheet.blocks[0].kpis[1]).toMatchObject({
      name: '面談件数 (年間)',
      department: '市民課',
      measure: '② 相談',
      target: null,
    });
    expect(sheet.blocks[0].kpis[1].baseline?.reading.raw).toBe('5件');
  });

  test('yearOverride and missingBaseline in a 数値目標 table', () => {
    const sheet = read(
      inlineGrid([
        ['基本目標', '数値目標', 'H30 (現状値)', 'R2', 'R6 (目標値)'],
        ['1 雇用', '従業者数', '9,174人 (H28年)', '—', '9,518人'],
        ['', '事業所数', '—', '400件', '420件'],
        [],
        header,
        ['1 就業', '① 担い手', '就業者数 (年間)', '市民課', '1人', '2人', '3人', '2人'],
      ]),
    );
    expect(sheet.diagnostics.map((d) => [d.cell, d.kind])).toEqual([
      ['C2', 'yearOverride'],
      ['C3', 'missingBaseline'],
    ]);
    expect(sheet.blocks).toHaveLength(1);
    expect(sheet.blocks[0].headlines.map((h) => h.name)).toEqual(['従業者数', '事業所数']);
    expect(sheet.blocks[0].goal).toBe('1 雇用');
  });

  test('guessed: an unnumbered text in a numbered 施策の枠組み column is not taken as a framework', () => {
    const sheet = read(
      inlineGrid([
        header,
        ['1 発信', '① 広報', '相談件数 (年間)', '市民課', '30件', '31件', '32件', '40件'],
        ['広報紙の配布', '', '配布部数 (年間)', '市民課', '1部', '2部', '3部', '4部'],
      ]),
    );
    expect(sheet.diagnostics.map((d) => [d.cell, d.kind])).toEqual([['A3', 'guessed']]);
    expect(sheet.blocks[0].kpis[1].framework).toBe('1 発信');
  });
});
