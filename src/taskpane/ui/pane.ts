/**
 * The task pane page: what staff (評価・設定), clerks (担当課) and reviewers (印刷) see and click.
 * Renders a Session's state; every cell text goes in as text.
 */
import { CUSTOM_PRESET, PRESETS } from '../../core/settings';
import type { Grade, GradeBasis, PaperSize, Settings } from '../../core/types';
import type { WorkbookHost } from '../../excel/workbook-host';
import { gradeLabel, t, yearLabel } from '../i18n';
import type { MessageKey } from '../i18n';
import { clerkItems, countsPerGoal, foundSummary, GRADES } from '../model';
import type { ClerkItem, FoundSummary } from '../model';
import type { Session, SessionState } from '../session';
import { fill, h } from './dom';
import { commentsCard } from './comments-view';
import { historyCard } from './history-view';
import { meetingSettings, meetingSettingsFields } from './meeting-settings';

/** The Fluent elements' properties the pane uses (their classes are not exported per element). */
interface ValueElement extends HTMLElement {
  value: string;
  disabled: boolean;
}
interface CheckElement extends HTMLElement {
  checked: boolean;
}

const AUTO_YEAR = 'auto';

export interface PaneOptions {
  readonly session: Session;
  readonly host: WorkbookHost;
}

export function mountPane(root: HTMLElement, { session, host }: PaneOptions): void {
  let department: string | null = null;
  let everEvaluated = false;

  // ---- skeleton -------------------------------------------------------------------------------
  const sheetName = h('p', { className: 'pane__sheet' });
  const ring = h('fluent-progress-ring', { className: 'status__ring', 'aria-hidden': 'true' });
  const statusText = h('span', { className: 'status__text' });
  const status = h(
    'div',
    { className: 'pane__status', role: 'status', 'aria-live': 'polite' },
    ring,
    statusText,
  );
  const error = h('div', { className: 'pane__error', role: 'alert', 'data-testid': 'error' });

  const found = h('section', { className: 'card', 'data-testid': 'found', 'aria-labelledby': 'found-title' });
  const evaluateButton = button(t('evaluate'), 'accent', 'evaluate');
  const reloadButton = button(t('reload'), 'neutral', 'reload');
  const results = h('section', {
    className: 'card',
    'data-testid': 'results',
    'aria-live': 'polite',
    'aria-labelledby': 'results-title',
  });
  const issues = h('section', {
    className: 'card',
    'data-testid': 'issues',
    'aria-labelledby': 'issues-title',
  });

  const settingsPanel = buildSettings();
  const departmentSelect = h('select', {
    id: 'department',
    className: 'select',
    'data-testid': 'department',
  });
  const liveStatus = h('p', { className: 'hint', 'aria-live': 'polite', 'data-testid': 'live' });
  const clerkList = h('div', { 'data-testid': 'clerk' });

  const printButton = button(t('printButton'), 'accent', 'print');
  const printList = h('div', { 'data-testid': 'print-ready', 'aria-live': 'polite' });

  const tabs = h(
    'fluent-tabs',
    { activeid: 'tab-evaluate', 'aria-label': t('tabsLabel') },
    h('fluent-tab', { id: 'tab-evaluate' }, t('tabEvaluate')),
    h('fluent-tab', { id: 'tab-settings' }, t('tabSettings')),
    h('fluent-tab', { id: 'tab-clerk' }, t('tabClerk')),
    h('fluent-tab', { id: 'tab-print' }, t('tabPrint')),
    h(
      'fluent-tab-panel',
      { id: 'panel-evaluate' },
      h(
        'div',
        { className: 'stack' },
        found,
        h('div', { className: 'actions' }, evaluateButton, reloadButton),
        results,
        historyCard(session, host),
        issues,
      ),
    ),
    h('fluent-tab-panel', { id: 'panel-settings' }, settingsPanel.element),
    h(
      'fluent-tab-panel',
      { id: 'panel-clerk' },
      h(
        'div',
        { className: 'stack' },
        h('h2', { className: 'card__title' }, t('clerkTitle')),
        h('label', { className: 'field-label', for: 'department' }, t('department')),
        departmentSelect,
        liveStatus,
        clerkList,
        commentsCard(session, host, departmentSelect),
      ),
    ),
    h(
      'fluent-tab-panel',
      { id: 'panel-print' },
      h(
        'div',
        { className: 'stack' },
        h('h2', { className: 'card__title' }, t('printTitle')),
        h('p', { className: 'hint' }, t('printHelp')),
        h('div', { className: 'actions' }, printButton),
        printList,
      ),
    ),
  );

  fill(
    root,
    h(
      'header',
      { className: 'pane__header' },
      h('h1', { className: 'pane__title', id: 'pane-title' }, t('appTitle')),
      sheetName,
    ),
    status,
    error,
    tabs,
  );
  root.setAttribute('aria-labelledby', 'pane-title');

  // ---- actions --------------------------------------------------------------------------------
  evaluateButton.addEventListener('click', () => {
    everEvaluated = true;
    void session.evaluate();
  });
  reloadButton.addEventListener('click', () => void session.load());
  printButton.addEventListener('click', () => void session.preparePrint());
  departmentSelect.addEventListener('change', () => {
    department = departmentSelect.value === '' ? null : departmentSelect.value;
    renderClerk(session.state);
  });

  async function select(sheet: string, cell: string): Promise<void> {
    try {
      await host.selectCell(sheet, cell);
    } catch {
      fill(error, t('errorPrefix'), t('selectFailed', { cell }));
    }
  }

  // ---- rendering ------------------------------------------------------------------------------
  let knownDepartments = '';
  session.subscribe(render);
  render(session.state);

  function render(state: SessionState): void {
    const busy = state.activity !== 'idle';
    for (const b of [evaluateButton, reloadButton, printButton])
      (b as unknown as ValueElement).disabled = busy;
    evaluateButton.toggleAttribute('disabled', busy || state.analysis === null);
    printButton.toggleAttribute('disabled', busy || state.analysis === null);
    root.setAttribute('aria-busy', String(busy));
    ring.hidden = !busy;
    statusText.textContent = statusMessage(state);
    fill(error, state.error ? `${t('errorPrefix')}${state.error}` : '');
    error.hidden = !state.error;
    if (state.written) everEvaluated = true;

    const summary = state.analysis ? foundSummary(state.analysis) : null;
    sheetName.textContent = summary ? `${t('sheetLabel')}: ${summary.sheet}` : '';
    renderFound(state, summary);
    renderResults(state);
    renderIssues(state, summary);
    settingsPanel.sync(state, summary);
    renderDepartments(summary);
    renderClerk(state);
    renderPrint(state);
  }

  function statusMessage(state: SessionState): string {
    switch (state.activity) {
      case 'reading':
        return t('reading');
      case 'evaluating':
      case 'live':
        return t('evaluating');
      case 'printing':
        return t('printing');
      case 'idle':
        break;
    }
    if (state.lastApply && state.written) {
      const parts = [t('evaluated', { applied: state.lastApply.applied })];
      if (state.lastApply.skipped.length > 0) {
        const reasons = [...new Set(state.lastApply.skipped.map((s) => s.reason))].join(' / ');
        parts.push(t('skipped', { count: state.lastApply.skipped.length, reasons }));
      }
      return parts.join(' ');
    }
    return '';
  }

  function renderFound(state: SessionState, summary: FoundSummary | null): void {
    if (state.failure) {
      fill(
        found,
        h('h2', { className: 'card__title card__title--warn', id: 'found-title' }, t('notKpiTitle')),
        h('p', { 'data-testid': 'failure' }, state.failure.message),
        h('p', { className: 'hint' }, t('notKpiHelp')),
      );
      return;
    }
    if (!summary) {
      fill(
        found,
        h('h2', { className: 'card__title', id: 'found-title' }, t('found')),
        h('p', { className: 'hint' }, t('reading')),
      );
      return;
    }
    const years =
      summary.years.length > 0
        ? `${yearLabel(summary.years[0])} – ${yearLabel(summary.years[summary.years.length - 1])}`
        : '—';
    fill(
      found,
      h('h2', { className: 'card__title', id: 'found-title' }, t('found')),
      h(
        'dl',
        { className: 'facts' },
        fact(t('goals'), `${summary.goals.length}${t('goalCountUnit')}`, 'goal-count'),
        fact(t('kpis'), `${summary.kpiCount}${t('countUnit')}`, 'kpi-count'),
        fact(t('headlines'), `${summary.headlineCount}${t('countUnit')}`, 'headline-count'),
        fact(t('years'), years, 'years'),
        fact(t('evaluationYear'), yearLabel(summary.evaluationYear), 'evaluation-year'),
        fact(t('issues'), `${summary.issues.length}${t('countUnit')}`, 'issue-count'),
      ),
      h(
        'ol',
        { className: 'goals', 'data-testid': 'goals' },
        ...summary.goals.map((goal) => h('li', { title: goal }, goal)),
      ),
    );
  }

  function renderResults(state: SessionState): void {
    if (!state.analysis || !everEvaluated) {
      fill(
        results,
        h('h2', { className: 'card__title', id: 'results-title' }, t('results')),
        h('p', { className: 'hint' }, t('resultsPending')),
      );
      return;
    }
    const labels = state.analysis.evaluation.settings.labels;
    const rows = countsPerGoal(state.analysis);
    fill(
      results,
      h(
        'h2',
        { className: 'card__title', id: 'results-title' },
        t('results'),
        ` (${yearLabel(state.analysis.evaluation.year)})`,
      ),
      state.written
        ? null
        : h('p', { className: 'hint hint--warn', 'data-testid': 'stale' }, t('resultsStale')),
      h(
        'table',
        { className: 'counts', 'data-testid': 'counts' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('goalColumn')),
            ...GRADES.map((g: Grade) =>
              h(
                'th',
                { scope: 'col', title: gradeLabel(g, labels), className: `grade grade--${gradeClass(g)}` },
                g,
              ),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          ...rows.map((row, index) =>
            h(
              'tr',
              { className: index === rows.length - 1 ? 'counts__total' : undefined, 'data-goal': row.goal },
              h('th', { scope: 'row', title: row.goal }, index === rows.length - 1 ? t('overall') : row.goal),
              ...GRADES.map((g) => h('td', { 'data-grade': g }, String(row.counts[g]))),
            ),
          ),
        ),
      ),
      h(
        'p',
        { className: 'legend' },
        ...GRADES.map((g) =>
          h('span', { className: `legend__item grade--${gradeClass(g)}` }, `${g} ${gradeLabel(g, labels)}`),
        ),
      ),
      ...state.notices.map((notice) => h('p', { className: 'hint' }, notice)),
    );
  }

  function renderIssues(state: SessionState, summary: FoundSummary | null): void {
    if (!summary || !state.analysis) {
      fill(issues);
      issues.hidden = true;
      return;
    }
    issues.hidden = false;
    const sheet = summary.sheet;
    fill(
      issues,
      h('h2', { className: 'card__title', id: 'issues-title' }, `${t('issues')} (${summary.issues.length})`),
      summary.issues.length === 0
        ? h('p', { className: 'hint' }, t('noIssues'))
        : h('p', { className: 'hint' }, t('issuesHelp')),
      h(
        'ul',
        { className: 'links' },
        ...summary.issues.map((issue) => {
          const item = h(
            'button',
            {
              type: 'button',
              className: 'link',
              'data-cell': issue.cell,
              'aria-label': `${t('cellLabel', { cell: issue.cell })}: ${issue.message}`,
            },
            h('span', { className: 'link__cell' }, issue.cell),
            h('span', { className: 'link__text' }, issue.message),
          );
          item.addEventListener('click', () => void select(sheet, issue.cell));
          return h('li', {}, item);
        }),
      ),
    );
  }

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

  function renderClerk(state: SessionState): void {
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
      b.addEventListener('click', () => void select(sheet, cell));
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

  function renderPrint(state: SessionState): void {
    if (!state.print) {
      fill(printList);
      return;
    }
    const { ready, notYet } = state.print;
    fill(
      printList,
      ready.length === 0 ? h('p', { className: 'hint' }, t('printNone')) : null,
      h(
        'ul',
        { className: 'ready' },
        ...ready.map((r) =>
          h(
            'li',
            { 'data-sheet': r.sheet },
            h('strong', {}, r.sheet),
            `: ${t('printReady')} (${r.layout.paperSize} ${t(r.layout.orientation)}${r.layout.fitToWidth ? `, ${t('fitToWidth')}` : ''}, ${t('pageBreaks', { count: r.layout.rowBreaks.length })})`,
          ),
        ),
        ...notYet.map((sheet) =>
          h('li', { className: 'ready--no' }, h('strong', {}, sheet), `: ${t('printNotYet')}`),
        ),
      ),
    );
  }

  // ---- settings -------------------------------------------------------------------------------
  function buildSettings(): {
    element: HTMLElement;
    sync: (state: SessionState, summary: FoundSummary | null) => void;
  } {
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
    const year = selectField('year', t('evaluationYear'), []);
    const rowTint = h(
      'fluent-checkbox',
      { id: 'row-tint', 'data-testid': 'row-tint' },
      t('rowTint'),
    ) as unknown as CheckElement;
    const paper = selectField('paper', t('paperSize'), [
      { value: 'A4', label: 'A4' },
      { value: 'A3', label: 'A3' },
    ]);
    const problems = h('p', { className: 'hint hint--warn', 'data-testid': 'settings-problems' });
    const meeting = meetingSettingsFields(session);
    let knownYears = '';

    const element = h(
      'div',
      { className: 'stack' },
      h('h2', { className: 'card__title' }, t('settingsTitle')),
      preset.wrapper,
      basis.wrapper,
      h(
        'fieldset',
        { className: 'thresholds' },
        h('legend', { className: 'field-label' }, t('thresholds')),
        h('div', { className: 'thresholds__row' }, thresholdA, thresholdB, thresholdC),
        thresholdError,
      ),
      year.wrapper,
      rowTint as unknown as HTMLElement,
      meeting.element,
      paper.wrapper,
      h('p', { className: 'hint' }, t('settingsSaved')),
      problems,
    );

    const current = (): Settings => session.state.settings;
    const change = (next: Settings): void => session.changeSettings(next);
    /** Basis and thresholds that match no preset any more make the settings カスタム. */
    const presetFor = (next: Settings): string => {
      const match = Object.values(PRESETS).find(
        (p) =>
          p.basis === next.basis &&
          p.thresholds.a === next.thresholds.a &&
          p.thresholds.b === next.thresholds.b &&
          p.thresholds.c === next.thresholds.c,
      );
      return match?.preset ?? CUSTOM_PRESET;
    };

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
        ...meetingSettings(s),
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
    year.select.addEventListener('change', () => {
      const value = year.select.value;
      change({ ...current(), evaluationYear: value === AUTO_YEAR ? null : Number(value) });
    });
    rowTint.addEventListener('change', () => change({ ...current(), rowTint: rowTint.checked }));
    paper.select.addEventListener('change', () =>
      change({ ...current(), paperSize: paper.select.value as PaperSize }),
    );

    function sync(state: SessionState, summary: FoundSummary | null): void {
      const s = state.settings;
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
      setIfIdle(year.select, s.evaluationYear === null ? AUTO_YEAR : String(s.evaluationYear));
      setIfIdle(preset.select, Object.keys(PRESETS).includes(s.preset) ? s.preset : CUSTOM_PRESET);
      setIfIdle(basis.select, s.basis);
      setIfIdle(thresholdA, String(s.thresholds.a));
      setIfIdle(thresholdB, String(s.thresholds.b));
      setIfIdle(thresholdC, String(s.thresholds.c));
      if (rowTint.checked !== s.rowTint) rowTint.checked = s.rowTint;
      meeting.sync(state);
      setIfIdle(paper.select, s.paperSize);
      problems.textContent =
        state.settingsProblems.length > 0
          ? t('settingsProblems', { problems: state.settingsProblems.join(' / ') })
          : '';
      problems.hidden = state.settingsProblems.length === 0;
    }

    return { element, sync };
  }

  /** The year the evaluation would pick by itself: the evaluation's year when the setting is automatic. */
  function autoYear(state: SessionState, summary: FoundSummary): number | null {
    if (state.settings.evaluationYear === null) return summary.evaluationYear;
    const years = summary.actualYears;
    return years.length > 0 ? years[years.length - 1] : null;
  }
}

function setIfIdle(element: ValueElement | HTMLSelectElement, value: string): void {
  // Never rewrite a field while the user is typing in it.
  if (element.contains(document.activeElement) || document.activeElement === element) return;
  if (element.value !== value) element.value = value;
}

function button(label: string, appearance: 'accent' | 'neutral', testId: string): HTMLElement {
  return h('fluent-button', { appearance, 'data-testid': testId }, label);
}

function fact(term: string, value: string, testId: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(h('dt', {}, term), h('dd', { 'data-testid': testId }, value));
  return fragment;
}

function selectField(
  id: string,
  label: string,
  options: readonly { value: string; label: string }[],
): { wrapper: HTMLElement; select: HTMLSelectElement } {
  const labelElement = h('label', { className: 'field-label', for: id }, label);
  const select = h(
    'select',
    { id, className: 'select', 'data-testid': id },
    ...options.map((o) => h('option', { value: o.value }, o.label)),
  );
  return { wrapper: h('div', { className: 'field' }, labelElement, select), select };
}

function numberField(id: string, label: string): ValueElement {
  return h(
    'fluent-text-field',
    { id, type: 'number', min: 0, 'data-testid': id, size: 4 },
    label,
  ) as unknown as ValueElement;
}

function problemText(item: ClerkItem, year: string): string {
  if (item.problem === 'unreadable') return `${t('unreadable')}: ${item.raw}`;
  if (item.problem === 'noCell') return t('noCell', { year });
  return t('missing' as MessageKey);
}

function gradeClass(grade: Grade): string {
  return grade === '廃止' ? 'abolished' : grade.toLowerCase();
}
