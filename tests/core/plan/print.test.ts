/**
 * Print that a reviewer can read: how the plan lays out the printed pages of the KPI sheet and
 * the summary sheet, the legend, and the paper choice from the command line and from the pane.
 */
import { parseEvaluateArgs } from '../../../src/cli/options';
import { evaluate } from '../../../src/core/evaluate';
import { planWrite } from '../../../src/core/plan';
import { legendEntries } from '../../../src/core/plan/legend';
import { pageBody } from '../../../src/core/plan/page-geometry';
import { MIN_PRINT_SCALE, packedRowBreaks } from '../../../src/core/plan/print';
import { gradeFill } from '../../../src/core/plan/palette';
import { withRateThresholds } from '../../../src/core/settings';
import { SUMMARY_WIDTHS } from '../../../src/core/plan/summary-sheet';
import type { SummaryTable } from '../../../src/core/plan/summary-cursor';
import { SheetWriter, writeTable } from '../../../src/core/plan/summary-writer';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { Block, PageLayout, Settings, TableRegion, WriteOp, WritePlan } from '../../../src/core/types';
import { buildSample, SHEET } from './sample';

const NOW = new Date('2026-11-21T02:30:00Z');
const SUMMARY = 'KPI評価サマリー';
/** 浅口市's own column widths (A–K). */
const CITY_WIDTHS = [24, 28, 44, 16, 11, 11, 11, 11, 11, 11, 11];

function planWith(settings: Settings, kpiRows = 3, blocks = 2): WritePlan {
  const sample = buildSample({ kpiRows, blocks });
  const grid = { ...sample.grid, columnWidths: CITY_WIDTHS };
  return planWrite({ grid, sheet: sample.sheet, evaluation: evaluate(sample.sheet, settings), now: NOW });
}

function layoutOf(plan: WritePlan, sheet: string): PageLayout {
  const op = plan.ops.find((o) => o.op === 'setPageLayout' && o.sheet === sheet);
  if (!op || op.op !== 'setPageLayout') throw new Error(`no page layout for ${sheet}`);
  return op.layout;
}

function table(headerTop: number, lastRow: number): TableRegion {
  return { headerTop, headerRow: headerTop, firstRow: headerTop + 1, lastRow, firstCol: 1, lastCol: 11 };
}

/** A block from `firstRow`: its headline table, a blank row, then its KPI table from `kpiTop`. */
function block(firstRow: number, kpiTop: number, lastRow: number): Block {
  return {
    goal: `${firstRow}`,
    goalNumber: null,
    firstRow,
    headlines: [],
    kpis: [],
    headlineTable: table(firstRow, firstRow + 1),
    kpiTable: table(kpiTop, lastRow),
  };
}

describe('the KPI sheet prints as wide as keeps it legible', () => {
  it('on A4, 浅口市 sheet and flags are too wide for one page: two pages wide, the KPI names repeated', () => {
    const layout = layoutOf(planWith(DEFAULT_SETTINGS), SHEET);
    expect(layout).toMatchObject({
      paperSize: 'A4',
      orientation: 'landscape',
      fitToWidth: true,
      pagesWide: 2,
      // The city's 施策の枠組み, 具体的な施策 and KPI columns print again left of the flags.
      titleColumns: { first: 1, last: 3 },
      // The flags (from L) start the second page.
      columnBreaks: [12],
      pageOrder: 'overThenDown',
      titleRows: null,
    });
  });

  it('on A3 the same sheet fits one page wide at a legible scale', () => {
    const layout = layoutOf(planWith({ ...DEFAULT_SETTINGS, paperSize: 'A3' }), SHEET);
    expect(layout).toMatchObject({ paperSize: 'A3', pagesWide: 1, titleColumns: null, columnBreaks: [] });
    const widths = [...CITY_WIDTHS, 13, 8, 8, 5, 11, 5, 30];
    expect(pageBody('A3', widths).scale).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
    expect(pageBody('A4', widths).scale).toBeLessThan(MIN_PRINT_SCALE);
  });

  it('grows the rows of every table to fit their wrapped text, the city’s and the flags’', () => {
    const sample = buildSample({ blocks: 2 });
    const fits = planWith(DEFAULT_SETTINGS).ops.filter((op) => op.op === 'fitRowHeights');
    const tables = sample.sheet.blocks.flatMap((b) => [b.headlineTable!, b.kpiTable!]);
    expect(fits).toEqual(
      tables.map((t) => ({
        op: 'fitRowHeights',
        sheet: SHEET,
        range: { top: t.headerTop, left: 1, bottom: t.lastRow, right: 18 },
      })),
    );
  });
});

