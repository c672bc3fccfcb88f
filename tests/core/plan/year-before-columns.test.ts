import { evaluate } from '../../../src/core/evaluate';
import { planWrite } from '../../../src/core/plan';
import { DEFAULT_SETTINGS, parseSettings, serializeSettings } from '../../../src/core/settings';
import type { Settings, WriteOp, WritePlan } from '../../../src/core/types';
import { buildSample, SHEET } from './sample';

const NOW = new Date('2026-11-21T02:30:00Z');

function planFor(settings: Settings): WritePlan {
  const sample = buildSample();
  return planWrite({ ...sample, evaluation: evaluate(sample.sheet, settings), now: NOW });
}

function valueAt(plan: WritePlan, row: number, col: number): unknown {
  let found: unknown;
  for (const op of plan.ops) {
    if (op.op !== 'setValues' || op.sheet !== SHEET) continue;
    const v = op.values[row - op.row]?.[col - op.col];
    if (v !== undefined) found = v;
  }
  return found;
}

const marks = (plan: WritePlan) =>
  plan.ops
    .filter((op): op is Extract<WriteOp, { op: 'addMark' }> => op.op === 'addMark')
    .map((op) => op.mark);

describe('year-before columns: 前年度判定 and 前年比 right of 備考, with the setting', () => {
  const plan = planFor({ ...DEFAULT_SETTINGS, previousYearColumns: true });

  it('heads S and T and writes each KPI’s R5 grade and its change to R6', () => {
    expect([valueAt(plan, 6, 19), valueAt(plan, 6, 20)]).toEqual(['前年度判定', '前年比']);
    // 創業者数 1: 25人 (R5, C) → 14人 (R6, D); 2: 25 → 39人 (A); 3: 25 → 33人 (B).
    expect([valueAt(plan, 7, 16), valueAt(plan, 7, 19), valueAt(plan, 7, 20)]).toEqual([
      'D 遅れ',
      'C 要努力',
      '低下',
    ]);
    expect([valueAt(plan, 8, 19), valueAt(plan, 8, 20)]).toEqual(['C 要努力', '上昇']);
    expect([valueAt(plan, 9, 19), valueAt(plan, 9, 20)]).toEqual(['C 要努力', '上昇']);
  });

  it('lies inside the flags’ mark, so a re-run rewrites it', () => {
    const flags = marks(plan).filter((m) => m.name.startsWith('KPISHEET_FLAGS_'));
    expect(flags.every((m) => m.range.left === 12 && m.range.right === 20)).toBe(true);
  });

  it('colours a fall red and a rise green', () => {
    const rules = plan.ops.filter(
      (op): op is Extract<WriteOp, { op: 'addConditionalFormat' }> =>
        op.op === 'addConditionalFormat' && op.range.left === 20,
    );
    expect(
      rules.map((op) => (op.rule.type === 'textEquals' ? [op.rule.text, op.rule.style.fill] : null)),
    ).toContainEqual(['低下', '#FFC7CE']);
  });

  it('is not written without the setting, and the setting survives the workbook round trip', () => {
    expect(valueAt(planFor(DEFAULT_SETTINGS), 6, 19)).toBeUndefined();
    const saved = serializeSettings({ ...DEFAULT_SETTINGS, previousYearColumns: true, commentColumns: true });
    expect(parseSettings(saved)).toEqual({
      settings: { ...DEFAULT_SETTINGS, previousYearColumns: true, commentColumns: true },
      problems: [],
    });
    expect(parseSettings('{"previousYearColumns":"yes"}').problems).toEqual([
      '設定「previousYearColumns」が不正なため既定値 (オフ) を使います',
    ]);
  });
});
