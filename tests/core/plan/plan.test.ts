import { evaluate } from '../../../src/core/evaluate';
import { planWrite, gradeFromText, gradeText, flagValuesFor, FLAG_HEADERS } from '../../../src/core/plan';
import { DEFAULT_SETTINGS, parseSettings, withRateThresholds } from '../../../src/core/settings';
import type { Grade, OutputMark, Settings, WriteOp, WritePlan } from '../../../src/core/types';
import { buildSample, SHEET, type SampleOptions } from './sample';

const NOW = new Date('2026-11-21T02:30:00Z');

function planFor(
  options: SampleOptions = {},
  settings: Settings = DEFAULT_SETTINGS,
): { plan: WritePlan; sample: ReturnType<typeof buildSample> } {
  const sample = buildSample(options);
  const evaluation = evaluate(sample.sheet, settings);
  return { plan: planWrite({ grid: sample.grid, sheet: sample.sheet, evaluation, now: NOW }), sample };
}

function opsOf<K extends WriteOp['op']>(plan: WritePlan, kind: K): Extract<WriteOp, { op: K }>[] {
  return plan.ops.filter((op): op is Extract<WriteOp, { op: K }> => op.op === kind);
}

/** The value the plan writes at a cell of a sheet (last write wins). */
function valueAt(plan: WritePlan, sheet: string, row: number, col: number): unknown {
  let found: unknown = undefined;
  for (const op of opsOf(plan, 'setValues')) {
    if (op.sheet !== sheet) continue;
    const v = op.values[row - op.row]?.[col - op.col];
    if (v !== undefined) found = v;
  }
  return found;
}

describe('flag columns go right of the tables, one start column for all', () => {
  const { plan, sample } = planFor();
  const blocks = sample.sheet.blocks;

  it('writes every flag header in each table header row, from the column after the widest table (L)', () => {
    for (const block of blocks) {
      for (const table of [block.headlineTable!, block.kpiTable!]) {
        FLAG_HEADERS.forEach((header, i) =>
          expect(valueAt(plan, SHEET, table.headerRow, 12 + i)).toBe(header),
        );
      }
    }
    expect(plan.notices).toEqual([]);
  });

  it('writes each KPI row its latest value with the year, rates as fractions, the grade with its label', () => {
    const row = blocks[0].kpis[0].row; // 14人 at R6 against 39人
    expect(valueAt(plan, SHEET, row, 12)).toBe('14人 (R6)');
    expect(valueAt(plan, SHEET, row, 13)).toBeCloseTo(14 / 39, 6);
    expect(valueAt(plan, SHEET, row, 16)).toBe('D 遅れ');
    expect(valueAt(plan, SHEET, row, 17)).toBe('↑');
    const achieved = blocks[0].kpis[1].row; // 39人 against 39人
    expect(valueAt(plan, SHEET, achieved, 16)).toBe('A 達成');
  });

  it('gives the headline rows flags too (移動数 △59人 against 0人: D)', () => {
    const row = blocks[1].headlines[0].row;
    expect(valueAt(plan, SHEET, row, 12)).toBe('△59人 (R6)');
    expect(valueAt(plan, SHEET, row, 16)).toBe('D 遅れ');
  });

  it('formats the rate columns as 0.0% and offers ↑/↓ in a dropdown on 方向, with an input message', () => {
    const rates = opsOf(plan, 'setStyle').filter(
      (op) => op.style.numberFormat === '0.0%' && op.sheet === SHEET,
    );
    expect(rates.map((op) => [op.range.left, op.range.right])).toContainEqual([13, 14]);
    const lists = opsOf(plan, 'setDataValidation');
    // One per table, over its data rows of 方向 (Q) only: the header row gets none.
    expect(lists.map((op) => op.range)).toEqual(
      blocks.flatMap((block) =>
        [block.headlineTable!, block.kpiTable!].map((t) => ({
          top: t.firstRow,
          left: 17,
          bottom: t.lastRow,
          right: 17,
        })),
      ),
    );
    for (const op of lists) {
      expect(op.rule).toEqual({ type: 'list', list: ['↑', '↓'] });
      expect(op.prompt?.title).toBe('方向 (↑ / ↓)');
      expect(op.prompt?.message).toMatch(/^↑ 増えるほど良い \/ ↓ 減るほど良い。/u);
    }
  });
});

