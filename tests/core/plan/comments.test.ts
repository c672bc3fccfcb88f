import { evaluate } from '../../../src/core/evaluate';
import { planWrite } from '../../../src/core/plan';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { PROMPT_LIMITS } from '../../../src/core/types';
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

describe('comment columns: as wide as the longest word typed in them', () => {
  const widthsAt = (plan: WritePlan): readonly number[] | undefined =>
    opsOf(plan, 'setColumnWidths').find((op) => op.sheet === SHEET && op.firstCol === 19)?.widths;

  it('36 characters each for sentences, which wrap', () => {
    expect(
      widthsAt(planFor(earlier(12, 19, [[7, 19, '相談件数は増えたが、創業につながった件数は横ばい']]))),
    ).toEqual([36, 36]);
  });

  it('wider where an address typed there would otherwise break across lines, up to 60', () => {
    const url = 'https://www.city.asakuchi.lg.jp/soshiki/shoko/kpi-2024-report.html';
    const plan = planFor(earlier(12, 19, [[7, 20, `詳細は ${url} を参照`]]));
    expect(widthsAt(plan)).toEqual([36, 60]);
    // 40 characters: 41.5 with the cell's padding, so 42.
    const address = 'https://www.city.asakuchi.lg.jp/kpi.html';
    expect(widthsAt(planFor(earlier(12, 19, [[7, 19, `${address} を参照`]])))).toEqual([42, 36]);
  });
});

describe('comment columns: an input message on each, saying what to write', () => {
  const validationsIn = (plan: WritePlan, col: number) =>
    opsOf(plan, 'setDataValidation').filter((op) => op.sheet === SHEET && op.range.left === col);

  it('puts an any-value validation with the column’s prompt on the data cells of S and T, not on headers', () => {
    const plan = planFor({});
    for (const [col, title, words] of [
      [19, '要因・分析', /要因/u],
      [20, '今後の方向性', /今後どう取り組むか/u],
    ] as const) {
      const ops = validationsIn(plan, col);
      expect(ops.map((op) => op.range)).toEqual(TABLES.map((t) => range(t.first, col, t.last, col)));
      for (const op of ops) {
        expect(op.rule).toEqual({ type: 'anyValue' });
        expect(op.prompt?.title).toBe(title);
        expect(op.prompt?.message).toMatch(words);
        // The clerk learns the text stays.
        expect(op.prompt?.message).toContain('評価をやり直しても消えません');
      }
    }
  });

  it('keeps every prompt of the plan within Excel’s limits (title 32, message 255 characters)', () => {
    const prompts = opsOf(planFor({}), 'setDataValidation').flatMap((op) => (op.prompt ? [op.prompt] : []));
    expect(prompts.length).toBeGreaterThan(0);
    for (const prompt of prompts) {
      expect([...prompt.title].length).toBeLessThanOrEqual(PROMPT_LIMITS.title);
      expect([...prompt.message].length).toBeLessThanOrEqual(PROMPT_LIMITS.message);
      expect(prompt.title.trim()).not.toBe('');
    }
  });

  it('on a re-run in place, removes the earlier messages (by mark and by header) before writing them again', () => {
    const plan = planFor(earlier(12, 19, [[7, 19, '相談件数は増えた']]));
    const removals = plan.ops
      .map((op, index) => ({ op, index }))
      .filter(({ op }) => op.op === 'removeDataValidation' && op.range.left >= 19);
    // Each table: its comment mark S:T, then each found column.
    expect(removals.map(({ op }) => (op.op === 'removeDataValidation' ? op.range : null))).toEqual(
      expect.arrayContaining(
        TABLES.flatMap((t) => [
          range(t.header, 19, t.last, 20),
          range(t.header, 19, t.last, 19),
          range(t.header, 20, t.last, 20),
        ]),
      ),
    );
    const firstSet = plan.ops.findIndex((op) => op.op === 'setDataValidation');
    expect(Math.max(...removals.map((r) => r.index))).toBeLessThan(firstSet);
    expect(validationsIn(plan, 19)).toHaveLength(TABLES.length);
    // The clerk's cell is neither cleared nor written.
    expect(opsOf(plan, 'clearRange').some((op) => op.range.left <= 19 && op.range.right >= 19)).toBe(false);
    expect(writtenCells(plan).has('7,19')).toBe(false);
  });

  it('when the columns move (T:U → S:T), removes the messages at T:U and writes them on S:T', () => {
    const plan = planFor(earlier(13, 20, [[7, 21, '創業塾を拡充']]));
    const removed = opsOf(plan, 'removeDataValidation').map((op) => op.range);
    for (const t of TABLES) {
      expect(removed).toContainEqual(range(t.header, 20, t.last, 20));
      expect(removed).toContainEqual(range(t.header, 21, t.last, 21));
    }
    expect(validationsIn(plan, 19).map((op) => op.prompt?.title)).toEqual(TABLES.map(() => '要因・分析'));
    expect(validationsIn(plan, 20).map((op) => op.prompt?.title)).toEqual(TABLES.map(() => '今後の方向性'));
    // U holds no validation of ours now (S:T are written, Q is the 方向 list).
    expect(validationsIn(plan, 21)).toEqual([]);
    expect(writtenCells(plan).get('7,20')).toBe('創業塾を拡充');
  });

  it('with the setting off and nothing typed, takes the messages back with the columns', () => {
    const plan = planFor(earlier(12, 19, []), DEFAULT_SETTINGS);
    const removed = opsOf(plan, 'removeDataValidation').map((op) => op.range);
    for (const t of TABLES) expect(removed).toContainEqual(range(t.header, 19, t.last, 19));
    expect(opsOf(plan, 'setDataValidation').filter((op) => op.range.left >= 19)).toEqual([]);
  });

  it('with the setting off and a comment typed, keeps the columns and their messages', () => {
    const plan = planFor(earlier(12, 19, [[7, 19, '相談件数は増えた']]), DEFAULT_SETTINGS);
    expect(validationsIn(plan, 19)).toHaveLength(TABLES.length);
    expect(validationsIn(plan, 20)).toHaveLength(TABLES.length);
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
