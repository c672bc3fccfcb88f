/**
 * The 設定 tab: a column of setting cards. A setting is listed once, in the registry
 * (core/settings/registry.ts), with the card that shows it; cards of simple controls only are fieldsCard.
 * To add a card, write a CardFactory (see ../view.ts) in this folder and list it in SETTINGS_CARDS.
 */
import { t } from '../../i18n';
import { mixed } from '../controls';
import { fill, h } from '../dom';
import type { CardFactory, PaneCard, PaneContext, PaneView } from '../view';
import { fieldsCard } from './fields-card';
import { gradingCard } from './grading-card';
import { yearCard } from './year-card';

/** The setting cards, top to bottom (the column mapping comes after them: ../pane.ts). */
export const SETTINGS_CARDS: readonly CardFactory[] = [
  gradingCard,
  yearCard,
  fieldsCard('output'),
  fieldsCard('meeting'),
];

export function settingsTab(context: PaneContext): PaneCard {
  const cards = SETTINGS_CARDS.map((make) => make(context));
  const problems = h('p', { className: 'hint hint--warn', 'data-testid': 'settings-problems' });
  const element = h(
    'div',
    { className: 'stack' },
    h('h2', { className: 'card__title' }, t('settingsTitle')),
    ...cards.map((card) => card.element),
    h('p', { className: 'hint' }, t('settingsSaved')),
    problems,
  );
  return {
    element,
    render(view: PaneView): void {
      for (const card of cards) card.render(view);
      const found = view.state.settingsProblems;
      fill(
        problems,
        ...(found.length > 0 ? mixed(t('settingsProblems', { problems: found.join(' / ') })) : []),
      );
      problems.hidden = found.length === 0;
    },
  };
}
