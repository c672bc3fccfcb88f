/**
 * A 設定 card made only of the registry's controls (./setting-field): 出力 (row tints by grade, the paper the
 * print setup uses) and the evaluation meeting's columns (「要因・分析」「今後の方向性」, 「前年度判定」「前年比」).
 */
import type { SettingsCard } from '../../../core/settings/registry';
import { h } from '../dom';
import type { CardFactory, PaneView } from '../view';
import { cardFields } from './setting-field';

export function fieldsCard(card: SettingsCard): CardFactory {
  return ({ session }) => {
    const fields = cardFields(card, {
      current: () => session.state.settings,
      change: (next) => session.changeSettings(next),
    });
    return {
      element: h('div', { className: 'stack', 'data-card': card }, ...fields.elements),
      render({ state }: PaneView): void {
        fields.sync(state.settings);
      },
    };
  };
}