describe('taken columns: the flags move right to the next free columns and say so', () => {
  it('skips past a user value in L and M of a KPI row', () => {
    const { plan, sample } = planFor({
      extra: [
        [7, 12, 'メモ'],
        [8, 13, 5],
      ],
    });
    const header = sample.sheet.blocks[0].kpiTable!.headerRow;
    expect(valueAt(plan, SHEET, header, 12)).toBeUndefined();
    expect(valueAt(plan, SHEET, header, 14)).toBe('最新値');
    expect(plan.notices).toEqual([expect.stringContaining('N 列から')]);
    expect(plan.notices[0]).toContain('L〜M 列');
  });

  it('counts the cells of our own earlier flag columns as free', () => {
    const mark: OutputMark = {
      name: 'KPISHEET_FLAGS_2',
      sheet: SHEET,
      range: { top: 6, left: 12, bottom: 9, right: 18 },
    };
    const { plan } = planFor({
      extra: [
        [6, 12, '最新値'],
        [7, 12, '14人 (R6)'],
        [7, 16, 'D 遅れ'],
      ],
      marks: [mark],
    });
    expect(valueAt(plan, SHEET, 6, 12)).toBe('最新値');
    expect(valueAt(plan, SHEET, 7, 12)).toBe('14人 (R6)');
    expect(plan.notices).toEqual([]);
  });

  it('never writes a value into a non-empty cell it did not create', () => {
    const extra: [number, number, string][] = [
      [8, 15, 'x'],
      [4, 20, 'y'],
    ];
    const { plan } = planFor({ extra });
    for (const [row, col] of extra) expect(valueAt(plan, SHEET, row, col)).toBeUndefined();
  });
});

describe('conditional formats cover whole columns: their number does not grow with rows', () => {
  const count = (rows: number) =>
    opsOf(planFor({ kpiRows: rows }).plan, 'addConditionalFormat').filter((op) => op.sheet === SHEET).length;

  it('has the same number of rules for 50 and for 500 rows a block', () => {
    expect(count(50)).toBe(count(500));
  });

  it('has per table 6 grade fills, 1 data bar and 6 row tints (2 tables, 2 blocks: 52)', () => {
    expect(count(50)).toBe(2 * 2 * (6 + 1 + 6));
  });

  it('keys the 判定 fills on the grade code at the start of the cell, for the table top row', () => {
    const { plan, sample } = planFor();
    const table = sample.sheet.blocks[0].kpiTable!;
    const fills = opsOf(plan, 'addConditionalFormat').filter(
      (op) => op.sheet === SHEET && op.range.left === 16 && op.range.top === table.firstRow,
    );
    expect(fills.map((op) => (op.rule.type === 'formula' ? op.rule.formula : ''))).toEqual([
      `LEFT($P${table.firstRow},1)="A"`,
      `LEFT($P${table.firstRow},1)="B"`,
      `LEFT($P${table.firstRow},1)="C"`,
      `LEFT($P${table.firstRow},1)="D"`,
      `LEFT($P${table.firstRow},1)="X"`,
      `LEFT($P${table.firstRow},2)="廃止"`,
    ]);
    expect(fills.every((op) => op.range.bottom === table.lastRow)).toBe(true);
  });

  it('puts the data bar on 達成率 from 0 to 100 %', () => {
    const { plan } = planFor();
    const bars = opsOf(plan, 'addConditionalFormat').filter(
      (op) => op.sheet === SHEET && op.rule.type === 'dataBar',
    );
    expect(bars).toHaveLength(4);
    expect(bars.every((op) => op.range.left === 13 && op.range.right === 13)).toBe(true);
  });

  it('tints the city table only when the setting is on', () => {
    const { plan } = planFor({}, { ...DEFAULT_SETTINGS, rowTint: false });
    expect(opsOf(plan, 'addConditionalFormat').filter((op) => op.sheet === SHEET)).toHaveLength(4 * 7);
    expect(opsOf(plan, 'addMark').some((op) => op.mark.name.startsWith('KPISHEET_TINT_'))).toBe(false);
  });
});

