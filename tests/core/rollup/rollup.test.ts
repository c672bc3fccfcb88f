/**
 * The rollup's rows and sheets (core/rollup), on hand-built workbooks whose grades are worked out by hand:
 * a city on 標準 (A–D) with a year before, and a town on ◎○△× in its first year of actuals.
 */
import { evaluate } from '../../../src/core/evaluate';
import type { Judged } from '../../../src/core/pipeline';
import { bookReport } from '../../../src/core/report/kpi-report';
import {
  gradeColumns,
  goalRows,
  kpiRows,
  rollupNames,
  rollupRows,
  topShare,
  type RollupBook,
} from '../../../src/core/rollup/rollup-rows';
import { ALL_KPIS_SHEET, ROLLUP_SHEET, rollupLayout } from '../../../src/core/rollup/rollup-sheets';
import { DEFAULT_SETTINGS, PRESETS } from '../../../src/core/settings';
import type { KpiSheet, PlanValue, Settings, WriteOp } from '../../../src/core/types';
import { abolished, block, kpi, missing, num, sheet, text } from '../evaluate/build';

const NO_PATH: Settings = { ...DEFAULT_SETTINGS, interimPath: false };
const CIRCLES: Settings = { ...PRESETS['◎○△×'], interimPath: false };

/** R2–R6 actuals with only R5 (2023) and R6 (2024) filled. */
function lastTwo(r5: Parameters<typeof num>[0] | null, r6: ReturnType<typeof num>) {
  return [missing(), missing(), missing(), r5 === null ? missing() : num(r5, '人'), r6];
}

const city: KpiSheet = sheet(
  [
    block(
      '1 しごとをつくる',
      [],
      [
        // R5 70% (C) → R6 100% (A): up.
        kpi({
          row: 10,
          name: '創業者数',
          baseline: num(50, '人'),
          actuals: lastTwo(70, num(100, '人')),
          target: num(100, '人'),
        }),
        // R5 90% (B) → R6 85% (B): same.
        kpi({
          row: 11,
          name: '就業者数',
          baseline: num(50, '人'),
          actuals: lastTwo(90, num(85, '人')),
          target: num(100, '人'),
        }),
        // R5 100% (A) → R6 50% (D): down.
        kpi({
          row: 12,
          name: '新規雇用数',
          baseline: num(50, '人'),
          actuals: lastTwo(100, num(50, '人')),
          target: num(100, '人'),
        }),
        // R5 80% (B) → R6 廃止: no change to show.
        kpi({
          row: 13,
          name: '旧事業の利用者数',
          baseline: num(50, '人'),
          actuals: [missing(), missing(), missing(), num(80, '人'), abolished()],
          target: num(100, '人'),
        }),
        // Nothing readable in either year: X, and the R6 cell is a data issue.
        kpi({
          row: 14,
          name: '満足度調査の回答者数',
          baseline: null,
          actuals: [missing(), missing(), missing(), missing(), text('調査中')],
          target: num(100, '人'),
        }),
      ],
    ),
    block(
      '2 ひとの流れ',
      [],
      [
        kpi({
          row: 20,
          name: '転入者数',
          baseline: num(50, '人'),
          actuals: lastTwo(100, num(100, '人')),
          target: num(100, '人'),
        }),
      ],
    ),
  ],
  [
    { cell: 'F20', kind: 'unitMismatch', message: '単位が違います' },
    { cell: 'A1', kind: 'guessed', message: '表題の行を推測しました' },
  ],
);

const town: KpiSheet = sheet([
  block(
    '1 まちの魅力',
    [],
    [
      kpi({
        row: 8,
        name: '観光客数',
        baseline: num(50, '人'),
        actuals: lastTwo(null, num(100, '人')),
        target: num(100, '人'),
      }),
    ],
  ),
]);

function bookOf(file: string, name: string, kpiSheet: KpiSheet, settings: Settings): RollupBook {
  const judged: Judged = { sheet: kpiSheet, evaluation: evaluate(kpiSheet, settings) };
  return { file, name, title: kpiSheet.title, judged, report: bookReport(judged, []) };
}

const CITY = bookOf('data/浅口市.xlsx', '浅口市', city, NO_PATH);
const TOWN = bookOf('data/里庄町.xlsx', '里庄町', town, CIRCLES);

/** The values the plan writes on a sheet, as a map from `row,col`. */
function cellsOf(ops: readonly WriteOp[], sheetName: string): Map<string, PlanValue> {
  const cells = new Map<string, PlanValue>();
  for (const op of ops)
    if (op.op === 'setValues' && op.sheet === sheetName)
      op.values.forEach((row, i) => row.forEach((v, j) => cells.set(`${op.row + i},${op.col + j}`, v)));
  return cells;
}

