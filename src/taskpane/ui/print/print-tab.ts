/** The 印刷 tab: page setup alone (印刷用に整える), and which sheets are ready to print. */
import { t } from '../../i18n';
import { button, describe, help } from '../controls';
import type { ValueElement } from '../controls';
import { fill, h } from '../dom';
import { lazyCard } from '../lazy-card';
import type { PaneCard, PaneContext, PaneView } from '../view';

export function printTab(context: PaneContext): PaneCard {
  const { session } = context;
  const printButton = button(t('printButton'), 'accent', 'print');
  const printList = h('div', { 'data-testid': 'print-ready', 'aria-live': 'polite' });
  const doneTitle = h('h3', { className: 'card__subtitle', id: 'print-done', tabindex: -1 }, t('printDone'));
  printButton.addEventListener('click', () => {
    if (printButton.hasAttribute('disabled')) return;
    // The button is disabled while busy, which drops focus to the page: land on the result instead.
    void session.preparePrint().then(() => doneTitle.focus());
  });
  const printHelp = help('print', t('printHelp'));
  // 「策定時の表と比べる」, for the same reviewers: its own chunk, loaded with the tab.
  const compare = lazyCard(() =>
    import(/* webpackChunkName: "compare-card" */ '../compare/compare-card').then((m) =>
      m.compareCard(context),
    ),
  );
  describe(printButton, printHelp);
  const element = h(
    'div',
    { className: 'stack' },
    h('h2', { className: 'card__title' }, t('printTitle')),
    h('div', { className: 'actions-block' }, h('div', { className: 'actions' }, printButton), printHelp),
    doneTitle,
    printList,
    compare.element,
  );
  return {
    element,
    render(view: PaneView): void {
      const { state } = view;
      compare.render(view);
      const busy = state.activity !== 'idle';
      (printButton as unknown as ValueElement).disabled = busy;
      printButton.toggleAttribute('disabled', busy || state.analysis === null);
      // Until 評価する or 印刷用に整える has run, nothing is known to be ready.
      if (!state.print) {
        fill(printList, h('p', { className: 'hint' }, t('printNone')));
        return;
      }
      const { ready, notYet } = state.print;
      fill(
        printList,
        ready.length === 0 ? h('p', { className: 'hint' }, t('printNone')) : null,
        h(
          'ul',
          { className: 'ready' },
          ...ready.map((r) =>
            h(
              'li',
              { 'data-sheet': r.sheet },
              h('strong', { lang: 'ja' }, r.sheet),
              `: ${t('printReady')} (${r.layout.paperSize} ${t(r.layout.orientation)}${r.layout.fitToWidth ? `, ${(r.layout.pagesWide ?? 1) > 1 ? t('pagesWide', { count: r.layout.pagesWide ?? 1 }) : t('fitToWidth')}` : ''}, ${t('pageBreaks', { count: r.layout.rowBreaks.length })})`,
            ),
          ),
          ...notYet.map((sheet) =>
            h('li', { className: 'ready--no' }, h('strong', { lang: 'ja' }, sheet), `: ${t('printNotYet')}`),
          ),
        ),
      );
    },
  };
}
