/** One KPI's evaluation: picks the reading, checks what it can be compared with, and grades it. */
import {
  ABOLISHED_GRADE,
  UNJUDGEABLE_GRADE,
  type AgeReading,
  type Direction,
  type FiscalYear,
  type Kpi,
  type KpiEvaluation,
  type PresenceReading,
  type QuantityReading,
  type Reading,
  type Settings,
  type Trend,
  type YearCell,
  type GradeScale,
} from '../types';
import { sameUnitKind, UNKNOWN_YEAR } from '../read';
import { resolveDirection, type ResolvedDirection } from './direction';
import { fiscalYearLabel, formatNumber } from './format';
import { gradeByRank, gradeByRates, levelIndex } from './grade';
import { targetFor, type YearValue } from './interim-path';
import { achievementRate, isAchieved, progressRate } from './rates';
import { trendOf } from './trend';
import { cellYear, pickLatest } from './year';

type RankReading = AgeReading | PresenceReading;

function isQuantity(reading: Reading): reading is QuantityReading {
  return reading.kind === 'number' || reading.kind === 'percent';
}

function isRank(reading: Reading): reading is RankReading {
  return reading.kind === 'age' || reading.kind === 'presence';
}

function unitName(reading: Reading): string {
  return reading.unit === '' ? '単位なし' : reading.unit;
}

/**
 * Whether two quantities can be compared. Spellings of one unit (箇所 / か所) are the same unit. A number
 * against a percent cannot be compared. Two numbers with different units are still compared (a row that says 件 in one cell and 回 in another counts the same thing in
 * practice) but noted; a bare number (a numeric cell without a format) takes the other's unit silently.
 */
function quantityMismatch(
  a: QuantityReading,
  b: QuantityReading,
): { comparable: boolean; note: string | null } {
  if (sameUnitKind(a.unit, b.unit)) return { comparable: true, note: null };
  const note = `単位不一致: ${unitName(a)} / ${unitName(b)}`;
  if (a.kind !== b.kind) return { comparable: false, note };
  if (a.unit === '' || b.unit === '') return { comparable: true, note: null };
  return { comparable: true, note };
}

interface Common {
  readonly kpi: Kpi;
  readonly year: FiscalYear;
  readonly direction: Direction;
  readonly directionSource: KpiEvaluation['directionSource'];
}

function result(
  common: Common,
  latest: { cell: YearCell; year: FiscalYear } | null,
  fields: Partial<Omit<KpiEvaluation, 'kpiId' | 'row' | 'direction' | 'directionSource' | 'year'>> &
    Pick<KpiEvaluation, 'grade' | 'rank' | 'basisUsed' | 'notes'>,
): KpiEvaluation {
  return {
    kpiId: common.kpi.id,
    row: common.kpi.row,
    direction: common.direction,
    directionSource: common.directionSource,
    year: common.year,
    latestYear: latest ? latest.year : null,
    latest: latest ? latest.cell.reading : null,
    latestCell: latest ? latest.cell.cell : null,
    achieved: null,
    achievementRate: null,
    progressRate: null,
    pathTarget: null,
    trend: null,
    directionToConfirm: false,
    ...fields,
  };
}

function unjudgeable(common: Common, latest: { cell: YearCell; year: FiscalYear } | null, notes: string[]) {
  return result(common, latest, { grade: UNJUDGEABLE_GRADE, rank: null, basisUsed: 'none', notes });
}

function evaluateRank(
  common: Common,
  latest: { cell: YearCell; year: FiscalYear },
  reading: RankReading,
  target: RankReading,
  baseline: Reading | null,
  notes: string[],
  scale: GradeScale,
): KpiEvaluation {
  const achieved = isAchieved(reading.value, target.value, common.direction);
  const ranked =
    reading.kind === 'presence' ? gradeByRank(reading.value, target.value, common.direction, 0, scale) : null;
  const index = ranked ? ranked.rank - 1 : levelIndex(scale, null, achieved);
  const trend: Trend | null =
    baseline && baseline.kind === reading.kind
      ? trendOf(reading.value, baseline.value, common.direction, 0)
      : null;
  const grade = scale.levels[index].symbol;
  return result(common, latest, { achieved, trend, grade, rank: index + 1, basisUsed: 'rank', notes });
}

function abolishedResult(common: Common, latest: { cell: YearCell; year: FiscalYear }, notes: string[]) {
  return result(common, latest, { grade: ABOLISHED_GRADE, rank: null, basisUsed: 'none', notes });
}

/** Interim targets that are quantities comparable with the reading, as year / value. */
function interimValues(kpi: Kpi, reading: QuantityReading): YearValue[] {
  const values: YearValue[] = [];
  for (const cell of kpi.interimTargets ?? []) {
    const r = cell.reading;
    if (isQuantity(r) && quantityMismatch(r, reading).comparable)
      values.push({ year: cellYear(cell), value: r.value });
  }
  return values.sort((a, b) => a.year - b.year);
}

