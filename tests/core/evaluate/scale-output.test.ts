/**
 * Flags, conditional formats and the summary sheet follow the settings' scale; extreme rates
 * print capped in cells and stay exact in the evaluation.
 */
import { evaluate } from '../../../src/core/evaluate';
import { flagValuesFor, planWrite } from '../../../src/core/plan';
import { gradeFill, gradeTint } from '../../../src/core/plan/palette';
import { SUMMARY_SHEET, summarySheetOps } from '../../../src/core/plan/summary-sheet';
import { PUBLISHED_VERDICTS } from '../../../scripts/fixtures/published-verdicts';
import { kpiOf } from './city-table';
import { DEFAULT_SETTINGS, PRESETS, STANDARD_SCALE } from '../../../src/core/settings';
import type { Settings, WriteOp, WritePlan } from '../../../src/core/types';
import { buildSample, SHEET } from '../plan/sample';
import { kpi, num, sheetOf } from './build';

const NOW = new Date('2026-11-21T02:30:00Z');

function planOf(settings: Settings): WritePlan {
  const sample = buildSample();
  const evaluation = evaluate(sample.sheet, settings);
  return planWrite({ grid: sample.grid, sheet: sample.sheet, evaluation, now: NOW });
}

function opsOf<K extends WriteOp['op']>(plan: WritePlan, kind: K): Extract<WriteOp, { op: K }>[] {
  return plan.ops.filter((op): op is Extract<WriteOp, { op: K }> => op.op === kind);
}

function valuesOn(plan: WritePlan, sheet: string): unknown[] {
  return opsOf(plan, 'setValues')
    .filter((op) => op.sheet === sheet)
    .flatMap((op) => op.values.flat());
}

describe('the sheet follows the scale', () => {
  const circles = planOf(PRESETS['◎○△×']);

  it('判定 cells carry the scale’s symbols and labels', () => {
    const texts = valuesOn(circles, SHEET).filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('◎ 達成');
    expect(texts).toContain('× 遅れ');
    expect(texts.some((t) => /^[ABCD] /.test(t))).toBe(false);
  });

  it('one fill rule per symbol of the scale, in the scale’s colours', () => {
    const rules = opsOf(circles, 'addConditionalFormat')
      .filter((op) => op.sheet === SHEET && op.rule.type === 'formula')
      .map((op) =>
        op.rule.type === 'formula'
          ? [op.rule.formula.replace(/\$[A-Z]+\d+/, '$cell'), op.rule.style.fill]
          : [],
      );
    expect(rules).toContainEqual(['LEFT($cell,1)="◎"', '#C6EFCE']);
    expect(rules).toContainEqual(['LEFT($cell,1)="×"', '#FFC7CE']);
    expect(rules).toContainEqual(['LEFT($cell,2)="廃止"', '#D9D9D9']);
    expect(rules.some((r) => r[0] === 'LEFT($cell,1)="A"')).toBe(false);
  });

  it('the summary sheet counts per symbol and lists the scale’s follow-up levels', () => {
    const texts = valuesOn(circles, SUMMARY_SHEET).filter((v): v is string => typeof v === 'string');
    expect(texts).toEqual(
      expect.arrayContaining(['◎ 達成', '○ 概ね順調', '△ 要努力', '× 遅れ', 'X 評価不能', '廃止']),
    );
    expect(texts).toContain('要フォローアップ (△・× 判定)');
    expect(texts.find((t) => t.startsWith('評価基準: '))).toBe(
      '評価基準: ◎○△× — 達成率で判定 (◎ 100%以上 / ○ 80%以上 / △ 60%以上 / × それ以外)、按分目標: 使う',
    );
  });

  it('the summary sheet counts the 数値目標 apart from the KPIs', () => {
    const texts = valuesOn(planOf(DEFAULT_SETTINGS), SUMMARY_SHEET).filter(
      (v): v is string => typeof v === 'string',
    );
    expect(texts.find((t) => t.startsWith('数値目標 (KPI とは別に集計)'))).toMatch(
      /^数値目標 \(KPI とは別に集計\): 判定 \d+ 件、A \d+ ・ B \d+ ・ C \d+ ・ D \d+ ・ X \d+、達成割合/,
    );
  });

  it('a two-level scale gives a narrower count table: 達成割合 right after 廃止', () => {
    const plan = planOf(PRESETS['達成/未達成']);
    const header = opsOf(plan, 'setValues').find(
      (op) => op.sheet === SUMMARY_SHEET && op.values[0]?.[1] === '判定数',
    );
    expect(header?.values[0]).toEqual([
      '基本目標',
      '判定数',
      '○ 達成',
      '× 未達成',
      'X 評価不能',
      '廃止',
      '達成割合',
    ]);
  });
});

