/** The settings a city starts from: one preset per way cities print their grades (EVALUATION.md section 3). */
import type { GradeScale, Settings } from '../types';
import { ACHIEVED_SCALE, CIRCLE_SCALE, PROGRESS_SCALE, SABC_SCALE, STANDARD_SCALE } from './scale';

/** Name given to settings that no longer match any preset. */
export const CUSTOM_PRESET = 'カスタム';

/** 標準: A–D on 達成率 with 100 / 80 / 60, as 宇陀市 prints them. */
const STANDARD: Settings = {
  preset: '標準',
  basis: 'achievement',
  scale: STANDARD_SCALE,
  interimPath: true,
  trendTolerance: 0,
  evaluationYear: null,
  rowTint: true,
  paperSize: 'A4',
};

function preset(name: string, basis: Settings['basis'], scale: GradeScale): Settings {
  return { ...STANDARD, preset: name, basis, scale };
}

/** Preset order is the order the pane offers them. */
export const PRESETS: Readonly<Record<string, Settings>> = {
  [STANDARD.preset]: STANDARD,
  /** 進捗率: progress from the baseline towards the target, with 100 / 80 / 50. */
  進捗率: preset('進捗率', 'progress', PROGRESS_SCALE),
  /** ◎ 達成 / ○ 概ね順調 / △ 要努力 / × 遅れ on 達成率 100 / 80 / 60. */
  '◎○△×': preset('◎○△×', 'achievement', CIRCLE_SCALE),
  /** S 大きく上回る (120 %) / A 達成 / B 概ね順調 (80 %) / C 遅れ on 達成率. */
  'S/A/B/C': preset('S/A/B/C', 'achievement', SABC_SCALE),
  /** ○ 達成 / × 未達成. */
  '達成/未達成': preset('達成/未達成', 'achievement', ACHIEVED_SCALE),
};

export const DEFAULT_SETTINGS: Settings = STANDARD;

/**
 * The settings with a preset chosen: the preset's judging settings (basis, scale, trend tolerance) replace
 * these, and the rest stays as the workbook saved it: the year, the sheet's look and paper, 按分目標, the
 * meeting columns, and what the user told the add-in about the sheet (column mappings, the previous year,
 * the rows' directions), which a change of grading must not take away. null: no such preset.
 */
export function withPreset(settings: Settings, name: string): Settings | null {
  const chosen = PRESETS[name];
  if (!chosen) return null;
  const { preset, basis, scale, trendTolerance } = chosen;
  return { ...settings, preset, basis, scale, trendTolerance };
}

export function presetNames(): readonly string[] {
  return Object.keys(PRESETS);
}

function sameScale(a: GradeScale, b: GradeScale): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The preset whose basis and scale these settings have, else カスタム (a city edited a level). */
export function presetNameFor(settings: Pick<Settings, 'basis' | 'scale'>): string {
  const match = Object.values(PRESETS).find(
    (p) => p.basis === settings.basis && sameScale(p.scale, settings.scale),
  );
  return match?.preset ?? CUSTOM_PRESET;
}
