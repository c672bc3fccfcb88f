import { evaluate } from '../../../src/core/evaluate';
import { gradeChange, previousEvaluationYear, previousYear } from '../../../src/core/evaluate/previous-year';
import { readKpiSheet } from '../../../src/core/layout';
import { DEFAULT_SETTINGS, PRESETS } from '../../../src/core/settings';
import type { KpiSheet, Settings } from '../../../src/core/types';
import { fixtureGrid } from '../layout/fixture-grid';
import { missing, num, kpi, sheetOf } from './build';
import * as seed from './seeds';

async function fixtureSheet(file: string): Promise<KpiSheet> {
  const layout = readKpiSheet(await fixtureGrid(file));
  if (!layout.ok) throw new Error(layout.failure.message);
  return layout.sheet;
}

describe('the previous evaluation year: the latest actual year column before it that holds a reading', () => {
  it('is R5 for the progress table evaluated at R6', async () => {
    expect(previousEvaluationYear(await fixtureSheet('asakuchi-progress.xlsx'), 2024)).toBe(2023);
  });

  it('passes over a year column the city left empty (— only)', () => {
    const row = kpi({
      row: 5,
      name: '消防団員数',
      baseline: num(900, '人'),
      actuals: [num(880, '人'), num(870, '人'), missing(), missing(), num(804, '人')],
      target: num(940, '人'),
    });
    expect(previousEvaluationYear(sheetOf(row), 2024)).toBe(2021);
  });

  it('is null in the first year with actuals (nothing to compare with)', () => {
    expect(previousEvaluationYear(sheetOf(seed.創業者数), 2020)).toBeNull();
    const evaluation = evaluate(sheetOf(seed.創業者数), { ...DEFAULT_SETTINGS, evaluationYear: 2020 });
    expect(previousYear(sheetOf(seed.創業者数), evaluation)).toEqual({ year: null, grades: [] });
  });
});

describe('previous-year grades are exactly what evaluating the same sheet at that year gives', () => {
  const settingsCases: [string, Settings][] = [
    ['標準', DEFAULT_SETTINGS],
    ['進捗率', PRESETS['進捗率']],
    ['按分なし', { ...DEFAULT_SETTINGS, interimPath: false }],
  ];

  it.each([
    'asakuchi-progress.xlsx',
    'asakuchi-progress-reiwa.xlsx',
    'asakuchi-progress-two-row-header.xlsx',
  ])('%s, every year, every preset', async (file) => {
    const sheet = await fixtureSheet(file);
    for (const [, settings] of settingsCases) {
      for (const year of [2021, 2022, 2023, 2024]) {
        const evaluation = evaluate(sheet, { ...settings, evaluationYear: year });
        const result = previousYear(sheet, evaluation);
        const previous = previousEvaluationYear(sheet, year);
        expect(result.year).toBe(previous);
        const atPrevious = evaluate(sheet, { ...settings, evaluationYear: previous });
        expect(result.grades.map((g) => g.previous)).toEqual(atPrevious.kpis);
        expect(result.grades.map((g) => g.kpiId)).toEqual(evaluation.kpis.map((k) => k.kpiId));
      }
    }
  });

  it('gives the seed rows their R5 grades beside R6', () => {
    const sheet = sheetOf(seed.創業者数, seed.工業団地);
    const result = previousYear(sheet, evaluate(sheet, DEFAULT_SETTINGS));
    expect(result.year).toBe(2023);
    // 創業者数: 25人 of 39人 at R5 (64 %: C), 14人 at R6 (36 %: D). 工業団地: 4.4 of 13.4 ha (33 %: D), 廃止 at R6.
    expect(result.grades.map((g) => [g.kpiId, g.previous.grade, g.change])).toEqual([
      ['R11', 'C', 'down'],
      ['R14', 'D', null],
    ]);
  });
});

describe('the change mark: 上昇 / 維持 / 低下 by position on the scale, none with X or 廃止', () => {
  // rank: position on the scale, 1 = best (A on 標準, ◎ on ◎○△×); null for X and 廃止.
  const at = (rank: number | null) => ({ rank });
  it.each([
    ['C → B', 3, 2, 'up'],
    ['D → A', 4, 1, 'up'],
    ['B → B', 2, 2, 'same'],
    ['A → D', 1, 4, 'down'],
    ['X → A', null, 1, null],
    ['B → X', 2, null, null],
    ['B → 廃止', 2, null, null],
  ] as const)('%s', (_label, before, after, change) => {
    expect(gradeChange(at(before), at(after))).toBe(change);
  });

  it('compares ◎○△× grades as the city ranks them: ○ last year, ◎ this year is 上昇', () => {
    const settings = PRESETS['◎○△×'];
    const row = kpi({
      row: 7,
      name: '観光入込客数',
      baseline: num(100, '万人'),
      actuals: [num(100, '万人'), num(112, '万人'), num(130, '万人')],
      target: num(130, '万人'),
    });
    const evaluation = evaluate(sheetOf(row), { ...settings, evaluationYear: 2022 });
    const result = previousYear(sheetOf(row), evaluation);
    // R4: 130 of 130 万人 (◎); R3: 112 of 130 万人, 86 % (○).
    expect([result.grades[0].previous.grade, evaluation.kpis[0].grade]).toEqual(['○', '◎']);
    expect(result.grades[0].change).toBe('up');
  });
});