describe('marks: a run leaves names to find its output, a re-run removes exactly that first', () => {
  it('marks each table flag block, each tint, the summary and the settings', () => {
    const { plan, sample } = planFor();
    const marks = opsOf(plan, 'addMark').map((op) => op.mark);
    expect(marks.map((m) => m.name)).toEqual([
      'KPISHEET_FLAGS_1',
      'KPISHEET_TINT_1',
      'KPISHEET_FLAGS_2',
      'KPISHEET_TINT_2',
      'KPISHEET_FLAGS_3',
      'KPISHEET_TINT_3',
      'KPISHEET_FLAGS_4',
      'KPISHEET_TINT_4',
      'KPISHEET_SUMMARY',
      'KPISHEET_SETTINGS',
    ]);
    const kpiTable = sample.sheet.blocks[0].kpiTable!;
    expect(marks[2].range).toEqual({
      top: kpiTable.headerTop,
      left: 12,
      bottom: kpiTable.lastRow,
      right: 18,
    });
    // A tint mark covers the 判定 cells its rules key on, never the city's own cells (a reader skips marked cells).
    expect(marks[3].range).toEqual({ top: kpiTable.firstRow, left: 16, bottom: kpiTable.lastRow, right: 16 });
  });

  it('removes the earlier output named by the marks before writing anything', () => {
    const marks: OutputMark[] = [
      { name: 'KPISHEET_FLAGS_1', sheet: SHEET, range: { top: 3, left: 12, bottom: 4, right: 18 } },
      { name: 'KPISHEET_TINT_1', sheet: SHEET, range: { top: 4, left: 16, bottom: 4, right: 16 } },
      { name: 'KPISHEET_FLAGS_7', sheet: '別の表', range: { top: 3, left: 12, bottom: 9, right: 18 } },
      {
        name: 'KPISHEET_SUMMARY',
        sheet: 'KPI評価サマリー',
        range: { top: 1, left: 1, bottom: 40, right: 9 },
      },
      { name: 'KPISHEET_SETTINGS', sheet: 'KPI評価_設定', range: { top: 1, left: 1, bottom: 1, right: 1 } },
    ];
    const { plan } = planFor({ marks, sheetNames: [SHEET, '別の表', 'KPI評価サマリー', 'KPI評価_設定'] });
    const firstWrite = plan.ops.findIndex(
      (op) => op.op === 'addSheet' || op.op === 'setValues' || op.op === 'setColumnWidths',
    );
    const removal = plan.ops.slice(0, firstWrite);
    expect(removal).toEqual([
      { op: 'removeConditionalFormats', sheet: SHEET, range: marks[0].range },
      { op: 'removeDataValidation', sheet: SHEET, range: marks[0].range },
      { op: 'clearRange', sheet: SHEET, range: marks[0].range },
      { op: 'removeMark', name: 'KPISHEET_FLAGS_1' },
      // The tint's rules lie over the city's table on the mark's rows: A4:I4.
      {
        op: 'removeConditionalFormats',
        sheet: SHEET,
        range: { top: 4, left: 1, bottom: 4, right: 9 },
        match: 'sameRange',
      },
      { op: 'removeMark', name: 'KPISHEET_TINT_1' },
      { op: 'removeMark', name: 'KPISHEET_SUMMARY' },
      { op: 'removeMark', name: 'KPISHEET_SETTINGS' },
      { op: 'deleteSheet', sheet: 'KPI評価サマリー' },
      { op: 'deleteSheet', sheet: 'KPI評価_設定' },
    ]);
    expect(plan.ops.slice(firstWrite).some((op) => op.op === 'clearRange' || op.op === 'deleteSheet')).toBe(
      false,
    );
    // Our own summary sheet's name is free again; the other KPI sheet's marks keep their numbers.
    expect(opsOf(plan, 'addSheet').map((op) => op.sheet)).toEqual(['KPI評価サマリー', 'KPI評価_設定']);
    expect(opsOf(plan, 'addMark')[0].mark.name).toBe('KPISHEET_FLAGS_8');
    expect(plan.notices).toEqual([]);
  });
});

describe('summary sheet', () => {
  it('takes 「KPI評価サマリー (2)」 when the user has a sheet of that name, and says so', () => {
    const { plan } = planFor({ sheetNames: [SHEET, 'KPI評価サマリー'] });
    expect(opsOf(plan, 'addSheet')[0]).toEqual({
      op: 'addSheet',
      sheet: 'KPI評価サマリー (2)',
      visibility: 'visible',
    });
    expect(opsOf(plan, 'deleteSheet')).toEqual([]);
    expect(plan.notices).toEqual([expect.stringContaining('「KPI評価サマリー (2)」')]);
    expect(plan.ops.some((op) => 'sheet' in op && op.sheet === 'KPI評価サマリー')).toBe(false);
  });

  it('has the title, the source sheet, the year, the settings, the time in Japan and the tables', () => {
    const { plan } = planFor();
    const texts = opsOf(plan, 'setValues')
      .filter((op) => op.sheet === 'KPI評価サマリー')
      .flatMap((op) => op.values.flat());
    expect(texts).toEqual(
      expect.arrayContaining([
        'KPI評価サマリー',
        `対象シート: ${SHEET} (II 基本目標と具体的な施策のKPI一覧)`,
        '評価年度: R6 (2024年度)',
        '作成日時: 2026-11-21 11:30 (日本時間)',
        '基本目標別',
        '担当課別',
        '要フォローアップ (C・D 判定)',
        '産業振興課',
      ]),
    );
    expect(texts.find((t) => typeof t === 'string' && t.startsWith('評価基準'))).toContain('達成率で判定');
  });
});

