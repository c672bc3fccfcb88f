/**
 * The pane never shows a state that differs from the workbook without saying so. This notice, above
 * the tabs so every tab shows it, says when and why: settings on hold (評価する waits), settings
 * changed but not written, or values typed since the last 評価する (the summary sheet is behind).
 */
import { t } from '../i18n';
import { drawnCard } from './card';
import { mixed } from './controls';
import { fill, h } from './dom';
import type { PaneCard } from './view';

export function sheetStateNotice(): PaneCard {
  const notice = h('div', { className: 'pane__notice', 'aria-live': 'polite', 'data-testid': 'sheet-state' });
  return drawnCard(notice, (element, { state, evaluated }) => {
    const lines: HTMLElement[] = [];
    if (state.heldSettings !== null)
      lines.push(
        h('p', { 'data-testid': 'held' }, ...mixed(t('heldSettings', { problem: state.heldSettings }))),
      );
    if (state.analysis && evaluated && !state.written)
      lines.push(h('p', { 'data-testid': 'stale' }, ...mixed(t('resultsStale'))));
    else if (state.analysis && state.written && state.editedRows > 0)
      lines.push(
        h('p', { 'data-testid': 'edited-stale' }, ...mixed(t('editedStale', { count: state.editedRows }))),
      );
    fill(element, ...lines);
    element.hidden = lines.length === 0;
  });
}