/** The 集計 sheet as rows of values from the header row (4) down, keyed by the header's names. */
function goalTable(books: readonly RollupBook[]): Record<string, PlanValue>[] {
  const cells = cellsOf(rollupLayout(rollupRows(books, []), new Date(0)).plan.ops, ROLLUP_SHEET);
  const headers: string[] = [];
  for (let c = 1; cells.has(`4,${c}`); c++) headers.push(String(cells.get(`4,${c}`)));
  const rows: Record<string, PlanValue>[] = [];
  for (let r = 5; cells.has(`${r},1`); r++)
    rows.push(Object.fromEntries(headers.map((h, i) => [h, cells.get(`${r},${i + 1}`) ?? null])));
  return rows;
}

describe('grade counts: each workbook on its own scale, blank under a level its scale does not have', () => {
  it('counts the city on A–D and the town on ◎○△×, each with X and 廃止', () => {
    const [first, second] = goalRows(CITY);
    expect(first.counts).toEqual({ A: 1, B: 1, C: 0, D: 1, X: 1, 廃止: 1 });
    expect(second.counts).toEqual({ A: 1, B: 0, C: 0, D: 0, X: 0, 廃止: 0 });
    expect(goalRows(TOWN)[0].counts).toEqual({ '◎': 1, '○': 0, '△': 0, '×': 0, X: 0, 廃止: 0 });
  });

  it('gives the 集計 sheet every level of every scale once, then X and 廃止', () => {
    expect(gradeColumns([CITY, TOWN])).toEqual(['A', 'B', 'C', 'D', '◎', '○', '△', '×', 'X', '廃止']);
  });

  it('writes 0 under the workbook’s own levels and leaves the others empty', () => {
    const town = goalTable([CITY, TOWN]).find(
      (r) => r['ブック'] === '里庄町' && r['基本目標'] === '1 まちの魅力',
    );
    expect(town).toMatchObject({ A: null, D: null, '◎': 1, '○': 0, '×': 0, X: 0, 評価段階: '◎/○/△/×' });
  });
});

describe('the share at the top two grades: over the KPIs judged, X counted, 廃止 not', () => {
  it('is 2 of 4 for the city’s first goal (A and B of A, B, D, X; 廃止 left out)', () => {
    expect(goalRows(CITY)[0].share).toBe(0.5);
    expect(goalRows(CITY)[0].top).toEqual(['A', 'B']);
  });

  it('takes the scale’s own top two (◎ and ○) and is null when nothing is judged', () => {
    expect(goalRows(TOWN)[0].top).toEqual(['◎', '○']);
    expect(topShare({ '◎': 0, '○': 0, '△': 0, '×': 0, X: 0, 廃止: 3 }, ['◎', '○', '△', '×'])).toBeNull();
  });

  it('names the column A・B when every scale shares it, else 上位2段階', () => {
    expect(goalTable([CITY])[0]).toHaveProperty('A・B の割合', 0.5);
    expect(goalTable([CITY, TOWN])[0]).toHaveProperty('上位2段階の割合', 0.5);
  });
});

describe('the change since last year comes from the year-before grades the report computes', () => {
  it('has the R5 share and the grades that went up, stayed and went down', () => {
    const [first] = goalRows(CITY);
    expect(first.previousYear).toBe(2023);
    // R5: C, B, A, B, X → A or B for 3 of 5.
    expect(first.previousShare).toBeCloseTo(0.6);
    expect(first.moves).toEqual({ up: 1, same: 1, down: 1 });
    expect(goalTable([CITY])[0]).toMatchObject({
      前年度: 'R5',
      '増減 (ポイント)': -10,
      上昇: 1,
      維持: 1,
      低下: 1,
    });
  });

  it('adds the goals up in the workbook’s total row', () => {
    const total = goalRows(CITY).at(-1)!;
    expect(total).toMatchObject({ goal: '全体', total: true, kpis: 6, moves: { up: 1, same: 2, down: 1 } });
    expect(total.counts).toEqual({ A: 2, B: 1, C: 0, D: 1, X: 1, 廃止: 1 });
    expect(total.share).toBe(0.6);
    expect(total.previousShare).toBeCloseTo(4 / 6);
  });

  it('is empty for a workbook in its first year of actuals', () => {
    expect(goalRows(TOWN)[0]).toMatchObject({ previousYear: null, previousShare: null, moves: null });
    const row = goalTable([TOWN])[0];
    expect(row).toMatchObject({ 前年度: null, '増減 (ポイント)': null, 上昇: null, 低下: null });
  });
});