describe('print setup of the KPI sheet', () => {
  const layoutOf = (plan: WritePlan) => opsOf(plan, 'setPageLayout').find((op) => op.sheet === SHEET)!.layout;

  // No break before every block (pages were 13–30 % full) and no print title rows
  // (the first table's header printed over the other tables' own headers). print.test.ts has the rules.
  it('is A4 landscape, fit to width, without print title rows, breaks only where a block does not fit', () => {
    const sample = buildSample({ blocks: 3 });
    // The city's widths as in 浅口市's sheet (the xlsx reader reads them).
    const grid = { ...sample.grid, columnWidths: [24, 28, 44, 16, 11, 11, 11, 11, 11, 11, 11] };
    const evaluation = evaluate(sample.sheet, DEFAULT_SETTINGS);
    const plan = planWrite({ grid, sheet: sample.sheet, evaluation, now: NOW });
    const layout = layoutOf(plan);
    expect(layout).toMatchObject({
      orientation: 'landscape',
      paperSize: 'A4',
      fitToWidth: true,
      header: '&C&A',
    });
    // Two short blocks share the first page; the third no longer fits under them (its rows of text are
    // 19 points, print-rows.ts) and starts the next: a break only before a block.
    expect(layout.rowBreaks).toEqual([sample.sheet.blocks[2].firstRow]);
    expect(layout.printArea).toMatchObject({ top: 1, left: 1, right: 18 });
    expect(layout.printArea.bottom).toBe(sample.sheet.blocks[2].kpiTable!.lastRow);
    expect(layout.titleRows).toBeNull();
    expect(layout.footer).toContain('&P / &N');
    expect(layout.footer).toContain('R6年度評価 (2026-11-21)');
  });

  it('uses A3 when the settings say so', () => {
    expect(layoutOf(planFor({}, { ...DEFAULT_SETTINGS, paperSize: 'A3' }).plan).paperSize).toBe('A3');
  });
});

describe('saved settings', () => {
  it('writes the settings as JSON to A1 of a very hidden sheet that parses back to the same', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      scale: withRateThresholds(DEFAULT_SETTINGS.scale, [100, 85, 50]) ?? DEFAULT_SETTINGS.scale,
      preset: 'カスタム',
    };
    const { plan } = planFor({}, settings);
    expect(opsOf(plan, 'addSheet')).toContainEqual({
      op: 'addSheet',
      sheet: 'KPI評価_設定',
      visibility: 'veryHidden',
    });
    const json = valueAt(plan, 'KPI評価_設定', 1, 1);
    expect(typeof json).toBe('string');
    expect(parseSettings(json).settings).toEqual(settings);
  });
});

describe('grade text keeps the code recoverable', () => {
  const grades: Grade[] = ['A', 'B', 'C', 'D', 'X', '廃止'];
  it.each(grades)('%s with the default and a renamed label', (grade) => {
    const { scale } = DEFAULT_SETTINGS;
    expect(gradeFromText(gradeText(grade, DEFAULT_SETTINGS), scale)).toBe(grade);
    const renamedScale = {
      levels: scale.levels.map((l) => (l.symbol === grade ? { ...l, label: '独自の名前' } : l)),
      unjudgeable: grade === 'X' ? { ...scale.unjudgeable, label: '独自の名前' } : scale.unjudgeable,
      abolished: grade === '廃止' ? { ...scale.abolished, label: '独自の名前' } : scale.abolished,
    };
    const renamed = { ...DEFAULT_SETTINGS, scale: renamedScale };
    expect(gradeText(grade, renamed)).toBe(`${grade} 独自の名前`);
    expect(gradeFromText(gradeText(grade, renamed), renamedScale)).toBe(grade);
  });

  it('flagValuesFor gives a row its seven values for live re-judging', () => {
    const sample = buildSample();
    const evaluation = evaluate(sample.sheet, DEFAULT_SETTINGS);
    expect(flagValuesFor(evaluation.kpis[1], DEFAULT_SETTINGS)).toHaveLength(FLAG_HEADERS.length);
  });
});
