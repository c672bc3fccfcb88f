/** The line under the title: what the pane is doing or just did, and the error line below it. */
import { t, yearLabel } from '../i18n';
import type { SessionState } from '../session';
import { mixed } from './controls';
import { fill, h } from './dom';
import type { PaneCard, PaneView } from './view';

/** In the units a user counts: KPIs judged (as the summary sheet counts them), sheets laid out. */
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
  const run = state.lastRun;
  if (!run) return '';
  const parts =
    run.kind === 'printed'
      ? [t('printed', { count: run.sheets.length })]
      : run.sheets.length > 1
        ? [
            t('evaluatedSheets', {
              year: yearLabel(run.year),
              count: run.sheets.length,
              names: run.sheets.join(t('listSeparator')),
              judged: run.judged,
              abolished: run.abolished,
            }),
          ]
        : [t('evaluated', { year: yearLabel(run.year), judged: run.judged, abolished: run.abolished })];
  if (run.skipped.length > 0) {
    const reasons = [...new Set(run.skipped.map((s) => s.reason))].join(' / ');
    parts.push(t('skipped', { count: run.skipped.length, reasons }));
  }
  return parts.join(' ');
}

export interface StatusLine extends PaneCard {
  readonly error: HTMLElement;
  /** Shows a message in the error line until the next state. */
  showError(message: string): void;
}

export function statusLine(): StatusLine {
  const ring = h('fluent-progress-ring', { className: 'status__ring', 'aria-hidden': 'true' });
  const text = h('span', { className: 'status__text', 'data-testid': 'status' });
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
      fill(text, ...mixed(statusMessage(state)));
      fill(error, ...(state.error ? mixed(`${t('errorPrefix')}${state.error}`) : []));
      error.hidden = !state.error;
    },
  };
}
