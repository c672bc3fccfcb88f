/**
 * The settings for the evaluation meeting: the comment columns 「要因・分析」「今後の方向性」 and
 * the year-before columns 「前年度判定」「前年比」. Saved with the other settings.
 */
import type { Settings } from '../../../core/types';
import { language } from '../../i18n';
import { describe, help } from '../controls';
import type { CheckElement } from '../controls';
import { h } from '../dom';
import type { PaneCard, PaneContext, PaneView } from '../view';

const TEXT = {
  ja: {
    comments: '「要因・分析」「今後の方向性」の入力列を追加する',
    previous: '前年度の判定と前年比 (上昇・維持・低下) の列を追加する',
    help: '各課が書く要因・分析と今後の方向性の列、前年度との比較の列を判定の右に加えます。書かれた内容は再評価でも消えません。',
  },
  en: {
    comments: 'Add input columns for factor analysis and outlook',
    previous: 'Add the previous year’s grade and its change',
    help: 'Adds, right of the grades, columns where departments write their analysis and outlook, and the year-before comparison. What they write survives every re-run.',
  },
} as const;

/** The meeting settings of `s`, for carrying them over a preset change. */
export function meetingSettings(s: Settings): Pick<Settings, 'commentColumns' | 'previousYearColumns'> {
  return {
    ...(s.commentColumns ? { commentColumns: true } : {}),
    ...(s.previousYearColumns ? { previousYearColumns: true } : {}),
  };
}

export function meetingCard({ session }: PaneContext): PaneCard {
  const checkbox = (id: string, label: string): CheckElement =>
    h('fluent-checkbox', { id, 'data-testid': id }, label) as unknown as CheckElement;
  const comments = checkbox('comment-columns', TEXT[language()].comments);
  const previous = checkbox('previous-year-columns', TEXT[language()].previous);
  const line = help('meeting-columns', TEXT[language()].help);
  describe(comments, line);
  describe(previous, line);
  const change = (next: Partial<Settings>): void =>
    session.changeSettings({ ...session.state.settings, ...next });
  comments.addEventListener('change', () => change({ commentColumns: comments.checked }));
  previous.addEventListener('change', () => change({ previousYearColumns: previous.checked }));
  return {
    element: h('div', { className: 'stack', 'data-card': 'meeting' }, comments, previous, line),
    render({ state }: PaneView): void {
      const s = state.settings;
      if (comments.checked !== (s.commentColumns === true)) comments.checked = s.commentColumns === true;
      if (previous.checked !== (s.previousYearColumns === true))
        previous.checked = s.previousYearColumns === true;
    },
  };
}
