import fc from 'fast-check';
import { evaluate } from '../../../src/core/evaluate';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { Direction, GradeBasis, PresenceLevel, Reading, Settings } from '../../../src/core/types';
import { abolished, age, block, kpi, missing, num, pct, presence, sheet, text } from './build';

const value = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0, -0, 1e-300, 1e300, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE),
);
const unit = fc.constantFrom('人', '件', '回', 'ha', '');
const levels: readonly PresenceLevel[] = ['none', 'partial', 'present', 'expanded'];

const reading: fc.Arbitrary<Reading> = fc.oneof(
  fc
    .tuple(value, unit, fc.option(fc.integer({ min: 2010, max: 2030 }), { nil: undefined }))
    .map(([v, u, y]) => num(v, u, undefined, y)),
  value.map((v) => pct(v)),
  fc.integer({ min: 0, max: 22 }).map((v) => age(v, `${v}歳まで`)),
  fc.constantFrom(...levels).map((level) => presence(level, level)),
  fc.constant(missing()),
  fc.constant(abolished()),
  fc.constant(text('調査中')),
);

const settings: fc.Arbitrary<Settings> = fc
  .record({
    basis: fc.constantFrom<GradeBasis>('achievement', 'progress'),
    t: fc.tuple(
      fc.double({ min: 0, max: 200, noNaN: true }),
      fc.double({ min: 0, max: 200, noNaN: true }),
      fc.double({ min: 0, max: 200, noNaN: true }),
    ),
    interimPath: fc.boolean(),
    trendTolerance: fc.double({ min: 0, max: 0.99, noNaN: true }),
    evaluationYear: fc.option(fc.integer({ min: 2010, max: 2030 }), { nil: null }),
  })
  .map(({ basis, t, interimPath, trendTolerance, evaluationYear }) => {
    const [a, b, c] = [...t].sort((x, y) => y - x);
    return {
      ...DEFAULT_SETTINGS,
      basis,
      thresholds: { a, b, c },
      interimPath,
      trendTolerance,
      evaluationYear,
    };
  });

const row = fc.record({
  baseline: fc.option(reading, { nil: null }),
  actuals: fc.array(reading, { maxLength: 5 }),
  target: fc.option(reading, { nil: null }),
  directionChoice: fc.option(fc.constantFrom<Direction>('up', 'down'), { nil: null }),
  name: fc.constantFrom('創業者数', '待機児童数', '移動数(転入一転出)', '消防団員数'),
});

/** Every number anywhere in the value. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value instanceof Map) return [...value.values()].flatMap(numbersIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(numbersIn);
  return [];
}

describe('property: random readings and settings never give NaN, Infinity or an exception', () => {
  it('every number in the Evaluation is finite, every grade a code, rates null or finite', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), settings, (rows, s) => {
        const kpis = rows.map((r, i) => kpi({ row: 10 + i, ...r, role: i === 0 ? 'headline' : 'kpi' }));
        const evaluation = evaluate(sheet([block('1 テスト', kpis.slice(0, 1), kpis.slice(1))]), s);
        for (const n of numbersIn(evaluation)) expect(Number.isFinite(n)).toBe(true);
        expect(evaluation.kpis).toHaveLength(kpis.length);
        for (const k of evaluation.kpis) {
          expect(['A', 'B', 'C', 'D', 'X', '廃止']).toContain(k.grade);
          for (const note of k.notes) expect(note).not.toMatch(/NaN|Infinity|undefined/);
        }
        const { overall } = evaluation.summary;
        expect(overall.judged + overall.counts.廃止).toBe(kpis.length - 1);
      }),
      { numRuns: 400 },
    );
  });
});
