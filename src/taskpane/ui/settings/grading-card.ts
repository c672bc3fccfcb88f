/**
 * How grades are decided: the preset, the basis (達成率 or 進捗率), the A / B / C thresholds and
 * whether years before the target year are judged against the interim target (按分目標).
 * Thresholds that cannot be used hold 評価する (Session.holdSettings) and stay as typed, so what the
 * user sees is what would be judged.
 */
import { CUSTOM_PRESET, PRESETS } from '../../../core/settings';
import type { GradeBasis, Settings, Thresholds } from '../../../core/types';
import { presetLabel, t } from '../../i18n';
import { checkThresholds } from '../../model';
import type { ThresholdCheck } from '../../model';
import { describe, help, numberField, selectField, setIfIdle } from '../controls';
import type { CheckElement } from '../controls';
import { h } from '../dom';
import type { PaneCard, PaneContext, PaneView } from '../view';

/** Basis and thresholds that match no preset any more make the settings カスタム. */
function presetFor(next: Settings): string {
  const match = Object.values(PRESETS).find(
    (p) =>
      p.basis === next.basis &&
      p.thresholds.a === next.thresholds.a &&
      p.thresholds.b === next.thresholds.b &&
      p.thresholds.c === next.thresholds.c,
  );
  return match?.preset ?? CUSTOM_PRESET;
}

const FIELD_LABEL = { a: 'thresholdA', b: 'thresholdB', c: 'thresholdC' } as const;

/** Why the typed thresholds cannot be used, in the pane's language; null when they can. */
export function thresholdMessage(check: ThresholdCheck): string | null {
  if (check.ok) return null;
  const field = t(FIELD_LABEL[check.field]);
  if (check.problem === 'notNumber') return t('thresholdNotNumber', { field });
  if (check.problem === 'negative') return t('thresholdNegative', { field });
  return t('thresholdOrder', {
    field,
    value: check.value,
    above: t(FIELD_LABEL[check.above]),
    aboveValue: check.aboveValue,
  });
}

export function gradingCard({ session }: PaneContext): PaneCard {
  const preset = selectField(
    'preset',
    t('preset'),
    [
      ...Object.keys(PRESETS).map((name) => ({ value: name, label: presetLabel(name) })),
      { value: CUSTOM_PRESET, label: t('custom') },
    ],
    t('presetHelp'),
  );
  const basis = selectField(
    'basis',
    t('basis'),
    [
      { value: 'achievement', label: t('basisAchievement') },
      { value: 'progress', label: t('basisProgress') },
    ],
    t('basisHelp'),
  );
  const fields: Readonly<Record<keyof Thresholds, ReturnType<typeof numberField>>> = {
    a: numberField('threshold-a', t('thresholdA')),
    b: numberField('threshold-b', t('thresholdB')),
    c: numberField('threshold-c', t('thresholdC')),
  };
  const thresholdsHelp = help('thresholds', t('thresholdsHelp'));
  const thresholdError = h('p', {
    className: 'hint hint--warn',
    id: 'thresholds-error',
    role: 'alert',
    'data-testid': 'threshold-error',
  });
  thresholdError.hidden = true;
  const interim = h(
    'fluent-checkbox',
    { id: 'interim-path', 'data-testid': 'interim-path' },
    t('interimPath'),
  ) as unknown as CheckElement;
  const interimHelp = help('interim-path', t('interimPathHelp'));
  describe(interim, interimHelp);

  const element = h(
    'div',
    { className: 'stack', 'data-card': 'grading' },
    preset.wrapper,
    basis.wrapper,
    h(
      'fieldset',
      { className: 'thresholds', 'aria-describedby': 'thresholds-help thresholds-error' },
      h('legend', { className: 'field-label' }, t('thresholds')),
      h('div', { className: 'thresholds__row' }, fields.a, fields.b, fields.c),
      thresholdsHelp,
      thresholdError,
    ),
    h('div', { className: 'field' }, interim, interimHelp),
  );

  const current = (): Settings => session.state.settings;
  const change = (next: Settings): void => session.changeSettings(next);

  preset.select.addEventListener('change', () => {
    const chosen = PRESETS[preset.select.value];
    if (!chosen) return;
    const s = current();
    change({
      ...chosen,
      evaluationYear: s.evaluationYear,
      rowTint: s.rowTint,
      paperSize: s.paperSize,
      labels: s.labels,
      interimPath: s.interimPath,
    });
  });
  basis.select.addEventListener('change', () => {
    const next = { ...current(), basis: basis.select.value as GradeBasis };
    change({ ...next, preset: presetFor(next) });
  });
  const onThreshold = (): void => {
    const check = checkThresholds({ a: fields.a.value, b: fields.b.value, c: fields.c.value });
    const problem = thresholdMessage(check);
    thresholdError.hidden = problem === null;
    thresholdError.textContent = problem ?? '';
    if (!check.ok) {
      session.holdSettings(problem);
      return;
    }
    const s = current();
    const same =
      s.thresholds.a === check.thresholds.a &&
      s.thresholds.b === check.thresholds.b &&
      s.thresholds.c === check.thresholds.c;
    if (same) session.holdSettings(null);
    else
      change({
        ...s,
        thresholds: check.thresholds,
        preset: presetFor({ ...s, thresholds: check.thresholds }),
      });
  };
  for (const field of Object.values(fields)) {
    field.addEventListener('input', onThreshold);
    field.addEventListener('change', onThreshold);
  }
  interim.addEventListener('change', () => change({ ...current(), interimPath: interim.checked }));

  return {
    element,
    render({ state }: PaneView): void {
      const s = state.settings;
      setIfIdle(preset.select, Object.keys(PRESETS).includes(s.preset) ? s.preset : CUSTOM_PRESET);
      setIfIdle(basis.select, s.basis);
      // Thresholds on hold stay as typed: the warning and the fields must agree.
      if (state.heldSettings === null) {
        for (const key of ['a', 'b', 'c'] as const) setIfIdle(fields[key], String(s.thresholds[key]));
        thresholdError.hidden = true;
      }
      if (interim.checked !== s.interimPath) interim.checked = s.interimPath;
    },
  };
}
