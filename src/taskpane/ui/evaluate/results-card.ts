/** 「評価結果」: counts per grade for each 基本目標 and the whole sheet, as the summary sheet has them. */
import type { Grade } from '../../../core/types';
import { gradeLabel, t, yearLabel } from '../../i18n';
import { countsPerGoal, GRADES } from '../../model';
import { fill, h } from '../dom';
import { gradeClass } from '../grade-chip';
import type { PaneCard, PaneView } from '../view';

export function resultsCard(): PaneCard {
  const element = h('section', {
    className: 'card',
    'data-testid': 'results',
    'aria-live': 'polite',
    'aria-labelledby': 'results-title',
  });
  return {
    element,
    render({ state, evaluated }: PaneView): void {
      if (!state.analysis || !evaluated) {
        fill(
          element,
          h('h2', { className: 'card__title', id: 'results-title' }, t('results')),
          h('p', { className: 'hint' }, t('resultsPending')),
        );
        return;
      }
      const labels = state.analysis.evaluation.settings.labels;
      const rows = countsPerGoal(state.analysis);
      fill(
        element,
        h(
          'h2',
          { className: 'card__title', id: 'results-title' },
          t('results'),
          ` (${yearLabel(state.analysis.evaluation.year)})`,
        ),
        state.written
          ? null
          : h('p', { className: 'hint hint--warn', 'data-testid': 'stale' }, t('resultsStale')),
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
              ...GRADES.map((g: Grade) =>
                h(
                  'th',
                  { scope: 'col', title: gradeLabel(g, labels), className: `grade grade--${gradeClass(g)}` },
                  g,
                ),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            ...rows.map((row, index) =>
              h(
                'tr',
                { className: index === rows.length - 1 ? 'counts__total' : undefined, 'data-goal': row.goal },
                h(
                  'th',
                  { scope: 'row', title: row.goal },
                  index === rows.length - 1 ? t('overall') : row.goal,
                ),
                ...GRADES.map((g) => h('td', { 'data-grade': g }, String(row.counts[g]))),
              ),
            ),
          ),
        ),
        h(
          'p',
          { className: 'legend' },
          ...GRADES.map((g) =>
            h('span', { className: `legend__item grade--${gradeClass(g)}` }, `${g} ${gradeLabel(g, labels)}`),
          ),
        ),
        ...state.notices.map((notice) => h('p', { className: 'hint' }, notice)),
      );
    },
  };
}