describe('the KPI sheet breaks pages only where a block does not fit', () => {
  const area = { top: 1, left: 1, bottom: 60, right: 18 };
  const rowsOf = (heights: Record<number, number>) => (row: number) => heights[row] ?? 10;

  it('blocks that fit share a page; the next starts a page when this one is at least half full', () => {
    // Three blocks of 20 rows at 10 points on pages of 500: 200 + 200 fit, the third does not.
    const blocks = [block(1, 4, 20), block(21, 24, 40), block(41, 44, 60)];
    expect(packedRowBreaks(blocks, area, 500, rowsOf({}))).toEqual([41]);
  });

  it('a block that would leave a page mostly empty runs on, its KPI table starting the next page', () => {
    // Block 1 takes 150 of 500; block 2 (headline 50, KPI table 400) does not fit whole.
    const blocks = [block(1, 4, 15), block(16, 21, 60)];
    const heights = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [21 + i, 10]));
    expect(packedRowBreaks(blocks, area, 500, rowsOf(heights))).toEqual([21]);
  });

  it('a block taller than a page breaks before its KPI table and runs on from there', () => {
    const blocks = [block(1, 4, 60)];
    expect(packedRowBreaks(blocks, area, 300, rowsOf({}))).toEqual([4]);
  });

  it('never breaks before the first row', () => {
    expect(packedRowBreaks([block(1, 4, 20)], area, 100, rowsOf({}))).not.toContain(1);
  });
});

describe('the KPI sheet’s footer explains its marks on every page', () => {
  it('has the legend left, the page and the year right, within Excel’s 255 characters', () => {
    const { footer } = layoutOf(planWith(DEFAULT_SETTINGS), SHEET);
    expect(footer).toMatch(/^&L&9凡例: /);
    for (const mark of ['A 緑', 'D 赤', '↗', '→', '↘', '↑', '↓', '(R5)', '廃止'])
      expect(footer).toContain(mark);
    expect(footer).toContain('&R&9&P / &N  R6年度評価 (2026-11-21)');
    expect(footer.length).toBeLessThanOrEqual(255);
  });

  it('puts the legend on three short lines, so at 100 % it stays clear of the page number', () => {
    const { footer } = layoutOf(planWith(DEFAULT_SETTINGS), SHEET);
    const left = footer.slice(0, footer.indexOf('&R'));
    const lines = left.split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
  });
});

