/**
 * The 担当課 view's comment card: the department's KPIs that still lack 「要因・分析」 or
 * 「今後の方向性」, each a button that goes to the cell to type into. Hidden when the sheet has no comment
 * columns.
 */
import type { Analysis } from '../../core/analyze';
import type { Grid } from '../../core/types';
import { missingComments } from '../comments-model';
import type { CommentItem } from '../comments-model';
import { language } from '../i18n';
import { fill, h } from './dom';
import type { PaneCard, PaneContext } from './view';

const TEXT = {
  ja: {
    title: 'コメントの記入状況',
    done: 'この担当課の KPI には、要因・分析と今後の方向性がすべて記入されています。',
    count: '未記入 {count} 件',
    both: '要因・分析・今後の方向性が未記入',
    factor: '要因・分析が未記入',
    outlook: '今後の方向性が未記入',
    failed: 'セル {cell} を選択できませんでした。',
  },
  en: {
    title: 'Comments',
    done: 'Every KPI of this department has both comments.',
    count: '{count} without comments',
    both: 'No factor analysis or outlook',
    factor: 'No factor analysis',
    outlook: 'No outlook',
    failed: 'Could not select cell {cell}.',
  },
} as const;

function text(
  key: keyof (typeof TEXT)['ja'],
  params: Readonly<Record<string, string | number>> = {},
): string {
  return TEXT[language()][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export interface CommentsCard extends PaneCard {
  /** Draws the list again for the 担当課 tab's new choice of department. */
  redraw(): void;
}

/** `department`: the 担当課 tab's choice, null for every department. */
export function commentsCard({ session, host }: PaneContext, department: () => string | null): CommentsCard {
  const body = h('div', {});
  const card = h(
    'section',
    { className: 'card', 'data-testid': 'comments', hidden: true, 'aria-labelledby': 'comments-title' },
    h('h3', { className: 'card__subtitle', id: 'comments-title' }, text('title')),
    body,
  );

  const link = (sheet: string, item: CommentItem): HTMLElement => {
    const b = h(
      'button',
      { type: 'button', className: 'link', 'data-cell': item.cell },
      h('span', { className: 'link__cell' }, item.cell),
      h('span', { className: 'link__text' }, item.name),
      h('span', { className: 'link__note' }, text(item.missing)),
    );
    b.addEventListener('click', () => {
      host
        .selectCell(sheet, item.cell)
        .catch(() => fill(body, h('p', { role: 'alert' }, text('failed', { cell: item.cell }))));
    });
    return b;
  };

  // The analysis of a full run reads the sheet before the run writes its comment columns: after each write,
  // the sheet is read once more for them (live edits bring a fresh analysis of their own).
  let written: { apply: unknown; analysis: Analysis; grid: Grid } | null = null;
  const refresh = (): void => {
    const { lastApply, analysis, activity } = session.state;
    if (!analysis || !lastApply || activity !== 'idle' || written?.apply === lastApply) return;
    const apply = lastApply;
    written = { apply, analysis, grid: analysis.grid };
    void host
      .readGrid(analysis.sheet.sheet)
      .then((grid) => {
        if (written?.apply !== apply) return;
        written = { apply, analysis, grid };
        draw();
      })
      .catch(() => undefined);
  };

  const draw = (): void => {
    const current = session.state.analysis;
    const analysis = current && written?.analysis === current ? { ...current, grid: written.grid } : current;
    const items = analysis ? missingComments(analysis, department()) : null;
    card.hidden = items === null;
    if (!analysis || items === null) return;
    fill(
      body,
      items.length === 0
        ? h('p', { className: 'hint' }, text('done'))
        : h(
            'p',
            { className: 'hint', 'data-testid': 'comments-count' },
            text('count', { count: items.length }),
          ),
      items.length === 0
        ? null
        : h(
            'ul',
            { className: 'links', 'data-testid': 'comments-missing' },
            ...items.map((item) => h('li', {}, link(analysis.sheet.sheet, item))),
          ),
    );
  };
  return {
    element: card,
    redraw: draw,
    render(): void {
      refresh();
      draw();
    },
  };
}
