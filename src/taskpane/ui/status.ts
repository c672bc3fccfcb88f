/** The line under the title: what the pane is doing or just did, and the error line below it. */
import { t } from '../i18n';
import type { SessionState } from '../session';
import { fill, h } from './dom';
import type { PaneCard, PaneView } from './view';

export function statusMessage(state: SessionState): string {
  switch (state.activity) {
    case 'reading':
      return t('reading');
    case 'evaluating':
    case 'live':
      return t('evaluating');
    case 'printing':
      return t('printing');
    case 'idle':
      break;
  }
  if (state.lastApply && state.written) {
    const parts = [t('evaluated', { applied: state.lastApply.applied })];
    if (state.lastApply.skipped.length > 0) {
      const reasons = [...new Set(state.lastApply.skipped.map((s) => s.reason))].join(' / ');
      parts.push(t('skipped', { count: state.lastApply.skipped.length, reasons }));
    }
    return parts.join(' ');
  }
  return '';
}

export interface StatusLine extends PaneCard {
  readonly error: HTMLElement;
  /** Shows a message in the error line until the next state. */
  showError(message: string): void;
}

export function statusLine(): StatusLine {
  const ring = h('fluent-progress-ring', { className: 'status__ring', 'aria-hidden': 'true' });
  const text = h('span', { className: 'status__text' });
  const element = h('div', { className: 'pane__status', role: 'status', 'aria-live': 'polite' }, ring, text);
  const error = h('div', { className: 'pane__error', role: 'alert', 'data-testid': 'error' });
  return {
    element,
    error,
    showError(message: string): void {
      fill(error, t('errorPrefix'), message);
      error.hidden = false;
    },
    render({ state }: PaneView): void {
      ring.hidden = state.activity === 'idle';
      text.textContent = statusMessage(state);
      fill(error, state.error ? `${t('errorPrefix')}${state.error}` : '');
      error.hidden = !state.error;
    },
  };
}
