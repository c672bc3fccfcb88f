/**
 * Demo mode: the bundled sample workbook in memory, shown beside the pane as a sheet-like table with
 * the flags and colours the plan wrote. A formula bar lets the user type into a cell, as in Excel.
 * Loaded only outside Office (a separate chunk with the sample Grid).
 */
import { cellAddress, columnLetters } from '../../core/a1';
import type { Grid } from '../../core/types';
import { t } from '../i18n';
import { fill, h } from '../ui/dom';
import { DemoWorkbookHost } from './demo-host';
import { DemoWorkbook } from './demo-workbook';
import { sheetView } from './sheet-view';
import { unplaceableGrid } from './unplaceable-grid';
import type { ViewCell } from './sheet-view';

export interface DemoPage {
  readonly host: DemoWorkbookHost;
  /** Where the pane goes, to the right of the sheet. */
  readonly paneRoot: HTMLElement;
}

/** Pixels per Excel character width, roughly, at the table's font size. */
const PX_PER_CHAR = 7.5;

export async function startDemo(body: HTMLElement): Promise<DemoPage> {
  // `?sample=unplaceable`: a sheet only 「列の割り当て」 makes readable, instead of the bundled sample.
  const requested = new URLSearchParams(window.location.search).get('sample');
  const sample =
    requested === 'unplaceable'
      ? unplaceableGrid()
      : ((await import(/* webpackChunkName: "demo-sample" */ './sample-grid.json'))
          .default as unknown as Grid);
  const workbook = DemoWorkbook.fromGrid(sample);
  // `?sample=compare`: the strategy table as adopted on a second sheet, for 「策定時の表と比べる」.
  if (requested === 'compare')
    workbook.addGrid(
      (await import(/* webpackChunkName: "demo-strategy" */ './strategy-grid.json'))
        .default as unknown as Grid,
    );
  const host = new DemoWorkbookHost(workbook);
  const book = host.book;
  let shown = host.active;
  let selected: { row: number; col: number } | null = null;

  const address = h('output', {
    className: 'formula__address',
    'data-testid': 'demo-address',
    'aria-live': 'polite',
  });
  const input = h('input', {
    className: 'formula__input',
    type: 'text',
    'aria-label': t('formulaBar'),
    'data-testid': 'demo-input',
    placeholder: t('demoEditHelp'),
  });
  const table = h('table', { className: 'grid', 'data-testid': 'demo-sheet' });
  const scroller = h(
    'div',
    { className: 'sheet__scroll', tabindex: 0, 'aria-label': t('sheetLabel') },
    table,
  );
  const tabs = h('div', { className: 'sheet__tabs', role: 'tablist', 'aria-label': t('sheetTabs') });
  const paneRoot = h('main', { className: 'pane' });

  fill(
    body,
    h('div', { className: 'demo-banner', role: 'note', 'data-testid': 'demo-banner' }, t('demoBanner')),
    h(
      'div',
      { className: 'demo-layout' },
      h(
        'section',
        { className: 'sheet', 'aria-label': t('sheetLabel') },
        h(
          'div',
          { className: 'formula' },
          address,
          h('span', { className: 'formula__fx', 'aria-hidden': 'true' }, 'fx'),
          input,
        ),
        scroller,
        tabs,
      ),
      paneRoot,
    ),
  );

  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !selected) return;
    event.preventDefault();
    host.typeInto(shown, selected.row, selected.col, input.value);
  });
  table.addEventListener('click', (event) => {
    const td = (event.target as Element).closest('td[data-row]');
    if (!(td instanceof HTMLElement)) return;
    choose(Number(td.dataset.row), Number(td.dataset.col), false);
    host.userSelected(shown, Number(td.dataset.row));
  });

  host.onChanged(render);
  host.onSelected((selection) => {
    shown = selection.sheet;
    render();
    choose(selection.row, selection.col, true);
  });
  render();
  return { host, paneRoot };

  function choose(row: number, col: number, scroll: boolean): void {
    selected = { row, col };
    for (const old of table.querySelectorAll('td.is-selected')) {
      old.classList.remove('is-selected');
      old.removeAttribute('aria-selected');
    }
    const td = table.querySelector(`td[data-row="${row}"][data-col="${col}"]`);
    if (td instanceof HTMLElement) {
      td.classList.add('is-selected');
      td.setAttribute('aria-selected', 'true');
      if (scroll) td.scrollIntoView({ block: 'center', inline: 'center' });
    }
    address.textContent = cellAddress(row, col);
    const cell = book.cell(shown, row, col);
    input.value = typeof cell.value === 'string' ? cell.value : cell.text;
  }

  function render(): void {
    const view = sheetView(book, shown) ?? sheetView(book, host.active);
    if (!view) return;
    shown = view.sheet;
    const widths = columnWidths(
      view.rows.flatMap((r) => r.cells),
      view.lastCol,
      view.columnWidths,
    );
    // A fixed-layout table keeps its column widths only when its own width is set.
    table.style.width = `${36 + widths.reduce((a, b) => a + b, 0)}px`;
    fill(
      table,
      h(
        'colgroup',
        {},
        h('col', { style: 'width:36px' }),
        ...widths.map((w) => h('col', { style: `width:${w}px` })),
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { className: 'grid__corner' }),
          ...widths.map((_, i) => h('th', { scope: 'col' }, columnLetters(i + 1))),
        ),
      ),
      h(
        'tbody',
        {},
        ...view.rows.map((r) =>
          h('tr', {}, h('th', { scope: 'row' }, String(r.row)), ...r.cells.map(cellElement)),
        ),
      ),
    );
    const visibleSheets = book.sheets.filter((s) => s.visibility === 'visible');
    fill(
      tabs,
      ...visibleSheets.map((s) => {
        const tab = h(
          'button',
          { type: 'button', role: 'tab', className: 'sheet__tab', 'aria-selected': String(s.name === shown) },
          s.name,
        );
        tab.addEventListener('click', () => {
          shown = s.name;
          selected = null;
          render();
        });
        return tab;
      }),
    );
    if (selected) {
      const td = table.querySelector(`td[data-row="${selected.row}"][data-col="${selected.col}"]`);
      td?.classList.add('is-selected');
    }
  }
}

