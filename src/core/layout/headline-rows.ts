/** The 数値目標 of a block: a headline table's rows, or a headline written as text in one cell. */
import { cellAddress } from '../a1';
import { formatFiscalYear, readCell } from '../read';
import type { YearCell } from '../types';
import type { HeaderRows } from './headers';
import { parseHeadlineText } from './headline-text';
import { kpiOf } from './kpi-record';
import { directionOf, goalNumberOf, splitFootnote } from './labels';
import type { BlockDraft, Context } from './read-context';
import { region, roleCol, tableEnd, usableColumns, yearColumns } from './table-extent';
import { readYearCells } from './year-cells';

export function readHeadlineTable(ctx: Context, header: HeaderRows, block: BlockDraft): void {
  const { cells } = ctx;
  const lastRow = tableEnd(ctx, header);
  const columns = usableColumns(ctx, header, lastRow);
  block.headlineTable = region(ctx, header, lastRow, header.columns);
  const goalCol = roleCol(columns, 'goal');
  const nameCol = roleCol(columns, 'headlineName');
  const directionCol = roleCol(columns, 'direction');
  if (nameCol === null) return;
  const years = yearColumns(columns, 0);
  for (let row = header.row + 1; row <= lastRow; row += 1) {
    const goal = goalCol === null ? '' : cells.mergedText(row, goalCol);
    if (goal !== '' && block.goal === '') {
      block.goal = goal;
      block.goalNumber = goalNumberOf(goal);
    }
    const written = cells.text(row, nameCol);
    if (written === '') continue;
    const { name, footnote } = splitFootnote(written);
    const values = readYearCells(cells, row, years, name, '');
    ctx.diagnostics.push(...values.diagnostics);
    const direction = directionCol === null ? null : directionOf(cells.text(row, directionCol));
    const notes = footnote ? [`注 ${footnote}`] : [];
    block.headlines.push(
      kpiOf(ctx.labels, {
        row,
        role: 'headline',
        name,
        framework: '',
        measure: '',
        department: '',
        values,
        direction,
        notes,
      }),
    );
  }
}

/** A 数値目標 written as text (the strategy table): one or more headline KPIs from one cell. */
export function readHeadlineText(
  ctx: Context,
  row: number,
  col: number,
  text: string,
  block: BlockDraft,
): boolean {
  const parsed = parseHeadlineText(text);
  if (!parsed) return false;
  const address = cellAddress(row, col);
  for (const headline of parsed) {
    const cell = { row, col };
    const placed = headline.values.map((v) => ({ header: v.header, reading: readCell({ value: v.text }) }));
    const toYearCell = (p: (typeof placed)[number]): YearCell => ({
      year: p.header.year,
      reading: p.reading,
      cell,
    });
    const baselines = placed.filter((p) => p.header.role === 'baseline');
    const targets = placed
      .filter((p) => p.header.role === 'target')
      .sort((a, b) => a.header.year - b.header.year);
    const actuals = placed.filter((p) => p.header.role === 'actual').map(toYearCell);
    const baseline = baselines.length > 0 ? toYearCell(baselines[0]) : null;
    const target = targets.length > 0 ? toYearCell(targets[targets.length - 1]) : null;
    const notes = targets
      .slice(0, -1)
      .map((t) => `中間目標 ${formatFiscalYear(t.header.year)}: ${t.reading.raw}`);
    for (const p of placed) {
      if (p.reading.kind === 'text') {
        ctx.diagnostics.push({
          cell: address,
          kind: 'unreadable',
          message: `値として読み取れません: 「${p.reading.raw}」 (${headline.name})`,
        });
      }
    }
    if (!baseline || baseline.reading.kind === 'missing') {
      ctx.diagnostics.push({
        cell: address,
        kind: 'missingBaseline',
        message: `${headline.name}: 現状値 (基準値) がありません。`,
      });
    }
    if (!target || target.reading.kind === 'missing') {
      ctx.diagnostics.push({
        cell: address,
        kind: 'missingTarget',
        message: `${headline.name}: 目標値がありません。`,
      });
    }
    const units = placed.map((p) => p.reading.unit).filter((u) => u !== '');
    block.headlines.push({
      id: `R${row}${parsed.length > 1 ? `-${block.headlines.length + 1}` : ''}`,
      role: 'headline',
      row,
      name: headline.name,
      framework: '',
      measure: '',
      period: ctx.labels.periodOf(headline.name),
      department: '',
      unit: units[units.length - 1] ?? '',
      baseline,
      actuals,
      target,
      directionChoice: null,
      notes,
    });
  }
  return true;
}
