import { evaluate } from '../../../src/core/evaluate';
import { planWrite } from '../../../src/core/plan';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { CellValue, OutputMark, Settings, WriteOp, WritePlan } from '../../../src/core/types';
import { buildSample, SHEET, type SampleOptions } from './sample';

const NOW = new Date('2026-11-21T02:30:00Z');
const ON: Settings = { ...DEFAULT_SETTINGS, commentColumns: true };

function planFor(options: SampleOptions, settings: Settings = ON): WritePlan {
  const sample = buildSample(options);
  return planWrite({ ...sample, evaluation: evaluate(sample.sheet, settings), now: NOW });
}

function opsOf<K extends WriteOp['op']>(plan: WritePlan, kind: K): Extract<WriteOp, { op: K }>[] {
  return plan.ops.filter((op): op is Extract<WriteOp, { op: K }> => op.op === kind);
}

/** Every cell of the KPI sheet the plan writes a value to, as `row,col`. */
function writtenCells(plan: WritePlan): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  for (const op of opsOf(plan, 'setValues')) {
    if (op.sheet !== SHEET) continue;
    op.values.forEach((row, i) => row.forEach((v, j) => cells.set(`${op.row + i},${op.col + j}`, v)));
  }
  return cells;
}

const range = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });
/** Header rows and data rows of the sample's four tables (2 blocks: headline and KPI table each). */
const TABLES = [
  { header: 3, first: 4, last: 4 },
  { header: 6, first: 7, last: 9 },
  { header: 11, first: 12, last: 12 },
  { header: 14, first: 15, last: 17 },
];

/** What an earlier run left: flags from `flagCol`, comments from `commentCol`, and the clerk's cells. */
function earlier(
  flagCol: number,
  commentCol: number,
  typed: readonly [number, number, CellValue][],
): SampleOptions {
  const marks: OutputMark[] = TABLES.flatMap((t, i) => [
    { name: `KPISHEET_FLAGS_${i + 1}`, sheet: SHEET, range: range(t.header, flagCol, t.last, flagCol + 6) },
    {
      name: `KPISHEET_COMMENTS_${i + 1}`,
      sheet: SHEET,
      range: range(t.header, commentCol, t.last, commentCol + 1),
    },
  ]);
  const headers: [number, number, CellValue][] = TABLES.flatMap((t) => [
    [t.header, commentCol, '要因・分析'],
    [t.header, commentCol + 1, '今後の方向性'],
  ]);
  return { marks, extra: [...headers, ...typed], width: commentCol + 1 };
}

describe('comment columns: beside the flags, headed and formatted for input', () => {
  const plan = planFor({});

  it('heads S and T in every table header row, and marks them apart from the flags', () => {
    const cells = writtenCells(plan);
    for (const t of TABLES) {
      expect(cells.get(`${t.header},19`)).toBe('要因・分析');
      expect(cells.get(`${t.header},20`)).toBe('今後の方向性');
    }
    const marks = opsOf(plan, 'addMark').map((op) => op.mark);
    expect(marks.filter((m) => m.name.startsWith('KPISHEET_COMMENTS_')).map((m) => m.range)).toEqual(
      TABLES.map((t) => range(t.header, 19, t.last, 20)),
    );
  });

  it('writes no value into a data cell of the comment columns', () => {
    const cells = writtenCells(plan);
    for (const t of TABLES)
      for (let row = t.first; row <= t.last; row++) {
        expect(cells.has(`${row},19`)).toBe(false);
        expect(cells.has(`${row},20`)).toBe(false);
      }
  });

  it('gives the data cells Excel’s input style', () => {
    const styles = opsOf(plan, 'setStyle').filter((op) => op.range.left === 19 && op.range.top === 7);
    expect(styles.map((op) => op.style.fill)).toEqual(['#FFCC99']);
  });

  it('prints them: the print area reaches T', () => {
    const layout = opsOf(plan, 'setPageLayout').find((op) => op.sheet === SHEET);
    expect(layout?.layout.printArea.right).toBe(20);
  });
});

