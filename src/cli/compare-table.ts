/** The terminal view of `kpi-sheet compare`: one line per KPI with its mark, then the pairs to confirm. */
import { MARK_ORDER, markCounts, type ComparedKpi, type Comparison } from '../core/compare';
import { renderTable, type Column } from './text-width';

const COLUMNS: readonly Column[] = [
  { header: '比較' },
  { header: '策定時の KPI', max: 36 },
  { header: '進捗の KPI', max: 36 },
  { header: '基準値', max: 28 },
  { header: '目標値', max: 28 },
];

function change(before: string, after: string): string {
  if (before === after) return before;
  return `${before || '(未記入)'} → ${after || '(未記入)'}`;
}

function value(k: ComparedKpi | null, other: ComparedKpi | null, field: 'baseline' | 'target'): string {
  if (k === null || other === null) return (k ?? other)?.[field] ?? '';
  return change(k[field], other[field]);
}

export function renderCompare(comparison: Comparison, strategyLabel: string, progressLabel: string): string {
  const rows = comparison.rows.map((r) => [
    r.marks.join('・'),
    r.before?.name ?? '',
    r.after?.name ?? '',
    value(r.before, r.after, 'baseline'),
    value(r.before, r.after, 'target'),
  ]);
  const counts = markCounts(comparison);
  const lines = [
    `策定時: ${strategyLabel}`,
    `進捗:   ${progressLabel}`,
    '',
    renderTable(COLUMNS, rows),
    '',
    MARK_ORDER.map((m) => `${m} ${counts[m]}`).join('  '),
  ];
  const notes = comparison.rows.flatMap((r) =>
    r.notes.map((n) => `  ${(r.after ?? r.before)?.name ?? ''}: ${n}`),
  );
  if (notes.length > 0) lines.push('', '備考 (片方の表にない値は変更として数えていません):', ...notes);
  if (comparison.uncertain.length > 0) {
    lines.push(
      '',
      `確認が必要な組 ${comparison.uncertain.length} 件 (名前が似ていますが、同じ KPI とは決めていません。上では 削除 と 追加 のままです):`,
      ...comparison.uncertain.map(
        (u) => `  ${u.before.name}  ⇔  ${u.after.name}  (名前の一致度 ${u.score.toFixed(2)})`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
