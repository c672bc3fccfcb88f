/** How grades are decided: the preset, the basis (達成率 or 進捗率) and the A / B / C thresholds. */
import { CUSTOM_PRESET, PRESETS } from '../../../core/settings';
import type { GradeBasis, Settings } from '../../../core/types';
import { t } from '../../i18n';
import { numberField, selectField, setIfIdle } from '../controls';
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

export function gradingCard({ session }: PaneContext): PaneCard {
  const preset = selectField('preset', t('preset'), [
    ...Object.keys(PRESETS).map((name) => ({ value: name, label: name })),
    { value: CUSTOM_PRESET, label: t('custom') },
  ]);
  const basis = selectField('basis', t('basis'), [
    { value: 'achievement', label: t('basisAchievement') },
    { value: 'progress', label: t('basisProgress') },
  ]);
  const thresholdA = numberField('threshold-a', t('thresholdA'));
  const thresholdB = numberField('threshold-b', t('thresholdB'));
  const thresholdC = numberField('threshold-c', t('thresholdC'));
  const thresholdError = h('p', { className: 'hint hint--warn', role: 'alert' });
  thresholdError.hidden = true;

  const element = h(
    'div',
    { className: 'stack' },
    preset.wrapper,
    basis.wrapper,
    h(
      'fieldset',
      { className: 'thresholds' },
      h('legend', { className: 'field-label' }, t('thresholds')),
      h('div', { className: 'thresholds__row' }, thresholdA, thresholdB, thresholdC),
      thresholdError,
    ),
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
    });
  });
  basis.select.addEventListener('change', () => {
    const next = { ...current(), basis: basis.select.value as GradeBasis };
    change({ ...next, preset: presetFor(next) });
  });
  const onThreshold = (): void => {
    const a = Number(thresholdA.value);
    const b = Number(thresholdB.value);
    const c = Number(thresholdC.value);
    const valid =
      [a, b, c].every((n) => Number.isFinite(n)) && thresholdA.value !== '' && a >= b && b >= c && c >= 0;
    thresholdError.hidden = valid;
    thresholdError.textContent = valid ? '' : t('thresholdsInvalid');
    if (!valid) return;
    const next = { ...current(), thresholds: { a, b, c } };
    change({ ...next, preset: presetFor(next) });
  };
  for (const field of [thresholdA, thresholdB, thresholdC]) field.addEventListener('change', onThreshold);

  return {
    element,
    render({ state }: PaneView): void {
      const s = state.settings;
      setIfIdle(preset.select, Object.keys(PRESETS).includes(s.preset) ? s.preset : CUSTOM_PRESET);
      setIfIdle(basis.select, s.basis);
      setIfIdle(thresholdA, String(s.thresholds.a));
      setIfIdle(thresholdB, String(s.thresholds.b));
      setIfIdle(thresholdC, String(s.thresholds.c));
    },
  };
}
