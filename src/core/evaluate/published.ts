/**
 * The city's own verdict: where a row carries the city's 達成率 or grade for a year, judge the KPI
 * for that year on the current settings and list every cell where the two differ, with why, so a city can
 * check the add-in, or its own arithmetic, row by row.
 */
import { gradeLabelOf } from '../settings/scale';
import type {
  FiscalYear,
  Kpi,
  KpiEvaluation,
  KpiSheet,
  PublishedVerdict,
  Settings,
  VerdictComparison,
  VerdictDisagreement,
} from '../types';
import { fiscalYearLabel, formatNumber, readingLabel } from './format';
import { evaluateKpi } from './kpi';

/** `85.5%`: one decimal, as the 達成率 column prints. */
export function percentText(rate: number): string {
  return `${formatNumber(Math.round(rate * 1000) / 10)}%`;
}

/** Decimals the city printed (`85.5%` → 1, `98%` → 0). */
function printedDecimals(raw: string): number {
  const match = /\.(\d+)/.exec(raw.normalize('NFKC'));
  return match ? match[1].length : 0;
}

/** The city's rate agrees when ours rounds or truncates to it at the precision the city printed. */
export function rateAgrees(ours: number, theirs: number, raw: string): boolean {
  const points = ours * 100;
  const step = 10 ** -printedDecimals(raw);
  const eps = 1e-9;
  return points >= theirs - step / 2 - eps && points < theirs + step - eps;
}

function normalizeSymbol(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** The city's grade agrees when it is our symbol, our label, or both (`B`, `概ね順調`, `B 概ね順調`). */
export function gradeAgrees(e: KpiEvaluation, raw: string, settings: Settings): boolean {
  const theirs = normalizeSymbol(raw);
  const label = gradeLabelOf(settings.scale, e.grade);
  return [e.grade, label, `${e.grade} ${label}`, `${e.grade}${label}`].some(
    (s) => normalizeSymbol(s) === theirs,
  );
}

/** The rate ours was graded on, else the basis rate. */
function ourRate(e: KpiEvaluation, settings: Settings): { rate: number | null; name: string } {
  const basis = e.basisUsed === 'achievement' || e.basisUsed === 'progress' ? e.basisUsed : settings.basis;
  return basis === 'achievement'
    ? { rate: e.achievementRate, name: '達成率' }
    : { rate: e.progressRate, name: '進捗率' };
}

function agrees(v: PublishedVerdict, e: KpiEvaluation, settings: Settings): boolean {
  if (v.kind === 'grade') return gradeAgrees(e, v.raw, settings);
  const { rate } = ourRate(e, settings);
  return v.rate !== null && rate !== null && rateAgrees(rate, v.rate, v.raw);
}

function oursText(v: PublishedVerdict, e: KpiEvaluation, settings: Settings): string {
  if (v.kind === 'grade') return e.grade;
  const { rate } = ourRate(e, settings);
  return rate === null ? '—' : percentText(rate);
}

function whyText(
  kpi: Kpi,
  v: PublishedVerdict,
  e: KpiEvaluation,
  settings: Settings,
  flipped: boolean,
): string {
  const parts: string[] = [];
  const latest =
    e.latest && e.latestYear !== null ? `${readingLabel(e.latest)} (${fiscalYearLabel(e.latestYear)})` : null;
  const target =
    e.pathTarget !== null ? formatNumber(e.pathTarget) : kpi.target ? readingLabel(kpi.target.reading) : null;
  if (v.kind === 'rate' && v.rate === null) parts.push(`市の値「${v.raw.trim()}」を率として読めません`);
  if (latest === null) parts.push(`${fiscalYearLabel(e.year)}までの実績値がありません`);
  else {
    const { rate, name } = ourRate(e, settings);
    const direction = e.direction === 'down' ? '減少を目指す' : '増加を目指す';
    parts.push(
      `当方: 実績 ${latest}、目標 ${target ?? '—'}、${direction}、${name} ${rate === null ? '算出不可' : percentText(rate)} → ${e.grade}`,
    );
  }
  if (e.notes.length > 0) parts.push(e.notes.join(' / '));
  if (flipped) parts.push('方向を逆にすると一致します: 方向 (↑/↓) を確認してください');
  return parts.join('。');
}

function flip(kpi: Kpi, direction: 'up' | 'down'): Kpi {
  return { ...kpi, declaredDirection: null, directionChoice: direction === 'up' ? 'down' : 'up' };
}

/** Every published cell of every row against our judgement for its year. */
export function comparePublished(sheet: KpiSheet, year: FiscalYear, settings: Settings): VerdictComparison {
  let compared = 0;
  let agreed = 0;
  const disagreements: VerdictDisagreement[] = [];
  for (const block of sheet.blocks) {
    for (const kpi of [...block.headlines, ...block.kpis]) {
      const verdicts = (kpi.published ?? []).filter((v) => v.raw.trim() !== '');
      if (verdicts.length === 0) continue;
      const byYear = new Map<FiscalYear, KpiEvaluation>();
      const judged = (y: FiscalYear): KpiEvaluation => {
        const known = byYear.get(y);
        if (known) return known;
        const e = evaluateKpi(kpi, y, settings);
        byYear.set(y, e);
        return e;
      };
      for (const v of verdicts) {
        const at = v.year ?? year;
        const e = judged(at);
        compared += 1;
        if (agrees(v, e, settings)) {
          agreed += 1;
          continue;
        }
        const flippedAgrees = agrees(v, evaluateKpi(flip(kpi, e.direction), at, settings), settings);
        disagreements.push({
          kpiId: kpi.id,
          row: kpi.row,
          name: kpi.name,
          cell: v.cell,
          year: at,
          kind: v.kind,
          theirs: v.raw.trim(),
          ours: oursText(v, e, settings),
          why: whyText(kpi, v, e, settings, flippedAgrees),
        });
      }
    }
  }
  return { compared, agreed, disagreements };
}