describe('colours', () => {
  it('preset fills keep Excel’s text colours and tints', () => {
    expect(gradeFill(STANDARD_SCALE, 'D')).toEqual({ fill: '#FFC7CE', fontColor: '#9C0006' });
    expect(gradeTint(STANDARD_SCALE, 'A')).toEqual({ fill: '#EEF8F0' });
  });
  it('a city’s own colour gets a dark text of its hue and a light tint', () => {
    const scale = {
      ...STANDARD_SCALE,
      levels: STANDARD_SCALE.levels.map((l, i) => (i === 0 ? { ...l, color: '#00B0F0' } : l)),
    };
    expect(gradeFill(scale, 'A')).toEqual({ fill: '#00B0F0', fontColor: '#003E54' });
    expect(gradeTint(scale, 'A')).toEqual({ fill: '#A6E3FA' });
  });
});

describe('extreme rates print capped, and stay exact in the evaluation', () => {
  const huge = kpi({
    row: 3,
    name: '視察受入件数',
    baseline: num(1, '件'),
    actuals: [0, 0, 0, 0, 2500].map((v) => num(v, '件')),
    target: num(20, '件'),
  });
  const sunk = kpi({
    row: 4,
    name: '来訪者数',
    baseline: num(100, '人'),
    actuals: [0, 0, 0, 0, -1000].map((v) => num(v, '人')),
    target: num(101, '人'),
  });

  it('above 999 %: `999%超` in the cell, 125 (12,500 %) in the evaluation; below −999 %: `−999%未満`', () => {
    const judged = evaluate(
      {
        sheet: 'KPI',
        title: null,
        diagnostics: [],
        blocks: [
          {
            goal: '1',
            goalNumber: 1,
            firstRow: 3,
            headlines: [],
            kpis: [huge, sunk],
            headlineTable: null,
            kpiTable: null,
          },
        ],
      },
      DEFAULT_SETTINGS,
    ).kpis;
    expect(judged[0].achievementRate).toBe(125);
    expect(flagValuesFor(judged[0], DEFAULT_SETTINGS)[1]).toBe('999%超');
    expect(judged[1].progressRate).toBe(-1100);
    expect(flagValuesFor(judged[1], DEFAULT_SETTINGS)[2]).toBe('−999%未満');
    // Within the cap (−990 %) the cell keeps the fraction.
    expect(flagValuesFor(judged[1], DEFAULT_SETTINGS)[1]).toBeCloseTo(-1000 / 101, 9);
  });
});

describe('the summary sheet lists the city’s verdicts that differ from ours', () => {
  it('a 照合 heading with the counts, then one row per disagreement: reason, cell, year, theirs, ours', () => {
    const up = { ...kpiOf(PUBLISHED_VERDICTS, 1), directionChoice: 'up' as const };
    const kpiSheet = sheetOf(up);
    const evaluation = evaluate(kpiSheet, DEFAULT_SETTINGS);
    const { ops } = summarySheetOps({ sheetName: SUMMARY_SHEET, kpiSheet, evaluation, now: NOW });
    const rows = ops.flatMap((op) => (op.op === 'setValues' ? op.values : []));
    expect(rows).toContainEqual(['市の評価との照合: 6 件中 0 件一致、6 件不一致']);
    const first = rows.find((r) => r[1] === 'H6');
    expect(first?.slice(1)).toEqual(['H6', 'H28', '90.9%', '110%']);
    expect(String(first?.[0])).toMatch(
      /^社会減の数 \(年間\): 当方: 実績 330人 \(H28\)、目標 300、増加を目指す、達成率 110% → A/,
    );
  });

  it('nothing about verdicts when the table carries none', () => {
    const kpiSheet = sheetOf(kpi({ row: 3, name: '件数', actuals: [num(1, '件')], target: num(2, '件') }));
    const { ops } = summarySheetOps({
      sheetName: SUMMARY_SHEET,
      kpiSheet,
      evaluation: evaluate(kpiSheet, DEFAULT_SETTINGS),
      now: NOW,
    });
    const texts = ops.flatMap((op) => (op.op === 'setValues' ? op.values.flat() : []));
    expect(texts.some((t) => typeof t === 'string' && t.startsWith('市の評価との照合'))).toBe(false);
  });
});
