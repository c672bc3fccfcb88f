/**
 * The pane's history card: when a KPI row is selected in the sheet (Excel's selection, or a
 * click in the demo grid), the chart of its values by year. Draws history-chart.ts's points as SVG
 * elements; every text goes in as text.
 */
import type { GradeScale, Kpi } from '../../core/types';
import { gradeName, language } from '../i18n';
import type { Session } from '../session';
import { fill, h } from './dom';
import { historyChart } from './history-chart';
import type { ChartPoint, HistoryChart } from './history-chart';
import type { PaneCard, PaneContext } from './view';

const SVG = 'http://www.w3.org/2000/svg';

const TEXT = {
  ja: {
    title: 'KPI の推移',
    hint: 'シートで KPI の行を選ぶと、年度ごとの値をグラフで表示します。',
    nothing: 'この KPI には数値の推移がないため、グラフはありません。',
    actual: '実績',
    baseline: '基準値',
    target: '目標値',
    path: '按分目標',
    grade: '判定',
  },
  en: {
    title: 'KPI history',
    hint: 'Select a KPI row in the sheet to see its values by year.',
    nothing: 'This KPI has no numeric values to draw.',
    actual: 'Actual',
    baseline: 'Baseline',
    target: 'Target',
    path: 'Interim path',
    grade: 'Grade',
  },
} as const;

function text(key: keyof (typeof TEXT)['ja']): string {
  return TEXT[language()][key];
}

type SvgAttributes = Readonly<Record<string, string | number>>;

function svg(tag: string, attributes: SvgAttributes, ...children: (Node | string)[]): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child);
  return element;
}

function polyline(points: readonly ChartPoint[]): string {
  return points.map((p) => `${p.x},${p.y}`).join(' ');
}

function marker(point: ChartPoint, role: string, shape: SvgAttributes, label: string): SVGElement {
  return svg(
    role === 'actual' ? 'circle' : 'rect',
    {
      ...shape,
      'data-role': role,
      'data-year': point.year,
      'data-value': point.value,
      'data-x': point.x,
      'data-y': point.y,
    },
    // The value carries the sheet's own unit (人, 件): marked Japanese so it is read with a Japanese voice.
    svg('title', /[\u3040-\u30ff\u3400-\u9fff]/u.test(label) ? { lang: 'ja' } : {}, label),
  );
}

export function chartElement(chart: HistoryChart): SVGElement {
  const { plot, size } = chart;
  const label = (what: string, p: ChartPoint) => `${what} ${p.value}${chart.unit} (${p.year})`;
  const children: SVGElement[] = [
    svg('rect', {
      x: plot.left,
      y: plot.top,
      width: plot.right - plot.left,
      height: plot.bottom - plot.top,
      fill: chart.fill,
      'fill-opacity': 0.25,
    }),
  ];
  for (const tick of chart.yTicks) {
    children.push(
      svg('line', {
        x1: plot.left,
        x2: plot.right,
        y1: tick.at,
        y2: tick.at,
        stroke: '#D0D0D0',
        'stroke-width': 0.5,
      }),
      svg(
        'text',
        { x: plot.left - 4, y: tick.at + 3, 'text-anchor': 'end', 'font-size': 9, fill: '#595959' },
        tick.label,
      ),
    );
  }
  for (const tick of chart.xTicks)
    children.push(
      svg(
        'text',
        { x: tick.at, y: size.height - 6, 'text-anchor': 'middle', 'font-size': 9, fill: '#595959' },
        tick.label,
      ),
    );
  if (chart.path.length > 1)
    children.push(
      svg('polyline', {
        points: polyline(chart.path),
        fill: 'none',
        stroke: '#7F7F7F',
        'stroke-dasharray': '4 3',
        'data-role': 'path',
      }),
    );
  if (chart.points.length > 1)
    children.push(
      svg('polyline', {
        points: polyline(chart.points),
        fill: 'none',
        stroke: chart.color,
        'stroke-width': 2,
        'data-role': 'actual-line',
      }),
    );
  if (chart.baseline)
    children.push(
      marker(
        chart.baseline,
        'baseline',
        {
          x: chart.baseline.x - 3.5,
          y: chart.baseline.y - 3.5,
          width: 7,
          height: 7,
          fill: '#FFFFFF',
          stroke: '#404040',
        },
        label(text('baseline'), chart.baseline),
      ),
    );
  if (chart.target)
    children.push(
      marker(
        chart.target,
        'target',
        { x: chart.target.x - 4, y: chart.target.y - 4, width: 8, height: 8, fill: '#404040' },
        label(text('target'), chart.target),
      ),
    );
  for (const p of chart.points)
    children.push(
      marker(p, 'actual', { cx: p.x, cy: p.y, r: 3.5, fill: chart.color }, label(text('actual'), p)),
    );
  return svg(
    'svg',
    {
      viewBox: `0 0 ${size.width} ${size.height}`,
      width: size.width,
      height: size.height,
      role: 'img',
      'aria-label': `${chart.name}: ${chart.points.map((p) => `${p.year} ${p.value}${chart.unit}`).join(', ')}`,
      'data-testid': 'history-chart',
      'data-kpi': chart.kpiId,
      'data-grade': chart.grade,
    },
    ...children,
  );
}

