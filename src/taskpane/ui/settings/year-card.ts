/** Which year is judged: automatic (the latest year with actual values) or a year chosen from the sheet. */
import type { SessionState } from '../../session';
import type { FoundSummary } from '../../model';
import { t, yearLabel } from '../../i18n';
import { cardFields, paneSetting, settingHelp, settingLabel } from './setting-field';
import { selectField, setIfIdle } from '../controls';
import { fill, h } from '../dom';
import type { PaneCard, PaneContext, PaneView } from '../view';

const AUTO_YEAR = 'auto';

/** The year the evaluation would pick by itself: the evaluation's year when the setting is automatic. */
function autoYear(state: SessionState, summary: FoundSummary): number | null {
  if (state.settings.evaluationYear === null) return summary.evaluationYear;
  const years = summary.actualYears;
  return years.length > 0 ? years[years.length - 1] : null;
}

export function yearCard({ session }: PaneContext): PaneCard {
  const definition = paneSetting('evaluationYear');
  const year = selectField(definition.pane.testId, settingLabel(definition), [], settingHelp(definition));
  // The year picker is drawn here; any other setting of the card comes from the registry.
  const fields = cardFields(
    'year',
    { current: () => session.state.settings, change: (next) => session.changeSettings(next) },
    { evaluationYear: year.wrapper },
  );
  let knownYears = '';
  year.select.addEventListener('change', () => {
    const value = year.select.value;
    session.changeSettings({
      ...session.state.settings,
      evaluationYear: value === AUTO_YEAR ? null : Number(value),
    });
  });
  return {
    element: h('div', { className: 'stack', 'data-card': 'year' }, ...fields.elements),
    render({ state, summary }: PaneView): void {
      const years = summary?.actualYears ?? [];
      const auto = summary ? autoYear(state, summary) : null;
      const key = `${years.join(',')}|${auto ?? ''}`;
      if (key !== knownYears) {
        knownYears = key;
        fill(
          year.select,
          h(
            'option',
            { value: AUTO_YEAR },
            auto === null ? t('yearAuto', { year: '—' }) : t('yearAuto', { year: yearLabel(auto) }),
          ),
          ...years.map((y) => h('option', { value: String(y) }, yearLabel(y))),
        );
      }
      const s = state.settings;
      fields.sync(s);
      setIfIdle(year.select, s.evaluationYear === null ? AUTO_YEAR : String(s.evaluationYear));
    },
  };
}
