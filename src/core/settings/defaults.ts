/** The settings a city starts from: the presets and the default grade labels. */
import type { Grade, Settings } from '../types';

/** Labels printed beside each grade code; a city may rename them, the codes never change. */
export const GRADE_LABELS: Readonly<Record<Grade, string>> = {
  A: '達成',
  B: '概ね順調',
  C: '要努力',
  D: '遅れ',
  X: '評価不能',
  廃止: '廃止',
};

/** Name given to settings that no longer match any preset. */
export const CUSTOM_PRESET = 'カスタム';

/** 標準: achievement rate with 100 / 80 / 60, as 宇陀市 prints them. */
const STANDARD: Settings = {
  preset: '標準',
  basis: 'achievement',
  thresholds: { a: 100, b: 80, c: 60 },
  labels: GRADE_LABELS,
  interimPath: true,
  trendTolerance: 0,
  evaluationYear: null,
  rowTint: true,
  paperSize: 'A4',
};

/** 進捗率: progress from the baseline towards the target, with 100 / 80 / 50. */
const PROGRESS: Settings = {
  ...STANDARD,
  preset: '進捗率',
  basis: 'progress',
  thresholds: { a: 100, b: 80, c: 50 },
};

export const PRESETS: Readonly<Record<string, Settings>> = {
  [STANDARD.preset]: STANDARD,
  [PROGRESS.preset]: PROGRESS,
};

export const DEFAULT_SETTINGS: Settings = STANDARD;

export function presetNames(): readonly string[] {
  return Object.keys(PRESETS);
}
