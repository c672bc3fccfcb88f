/**
 * Settings as a host stores them in the workbook (JSON text). Whatever is wrong or missing falls back to the
 * default field by field, and each fallback is reported in Japanese so the user knows what was not applied.
 */
import type { Grade, GradeBasis, PaperSize, Settings, Thresholds } from '../types';
import { DEFAULT_SETTINGS, GRADE_LABELS, PRESETS } from './defaults';

export interface ParsedSettings {
  settings: Settings;
  problems: string[];
}

const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D', 'X', '廃止'];
const BASES: readonly GradeBasis[] = ['achievement', 'progress'];
const PAPER_SIZES: readonly PaperSize[] = ['A4', 'A3'];

type Fields = Readonly<Record<string, unknown>>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function fallback(field: string, shown: string): string {
  return `設定「${field}」が不正なため既定値 (${shown}) を使います`;
}

function describeThresholds(t: Thresholds): string {
  return `${t.a}/${t.b}/${t.c}`;
}

/** Thresholds in percent points, descending: a ≥ b ≥ c ≥ 0. */
export function validThresholds(value: unknown): Thresholds | null {
  if (!isFields(value)) return null;
  const { a, b, c } = value;
  if (!isFiniteNumber(a) || !isFiniteNumber(b) || !isFiniteNumber(c)) return null;
  if (!(a >= b && b >= c && c >= 0)) return null;
  return { a, b, c };
}

/** A fiscal year as the Gregorian year it starts in, within a sane range for these tables. */
export function validYear(value: unknown): number | null {
  return isFiniteNumber(value) && Number.isInteger(value) && value >= 1989 && value <= 2200 ? value : null;
}

function parseJson(json: unknown, problems: string[]): unknown {
  if (typeof json !== 'string') return json;
  if (json.trim() === '') return {};
  try {
    return JSON.parse(json);
  } catch {
    problems.push('保存された設定を JSON として読めないため、既定の設定を使います');
    return {};
  }
}

function parseLabels(value: unknown, base: Settings['labels'], problems: string[]): Settings['labels'] {
  if (value === undefined) return base;
  if (!isFields(value)) {
    problems.push(fallback('labels', '達成 / 概ね順調 / 要努力 / 遅れ / 評価不能 / 廃止'));
    return base;
  }
  const labels: Record<Grade, string> = { ...base };
  for (const grade of GRADES) {
    const label = value[grade];
    if (label === undefined) continue;
    if (typeof label === 'string' && label.trim() !== '') labels[grade] = label.trim();
    else problems.push(fallback(`labels.${grade}`, GRADE_LABELS[grade]));
  }
  return labels;
}

export function parseSettings(json: unknown): ParsedSettings {
  const problems: string[] = [];
  const data = parseJson(json, problems);
  if (!isFields(data)) {
    problems.push('保存された設定の形式が不正なため、既定の設定を使います');
    return { settings: DEFAULT_SETTINGS, problems };
  }

  let base = DEFAULT_SETTINGS;
  let preset = DEFAULT_SETTINGS.preset;
  if (data.preset !== undefined) {
    if (typeof data.preset === 'string' && data.preset.trim() !== '') {
      preset = data.preset.trim();
      base = PRESETS[preset] ?? DEFAULT_SETTINGS;
    } else {
      problems.push(fallback('preset', DEFAULT_SETTINGS.preset));
    }
  }

  let basis = base.basis;
  if (data.basis !== undefined) {
    if (BASES.includes(data.basis as GradeBasis)) basis = data.basis as GradeBasis;
    else problems.push(fallback('basis', base.basis === 'achievement' ? '達成率' : '進捗率'));
  }

  let thresholds = base.thresholds;
  if (data.thresholds !== undefined) {
    const valid = validThresholds(data.thresholds);
    if (valid) thresholds = valid;
    else problems.push(fallback('thresholds', describeThresholds(base.thresholds)));
  }

  let interimPath = base.interimPath;
  if (data.interimPath !== undefined) {
    if (typeof data.interimPath === 'boolean') interimPath = data.interimPath;
    else problems.push(fallback('interimPath', base.interimPath ? 'オン' : 'オフ'));
  }

  let trendTolerance = base.trendTolerance;
  if (data.trendTolerance !== undefined) {
    const t = data.trendTolerance;
    if (isFiniteNumber(t) && t >= 0 && t < 1) trendTolerance = t;
    else problems.push(fallback('trendTolerance', String(base.trendTolerance)));
  }

  let evaluationYear = base.evaluationYear;
  if (data.evaluationYear !== undefined && data.evaluationYear !== null) {
    const year = validYear(data.evaluationYear);
    if (year !== null) evaluationYear = year;
    else problems.push(fallback('evaluationYear', '実績のある最新年度'));
  }

  let rowTint = base.rowTint;
  if (data.rowTint !== undefined) {
    if (typeof data.rowTint === 'boolean') rowTint = data.rowTint;
    else problems.push(fallback('rowTint', base.rowTint ? 'オン' : 'オフ'));
  }

  let paperSize = base.paperSize;
  if (data.paperSize !== undefined) {
    if (PAPER_SIZES.includes(data.paperSize as PaperSize)) paperSize = data.paperSize as PaperSize;
    else problems.push(fallback('paperSize', base.paperSize));
  }

  const labels = parseLabels(data.labels, base.labels, problems);

  let commentColumns = base.commentColumns ?? false;
  if (data.commentColumns !== undefined) {
    if (typeof data.commentColumns === 'boolean') commentColumns = data.commentColumns;
    else problems.push(fallback('commentColumns', 'オフ'));
  }

  let previousYearColumns = base.previousYearColumns ?? false;
  if (data.previousYearColumns !== undefined) {
    if (typeof data.previousYearColumns === 'boolean') previousYearColumns = data.previousYearColumns;
    else problems.push(fallback('previousYearColumns', 'オフ'));
  }

  return {
    settings: {
      preset,
      basis,
      thresholds,
      labels,
      interimPath,
      trendTolerance,
      evaluationYear,
      rowTint,
      paperSize,
      ...(commentColumns ? { commentColumns } : {}),
      ...(previousYearColumns ? { previousYearColumns } : {}),
    },
    problems,
  };
}

/** Version tag written with the settings so a later format can tell old data apart. */
export const SETTINGS_FORMAT_VERSION = 1;

export function serializeSettings(settings: Settings): string {
  return JSON.stringify({ version: SETTINGS_FORMAT_VERSION, ...settings });
}
