/** `kpi-sheet evaluate` without --json: a table per 基本目標, then the counts, follow-ups and data issues. */
import { TREND_ARROWS } from '../core/evaluate';
import { formatFiscalYear, formatNumber, formatReading } from '../core/read';
import { gradeLabelOf, gradeSymbols, rateThresholds } from '../core/settings';
import type { Evaluation, Grade, KpiEvaluation, KpiSheet, SummaryGroup } from '../core/types';
import { renderTable, type Column } from './text-width';

const COLUMNS: readonly Column[] = [
  { header: '区分' },
  { header: 'KPI', max: 44 },
  { header: '担当課', max: 16 },
  { header: '最新値', align: 'right' },
  { header: '目標値', align: 'right' },
  { header: '達成率', align: 'right' },
  { header: '進捗率', align: 'right' },
  { header: '傾向' },
  { header: '判定' },
  { header: '備考' },
];

export function percentText(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

function gradeText(grade: Grade, evaluation: Evaluation): string {
  const label = gradeLabelOf(evaluation.settings.scale, grade);
  return grade === label || label === '' ? grade : `${grade} ${label}`;
}

function countsText(group: SummaryGroup, evaluation: Evaluation): string {
  const counts = gradeSymbols(evaluation.settings.scale)
    .filter((g) => (group.counts[g] ?? 0) > 0)
    .map((g) => `${gradeText(g, evaluation)} ${group.counts[g]}`);
  const share = group.achievedShare === null ? '—' : percentText(group.achievedShare);
  return `評価 ${group.judged} 件 (${counts.join('、') || 'なし'})、達成割合 ${share}`;
}

function row(
  kpi: KpiSheet['blocks'][number]['kpis'][number],
  e: KpiEvaluation,
  evaluation: Evaluation,
): string[] {
  const latest =
    e.latest && e.latestYear !== null
      ? `${formatReading(e.latest)} (${formatFiscalYear(e.latestYear)})`
      : '—';
  return [
    kpi.role === 'headline' ? '数値目標' : 'KPI',
    kpi.name,
    kpi.department || '—',
    latest,
    kpi.target ? formatReading(kpi.target.reading) || '—' : '—',
    percentText(e.achievementRate),
    percentText(e.progressRate),
    e.trend ? TREND_ARROWS[e.trend] : '—',
    gradeText(e.grade, evaluation),
    e.notes.join('、'),
  ];
}

export function renderEvaluationTable(sheet: KpiSheet, evaluation: Evaluation): string {
  const byId = new Map(evaluation.kpis.map((e) => [e.kpiId, e]));
  const { settings, summary } = evaluation;
  const basis = settings.basis === 'achievement' ? '達成率' : '進捗率';
  const thresholds = rateThresholds(settings.scale);
  const rule = thresholds.length > 0 ? `${basis} ${thresholds.join('/')}` : '達成/未達成';
  const out: string[] = [
    `${sheet.sheet}: ${formatFiscalYear(evaluation.year)} 評価 (${settings.preset}、${rule}${settings.interimPath ? '、按分目標あり' : ''})`,
    '',
  ];
  for (const block of sheet.blocks) {
    const kpis = [...block.headlines, ...block.kpis];
    const rows = kpis.flatMap((kpi) => {
      const e = byId.get(kpi.id);
      return e ? [row(kpi, e, evaluation)] : [];
    });
    out.push(`基本目標 ${block.goal}`);
    out.push(renderTable(COLUMNS, rows));
    const group = summary.byGoal.find((g) => g.key === block.goal);
    if (group) out.push(`  ${countsText(group, evaluation)}`);
    out.push('');
  }
  out.push(`全体 (KPI): ${countsText(summary.overall, evaluation)}`);
  if (summary.headlines.judged > 0) out.push(`数値目標: ${countsText(summary.headlines, evaluation)}`);
  const listed = settings.scale.levels.filter((level) => level.followUp).map((level) => level.symbol);
  out.push(`要フォローアップ (${listed.join('・')}): ${summary.followUps.length} 件`);
  for (const f of summary.followUps) {
    const gap = f.gap === null ? '' : `、不足 ${formatNumber(Math.round(f.gap * 100) / 100)}`;
    out.push(`  ${f.grade} ${f.name} (${f.department || '—'}): ${f.latest} / 目標 ${f.target}${gap}`);
  }
  out.push(`データの確認事項: ${summary.dataIssues.length} 件`);
  for (const issue of summary.dataIssues) out.push(`  ${issue.cell}: ${issue.message}`);
  const { published } = summary;
  if (published.compared > 0) {
    out.push(
      `市の評価との照合: ${published.compared} 件中 ${published.agreed} 件一致、${published.disagreements.length} 件不一致`,
    );
    for (const d of published.disagreements) {
      out.push(
        `  ${d.cell} (${formatFiscalYear(d.year)}) ${d.name}: 市 ${d.theirs} / 当方 ${d.ours} — ${d.why}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