describe('the summary sheet lays out its own pages', () => {
  // 40 KPI rows in each of 2 blocks: a follow-up list longer than a page.
  const plan = planWith(DEFAULT_SETTINGS, 40, 2);
  const layout = layoutOf(plan, SUMMARY);
  const ops = plan.ops.filter((op) => 'sheet' in op && op.sheet === SUMMARY);
  const valuesAt = new Map<number, readonly unknown[]>();
  for (const op of ops)
    if (op.op === 'setValues') op.values.forEach((row, i) => valuesAt.set(op.row + i, row));
  const heights = new Map<number, number>();
  for (const op of ops as WriteOp[]) {
    if (op.op !== 'setStyle' || op.style.rowHeight === undefined) continue;
    for (let row = op.range.top; row <= op.range.bottom; row++) heights.set(row, op.style.rowHeight);
  }

  it('gives every row its height, so the pages are what the plan counted', () => {
    for (let row = 1; row <= layout.printArea.bottom; row++) expect(heights.has(row)).toBe(true);
  });

  it('fits every page: the rows between two breaks take no more than a page holds', () => {
    const capacity = pageBody('A4', SUMMARY_WIDTHS).height;
    const edges = [1, ...layout.rowBreaks, layout.printArea.bottom + 1];
    for (let i = 0; i + 1 < edges.length; i++) {
      let sum = 0;
      for (let row = edges[i]; row < edges[i + 1]; row++) sum += heights.get(row) ?? 0;
      expect(sum).toBeLessThanOrEqual(capacity);
    }
  });

  it('repeats a table’s heading and header row on the page it continues on', () => {
    const continued = layout.rowBreaks.filter((row) => String(valuesAt.get(row)?.[0]).endsWith('(続き)'));
    expect(continued.length).toBeGreaterThan(0);
    // The long lists: 要フォローアップ, and 前年度から判定が下がった KPI (40 KPIs fell in each block).
    const headers = new Map<string, readonly unknown[]>([
      [
        '要フォローアップ (C・D 判定) (続き)',
        ['KPI', '担当課', '判定', '最新値', '目標値', '差', '基本目標', '行'],
      ],
      ['前年度から判定が下がった KPI (続き)', ['KPI', '担当課', '前年度', '今年度', '基本目標', '行']],
      // The legend comes last; with rows of 19 points it may run onto the next page.
      ['凡例 (このブックの記号と色) (続き)', ['記号・色', '意味']],
    ]);
    expect(continued.map((row) => valuesAt.get(row)?.[0])).toContain('要フォローアップ (C・D 判定) (続き)');
    for (const row of continued) {
      const heading = String(valuesAt.get(row)?.[0]);
      expect([...headers.keys()]).toContain(heading);
      expect(valuesAt.get(row + 1)).toEqual(headers.get(heading));
    }
    // Every other break starts a table with its own heading.
    for (const row of layout.rowBreaks.filter((r) => !continued.includes(r))) {
      expect([
        '基本目標別',
        '前年度から判定が下がった KPI',
        '担当課別',
        '要フォローアップ (C・D 判定)',
        'データの確認事項 (元の表のセル)',
        '凡例 (このブックの記号と色)',
      ]).toContain(valuesAt.get(row)?.[0]);
    }
  });

  it('ends with a legend of every mark and colour the add-in writes, grades on their own colours', () => {
    const marks = legendEntries(DEFAULT_SETTINGS).map((e) => e.mark);
    expect(marks).toEqual(
      expect.arrayContaining([
        'A 達成',
        'B 概ね順調',
        'C 要努力',
        'D 遅れ',
        'X 評価不能',
        '廃止',
        '行の淡い色',
      ]),
    );
    expect(marks).toEqual(
      expect.arrayContaining([
        '最新値 (R5)',
        '達成率',
        '進捗率',
        '按分目標',
        '傾向 ↗ → ↘',
        '方向 ↑ ↓',
        '達成割合',
        '差',
      ]),
    );
    const legendRow = [...valuesAt].find(
      ([, v]) => v[0] === 'A 達成' && v[1] !== undefined && String(v[1]).includes('以上'),
    );
    expect(legendRow).toBeDefined();
    const swatch = ops.find(
      (op) =>
        op.op === 'setStyle' &&
        op.range.top === legendRow![0] &&
        op.range.left === 1 &&
        op.style.fill !== undefined,
    );
    expect(swatch && swatch.op === 'setStyle' && swatch.style.fill).toBe(
      gradeFill(DEFAULT_SETTINGS.scale, 'A').fill,
    );
  });

  it('says the thresholds the city chose', () => {
    const scale = withRateThresholds(DEFAULT_SETTINGS.scale, [100, 85, 50]);
    if (!scale) throw new Error('the standard scale takes three thresholds');
    const meanings = legendEntries({ ...DEFAULT_SETTINGS, scale }).map((e) => e.meaning);
    expect(meanings).toContain('達成率 85% 以上 100% 未満');
    expect(meanings).toContain('達成率 50% 未満');
  });

  it('leaves the row tint out of the legend when the tint is off', () => {
    expect(legendEntries({ ...DEFAULT_SETTINGS, rowTint: false }).map((e) => e.mark)).not.toContain(
      '行の淡い色',
    );
  });
});

