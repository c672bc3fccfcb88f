/**
 * 「評価結果」: counts per grade for each 基本目標 and the whole sheet, counted as the summary sheet
 * counts them: 判定数 leaves 廃止 out, X is in; 達成割合 is the share of judged KPIs graded A.
 */
import { gradeSymbols } from '../../../core/settings';
import { ABOLISHED_GRADE } from '../../../core/types';
import type { GradeScale, SummaryGroup } from '../../../core/types';
import { gradeCode, gradeLabel, gradeName, percent, t, yearLabel } from '../../i18n';
import { countsPerGoal } from '../../model';
import { help, sheetText } from '../controls';
import { fill, h } from '../dom';
import { gradeStyle } from '../grade-chip';
import type { PaneView } from '../view';

/** The 数値目標 headlines' grades, counted apart from the KPI rows; nothing when there are none. */
function headlineCounts(group: SummaryGroup, scale: GradeScale): HTMLElement | null {
  if (group.judged + (group.counts[ABOLISHED_GRADE] ?? 0) === 0) return null;
  return h(
    'p',
    { className: 'legend', 'data-testid': 'headline-counts' },
    `${t('headlines')}: `,
    ...gradeSymbols(scale).map((g) =>
      h(
        'span',
        { className: 'legend__item', style: gradeStyle(scale, g), 'data-grade': g },
        `${gradeCode(g)} ${group.counts[g] ?? 0}`,
      ),
    ),
  );
}

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
      const scale = evaluation.settings.scale;
      const grades = gradeSymbols(scale);
      // The grades with their own column; 廃止 is counted apart, as the summary's 判定数 leaves it out.
      const columns = grades.filter((g) => g !== ABOLISHED_GRADE);
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
              ...columns.map((g) =>
                h(
                  'th',
                  { scope: 'col', className: 'grade', style: gradeStyle(scale, g), 'data-grade': g },
                  h('span', { 'aria-hidden': 'true' }, gradeCode(g)),
                  h('span', { className: 'sr-only' }, gradeName(g, scale)),
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
                ...columns.map((g) => h('td', { 'data-grade': g }, String(row.counts[g] ?? 0))),
              );
            }),
          ),
        ),
        h(
          'p',
          { className: 'overall', 'data-testid': 'overall' },
          t('overallLine', {
            judged: overall.judged,
            abolished: overall.counts[ABOLISHED_GRADE] ?? 0,
            share: overall.achievedShare === null ? '—' : percent(overall.achievedShare),
          }),
        ),
        h(
          'p',
          { className: 'legend', 'data-testid': 'legend' },
          ...grades.map((g) =>
            h(
              'span',
              { className: 'legend__item', style: gradeStyle(scale, g) },
              g === ABOLISHED_GRADE ? gradeName(g, scale) : `${gradeCode(g)} ${gradeLabel(g, scale)}`,
            ),
          ),
        ),
        headlineCounts(evaluation.summary.headlines, scale),
        help('achieved-share', t('achievedShareHelp')),
        help('grade-x', t('gradeXHelp')),
        ...state.notices.map((notice) => h('p', { className: 'hint', lang: 'ja' }, notice)),
      );
    },
  };
}
