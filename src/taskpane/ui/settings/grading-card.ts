/**
 * How grades are decided: the preset, the basis (達成率 or 進捗率), the grade scale (its levels, each with
 * symbol, label, colour and condition: ../grade-scale editor), whether years before the target year are
 * judged against the interim target (按分目標) and the trend's tolerance. The simple controls come from the
 * registry (./setting-field); a scale that cannot be saved holds 評価する (Session.holdSettings) and stays as
 * typed, so what the user sees is what would be judged.
 */
import { presetNameFor, withPreset } from '../../../core/settings';
import type { GradeBasis } from '../../../core/types';
import { gradeScaleEditor } from '../grade-scale';
import type { PaneCard, PaneContext, PaneView } from '../view';
import { h } from '../dom';
import { cardFields, type ApplyValue, type SettingsHost } from './setting-field';

/** A preset sets the judging settings; everything else stays (withPreset). */
const choosePreset: ApplyValue = (s, value) => withPreset(s, String(value));

/** Another basis keeps the scale; the preset's name follows (カスタム when no preset has both). */
const chooseBasis: ApplyValue = (s, value) => {
  const next = { ...s, basis: value as GradeBasis };
  return { ...next, preset: presetNameFor(next) };
};

export function gradingCard({ session }: PaneContext): PaneCard {
  const host: SettingsHost = {
    current: () => session.state.settings,
    change: (next) => session.changeSettings(next),
  };
  const scale = gradeScaleEditor({ ...host, hold: (problem) => session.holdSettings(problem) });
  const fields = cardFields(
    'grading',
    host,
    { scale: scale.element },
    { preset: choosePreset, basis: chooseBasis },
  );
  return {
    element: h('div', { className: 'stack', 'data-card': 'grading' }, ...fields.elements),
    render({ state }: PaneView): void {
      fields.sync(state.settings);
      // A scale on hold stays as typed: the warning and the fields must agree.
      if (state.heldSettings === null) scale.sync(state.settings);
    },
  };
}
