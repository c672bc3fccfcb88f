/**
 * The 比較 sheet's plan: it never takes a sheet of the user's, a re-run first removes the sheet its mark
 * points at, and the uncertain pairs get their own section under the KPI rows.
 */
import { compareSheetPlan, compareSheets, COMPARE_MARK } from '../../../src/core/compare';
import { readText } from '../../../src/core/read';
import type { WriteOp } from '../../../src/core/types';
import { kpi, sheetOf } from '../evaluate/build';

const before = sheetOf(
  kpi({ row: 6, name: '商談数 (年間)', unit: '社', baseline: readText('40社'), target: readText('50社') }),
  kpi({ row: 7, name: '消防団員数', unit: '人', baseline: readText('919人'), target: readText('940人') }),
);
const after = sheetOf(
  kpi({
    row: 6,
    name: '旅行事業者等との商談数(年間)',
    unit: '社',
    baseline: readText('40社'),
    target: readText('50社'),
  }),
  kpi({ row: 7, name: '消防団員数', unit: '人', baseline: readText('919人'), target: readText('900人') }),
);
const comparison = compareSheets(before, after);

function planFor(
  sheetNames: string[],
  marks = [] as {
    name: string;
    sheet: string;
    range: { top: number; left: number; bottom: number; right: number };
  }[],
) {
  return compareSheetPlan({
    comparison,
    strategyLabel: 'a.xlsx',
    progressLabel: 'b.xlsx',
    sheetNames,
    marks,
  });
}

function values(ops: readonly WriteOp[]): (string | number | null)[][] {
  const op = ops.find((o) => o.op === 'setValues');
  return op?.op === 'setValues' ? op.values.map((r) => [...r]) : [];
}

describe('the 比較 sheet never takes a sheet of the user’s', () => {
  it('writes 比較 (2) when the workbook has a sheet of its own named 比較, and leaves that one alone', () => {
    const plan = planFor(['KPI一覧', '比較']);
    expect(plan.ops.filter((o) => o.op === 'deleteSheet')).toEqual([]);
    expect(plan.ops.find((o) => o.op === 'addSheet')).toEqual({
      op: 'addSheet',
      sheet: '比較 (2)',
      visibility: 'visible',
    });
  });
});

describe('a re-run replaces the sheet an earlier run wrote', () => {
  it('deletes the marked sheet and its mark before writing the sheet again under the same name', () => {
    const range = { top: 1, left: 1, bottom: 20, right: 12 };
    const plan = planFor(['KPI一覧', '比較'], [{ name: COMPARE_MARK, sheet: '比較', range }]);
    expect(plan.ops.slice(0, 3)).toEqual([
      { op: 'deleteSheet', sheet: '比較' },
      { op: 'removeMark', name: COMPARE_MARK },
      { op: 'addSheet', sheet: '比較', visibility: 'visible' },
    ]);
  });
});

describe('the sheet lists every KPI, then the pairs to confirm', () => {
  it('has one row per comparison row under the header, and a 要確認 row per uncertain pair', () => {
    const rows = values(planFor(['KPI一覧']).ops);
    const header = rows.findIndex((r) => r[0] === '比較');
    const kpiRows = rows.slice(header + 1, header + 1 + comparison.rows.length);
    expect(kpiRows.map((r) => [r[0], r[2], r[3], r[9], r[10]])).toEqual([
      ['削除', '商談数 (年間)', null, '50社', null],
      ['追加', null, '旅行事業者等との商談数(年間)', null, '50社'],
      ['目標変更', '消防団員数', '消防団員数', '940人', '900人'],
    ]);
    expect(rows.filter((r) => r[0] === '要確認').map((r) => [r[2], r[3]])).toEqual([
      ['商談数 (年間)', '旅行事業者等との商談数(年間)'],
    ]);
    expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
  });
});
