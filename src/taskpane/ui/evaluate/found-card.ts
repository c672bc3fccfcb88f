/** 「見つかったもの」: what the pane read on the sheet (goals, KPIs, years), or why it could not. */
import { t, yearLabel } from '../../i18n';
import { cardSection, drawnCard } from '../card';
import { fact, mixed } from '../controls';
import { fill, h } from '../dom';
import type { PaneCard } from '../view';

export function foundCard(): PaneCard {
  return drawnCard(cardSection('found'), (element, { state, summary }) => {
    if (state.failure) {
      fill(
        element,
        h('h2', { className: 'card__title card__title--warn', id: 'found-title' }, t('notKpiTitle')),
        h('p', { 'data-testid': 'failure', lang: 'ja' }, state.failure.message),
        h('p', { className: 'hint' }, ...mixed(t('notKpiHelp'))),
      );
      return;
    }
    if (!summary) {
      fill(
        element,
        h('h2', { className: 'card__title', id: 'found-title' }, t('found')),
        h('p', { className: 'hint' }, t('reading')),
      );
      return;
    }
    const years =
      summary.years.length > 0
        ? `${yearLabel(summary.years[0])} – ${yearLabel(summary.years[summary.years.length - 1])}`
        : '—';
    fill(
      element,
      h('h2', { className: 'card__title', id: 'found-title' }, t('found')),
      h(
        'dl',
        { className: 'facts' },
        fact(t('goals'), `${summary.goals.length}${t('goalCountUnit')}`, 'goal-count'),
        fact(t('kpis'), `${summary.kpiCount}${t('countUnit')}`, 'kpi-count'),
        fact(t('headlines'), `${summary.headlineCount}${t('countUnit')}`, 'headline-count'),
        fact(t('years'), years, 'years'),
        fact(t('evaluationYear'), yearLabel(summary.evaluationYear), 'evaluation-year'),
        fact(t('issues'), `${summary.issues.length}${t('countUnit')}`, 'issue-count'),
      ),
      h(
        'ol',
        { className: 'goals', 'data-testid': 'goals' },
        ...summary.goals.map((goal) => h('li', { title: goal, lang: 'ja' }, goal)),
      ),
    );
  });
}
