/** The 評価 tab: what was found, 評価する / 読み直す, the counts, the data issues. */
import { t } from '../../i18n';
import { button } from '../controls';
import type { ValueElement } from '../controls';
import { h } from '../dom';
import type { PaneCard, PaneContext, PaneView } from '../view';
import { foundCard } from './found-card';
import { issuesCard } from './issues-card';
import { resultsCard } from './results-card';

export interface EvaluateTab extends PaneCard {
  readonly evaluateButton: HTMLElement;
}

export function evaluateTab(context: PaneContext, onEvaluate: () => void): EvaluateTab {
  const found = foundCard();
  const results = resultsCard();
  const issues = issuesCard(context);
  const evaluateButton = button(t('evaluate'), 'accent', 'evaluate');
  const reloadButton = button(t('reload'), 'neutral', 'reload');
  evaluateButton.addEventListener('click', onEvaluate);
  reloadButton.addEventListener('click', () => void context.session.load());
  const element = h(
    'div',
    { className: 'stack' },
    found.element,
    h('div', { className: 'actions' }, evaluateButton, reloadButton),
    results.element,
    issues.element,
  );
  return {
    element,
    evaluateButton,
    render(view: PaneView): void {
      const busy = view.state.activity !== 'idle';
      for (const b of [evaluateButton, reloadButton]) (b as unknown as ValueElement).disabled = busy;
      evaluateButton.toggleAttribute('disabled', busy || view.state.analysis === null);
      for (const card of [found, results, issues]) card.render(view);
    },
  };
}
