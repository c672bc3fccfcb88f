/**
 * Variants a real office produces of the progress table (built by `npm run fixtures`): each reads to the same
 * model as the plain sheet. Rows, cell addresses and raw texts legitimately differ and are left out.
 */
import { readKpiSheet } from '../../../src/core/layout';
import type { Kpi, KpiSheet, Reading, YearCell } from '../../../src/core/types';
import { fixtureGrid } from './fixture-grid';

async function read(file: string): Promise<KpiSheet> {
  const result = readKpiSheet(await fixtureGrid(file));
  if (!result.ok) throw new Error(result.failure.message);
  return result.sheet;
}

function meaning(r: Reading): Record<string, unknown> {
  return {
    kind: r.kind,
    value: r.value,
    unit: r.unit,
    qualifier: r.qualifier,
    year: 'year' in r ? r.year : undefined,
    level: 'level' in r ? r.level : undefined,
  };
}

function yearCell(c: YearCell | null): Record<string, unknown> | null {
  return c ? { year: c.year, reading: meaning(c.reading) } : null;
}

function kpiModel(k: Kpi): Record<string, unknown> {
  return {
    role: k.role,
    name: k.name,
    framework: k.framework,
    measure: k.measure,
    period: k.period,
    department: k.department,
    unit: k.unit,
    baseline: yearCell(k.baseline),
    actuals: k.actuals.map(yearCell),
    target: yearCell(k.target),
    directionChoice: k.directionChoice,
  };
}

/** The model without rows, addresses and raw texts. */
function model(sheet: KpiSheet): unknown {
  return {
    title: sheet.title,
    blocks: sheet.blocks.map((b) => ({
      goal: b.goal,
      goalNumber: b.goalNumber,
      headlines: b.headlines.map(kpiModel),
      kpis: b.kpis.map(kpiModel),
    })),
    diagnostics: sheet.diagnostics.map((d) => d.kind),
  };
}

let plain: KpiSheet;

beforeAll(async () => {
  plain = await read('asakuchi-progress.xlsx');
});

describe('every variant reads to the same model as the plain sheet', () => {
  test.each([
    ['numbers with number formats (#,##0"人", 0.0%)', 'asakuchi-progress-number-formats.xlsx'],
    ['a two-row header with 実績 merged over the year columns', 'asakuchi-progress-two-row-header.xlsx'],
    ['令和2年度 / 平成30年度 headers instead of R2 / H30', 'asakuchi-progress-reiwa.xlsx'],
    ['a 単位 column with bare numbers', 'asakuchi-progress-unit-column.xlsx'],
    ['an extra R1 column left empty', 'asakuchi-progress-empty-r1.xlsx'],
  ])('%s', async (_label, file) => {
    const variant = await read(file);
    expect(model(variant)).toEqual(model(plain));
    expect(variant.blocks.flatMap((b) => b.kpis)).toHaveLength(46);
  });
});

describe('what legitimately differs in a variant', () => {
  test('numeric cells keep their numbers: 8,935 read from a number formatted #,##0"人"', async () => {
    const variant = await read('asakuchi-progress-number-formats.xlsx');
    const headline = variant.blocks[0].headlines[0];
    expect(headline.actuals.find((a) => a.year === 2021)?.reading).toMatchObject({
      kind: 'number',
      value: 8935,
      unit: '人',
    });
    const maternity = variant.blocks[2].kpis.find((k) => k.name.startsWith('マタニティクラス'));
    expect(maternity?.baseline?.reading).toMatchObject({ kind: 'percent', value: 16 });
  });

  test('a two-row header: the header spans two rows and the data starts below the year row', async () => {
    const variant = await read('asakuchi-progress-two-row-header.xlsx');
    expect(variant.blocks[0].kpiTable).toMatchObject({
      headerTop: 8,
      headerRow: 9,
      firstRow: 10,
      lastRow: 19,
    });
  });

  test('a 単位 column: the KPI table reaches one column further', async () => {
    const variant = await read('asakuchi-progress-unit-column.xlsx');
    expect(variant.blocks[0].kpiTable?.lastCol).toBe(12);
    expect(variant.blocks[0].kpis[0].baseline?.cell).toEqual({ row: 9, col: 6 });
  });
});
