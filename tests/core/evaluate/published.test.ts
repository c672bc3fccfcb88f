/**
 * The city's own verdict: a table carrying the city's 達成率 and grades is reproduced cell by cell
 * with the matching preset, and every disagreement is listed with the cell, theirs, ours and why.
 */
import { evaluate, evaluateKpi } from '../../../src/core/evaluate';
import { PRESETS } from '../../../src/core/settings';
import { PUBLISHED_ACHIEVED, PUBLISHED_VERDICTS } from '../../../scripts/fixtures/published-verdicts';
import { kpiOf, sheetOfTable } from './city-table';
import { kpi, num, sheetOf } from './build';

const 標準 = PRESETS['標準'];
const 達成未達成 = PRESETS['達成/未達成'];

describe('a table with the city’s 達成率 and A–D grades per year (標準 reproduces it)', () => {
  const table = sheetOfTable(PUBLISHED_VERDICTS);

  it('every published 達成率 and grade agrees: 6 rows × 3 years × 2 cells', () => {
    const { published } = evaluate(table, 標準).summary;
    expect(published.disagreements).toEqual([]);
    expect(published).toMatchObject({ compared: 36, agreed: 36 });
  });

  it.each(PUBLISHED_VERDICTS.rows.map((row, i) => [row[1], i] as const))(
    '%s: our grade for H28 / H30 / R2 is the city’s',
    (_name, i) => {
      const row = kpiOf(PUBLISHED_VERDICTS, i);
      const cells = PUBLISHED_VERDICTS.rows[i];
      const grades = [2016, 2018, 2020].map((year) => evaluateKpi(row, year, 標準).grade);
      expect(grades).toEqual([cells[8], cells[12], cells[15]]);
    },
  );

  it('the 社会減 row is lower-is-better by its name and judged against each year’s interim target', () => {
    const row = kpiOf(PUBLISHED_VERDICTS, 1);
    const h30 = evaluateKpi(row, 2018, 標準);
    expect(h30).toMatchObject({ direction: 'down', directionSource: 'name', grade: 'C', pathTarget: 250 });
    expect(h30.achievementRate).toBeCloseTo(250 / 410, 9);
    expect(h30.notes).toContain('中間目標 H30: 250');
  });

  it('taken as higher-is-better, the 社会減 row contradicts the city in every year, and says why', () => {
    const up = { ...kpiOf(PUBLISHED_VERDICTS, 1), directionChoice: 'up' as const };
    const { published } = evaluate(sheetOf(up), 標準).summary;
    expect(published.compared).toBe(6);
    expect(published.disagreements.map((d) => [d.cell, d.theirs, d.ours])).toEqual([
      ['H6', '90.9%', '110%'],
      ['I6', 'B', 'A'],
      ['L6', '61.0%', '164%'],
      ['M6', 'C', 'A'],
      ['O6', '40.0%', '250%'],
      ['P6', 'D', 'A'],
    ]);
    for (const d of published.disagreements) {
      expect(d.why).toContain('増加を目指す');
      expect(d.why).toContain('方向を逆にすると一致します');
    }
  });

  it('the city’s own arithmetic slip is listed: 81.3% typed as 83.1%', () => {
    const row = kpiOf(PUBLISHED_VERDICTS, 4);
    const slipped = {
      ...row,
      published: (row.published ?? []).map((v) => (v.cell === 'L9' ? { ...v, raw: '83.1%', rate: 83.1 } : v)),
    };
    const { published } = evaluate(sheetOf(slipped), 標準).summary;
    expect(published.disagreements).toHaveLength(1);
    expect(published.disagreements[0]).toMatchObject({
      cell: 'L9',
      year: 2018,
      kind: 'rate',
      theirs: '83.1%',
      ours: '81.3%',
    });
    expect(published.disagreements[0].why).toContain(
      '実績 480件 (H30)、目標 390、減少を目指す、達成率 81.3% → B',
    );
  });

  it('a rate agrees whether the city rounded or truncated at the decimals it printed', () => {
    const row = kpi({ row: 3, name: '登録者数', actuals: [num(2, '人')], target: num(3, '人') });
    const withRate = (raw: string, rate: number) => ({
      ...row,
      published: [{ kind: 'rate' as const, year: null, cell: 'M3', raw, rate }],
    });
    // 2 ÷ 3 = 66.666…%: 66.7 (rounded), 66.6 (truncated) and 67 agree; 66.5 does not.
    for (const [raw, rate] of [
      ['66.7%', 66.7],
      ['66.6%', 66.6],
      ['67%', 67],
    ] as const) {
      expect(evaluate(sheetOf(withRate(raw, rate)), 標準).summary.published.agreed).toBe(1);
    }
    expect(evaluate(sheetOf(withRate('66.5%', 66.5)), 標準).summary.published.agreed).toBe(0);
  });
});

describe('a table judged ○ / × (達成/未達成 reproduces its column)', () => {
  const table = sheetOfTable(PUBLISHED_ACHIEVED);

  it('every ○ and × agrees', () => {
    const evaluation = evaluate(table, 達成未達成);
    expect(evaluation.year).toBe(2020);
    expect(evaluation.summary.published).toMatchObject({ compared: 6, agreed: 6, disagreements: [] });
    expect(evaluation.kpis.map((e) => e.grade)).toEqual(PUBLISHED_ACHIEVED.rows.map((r) => r[7]));
  });

  it('以下 / 以上 on the target set at-most / at-least; 待機 and 火災 are lower-is-better by name', () => {
    const directions = evaluate(table, 達成未達成).kpis.map((e) => [e.direction, e.directionSource]);
    expect(directions).toEqual([
      ['down', 'name'],
      ['down', 'target'],
      ['up', 'target'],
      ['up', 'default'],
      ['down', 'name'],
      ['down', 'name'],
    ]);
  });

  it('under 標準 the same column is compared symbol by symbol and every row disagrees (○ is not A)', () => {
    const { published } = evaluate(table, 標準).summary;
    expect(published.agreed).toBe(0);
    expect(published.disagreements.map((d) => d.ours)).toEqual(['A', 'A', 'B', 'B', 'A', 'C']);
  });
});
