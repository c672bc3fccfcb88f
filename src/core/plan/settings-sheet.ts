/**
 * The settings used, saved in the workbook so the next person who opens it gets the same judgement:
 * a very hidden sheet with the JSON in A1.
 */
import { serializeSettings } from '../settings';
import type { Settings, WriteOp } from '../types';
import { rangeOf } from '../a1';

export const SETTINGS_SHEET = 'KPI評価_設定';

/** The one cell the settings live in; the `KPISHEET_SETTINGS` mark names it. */
export const SETTINGS_CELL = rangeOf(1, 1, 1, 1);

export function settingsSheetOps(sheet: string, settings: Settings): WriteOp[] {
  return [
    { op: 'addSheet', sheet, visibility: 'veryHidden' },
    { op: 'setValues', sheet, row: 1, col: 1, values: [[serializeSettings(settings)]] },
  ];
}