function legend(chart: HistoryChart, scale: GradeScale): HTMLElement {
  const item = (swatch: string, what: string) =>
    h('li', {}, h('span', { className: 'history__swatch', style: swatch, 'aria-hidden': 'true' }), what);
  return h(
    'ul',
    { className: 'history__legend' },
    item(`background:${chart.color}`, text('actual')),
    item('border:1px solid #404040', text('baseline')),
    item('background:#404040', text('target')),
    chart.path.length > 1 ? item('border-top:2px dashed #7F7F7F', text('path')) : null,
    h('li', {}, `${text('grade')}: ${gradeName(chart.grade, scale)}`),
  );
}

/** The KPI whose row is `row` on the analysed sheet. */
function kpiAt(session: Session, sheet: string, row: number): Kpi | null {
  const analysis = session.state.analysis;
  if (!analysis || analysis.sheet.sheet !== sheet) return null;
  for (const block of analysis.sheet.blocks)
    for (const kpi of [...block.headlines, ...block.kpis]) if (kpi.row === row) return kpi;
  return null;
}

/** The card, listening to the host's selection and redrawn with each view (a re-judged KPI redraws). */
export function historyCard({ session, host }: PaneContext): PaneCard {
  const body = h('div', { className: 'history__body' }, h('p', { className: 'hint' }, text('hint')));
  const card = h(
    'section',
    { className: 'card history', 'data-testid': 'history', 'aria-labelledby': 'history-title' },
    h('h2', { className: 'card__title', id: 'history-title' }, text('title')),
    body,
  );
  let selected: { sheet: string; row: number } | null = null;

  const draw = (): void => {
    if (!selected) return;
    const kpi = kpiAt(session, selected.sheet, selected.row);
    const analysis = session.state.analysis;
    const evaluation = kpi && analysis?.evaluation.kpis.find((k) => k.kpiId === kpi.id);
    if (!kpi || !evaluation || !analysis) return;
    const { scale } = analysis.evaluation.settings;
    const chart = historyChart(kpi, evaluation, scale);
    if (!chart) {
      fill(
        body,
        h('h3', { className: 'card__subtitle', lang: 'ja' }, kpi.name),
        h('p', { className: 'hint' }, text('nothing')),
      );
      return;
    }
    fill(
      body,
      h('h3', { className: 'card__subtitle', lang: 'ja', 'data-testid': 'history-name' }, kpi.name),
      chartElement(chart),
      legend(chart, scale),
    );
  };

  void host.onRowSelected?.((sheet, row) => {
    selected = { sheet, row };
    draw();
  });
  return { element: card, render: draw };
}
