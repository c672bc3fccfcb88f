/**
 * `kpi-sheet evaluate --csv`: one row per KPI with the report's fields (core/report), the same as each KPI
 * of the JSON carries. UTF-8 with a byte-order mark, CRLF line ends and RFC 4180 quoting, which is what
 * Excel needs to open a CSV as Japanese text rather than guess a code page.
 */
import type { BookReport, KpiReport } from '../core/report/kpi-report';

const BOM = '\uFEFF';

interface CsvColumn {
  readonly header: string;
  readonly value: (r: KpiReport) => string | number | null;
}

export const CSV_COLUMNS: readonly CsvColumn[] = [
  { header: 'シート', value: (r) => r.sheet },
  { header: '行', value: (r) => r.row },
  { header: '基本目標', value: (r) => r.goal },
  { header: '区分', value: (r) => (r.role === 'headline' ? '数値目標' : 'KPI') },
  { header: 'KPI', value: (r) => r.name },
  { header: '担当課', value: (r) => r.department },
  { header: '判定', value: (r) => r.grade },
  { header: '率', value: (r) => r.rate },
  { header: '按分目標', value: (r) => r.pathTarget },
  { header: '前年度判定', value: (r) => r.previousGrade },
  { header: '前年比', value: (r) => r.change },
  { header: '要因・分析', value: (r) => r.comments?.factor ?? '' },
  { header: '今後の方向性', value: (r) => r.comments?.outlook ?? '' },
  { header: '現状値セル', value: (r) => r.cells.baseline },
  { header: '実績セル', value: (r) => r.cells.actuals.map((a) => a.cell).join(' ') },
  { header: '目標値セル', value: (r) => r.cells.target },
  { header: '読み取りの注意', value: (r) => r.diagnostics.map((d) => `${d.cell}: ${d.message}`).join('\n') },
];

function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function evaluationCsv(report: BookReport): string {
  const lines = [
    CSV_COLUMNS.map((c) => field(c.header)).join(','),
    ...report.kpis.map((r) => CSV_COLUMNS.map((c) => field(c.value(r))).join(',')),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
