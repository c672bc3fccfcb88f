/**
 * 「評価結果」: counts per grade for each 基本目標 and the whole sheet, counted as the summary sheet
 * counts them: 判定数 leaves 廃止 out, X is in; 達成割合 is the share of judged KPIs graded A.
 */
import { gradeCode, gradeLabel, gradeName, percent, t, yearLabel } from '../../i18n';
import { countsPerGoal, GRADES } from '../../model';
import { help, sheetText } from '../controls';
import { fill, h } from '../dom';
import { gradeClass } from '../grade-chip';
import type { PaneView } from '../view';

/** The grades with their own column; 廃止 is counted apart, as the summary's 判定数 leaves it out. */
const COLUMNS = GRADES.filter((g) => g !== '廃止');

export interface ResultsCard {
  readonly element: HTMLElement;
  render(view: PaneView): void;
  /** Where work continues after 評価する: the counts' heading, read first by a screen reader. */
  focus(): void;
}

export function resultsCard(): ResultsCard {
  const title = h('h2', { className: 'card__title', id: 'results-title', tabindex: -1 });
  const body = h('div', {});
  const element = h(
    'section',
    { className: 'card', 'data-testid': 'results', 'aria-labelledby': 'results-title' },
    title,
    body,
  );
  return {
    element,
    focus: () => {
      title.focus({ preventScroll: true });
      title.scrollIntoView({ block: 'start', behavior: 'instant' });
    },
    render({ state, evaluated }: PaneView): void {
      if (!state.analysis || !evaluated) {
        fill(title, t('results'));
        fill(body, h('p', { className: 'hint' }, t('resultsPending')));
        return;
      }
      const { evaluation } = state.analysis;
      const labels = evaluation.settings.labels;
      const rows = countsPerGoal(state.analysis);
      const overall = evaluation.summary.overall;
      fill(title, t('results'), ` (${yearLabel(evaluation.year)})`);
      fill(
        body,
        h(
          'table',
          { className: 'counts', 'data-testid': 'counts' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('goalColumn')),
              h('th', { scope: 'col', 'data-grade': 'judged' }, t('judgedColumn')),
              ...COLUMNS.map((g) =>
                h(
                  'th',
                  { scope: 'col', className: `grade grade--${gradeClass(g)}` },
                  h('span', { 'aria-hidden': 'true' }, gradeCode(g)),
                  h('span', { className: 'sr-only' }, gradeName(g, labels)),
                ),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            ...rows.map((row, index) => {
              const total = index === rows.length - 1;
              return h(
                'tr',
                { className: total ? 'counts__total' : undefined, 'data-goal': row.goal },
                h('th', { scope: 'row', title: row.goal }, total ? t('overall') : sheetText(row.goal)),
                h('td', { 'data-grade': 'judged' }, String(row.judged)),
                ...COLUMNS.map((g) => h('td', { 'data-grade': g }, String(row.counts[g]))),
              );
            }),
          ),
        ),
        h(
          'p',
          { className: 'overall', 'data-testid': 'overall' },
          t('overallLine', {
            judged: overall.judged,
            abolished: overall.counts['廃止'],
            share: overall.achievedShare === null ? '—' : percent(overall.achievedShare),
          }),
        ),
        h(
          'p',
          { className: 'legend', 'data-testid': 'legend' },
          ...GRADES.map((g) =>
            h(
              'span',
              { className: `legend__item grade--${gradeClass(g)}` },
              g === '廃止' ? gradeName(g, labels) : `${gradeCode(g)} ${gradeLabel(g, labels)}`,
            ),
          ),
        ),
        help('achieved-share', t('achievedShareHelp')),
        help('grade-x', t('gradeXHelp')),
        ...state.notices.map((notice) => h('p', { className: 'hint', lang: 'ja' }, notice)),
      );
    },
  };
}
