/**
 * The task pane page: what staff (評価・設定), clerks (担当課) and reviewers (印刷) see and click.
 * Composes one module per tab (evaluate/, settings/, clerk/, print/) and the status line, and redraws
 * them from the Session's state. Every cell text goes in as text.
 */
import type { WorkbookHost } from '../../core/host';
import { t } from '../i18n';
import { foundSummary } from '../model';
import type { Session, SessionState } from '../session';
import type { ColumnMappingPanel } from './column-mapping';
import { sheetText } from './controls';
import { fill, h } from './dom';
import { evaluateTab } from './evaluate/evaluate-tab';
import { lazyCard } from './lazy-card';
import { sheetStateNotice } from './sheet-state';
import { statusLine } from './status';
import type { PaneCard, PaneContext, PaneView } from './view';

export interface PaneOptions {
  readonly session: Session;
  readonly host: WorkbookHost;
}

/** The tabs, left to right: id suffix, title, and the module that fills the panel. */
interface TabSpec {
  readonly id: string;
  readonly title: string;
  readonly card: PaneCard;
}

export function mountPane(root: HTMLElement, { session, host }: PaneOptions): void {
  let everEvaluated = false;
  const status = statusLine();
  const context: PaneContext = {
    session,
    host,
    async goTo(sheet: string, cell: string): Promise<void> {
      try {
        await host.selectCell(sheet, cell);
      } catch {
        status.showError(t('selectFailed', { cell }));
      }
    },
  };

  const evaluate = evaluateTab(context, () => {
    everEvaluated = true;
    // The button is disabled while busy, which drops keyboard focus to the page: bring it back to
    // the counts the user came for.
    void session.evaluate().then(() => {
      if (session.state.written) evaluate.focusResults();
    });
  });
  const notice = sheetStateNotice();
  // The 設定 and 印刷 tabs come in their own chunks, loaded as the pane starts (lazy-card.ts): the first
  // script stays within its 300 KB.
  const settings = lazyCard(() =>
    import(/* webpackChunkName: "settings-tab" */ './settings/settings-tab').then((m) =>
      m.settingsTab(context),
    ),
  );
  // 「列の割り当て」: under the failure when no table is found, else on the 設定 tab.
  // Its own chunk too (only a sheet the reader cannot place, or the 設定 tab, shows it).
  const columnMappingPlace = h('div', { className: 'lazy-card' });
  let columnMapping: ColumnMappingPanel | null = null;
  void import(/* webpackChunkName: "column-mapping" */ './column-mapping').then((m) => {
    columnMapping = m.mountColumnMapping({ session, host });
    columnMappingPlace.append(columnMapping.element);
    render(session.state);
  });
  const tabs: readonly TabSpec[] = [
    { id: 'evaluate', title: t('tabEvaluate'), card: evaluate },
    { id: 'settings', title: t('tabSettings'), card: settings },
    {
      id: 'clerk',
      title: t('tabClerk'),
      card: lazyCard(() =>
        import(/* webpackChunkName: "clerk-tab" */ './clerk/clerk-tab').then((m) => m.clerkTab(context)),
      ),
    },
    {
      id: 'print',
      title: t('tabPrint'),
      card: lazyCard(() =>
        import(/* webpackChunkName: "print-tab" */ './print/print-tab').then((m) => m.printTab(context)),
      ),
    },
  ];

  const sheetName = h('p', { className: 'pane__sheet' });
  fill(
    root,
    h(
      'header',
      { className: 'pane__header' },
      h('h1', { className: 'pane__title', id: 'pane-title' }, t('appTitle')),
      sheetName,
    ),
    status.element,
    status.error,
    notice.element,
    h(
      'fluent-tabs',
      { activeid: 'tab-evaluate', 'aria-label': t('tabsLabel') },
      ...tabs.map((tab) => h('fluent-tab', { id: `tab-${tab.id}` }, tab.title)),
      ...tabs.map((tab) => h('fluent-tab-panel', { id: `panel-${tab.id}` }, tab.card.element)),
    ),
  );
  root.setAttribute('aria-labelledby', 'pane-title');

  session.subscribe(render);
  render(session.state);

  function render(state: SessionState): void {
    if (state.written) everEvaluated = true;
    const summary = state.analysis ? foundSummary(state.analysis) : null;
    const view: PaneView = { state, summary, evaluated: everEvaluated };
    root.setAttribute('aria-busy', String(state.activity !== 'idle'));
    fill(sheetName, ...(summary ? [`${t('sheetLabel')}: `, sheetText(summary.sheet)] : []));
    status.render(view);
    notice.render(view);
    for (const tab of tabs) tab.card.render(view);
    columnMapping?.sync(state);
    // Under the failure in the 見つかった表 card, else on the 設定 tab.
    const found = evaluate.element.querySelector('[data-testid=found]') ?? evaluate.element;
    (state.failure ? found : settings.element).append(columnMappingPlace);
  }
}