describe('comment columns on a re-run: the clerk’s cells are never cleared nor written', () => {
  it('leaves them alone where they are (no clear, no value) and drops only the mark', () => {
    const plan = planFor(
      earlier(12, 19, [
        [7, 19, '相談件数は増えた'],
        [7, 20, '創業塾を拡充'],
      ]),
    );
    const clears = opsOf(plan, 'clearRange').filter((op) => op.sheet === SHEET);
    expect(clears.every((op) => op.range.right < 19)).toBe(true);
    const cells = writtenCells(plan);
    expect(cells.has('7,19')).toBe(false);
    expect(cells.has('7,20')).toBe(false);
    expect(opsOf(plan, 'removeMark').map((op) => op.name)).toContain('KPISHEET_COMMENTS_2');
  });

  it('carries them to the same rows when the flags are placed elsewhere (M:S → L:R, comments T:U → S:T)', () => {
    const plan = planFor(
      earlier(13, 20, [
        [7, 20, '相談件数は増えた'],
        [7, 21, '創業塾を拡充'],
        [16, 21, 42],
      ]),
    );
    const cells = writtenCells(plan);
    expect([cells.get('7,19'), cells.get('7,20'), cells.get('16,20')]).toEqual([
      '相談件数は増えた',
      '創業塾を拡充',
      42,
    ]);
    // The old cells go before any flag is written where they were.
    const firstFlagWrite = plan.ops.findIndex((op) => op.op === 'setValues' && op.sheet === SHEET);
    const moved = plan.ops.findIndex(
      (op) => op.op === 'clearRange' && op.range.left === 21 && op.range.top === 6 && op.range.bottom === 9,
    );
    expect(moved).toBeGreaterThan(-1);
    expect(moved).toBeLessThan(firstFlagWrite);
    expect(cells.get('6,19')).toBe('要因・分析');
  });

  it('never goes onto a cell the city wrote: a note in S pushes the comment columns to T:U', () => {
    const plan = planFor({ extra: [[8, 19, '※要確認']], width: 19 });
    const cells = writtenCells(plan);
    expect(cells.get('6,20')).toBe('要因・分析');
    expect(cells.has('8,19')).toBe(false);
  });

  it('with the setting off, keeps columns a clerk wrote in and takes back empty ones', () => {
    const kept = planFor(earlier(12, 19, [[7, 19, '相談件数は増えた']]), DEFAULT_SETTINGS);
    expect(writtenCells(kept).get('6,19')).toBe('要因・分析');
    const empty = planFor(earlier(12, 19, []), DEFAULT_SETTINGS);
    expect(writtenCells(empty).has('6,19')).toBe(false);
    expect(opsOf(empty, 'clearRange').some((op) => op.range.left === 19 && op.range.top === 6)).toBe(true);
    expect(opsOf(empty, 'addMark').some((op) => op.mark.name.startsWith('KPISHEET_COMMENTS_'))).toBe(false);
  });
});

describe('the summary: comments for each C/D KPI, and the change since the previous year', () => {
  const plan = planFor(
    earlier(12, 19, [
      [7, 19, '相談件数は増えたが開業は減った'],
      [7, 20, '創業塾を拡充する'],
    ]),
  );
  const summary = opsOf(plan, 'setValues').filter((op) => op.sheet === 'KPI評価サマリー');
  const texts = summary.flatMap((op) => op.values.flat());

  it('lists each follow-up KPI with its 要因・分析 and 今後の方向性, (未記入) where none', () => {
    // KPI in A, 要因・分析 across B:E (merged), 今後の方向性 across F:I.
    const rows = summary.flatMap((op) => op.values).filter((row) => row[0] === '創業者数 1 (年間)');
    expect(rows).toContainEqual([
      '創業者数 1 (年間)',
      '相談件数は増えたが開業は減った',
      null,
      null,
      null,
      '創業塾を拡充する',
    ]);
    expect(texts).toContain('創業塾を拡充する');
    expect(texts).toContain('(未記入)');
  });

  it('counts grade changes per 基本目標 (R5 → R6): 創業者数 1 fell from C to D', () => {
    expect(texts).toContain('前年度との比較 (R5 → R6)');
    const goal = summary.find((op) => op.values[0][0] === '1 浅口市の目標その1' && op.values[0].length === 5);
    // Per block: 創業者数 1 25→14人 (C → D), 2 25→39 (C → A), 3 25→33 (C → B).
    expect(goal?.values[0]).toEqual(['1 浅口市の目標その1', 2, 0, 1, 0]);
    const fallen = summary.find((op) => op.values[0][0] === 'KPI' && op.values[0][2] === '前年度');
    expect(fallen).toBeDefined();
    expect(texts).toContain('C 要努力');
  });
});
