/**
 * 「策定時の表と比べる」 in Excel: the active sheet (the progress table) against the adopted table on
 * another sheet of the same workbook, the 比較 sheet written through the Excel host; a re-run leaves the
 * workbook as one run does, and the city's sheets are never touched.
 */
import { parseMapping } from '../../src/core/layout/mapping';
import { adoptedTableChoices, compareWithSheet } from '../../src/taskpane/compare-run';
import type { FakeSheet } from './fake-excel';
import { fixtureGrid } from './fixture-grids';
import { seeded } from './harness';

const PROGRESS = 'KPI一覧';
const STRATEGY = '総合戦略KPI';

async function workbook() {
  const progress = await fixtureGrid('asakuchi-progress.xlsx');
  const strategy = await fixtureGrid('asakuchi-strategy.xlsx');
  const harness = seeded({ ...progress, sheetNames: [PROGRESS, STRATEGY] });
  harness.fake.state.seed(strategy);
  harness.fake.state.activeSheet = PROGRESS;
  return harness;
}

function cellsOf(sheet: FakeSheet | undefined): Map<string, unknown> {
  return new Map(
    [...(sheet?.cells ?? new Map<string, { value: unknown }>()).entries()].map(([k, c]) => [k, c.value]),
  );
}

function column(sheet: FakeSheet | undefined, col: number): string[] {
  if (!sheet) return [];
  return [...sheet.cells.entries()]
    .map(([k, c]) => [k.split(',').map(Number), c.value] as const)
    .filter(([[, c]]) => c === col)
    .sort(([[a]], [[b]]) => a - b)
    .map(([, v]) => String(v));
}

describe('the pane compares the open sheet with another sheet of the workbook', () => {
  it('offers the other visible sheets as the adopted table', async () => {
    const { host } = await workbook();
    expect(adoptedTableChoices(await host.readGrid())).toEqual([STRATEGY]);
  });

  it('writes a 比較 sheet with every KPI and its mark, and the pairs to confirm, through the Excel host', async () => {
    const { fake, host } = await workbook();
    const outcome = await compareWithSheet(host, STRATEGY, []);
    expect(outcome).toEqual(
      expect.objectContaining({
        ok: true,
        sheet: '比較',
        counts: { 変更なし: 34, 目標変更: 5, 基準値変更: 2, 単位変更: 0, 追加: 9, 削除: 15 },
      }),
    );
    const sheet = fake.state.sheet('比較');
    const marks = column(sheet, 1);
    expect(marks[0]).toBe('策定時の表との比較');
    expect(marks.filter((m) => m === '目標変更')).toHaveLength(5);
    expect(marks.filter((m) => m === '要確認')).toHaveLength(9);
    expect(column(sheet, 4)).toContain('ふるさと寄附金件数(年間)');
    expect(fake.state.names.map((n) => n.name)).toContain('KPISHEET_COMPARE');
  });

  it('leaves the city’s two sheets as they were, and a second run leaves the workbook as the first', async () => {
    const { fake, host } = await workbook();
    const before = [PROGRESS, STRATEGY].map((name) => cellsOf(fake.state.sheet(name)));
    await compareWithSheet(host, STRATEGY, []);
    const once = fake.state.snapshot();
    expect([PROGRESS, STRATEGY].map((name) => cellsOf(fake.state.sheet(name)))).toEqual(before);
    await compareWithSheet(host, STRATEGY, []);
    expect(fake.state.snapshot()).toEqual(once);
    expect(fake.state.sheets.map((s) => s.name)).toEqual([PROGRESS, STRATEGY, '比較']);
    // The 比較 sheet is the add-in's own: not offered as a table to compare with.
    expect(adoptedTableChoices(await host.readGrid())).toEqual([STRATEGY]);
  });

  it('says in Japanese why when the chosen sheet holds no KPI table, and writes nothing', async () => {
    const { fake, host } = await workbook();
    fake.state.addSheet('メモ');
    const once = fake.state.snapshot();
    const outcome = await compareWithSheet(host, 'メモ', []);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(/^シート「メモ」: /);
    expect(fake.state.snapshot()).toEqual(once);
  });
});

describe('the pane reads each sheet with the column mapping saved for it, as 評価する does', () => {
  async function withBudgetSheet() {
    const harness = await workbook();
    const budget = await fixtureGrid('budget-no-kpi.xlsx');
    harness.fake.state.seed(budget);
    harness.fake.state.activeSheet = PROGRESS;
    return { ...harness, budget: budget.sheet };
  }

  it('cannot read a table with other headings without its mapping, and says so in Japanese', async () => {
    const { host, budget } = await withBudgetSheet();
    const outcome = await compareWithSheet(host, budget, []);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toContain('KPI 表が見つかりません');
  });

  it('compares with that table once a mapping is saved for its sheet, and only for that sheet', async () => {
    const { fake, host, budget } = await withBudgetSheet();
    const parsed = parseMapping('row=3,A=name,B=baseline:2019,C=actual:2023,D=target:2024', budget);
    if (!parsed.ok) throw new Error(parsed.message);
    const outcome = await compareWithSheet(host, budget, [parsed.mapping]);
    expect(outcome.ok).toBe(true);
    // The budget sheet's 3 rows are the adopted KPIs: two are not in the progress table by name.
    if (outcome.ok) expect(outcome.counts.削除).toBe(2);
    expect(column(fake.state.sheet('比較'), 3)).toEqual(
      expect.arrayContaining(['移住定住促進事業', 'ふるさと寄附金事業', '地域おこし協力隊事業']),
    );
    // A mapping saved for another sheet is not applied to these two.
    const elsewhere = parseMapping('row=3,A=name,B=baseline:2019,D=target:2024', 'メモ');
    if (!elsewhere.ok) throw new Error(elsewhere.message);
    expect((await compareWithSheet(host, budget, [elsewhere.mapping])).ok).toBe(false);
  });
});
