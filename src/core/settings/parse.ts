/**
 * Settings as a host stores them in the workbook (JSON text). Whatever is wrong or missing falls back to the
 * default field by field, and each fallback is reported in Japanese so the user knows what was not applied.
 *
 * Two formats: version 2 stores the grade scale (`scale`); version 1 (before grade scales were data) stored `thresholds`
 * A/B/C and `labels` per code, which are read into the preset's four-level scale so a workbook saved then
 * opens with the same judgement.
 */
import type {
  ColumnMapping,
  GradeBasis,
  GradeLevel,
  GradeScale,
  LevelCondition,
  MappedColumn,
  PaperSize,
  Settings,
  Thresholds,
} from '../types';
import { MAPPED_ROLES, YEAR_ROLES } from '../types';
import { DEFAULT_SETTINGS, PRESETS } from './defaults';
import { validateScale, withRateThresholds } from './scale';

export interface ParsedSettings {
  settings: Settings;
  problems: string[];
}

/** The codes version 1 stored labels under; A–D map onto the four levels in order. */
const V1_LEVEL_CODES = ['A', 'B', 'C', 'D'] as const;
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

function describeThresholds(scale: GradeScale): string {
  return scale.levels
    .flatMap((level) => (level.condition.kind === 'rate' ? [String(level.condition.min)] : []))
    .join('/');
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

/** Version 1's `labels` onto a four-level scale (A–D onto the levels in order, X and 廃止 onto theirs). */
function applyV1Labels(value: unknown, scale: GradeScale, problems: string[]): GradeScale {
  if (value === undefined) return scale;
  if (!isFields(value)) {
    problems.push(fallback('labels', '達成 / 概ね順調 / 要努力 / 遅れ / 評価不能 / 廃止'));
    return scale;
  }
  const label = (code: string, current: string): string => {
    const text = value[code];
    if (text === undefined) return current;
    if (typeof text === 'string' && text.trim() !== '') return text.trim();
    problems.push(fallback(`labels.${code}`, current));
    return current;
  };
  return {
    levels: scale.levels.map((level, i) =>
      i < V1_LEVEL_CODES.length ? { ...level, label: label(V1_LEVEL_CODES[i], level.label) } : level,
    ),
    unjudgeable: { ...scale.unjudgeable, label: label('X', scale.unjudgeable.label) },
    abolished: { ...scale.abolished, label: label('廃止', scale.abolished.label) },
  };
}

function parseCondition(value: unknown): LevelCondition | null {
  if (!isFields(value)) return null;
  if (value.kind === 'achieved' || value.kind === 'otherwise') return { kind: value.kind };
  if (value.kind === 'rate' && isFiniteNumber(value.min)) return { kind: 'rate', min: value.min };
  return null;
}

function parseLevel(value: unknown): GradeLevel | null {
  if (!isFields(value)) return null;
  const { symbol, label, color, followUp } = value;
  const condition = parseCondition(value.condition);
  if (typeof symbol !== 'string' || typeof label !== 'string' || typeof color !== 'string' || !condition) {
    return null;
  }
  return { symbol: symbol.trim(), label: label.trim(), color, condition, followUp: followUp === true };
}

function parseFixed(value: unknown, base: GradeScale['unjudgeable']): GradeScale['unjudgeable'] | null {
  if (value === undefined) return base;
  if (!isFields(value) || typeof value.label !== 'string' || typeof value.color !== 'string') return null;
  return { label: value.label.trim(), color: value.color };
}

/** A stored scale, rebuilt field by field (so stray keys are dropped) and checked as the pane checks it. */
export function parseScale(value: unknown, base: GradeScale): { scale: GradeScale } | { problem: string } {
  if (!isFields(value) || !Array.isArray(value.levels)) return { problem: '段階の一覧がありません' };
  const levels = value.levels.map(parseLevel);
  const unjudgeable = parseFixed(value.unjudgeable, base.unjudgeable);
  const abolished = parseFixed(value.abolished, base.abolished);
  if (levels.some((level) => level === null) || !unjudgeable || !abolished) {
    return { problem: '段階の形式が不正です' };
  }
  const scale: GradeScale = { levels: levels as GradeLevel[], unjudgeable, abolished };
  const problems = validateScale(scale);
  if (problems.length > 0) return { problem: problems.map((p) => p.ja).join('、') };
  return { scale };
}

function validRow(value: unknown): value is number {
  return isFiniteNumber(value) && Number.isInteger(value) && value >= 1 && value <= 1_048_576;
}

function parseMappedColumn(value: unknown): MappedColumn | null {
  if (!isFields(value)) return null;
  const { col, role, year, header } = value;
  if (!validRow(col) || col > 16_384) return null;
  if (typeof role !== 'string' || !MAPPED_ROLES.includes(role as MappedColumn['role'])) return null;
  const mappedRole = role as MappedColumn['role'];
  const mappedYear = year === null || year === undefined ? null : validYear(year);
  if (year !== null && year !== undefined && mappedYear === null) return null;
  if (mappedYear !== null && !YEAR_ROLES.has(mappedRole) && mappedRole !== 'published') return null;
  return { col, role: mappedRole, year: mappedYear, header: typeof header === 'string' ? header : '' };
}

/** One saved mapping; null when any part of it is not what the pane or `--columns` writes. */
export function parseColumnMapping(value: unknown): ColumnMapping | null {
  if (!isFields(value)) return null;
  const { sheet, headerRow, headerTop, columns } = value;
  if (typeof sheet !== 'string' || !validRow(headerRow) || !Array.isArray(columns)) return null;
  const top = headerTop === undefined ? headerRow : headerTop;
  if (!validRow(top) || top > headerRow || headerRow - top > 1) return null;
  const parsed = columns.map(parseMappedColumn);
  if (parsed.some((c) => c === null)) return null;
  const list = parsed.filter((c): c is MappedColumn => c !== null);
  if (!list.some((c) => c.role === 'name')) return null;
  return { sheet, headerRow, headerTop: top, columns: list, source: 'user' };
}

function parseColumnMappings(value: unknown, problems: string[]): readonly ColumnMapping[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    problems.push('保存された「列の割り当て」の形式が不正なため、使いません');
    return undefined;
  }
  const mappings: ColumnMapping[] = [];
  for (const item of value) {
    const mapping = parseColumnMapping(item);
    if (mapping) mappings.push(mapping);
    else
      problems.push(
        '保存された「列の割り当て」の 1 つが不正なため、使いません (「列の割り当て」でやり直してください)',
      );
  }
  return mappings.length > 0 ? mappings : undefined;
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

  let scale = base.scale;
  if (data.scale !== undefined) {
    const parsed = parseScale(data.scale, base.scale);
    if ('scale' in parsed) scale = parsed.scale;
    else problems.push(`${fallback('scale', `${base.preset}の評価段階`)}: ${parsed.problem}`);
  } else {
    // Version 1: thresholds A/B/C and labels per code on the preset's four levels.
    if (data.thresholds !== undefined) {
      const valid = validThresholds(data.thresholds);
      const moved = valid ? withRateThresholds(scale, [valid.a, valid.b, valid.c]) : null;
      if (moved) scale = moved;
      else problems.push(fallback('thresholds', describeThresholds(scale)));
    }
    scale = applyV1Labels(data.labels, scale, problems);
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

  const columnMappings = parseColumnMappings(data.columnMappings, problems);

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

  let previousYear: number | null = null;
  if (data.previousYear !== undefined && data.previousYear !== null) {
    previousYear = validYear(data.previousYear);
    if (previousYear === null) problems.push(fallback('previousYear', '評価年度の前の年度'));
  }

  return {
    settings: {
      preset,
      basis,
      scale,
      interimPath,
      trendTolerance,
      evaluationYear,
      rowTint,
      paperSize,
      ...(columnMappings ? { columnMappings } : {}),
      ...(commentColumns ? { commentColumns } : {}),
      ...(previousYearColumns ? { previousYearColumns } : {}),
      ...(previousYear !== null ? { previousYear } : {}),
    },
    problems,
  };
}

/** Version tag written with the settings so a later format can tell old data apart. */
export const SETTINGS_FORMAT_VERSION = 2;

/** A run's directions live in the rows' 方向 cells, not in the saved settings. */
export function serializeSettings(settings: Settings): string {
  const saved: Record<string, unknown> = { version: SETTINGS_FORMAT_VERSION, ...settings };
  delete saved.directionOverrides;
  return JSON.stringify(saved);
}
