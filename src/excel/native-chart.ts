/**
 * A plan's native chart through Office.js: `Worksheet.charts.add` on the series cells (ExcelApi 1.1), the
 * category labels with `ChartSeries.setXAxisValues` and each series' colour with `format.fill` (ExcelApi 1.7),
 * placed with `Chart.setPosition`. https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartcollection
 */
import { cellAddress, compactRangeAddress } from '../core/a1';
import type { ChartSpec } from '../core/types';

const CHART_TYPE = { barStacked: 'BarStacked' } as const;

export function queueChart(ws: Excel.Worksheet, spec: ChartSpec): void {
  const chart = ws.charts.add(
    CHART_TYPE[spec.type],
    ws.getRange(compactRangeAddress(spec.series)),
    'Columns',
  );
  chart.title.text = spec.title;
  chart.legend.position = 'Bottom';
  const { position } = spec;
  chart.setPosition(cellAddress(position.top, position.left), cellAddress(position.bottom, position.right));
  const categories = ws.getRange(compactRangeAddress(spec.categories));
  spec.colors.forEach((color, i) => {
    const series = chart.series.getItemAt(i);
    series.setXAxisValues(categories);
    series.format.fill.setSolidColor(color);
  });
}
