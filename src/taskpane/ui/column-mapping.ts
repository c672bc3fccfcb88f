/**
 * 「列の割り当て」: the sheet's header shown column by column with the role the reader gave each (or, on a sheet
 * it could not place, a first guess); the user changes any role or year, or picks the header row, and the
 * mapping joins the settings: the pane reads the sheet with it at once, and 評価する saves it in the workbook.
 * Offered on the 評価 tab when no table is found, and always on the 設定 tab.
 */
import { columnLetters } from '../../core/a1';
import { proposeMapping, ROLE_LABELS_JA } from '../../core/layout';
import { formatFiscalYear, parseFiscalYear } from '../../core/read';
import type { ColumnMapping, FiscalYear, Grid, MappedColumn, MappedRole, Settings } from '../../core/types';
import { MAPPED_ROLES, YEAR_ROLES } from '../../core/types';
import type { WorkbookHost } from '../../core/host';
import { paneSetting, settingHelp, settingLabel } from './settings/setting-field';
import { language } from '../i18n';
import type { Session, SessionState } from '../session';
import { fill, h } from './dom';

const WORDS = {
  ja: {
    failureHelp: 'この表の列の意味を指定すると、評価できます。',
    headerRow: '見出しの行',
    column: '列',
    header: '見出し',
    role: '役割',
    year: '年度',
    yearPlaceholder: 'R5 など',
    apply: 'この割り当てで読む',
    reset: '読み取りに戻す',
    source: { read: '読み取った割り当て', user: '保存された割り当て' },
    noName: 'KPI名の列を 1 つ選んでください。',
    noValue: '基準値・実績・目標値・中間目標のいずれかの列を選んでください。',
    badYear: '年度「{year}」が読めません (R5、2023、令和5年度 など)。',
    nothing: 'シートを読むと、ここに見出しの列が表示されます。',
    roles: ROLE_LABELS_JA,
  },
  en: {
    failureHelp: 'Say what the columns of this table are, and it can be evaluated.',
    headerRow: 'Header row',
    column: 'Column',
    header: 'Header',
    role: 'Role',
    year: 'Year',
    yearPlaceholder: 'e.g. R5',
    apply: 'Read with this mapping',
    reset: 'Back to what was read',
    source: { read: 'As read', user: 'Saved mapping' },
    noName: 'Choose one column as the KPI name.',
    noValue: 'Choose at least one baseline, actual, target or interim target column.',
    badYear: 'Cannot read the year “{year}” (R5, 2023, 令和5年度 …).',
    nothing: 'The header columns appear here once the sheet is read.',
    roles: {
      name: 'KPI name',
      department: 'Department',
      unit: 'Unit',
      baseline: 'Baseline',
      actual: 'Actual',
      target: 'Target',
      interim: 'Interim target',
      forecast: 'Forecast',
      targetDate: 'Target date',
      direction: 'Direction',
      published: "City's own grade",
      section: 'Section',
      ignore: 'Not used',
    },
  },
} as const;

type Words = (typeof WORDS)[keyof typeof WORDS];

function words(): Words {
  return WORDS[language()];
}

export interface ColumnMappingPanel {
  readonly element: HTMLElement;
  sync(state: SessionState): void;
}

interface Draft {
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: readonly MappedColumn[];
  readonly source: ColumnMapping['source'];
}

/** The mapping to show: the user's for this sheet, else the one the reader used, else a first guess. */
function startingDraft(state: SessionState, grid: Grid | null): Draft | null {
  const sheet = state.analysis?.sheet;
  const used = sheet?.mappings?.[0];
  if (used) return { ...used, columns: used.columns };
  if (!grid) return null;
  const row = state.failure?.headerGuess ?? grid.top;
  const proposed = proposeMapping(grid, row);
  return { ...proposed, columns: proposed.columns };
}

function withoutSheet(settings: Settings, sheet: string): readonly ColumnMapping[] {
  return (settings.columnMappings ?? []).filter((m) => m.sheet !== sheet && m.sheet !== '');
}