describe('a summary table that does not fit where it starts', () => {
  // A page of 600 points, of which `used` are taken in rows of 20; the table's rows, heading and header
  // are 19 points each.
  const table = (rows: number): SummaryTable => ({
    heading: '凡例',
    header: ['記号・色', '意味'],
    styleHeader: () => undefined,
    rows: Array.from({ length: rows }, (_, i) => [`記号${i}`, '意味']),
    heights: Array<number>(rows).fill(19),
    styleRows: () => undefined,
    empty: '該当なし',
  });
  const writeAfter = (used: number, rows: number): SheetWriter => {
    const w = new SheetWriter('KPI評価サマリー', 600, 9);
    for (let i = 0; i < used / 20; i++) w.advance(20);
    writeTable(w, table(rows));
    return w;
  };

  it('runs on to the next page, its heading repeated, when it is longer than a page', () => {
    // 400 points left of 600; 19 + 19 + 30 × 19 = 608 fits on no page.
    const w = writeAfter(200, 30);
    expect(w.rowBreaks).toHaveLength(1);
    expect(w.rowBreaks[0]).toBeGreaterThan(11 + 2);
  });

  it('longer than a page, leaves at least three of its rows for its last page', () => {
    // Page 1 holds 19 of the 50 rows (38 + 19 × 19 of 400 points), page 2 would hold 29 (38 + 29 × 19 of
    // 600), which leaves 2 for page 3: page 2 gives it one more.
    const w = writeAfter(200, 50);
    expect(w.rowBreaks).toHaveLength(2);
    const lastPageRows = w.row - w.rowBreaks[1] - 2;
    expect(lastPageRows).toBe(3);
  });

  it('starts a new page instead of leaving only its last rows to the next one', () => {
    // 400 points left: 19 + 19 + 20 × 19 = 418, so its last row would print alone on the next page.
    const w = writeAfter(200, 20);
    expect(w.rowBreaks).toEqual([11]);
  });
});

describe('kpi-sheet evaluate --paper and the pane’s paper choice give the same print', () => {
  const printOps = (plan: WritePlan) => plan.ops.filter((op) => op.op === 'setPageLayout');

  it.each(['A4', 'A3'] as const)('--paper %s plans what the pane’s same choice does', (paper) => {
    const args = parseEvaluateArgs(['in.xlsx', '--paper', paper]);
    if (!args.ok || args.value.help) throw new Error('bad arguments');
    expect(args.value.settings.paperSize).toBe(paper);
    // The preset stays: the paper is a print choice, not a judging one.
    expect(args.value.settings.preset).toBe(DEFAULT_SETTINGS.preset);
    // The pane saves its choice into the settings the same way (pane.ts: `{ ...current(), paperSize }`).
    const fromPane: Settings = { ...DEFAULT_SETTINGS, paperSize: paper };
    expect(printOps(planWith(args.value.settings))).toEqual(printOps(planWith(fromPane)));
  });

  it('refuses another paper with a Japanese message', () => {
    expect(parseEvaluateArgs(['in.xlsx', '--paper', 'B4'])).toEqual({
      ok: false,
      message: '--paper の値が不正です: B4 (A4 か A3)',
    });
    const fullWidth = parseEvaluateArgs(['in.xlsx', '--paper', 'ａ３']);
    expect(fullWidth.ok && !fullWidth.value.help && fullWidth.value.settings.paperSize).toBe('A3');
  });
});
