/** 「データの問題」: each issue the reading or the evaluation found, a button that goes to its cell. */
import { t } from '../../i18n';
import { cardSection, drawnCard } from '../card';
import { fill, h } from '../dom';
import type { PaneCard, PaneContext } from '../view';

export function issuesCard(context: PaneContext): PaneCard {
  return drawnCard(cardSection('issues'), (element, { state, summary }) => {
    if (!summary || !state.analysis) {
      fill(element);
      element.hidden = true;
      return;
    }
    element.hidden = false;
    const sheet = summary.sheet;
    fill(
      element,
      h('h2', { className: 'card__title', id: 'issues-title' }, `${t('issues')} (${summary.issues.length})`),
      summary.issues.length === 0
        ? h('p', { className: 'hint' }, t('noIssues'))
        : h('p', { className: 'hint' }, t('issuesHelp')),
      h(
        'ul',
        { className: 'links' },
        ...summary.issues.map((issue) => {
          const item = h(
            'button',
            {
              type: 'button',
              className: 'link',
              'data-cell': issue.cell,
              'aria-label': `${t('cellLabel', { cell: issue.cell })}: ${issue.message}`,
            },
            h('span', { className: 'link__cell' }, issue.cell),
            h('span', { className: 'link__text', lang: 'ja' }, issue.message),
          );
          item.addEventListener('click', () => void context.goTo(sheet, issue.cell));
          return h('li', {}, item);
        }),
      ),
    );
  });
}
