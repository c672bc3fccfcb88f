/**
 * How grades are decided: the preset, the basis (達成率 or 進捗率), the grade scale (its levels, each with
 * symbol, label, colour and condition: ./grade-scale editor) and whether years before the target year are
 * judged against the interim target (按分目標). A scale that cannot be saved holds 評価する
 * (Session.holdSettings) and stays as typed, so what the user sees is what would be judged.
 */
import { CUSTOM_PRESET, PRESETS, presetNameFor } from '../../../core/settings';
import type { GradeBasis, Settings } from '../../../core/types';
import { presetLabel, t } from '../../i18n';
import { meetingSettings } from './meeting-card';
import { describe, help, selectField, setIfIdle } from '../controls';
import type { CheckElement } from '../controls';
import { h } from '../dom';
import { gradeScaleEditor } from '../grade-scale';
import type { PaneCard, PaneContext, PaneView } from '../view';

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
  const current = (): Settings => session.state.settings;
  const change = (next: Settings): void => session.changeSettings(next);
  const scale = gradeScaleEditor({
    current,
    change,
    hold: (problem) => session.holdSettings(problem),
  });
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
    scale.element,
    h('div', { className: 'field' }, interim, interimHelp),
  );

  preset.select.addEventListener('change', () => {
    const chosen = PRESETS[preset.select.value];
    if (!chosen) return;
    const s = current();
    change({
      ...chosen,
      evaluationYear: s.evaluationYear,
      rowTint: s.rowTint,
      paperSize: s.paperSize,
      interimPath: s.interimPath,
      ...meetingSettings(s),
    });
  });
  basis.select.addEventListener('change', () => {
    const next = { ...current(), basis: basis.select.value as GradeBasis };
    change({ ...next, preset: presetNameFor(next) });
  });
  interim.addEventListener('change', () => change({ ...current(), interimPath: interim.checked }));

  return {
    element,
    render({ state }: PaneView): void {
      const s = state.settings;
      setIfIdle(preset.select, Object.keys(PRESETS).includes(s.preset) ? s.preset : CUSTOM_PRESET);
      setIfIdle(basis.select, s.basis);
      // A scale on hold stays as typed: the warning and the fields must agree.
      if (state.heldSettings === null) scale.sync(s);
      if (interim.checked !== s.interimPath) interim.checked = s.interimPath;
    },
  };
}