export function mountColumnMapping({
  session,
  host,
}: {
  session: Session;
  host: WorkbookHost;
}): ColumnMappingPanel {
  const w = words();
  // Its title and line of help are the registry's (core/settings/registry.ts, `columnMappings`).
  const definition = paneSetting('columnMappings');
  const title = settingLabel(definition);
  const mappingHelp = settingHelp(definition);
  const element = h('section', {
    className: 'card column-mapping',
    'data-testid': 'column-mapping',
    'aria-labelledby': 'column-mapping-title',
  });
  let draft: Draft | null = null;
  let grid: Grid | null = null;
  let shownFor = '';
  let problem = '';
  let failed = false;

  async function refreshGrid(): Promise<void> {
    grid = await host.readGrid();
  }

  function headerText(row: number, col: number): string {
    if (!grid) return '';
    return grid.texts[row - grid.top]?.[col - grid.left] ?? '';
  }

  function columnsAt(row: number): MappedColumn[] {
    if (!grid) return [];
    return proposeMapping(grid, row).columns.map((c) => ({ ...c, header: headerText(row, c.col) }));
  }

  function render(): void {
    const heading = h('h2', { className: 'card__title', id: 'column-mapping-title' }, title);
    if (!draft) {
      fill(element, heading, h('p', { className: 'hint' }, w.nothing));
      return;
    }
    const current = draft;
    const rowField = h('input', {
      type: 'number',
      min: 1,
      className: 'mapping__row',
      id: 'mapping-header-row',
      'data-testid': 'mapping-header-row',
      'aria-describedby': 'mapping-help',
      value: String(current.headerRow),
    });
    rowField.addEventListener('change', () => {
      const row = Number(rowField.value);
      if (!Number.isInteger(row) || row < 1) return;
      draft = { ...current, headerRow: row, columns: columnsAt(row), source: 'user' };
      render();
    });
    const body = h('tbody', {}, ...current.columns.map((column, index) => columnRow(current, column, index)));
    const apply = h(
      'fluent-button',
      { appearance: 'accent', 'data-testid': 'mapping-apply', 'aria-describedby': 'mapping-help' },
      w.apply,
    );
    apply.addEventListener('click', () => void applyDraft());
    const reset = h(
      'fluent-button',
      { appearance: 'neutral', 'data-testid': 'mapping-reset', 'aria-describedby': 'mapping-help' },
      w.reset,
    );
    reset.addEventListener('click', () => {
      const settings = session.state.settings;
      const rest = withoutSheet(settings, current.sheet);
      const { columnMappings: _dropped, ...others } = settings;
      void _dropped;
      shownFor = '';
      session.changeSettings(rest.length > 0 ? { ...others, columnMappings: rest } : others);
    });
    fill(
      element,
      heading,
      h('p', { className: 'hint', id: 'mapping-help' }, failed ? w.failureHelp : mappingHelp),
      h('p', { className: 'hint', 'data-testid': 'mapping-source' }, w.source[current.source]),
      h(
        'div',
        { className: 'field' },
        h('label', { className: 'field-label', for: 'mapping-header-row' }, w.headerRow),
        rowField,
      ),
      h(
        'table',
        { className: 'mapping', 'data-testid': 'mapping-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, w.column),
            h('th', { scope: 'col' }, w.header),
            h('th', { scope: 'col' }, w.role),
            h('th', { scope: 'col' }, w.year),
          ),
        ),
        body,
      ),
      problem === ''
        ? null
        : h('p', { className: 'hint hint--warn', role: 'alert', 'data-testid': 'mapping-problem' }, problem),
      h('div', { className: 'actions' }, apply, reset),
    );
  }

  function columnRow(current: Draft, column: MappedColumn, index: number): HTMLElement {
    const letter = columnLetters(column.col);
    const select = h(
      'select',
      {
        className: 'select',
        'data-testid': `mapping-role-${letter}`,
        'aria-label': `${w.role} ${letter}`,
        'aria-describedby': 'mapping-help',
      },
      ...MAPPED_ROLES.map((role) =>
        h('option', { value: role, selected: role === column.role }, w.roles[role]),
      ),
    );
    select.value = column.role;
    const year = h('input', {
      type: 'text',
      className: 'mapping__year',
      size: 8,
      'data-testid': `mapping-year-${letter}`,
      'aria-label': `${w.year} ${letter}`,
      'aria-describedby': 'mapping-help',
      placeholder: w.yearPlaceholder,
      value: column.year === null ? '' : formatFiscalYear(column.year),
    });
    year.disabled = !YEAR_ROLES.has(column.role) && column.role !== 'published';
    const update = (patch: Partial<MappedColumn>): void => {
      const columns = current.columns.map((c, i) => (i === index ? { ...c, ...patch } : c));
      draft = { ...current, columns, source: 'user' };
    };
    select.addEventListener('change', () => {
      update({ role: select.value as MappedRole });
      render();
    });
    year.addEventListener('change', () => {
      const text = year.value.trim();
      const parsed: FiscalYear | null = text === '' ? null : parseFiscalYear(text);
      problem = text !== '' && parsed === null ? w.badYear.replace('{year}', text) : '';
      if (problem === '') update({ year: parsed });
      render();
    });
    return h(
      'tr',
      { 'data-column': letter },
      h('th', { scope: 'row' }, letter),
      h('td', { className: 'mapping__header', title: column.header, lang: 'ja' }, column.header),
      h('td', {}, select),
      h('td', {}, year),
    );
  }

  async function applyDraft(): Promise<void> {
    if (!draft) return;
    const columns = draft.columns.filter((c) => c.role !== 'ignore');
    if (!columns.some((c) => c.role === 'name')) problem = w.noName;
    else if (!columns.some((c) => YEAR_ROLES.has(c.role))) problem = w.noValue;
    else problem = '';
    if (problem !== '') {
      render();
      return;
    }
    const mapping: ColumnMapping = {
      sheet: draft.sheet,
      headerRow: draft.headerRow,
      headerTop: draft.headerRow,
      columns: columns.map((c) => ({ ...c, header: headerText(draft?.headerRow ?? 0, c.col) })),
      source: 'user',
    };
    const settings = session.state.settings;
    shownFor = '';
    session.changeSettings({
      ...settings,
      columnMappings: [...withoutSheet(settings, mapping.sheet), mapping],
    });
  }

  function sync(state: SessionState): void {
    failed = state.failure !== null;
    const key = `${state.analysis?.sheet.sheet ?? ''}|${JSON.stringify(state.analysis?.sheet.mappings?.[0] ?? null)}|${state.failure?.headerGuess ?? ''}`;
    if (key === shownFor || state.activity !== 'idle') return;
    shownFor = key;
    // The pane's state has no grid when the sheet could not be read: read it for the header texts.
    void refreshGrid()
      .then(() => {
        draft = startingDraft(state, grid);
        if (draft && !state.analysis?.sheet.mappings?.[0])
          draft = {
            ...draft,
            columns: draft.columns.map((c) => ({ ...c, header: headerText(draft?.headerRow ?? 0, c.col) })),
          };
        render();
      })
      .catch(() => render());
  }

  render();
  return { element, sync };
}
