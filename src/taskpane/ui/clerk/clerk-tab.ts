/**
 * The 担当課 tab: a department's KPIs for the evaluation year. Missing or unreadable values first, then
 * every KPI with its grade, value, target and rate; each item goes to the cell where its value is
 * typed. Department names so alike that they split one department in two are pointed out.
 */
import { percent, t, yearLabel } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { clerkItems, lookAlikeDepartments } from '../../model';
import type { ClerkItem, FoundSummary, LookAlike } from '../../model';
import { paneSetting, settingHelp, settingLabel } from '../settings/setting-field';
import { describe, help, mixed, sheetText } from '../controls';
import { fill, h } from '../dom';
import { gradeChip } from '../grade-chip';
import { lazyCard } from '../lazy-card';
import type { PaneCard, PaneContext, PaneView } from '../view';

function problemText(item: ClerkItem, year: string): string {
  if (item.problem === 'unreadable') return `${t('unreadable')}: ${item.raw}`;
  if (item.problem === 'noCell') return t('noCell', { year });
  return t('missing' as MessageKey);
}

/** `値 14人 (R5) ・ 目標 39人 ・ 達成率 35.9%`: what the clerk compares, in the sheet's own words. */
function facts(item: ClerkItem, evaluationYear: number): string[] {
  const value =
    item.latest === ''
      ? t('itemNoValue')
      : t('itemLatest', {
          value:
            item.latestYear !== null && item.latestYear !== evaluationYear
              ? `${item.latest} (${yearLabel(item.latestYear)})`
              : item.latest,
        });
  const parts = [value];
  if (item.target !== '') parts.push(t('itemTarget', { value: item.target }));
  if (item.rate !== null)
    parts.push(
      t(item.basis === 'progress' ? 'itemRateProgress' : 'itemRateAchievement', { rate: percent(item.rate) }),
    );
  return parts;
}

export function clerkTab(context: PaneContext): PaneCard {
  // The 担当課 drop-down's name and help are the registry's (core/settings/registry.ts, `department`).
  const setting = paneSetting('department');
  let department: string | null = null;
  let knownDepartments = '';
  let last: PaneView | null = null;
  const departmentSelect = h('select', {
    id: 'department',
    className: 'select',
    'data-testid': 'department',
  });
  const departmentHelp = help('department', settingHelp(setting));
  describe(departmentSelect, departmentHelp);
  const lookAlikes = h('div', { className: 'look-alikes', 'data-testid': 'look-alikes' });
  const liveStatus = h('p', { className: 'hint', 'aria-live': 'polite', 'data-testid': 'live' });
  const clerkList = h('div', { 'data-testid': 'clerk' });
  // Its own chunk (the comment list), loaded as the pane starts: the first script stays small.
  const comments = lazyCard(() =>
    import(/* webpackChunkName: "meeting-cards" */ '../comments-view').then((m) =>
      m.commentsCard(context, () => department),
    ),
  );
  departmentSelect.addEventListener('change', () => {
    department = departmentSelect.value === '' ? null : departmentSelect.value;
    if (last) renderList(last);
    comments.card?.redraw();
  });

  const element = h(
    'div',
    { className: 'stack' },
    h('h2', { className: 'card__title' }, t('clerkTitle')),
    h(
      'div',
      { className: 'field' },
      h('label', { className: 'field-label', for: 'department' }, settingLabel(setting)),
      departmentSelect,
      departmentHelp,
    ),
    lookAlikes,
    liveStatus,
    clerkList,
    comments.element,
  );

  function show(name: string): void {
    department = name;
    departmentSelect.value = name;
    if (last) renderList(last);
    comments.card?.redraw();
    departmentSelect.focus();
  }

  function renderDepartments(summary: FoundSummary | null): void {
    const list = summary?.departments ?? [];
    const key = list.join('\n');
    if (key === knownDepartments) return;
    knownDepartments = key;
    fill(
      departmentSelect,
      h('option', { value: '' }, t('allDepartments')),
      ...list.map((d) => h('option', { value: d, lang: 'ja' }, d)),
    );
    if (department !== null && !list.includes(department)) department = null;
    departmentSelect.value = department ?? '';
  }

  function renderLookAlikes(found: readonly LookAlike[]): void {
    fill(
      lookAlikes,
      ...found.map((pair) => {
        const showOdd = h(
          'button',
          { type: 'button', className: 'text-button', 'data-department': pair.odd },
          ...mixed(t('showDepartment', { department: pair.odd })),
        );
        showOdd.addEventListener('click', () => show(pair.odd));
        return h(
          'div',
          { className: 'notice notice--warn', 'data-testid': 'look-alike', role: 'note' },
          h('p', {}, ...mixed(t('lookAlike', { ...pair }))),
          showOdd,
        );
      }),
    );
    lookAlikes.hidden = found.length === 0;
  }

  function renderList({ state }: PaneView): void {
    if (!state.analysis) {
      fill(clerkList);
      fill(lookAlikes);
      return;
    }
    renderLookAlikes(lookAlikeDepartments(state.analysis));
    liveStatus.textContent =
      state.liveRows > 0 && state.written
        ? `${t('liveOn')} ${t('liveUpdated', { count: state.liveRows })}`
        : state.written
          ? t('liveOn')
          : t('livePending');
    const sheet = state.analysis.sheet.sheet;
    const evaluationYear = state.analysis.evaluation.year;
    const year = yearLabel(evaluationYear);
    const items = clerkItems(state.analysis, department);
    const missing = items.filter((i) => i.problem !== null);
    const scale = state.analysis.evaluation.settings.scale;

    /**
     * One KPI as a button to its cell, named by what it shows (the grade chip speaks `D 遅れ`, then the name,
     * the cell and the facts: WCAG 2.5.3); the line of help above it says where it goes.
     */
    const link = (item: ClerkItem, details: readonly string[], noteClass: string): HTMLElement => {
      const cell = item.jumpCell;
      const b = h(
        'button',
        {
          type: 'button',
          className: 'link link--kpi',
          'data-cell': cell,
          'data-kpi': item.kpiId,
          'aria-describedby': 'clerk-help',
        },
        h(
          'span',
          { className: 'link__head' },
          item.grade ? gradeChip(item.grade, scale) : null,
          sheetText(item.name, 'link__text'),
        ),
        h(
          'span',
          { className: 'link__facts' },
          h('span', { className: 'link__cell' }, cell),
          ...details.map((d) => h('span', { className: noteClass }, ...mixed(d))),
        ),
      );
      b.addEventListener('click', () => void context.goTo(sheet, cell));
      return b;
    };
    fill(
      clerkList,
      help('clerk', t('clerkHelp', { year })),
      h('h3', { className: 'card__subtitle' }, t('missingTitle', { year })),
      missing.length === 0
        ? h('p', { className: 'hint', 'data-testid': 'no-missing' }, t('noMissing', { year }))
        : h(
            'ul',
            { className: 'links', 'data-testid': 'missing' },
            ...missing.map((item) =>
              h('li', {}, link(item, [problemText(item, year)], 'link__note link__note--warn')),
            ),
          ),
      h('h3', { className: 'card__subtitle' }, t('deptKpis', { count: items.length })),
      h(
        'ul',
        { className: 'links', 'data-testid': 'dept-kpis' },
        ...items.map((item) =>
          h(
            'li',
            { 'data-department': item.department },
            link(item, facts(item, evaluationYear), 'link__note'),
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
      comments.render(view);
    },
  };
}