/** `resolved`: the KPI's direction when the caller already has it (the year before: the same KPI again). */
export function evaluateKpi(
  kpi: Kpi,
  year: FiscalYear,
  settings: Settings,
  resolved: ResolvedDirection = resolveDirection(kpi),
): KpiEvaluation {
  const { direction, source } = resolved;
  const common: Common = { kpi, year, direction, directionSource: source };
  const pick = pickLatest(kpi, year);
  const notes = [...pick.notes];
  if (resolved.conflict) {
    // The cues disagree: no grade on a guessed direction, listed for the user to set 方向.
    notes.push(`${resolved.conflict}。方向 (↑/↓) を選んでください`);
    return result(common, pick.kind === 'reading' ? pick : null, {
      grade: UNJUDGEABLE_GRADE,
      rank: null,
      basisUsed: 'none',
      directionToConfirm: true,
      notes,
    });
  }

  if (pick.kind === 'abolished') {
    notes.push(`${fiscalYearLabel(pick.since)}から廃止`);
    return abolishedResult(common, pick, notes);
  }
  if (pick.kind === 'none') {
    // A table that names no year (現状値 → 目標値) has no "up to" to say.
    notes.push(year === UNKNOWN_YEAR ? '実績値なし' : `${fiscalYearLabel(year)}までの実績値なし`);
    return unjudgeable(common, null, notes);
  }

  const reading = pick.cell.reading;
  const targetCell = kpi.target;
  const target = targetCell?.reading ?? null;
  if (!targetCell || !target || target.kind === 'missing') {
    notes.push('目標値なし');
    return unjudgeable(common, pick, notes);
  }
  if (target.kind === 'abolished') {
    notes.push('目標値が廃止');
    return abolishedResult(common, pick, notes);
  }
  if (target.kind === 'text') {
    notes.push(`目標値「${target.raw.trim()}」を読めません`);
    return unjudgeable(common, pick, notes);
  }

  const baselineReading = kpi.baseline?.reading ?? null;

  if (isRank(reading) || isRank(target)) {
    if (!isRank(reading) || !isRank(target) || reading.kind !== target.kind) {
      notes.push(`実績値と目標値の種類が異なります: ${reading.raw.trim()} / ${target.raw.trim()}`);
      return unjudgeable(common, pick, notes);
    }
    return evaluateRank(common, pick, reading, target, baselineReading, notes, settings.scale);
  }
  if (!isQuantity(reading) || !isQuantity(target)) {
    notes.push('比較できる値がありません');
    return unjudgeable(common, pick, notes);
  }

  const units = quantityMismatch(reading, target);
  if (units.note) notes.push(units.note);
  if (!units.comparable) return unjudgeable(common, pick, notes);

  // The baseline counts only when it is a quantity comparable with the reading.
  const baseline =
    kpi.baseline &&
    baselineReading &&
    isQuantity(baselineReading) &&
    quantityMismatch(baselineReading, reading).comparable
      ? { year: cellYear(kpi.baseline), value: baselineReading.value }
      : null;

  // Before the target year, the value is compared with the target for the value's own year (an R4 value
  // evaluated at R5 against R4's share), so an older reading is not held to a later year's target.
  const held = targetFor({
    baseline,
    interims: interimValues(kpi, reading),
    final: { year: cellYear(targetCell), value: target.value },
    year,
    readingYear: pick.year,
    interimPath: settings.interimPath,
  });
  const path = held.source === 'final' ? null : held.value;
  if (held.source === 'path')
    notes.push(`按分目標 ${fiscalYearLabel(pick.year)}: ${formatNumber(held.value)}`);
  if (held.source === 'interim')
    notes.push(`中間目標 ${fiscalYearLabel(held.year)}: ${formatNumber(held.value)}`);
  if (held.source === 'next')
    notes.push(`次の目標 ${fiscalYearLabel(held.year)}: ${formatNumber(held.value)}`);
  const goal = held.value;

  // A target below the baseline with nothing saying lower-is-better stays higher-is-better (a shrinking
  // population's target is below its baseline) but is listed so the user can confirm the direction.
  const directionToConfirm = source === 'default' && baseline !== null && target.value < baseline.value;
  if (directionToConfirm) notes.push('目標値が基準値を下回るため、方向 (↑/↓) を確認してください');
  if (direction === 'down' && goal === 0 && reading.value <= 0) notes.push('目標0を達成');

  const achieved = isAchieved(reading.value, goal, direction);
  const achievement = achievementRate(reading.value, goal, direction);
  const progress = baseline ? progressRate(reading.value, baseline.value, goal, direction) : null;
  const trend = baseline ? trendOf(reading.value, baseline.value, direction, settings.trendTolerance) : null;
  const decision = gradeByRates({
    achievementRate: achievement,
    progressRate: progress,
    achieved,
    target: goal,
    direction,
    basis: settings.basis,
    scale: settings.scale,
  });
  notes.push(...decision.notes);

  return result(common, pick, {
    achieved,
    achievementRate: achievement,
    progressRate: progress,
    pathTarget: path,
    trend,
    grade: decision.grade,
    rank: decision.rank,
    basisUsed: decision.basisUsed,
    directionToConfirm,
    notes,
  });
}
