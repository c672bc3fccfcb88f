/** The 担当課 tab: a department's KPIs for the evaluation year, the missing or unreadable ones first. */
import { gradeLabel, t, yearLabel } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { clerkItems } from '../../model';
import type { ClerkItem, FoundSummary } from '../../model';
import { fill, h } from '../dom';
import { gradeClass } from '../grade-chip';
import type { PaneCard, PaneContext, PaneView } from '../view';

function problemText(item: ClerkItem, year: string): string {
  if (item.problem === 'unreadable') return `${t('unreadable')}: ${item.raw}`;
  if (item.problem === 'noCell') return t('noCell', { year });
  return t('missing' as MessageKey);
}

export function clerkTab(context: PaneContext): PaneCard {
  let department: string | null = null;
  let knownDepartments = '';
  let last: PaneView | null = null;
  const departmentSelect = h('select', {
    id: 'department',
    className: 'select',
    'data-testid': 'department',
  });
  const liveStatus = h('p', { className: 'hint', 'aria-live': 'polite', 'data-testid': 'live' });
  const clerkList = h('div', { 'data-testid': 'clerk' });
  departmentSelect.addEventListener('change', () => {
    department = departmentSelect.value === '' ? null : departmentSelect.value;
    if (last) renderList(last);
  });

  const element = h(
    'div',
    { className: 'stack' },
    h('h2', { className: 'card__title' }, t('clerkTitle')),
    h('label', { className: 'field-label', for: 'department' }, t('department')),
    departmentSelect,
    liveStatus,
    clerkList,
  );

  function renderDepartments(summary: FoundSummary | null): void {
    const list = summary?.departments ?? [];
    const key = list.join('\n');
    if (key === knownDepartments) return;
    knownDepartments = key;
    fill(
      departmentSelect,
      h('option', { value: '' }, t('allDepartments')),
      ...list.map((d) => h('option', { value: d }, d)),
    );
    if (department !== null && !list.includes(department)) department = null;
    departmentSelect.value = department ?? '';
  }

  function renderList({ state }: PaneView): void {
    if (!state.analysis) {
      fill(clerkList);
      return;
    }
    liveStatus.textContent =
      state.liveRows > 0 && state.written
        ? `${t('liveOn')} ${t('liveUpdated', { count: state.liveRows })}`
        : state.written
          ? t('liveOn')
          : t('livePending');
    const sheet = state.analysis.sheet.sheet;
    const year = yearLabel(state.analysis.evaluation.year);
    const items = clerkItems(state.analysis, department);
    const missing = items.filter((i) => i.problem !== null);
    const labels = state.analysis.evaluation.settings.labels;
    const link = (item: ClerkItem, detail: string): HTMLElement => {
      if (item.cell === null)
        return h(
          'span',
          { className: 'link link--static' },
          h('span', { className: 'link__text' }, item.name),
          h('span', { className: 'link__note' }, detail),
        );
      const cell = item.cell;
      const b = h(
        'button',
        {
          type: 'button',
          className: 'link',
          'data-cell': cell,
          'aria-label': `${t('cellLabel', { cell })}: ${item.name} ${detail}`,
        },
        h('span', { className: 'link__cell' }, cell),
        h('span', { className: 'link__text' }, item.name),
        h('span', { className: 'link__note' }, detail),
      );
      b.addEventListener('click', () => void context.goTo(sheet, cell));
      return b;
    };
    fill(
      clerkList,
      h('h3', { className: 'card__subtitle' }, t('missingTitle', { year })),
      missing.length === 0
        ? h('p', { className: 'hint', 'data-testid': 'no-missing' }, t('noMissing', { year }))
        : h(
            'ul',
            { className: 'links', 'data-testid': 'missing' },
            ...missing.map((item) => h('li', {}, link(item, problemText(item, year)))),
          ),
      h('h3', { className: 'card__subtitle' }, t('deptKpis', { count: items.length })),
      h(
        'ul',
        { className: 'links links--compact', 'data-testid': 'dept-kpis' },
        ...items.map((item) =>
          h(
            'li',
            { 'data-department': item.department },
            item.grade
              ? h(
                  'span',
                  {
                    className: `badge grade--${gradeClass(item.grade)}`,
                    title: gradeLabel(item.grade, labels),
                  },
                  item.grade,
                )
              : null,
            h('span', { className: 'link__text' }, item.name),
          ),
        ),
      ),
    );
  }

  return {
    element,
    render(view: PaneView): void {
      last = view;
      renderDepartments(view.summary);
      renderList(view);
    },
  };
}
