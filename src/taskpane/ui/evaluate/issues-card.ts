/**
 * 「データの問題」: each issue the reading or the evaluation found, a button that goes to its cell. A button's
 * name is the text it shows (speech input users say what they see: WCAG 2.5.3).
 */
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
        : h('p', { className: 'hint', id: 'issues-help' }, t('issuesHelp')),
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
              // Named by what it shows (the cell, the message); the line above says where it goes.
              'aria-describedby': 'issues-help',
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
