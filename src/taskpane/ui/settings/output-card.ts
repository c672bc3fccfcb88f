/** How the sheet looks after 評価する: row tints by grade, and the paper the print setup uses. */
import type { PaperSize } from '../../../core/types';
import { t } from '../../i18n';
import { describe, help, selectField, setIfIdle } from '../controls';
import type { CheckElement } from '../controls';
import { h } from '../dom';
import type { PaneCard, PaneContext, PaneView } from '../view';

export function outputCard({ session }: PaneContext): PaneCard {
  const rowTint = h(
    'fluent-checkbox',
    { id: 'row-tint', 'data-testid': 'row-tint' },
    t('rowTint'),
  ) as unknown as CheckElement;
  const rowTintHelp = help('row-tint', t('rowTintHelp'));
  describe(rowTint, rowTintHelp);
  const paper = selectField(
    'paper',
    t('paperSize'),
    [
      { value: 'A4', label: 'A4' },
      { value: 'A3', label: 'A3' },
    ],
    t('paperHelp'),
  );
  const change = session.changeSettings.bind(session);
  rowTint.addEventListener('change', () => change({ ...session.state.settings, rowTint: rowTint.checked }));
  paper.select.addEventListener('change', () =>
    change({ ...session.state.settings, paperSize: paper.select.value as PaperSize }),
  );
  return {
    element: h(
      'div',
      { className: 'stack', 'data-card': 'output' },
      h('div', { className: 'field' }, rowTint, rowTintHelp),
      paper.wrapper,
    ),
    render({ state }: PaneView): void {
      if (rowTint.checked !== state.settings.rowTint) rowTint.checked = state.settings.rowTint;
      setIfIdle(paper.select, state.settings.paperSize);
    },
  };
}