describe('data issues: counted on the goal’s rows, every one of them in the total', () => {
  it('counts the unreadable R6 cell in goal 1, the unit mismatch in goal 2, and all three in the total', () => {
    expect(goalRows(CITY).map((r) => r.dataIssues)).toEqual([1, 1, 3]);
  });

  it('lists a KPI’s issues beside it on the 全KPI sheet', () => {
    const rows = kpiRows(CITY);
    expect(rows.find((r) => r.row === 14)!.issues).toEqual([expect.stringMatching(/^J14: 「調査中」/)]);
    expect(rows.find((r) => r.row === 20)!.issues).toEqual(['F20: 単位が違います']);
    expect(rows.find((r) => r.row === 10)!.issues).toEqual([]);
  });
});

describe('every KPI of every workbook is one row of the 全KPI table', () => {
  it('has the workbook, the readings as the sheet writes them, the grade and the year before', () => {
    const rows = kpiRows(CITY);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({
      book: '浅口市',
      row: 10,
      goal: '1 しごとをつくる',
      name: '創業者数',
      baseline: '50人',
      latest: '100人',
      latestYear: 2024,
      target: '100人',
      grade: 'A',
      rate: 1,
      previousGrade: 'C',
      change: '上昇',
    });
  });

  it('spans the header and every row, its column names being the header cells', () => {
    const layout = rollupLayout(rollupRows([CITY, TOWN], []), new Date(0));
    const cells = cellsOf(layout.plan.ops, ALL_KPIS_SHEET);
    const { range, columns } = layout.table;
    expect(range).toEqual({ top: 1, left: 1, bottom: 1 + 7, right: columns.length });
    expect(columns.map((_, i) => cells.get(`1,${i + 1}`))).toEqual(columns);
    expect(new Set(columns).size).toBe(columns.length);
    expect(cells.get(`8,1`)).toBe('里庄町');
  });
});

describe('files that could not be read are listed under the 集計 table with their reason', () => {
  it('names each file and its Japanese reason on one line, and says how many in the heading', () => {
    const failures = [
      {
        file: 'data/壊れた.xlsx',
        reason: 'Excel ブック (.xlsx) として読み込めませんでした\n保存し直してください。',
      },
    ];
    const cells = cellsOf(rollupLayout(rollupRows([CITY], failures), new Date(0)).plan.ops, ROLLUP_SHEET);
    expect(String(cells.get('2,1'))).toContain('読み込めなかったファイル 1 件');
    // Header at 4, three rows of the city, a blank row, then the list.
    expect(cells.get('9,1')).toBe('読み込めなかったファイル');
    expect([cells.get('10,1'), cells.get('10,2')]).toEqual(['ファイル', '理由']);
    expect([cells.get('11,1'), cells.get('11,2')]).toEqual([
      'data/壊れた.xlsx',
      'Excel ブック (.xlsx) として読み込めませんでした 保存し直してください。',
    ]);
  });
});

describe('a workbook’s name is its file’s, without folder and extension', () => {
  it('drops the folder and .xlsx, and keeps the whole path where two files share a name', () => {
    expect(rollupNames(['a/浅口市.xlsx', 'b\\里庄町.xlsm', 'c/2024/kpi.xlsx', 'd/kpi.xlsx'])).toEqual([
      '浅口市',
      '里庄町',
      'c/2024/kpi.xlsx',
      'd/kpi.xlsx',
    ]);
  });
});

describe('both sheets print landscape on A4, one page wide, with their header row on every page', () => {
  it('covers the 集計 rows and the list of unread files, and the whole 全KPI table', () => {
    const failures = [{ file: 'x.xlsx', reason: '読み込めませんでした' }];
    const layout = rollupLayout(rollupRows([CITY, TOWN], failures), new Date(0));
    const pages = layout.plan.ops.flatMap((op) => (op.op === 'setPageLayout' ? [op] : []));
    expect(pages.map((p) => p.sheet)).toEqual([ROLLUP_SHEET, ALL_KPIS_SHEET]);
    for (const { layout: page } of pages)
      expect(page).toMatchObject({ orientation: 'landscape', paperSize: 'A4', fitToWidth: true });
    // 集計: header 4, three rows of the city and two of the town, a blank row, the heading, its header, one file.
    expect(pages[0].layout.printArea).toMatchObject({ top: 1, bottom: 4 + 5 + 1 + 3 });
    expect(pages[0].layout.titleRows).toEqual({ first: 4, last: 4 });
    expect(pages[1].layout.printArea).toEqual(layout.table.range);
    expect(pages[1].layout.titleRows).toEqual({ first: 1, last: 1 });
  });
});
