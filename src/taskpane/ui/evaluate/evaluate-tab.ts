/** The 評価 tab: what was found, 評価する / 読み直す, the counts, the data issues, how to read the columns. */
import { t } from '../../i18n';
import { button, describe, help } from '../controls';
import type { ValueElement } from '../controls';
import { h } from '../dom';
import { lazyCard } from '../lazy-card';
import type { PaneCard, PaneContext, PaneView } from '../view';
import { columnsCard } from './columns-card';
import { foundCard } from './found-card';
import { issuesCard } from './issues-card';
import { resultsCard } from './results-card';

export interface EvaluateTab extends PaneCard {
  /** After 評価する: focus goes to the counts, where work continues (never to the page). */
  focusResults(): void;
}

export function evaluateTab(context: PaneContext, onEvaluate: () => void): EvaluateTab {
  const found = foundCard();
  const results = resultsCard();
  const issues = issuesCard(context);
  const columns = columnsCard();
  // Its own chunk (the history chart), loaded as the pane starts: the first script stays small.
  const history = lazyCard(() =>
    import(/* webpackChunkName: "meeting-cards" */ '../history-view').then((m) => m.historyCard(context)),
  );
  const evaluateButton = button(t('evaluate'), 'accent', 'evaluate');
  const reloadButton = button(t('reload'), 'neutral', 'reload');
  const evaluateHelp = help('evaluate', t('evaluateHelp'));
  const reloadHelp = help('reload', t('reloadHelp'));
  describe(evaluateButton, evaluateHelp);
  describe(reloadButton, reloadHelp);
  evaluateButton.addEventListener('click', () => {
    // A disabled fluent-button still receives clicks from scripts and assistive tech.
    if (evaluateButton.hasAttribute('disabled')) return;
    onEvaluate();
  });
  // Focus stays on 読み直す (disabled while reading) so the keyboard user can go on from there.
  reloadButton.addEventListener('click', () => void context.session.load().then(() => reloadButton.focus()));
  const element = h(
    'div',
    { className: 'stack' },
    found.element,
    h(
      'div',
      { className: 'actions-block' },
      h('div', { className: 'actions' }, evaluateButton, reloadButton),
      evaluateHelp,
      reloadHelp,
    ),
    results.element,
    history.element,
    issues.element,
    columns.element,
  );
  return {
    element,
    focusResults: () => results.focus(),
    render(view: PaneView): void {
      const { state } = view;
      const busy = state.activity !== 'idle';
      const blocked = busy || state.analysis === null || state.heldSettings !== null;
      (evaluateButton as unknown as ValueElement).disabled = blocked;
      (reloadButton as unknown as ValueElement).disabled = busy;
      evaluateButton.toggleAttribute('disabled', blocked);
      for (const card of [found, results, history, issues]) card.render(view);
    },
  };
}
