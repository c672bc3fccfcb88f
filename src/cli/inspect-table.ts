/** The terminal view of `kpi-sheet inspect`: one table per 基本目標, then the diagnostics. */
import { formatFiscalYear, formatReading } from '../core/read';
import type { Block, DiagnosticKind, Kpi, KpiSheet, Period, YearCell } from '../core/types';
import { renderTable, type Column } from './text-width';

const PERIOD_LABEL: Readonly<Record<Period, string>> = {
  annual: '年間',
  cumulative: '累計',
  monthlyAverage: '月平均',
  annualMax: '年間最大',
  total: '延べ',
};

export const DIAGNOSTIC_LABEL: Readonly<Record<DiagnosticKind, string>> = {
  realigned: '列ずれ補正',
  unreadable: '読み取れない値',
  unitMismatch: '単位不一致',
  fractionAsPercent: '小数を百分率に',
  yearOverride: '年度の上書き',
  missingTarget: '目標値なし',
  missingBaseline: '現状値なし',
  ignoredColumn: '読み飛ばした列',
  guessed: '推定',
};

function mostCommonYear(cells: readonly (YearCell | null)[]): number | null {
  const counts = new Map<number, number>();
  for (const c of cells) if (c) counts.set(c.year, (counts.get(c.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = year;
  return best;
}

function shown(cell: YearCell | null, columnYear: number | null): string {
  if (!cell) return '';
  const text = formatReading(cell.reading);
  return cell.year === columnYear ? text : `${text} (${formatFiscalYear(cell.year)})`;
}

function blockTable(block: Block): string {
  const all: Kpi[] = [...block.headlines, ...block.kpis];
  const years = [...new Set(all.flatMap((k) => k.actuals.map((a) => a.year)))].sort((a, b) => a - b);
  const baselineYear = mostCommonYear(all.map((k) => k.baseline));
  const targetYear = mostCommonYear(all.map((k) => k.target));
  const columns: Column[] = [
    { header: '行', align: 'right' },
    { header: '区分' },
    { header: '施策', max: 24 },
    { header: 'KPI', max: 40 },
    { header: '担当課', max: 16 },
    { header: '期間' },
    {
      header: `現状値${baselineYear === null ? '' : ` (${formatFiscalYear(baselineYear)})`}`,
      align: 'right',
    },
    ...years.map((y): Column => ({ header: formatFiscalYear(y), align: 'right' })),
    { header: `目標値${targetYear === null ? '' : ` (${formatFiscalYear(targetYear)})`}`, align: 'right' },
  ];
  const rows = all.map((k) => [
    String(k.row),
    k.role === 'headline' ? '数値目標' : 'KPI',
    k.measure || k.framework,
    k.name,
    k.department,
    k.period ? PERIOD_LABEL[k.period] : '',
    shown(k.baseline, baselineYear),
    ...years.map((y) => shown(k.actuals.find((a) => a.year === y) ?? null, y)),
    shown(k.target, targetYear),
  ]);
  return renderTable(columns, rows);
}

export function renderInspect(sheet: KpiSheet, file: string): string {
  const lines: string[] = [`ファイル: ${file}`, `シート: ${sheet.sheet}`];
  if (sheet.title) lines.push(`表題: ${sheet.title}`);
  for (const block of sheet.blocks) {
    lines.push('', `■ 基本目標 ${block.goal || '(なし)'}  (${block.firstRow} 行目から)`);
    lines.push(blockTable(block));
  }
  const headlines = sheet.blocks.reduce((n, b) => n + b.headlines.length, 0);
  const kpis = sheet.blocks.reduce((n, b) => n + b.kpis.length, 0);
  lines.push('', `基本目標 ${sheet.blocks.length} / 数値目標 ${headlines} / KPI ${kpis}`);
  if (sheet.diagnostics.length > 0) {
    lines.push('', `注意 (${sheet.diagnostics.length} 件)`);
    lines.push(
      renderTable(
        [{ header: 'セル' }, { header: '種類' }, { header: '内容' }],
        sheet.diagnostics.map((d) => [d.cell, DIAGNOSTIC_LABEL[d.kind], d.message]),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