function cellElement(cell: ViewCell): HTMLElement {
  const td = h('td', {
    'data-row': cell.row,
    'data-col': cell.col,
    'data-address': cellAddress(cell.row, cell.col),
    rowspan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
    colspan: cell.colSpan > 1 ? cell.colSpan : undefined,
  });
  // Text only: whatever a cell holds is shown as characters.
  td.textContent = cell.text;
  const style = td.style;
  const fillColor = cell.painted.fill ?? cell.style.fill;
  const bar = cell.painted.dataBar;
  if (bar) {
    const pct = Math.round(bar.fraction * 100);
    style.background = `linear-gradient(to right, ${bar.color} ${pct}%, ${fillColor ?? 'transparent'} ${pct}%)`;
  } else if (fillColor) style.background = fillColor;
  const color = cell.painted.fontColor ?? cell.style.fontColor;
  if (color) style.color = color;
  if (cell.style.bold) style.fontWeight = '600';
  if (cell.style.horizontal) style.textAlign = cell.style.horizontal;
  else if (/^-?[\d,.]+%?$/.test(cell.text)) style.textAlign = 'right';
  if (cell.style.wrap) style.whiteSpace = 'normal';
  if (cell.style.border) td.classList.add('has-border');
  return td;
}

/** Widths from the plan where it set them, else from the longest text in the column. */
function columnWidths(
  cells: readonly ViewCell[],
  lastCol: number,
  planned: ReadonlyMap<number, number>,
): number[] {
  const longest = new Array<number>(lastCol).fill(0);
  for (const cell of cells) {
    if (cell.colSpan > 1) continue;
    const length = [...cell.text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
    longest[cell.col - 1] = Math.max(longest[cell.col - 1], length);
  }
  return longest.map((chars, i) => {
    const set = planned.get(i + 1);
    if (set !== undefined) return Math.round(set * PX_PER_CHAR);
    return Math.max(48, Math.min(200, Math.round(chars * 6.5) + 12));
  });
}
