/**
 * The rows of a KPI table: hierarchy labels carried down, shifted rows realigned, section and bullet rows,
 * and each KPI's year cells, declared direction and the city's own verdicts.
 */
import { cellAddress } from '../a1';
import { lookupUnit } from '../read';
import type { DeclaredDirection, PublishedVerdict, YearCell } from '../types';
import type { Column, HeaderRows } from './headers';
import { kpiOf } from './kpi-record';
import { directionOf, type LabelLevel, type LabelReader } from './labels';
import { mappingOf } from './mapping';
import { newBlock, type BlockDraft, type Context } from './read-context';
import { rowShift, type RowColumns } from './realign';
import { clippedAt, type SheetCells } from './sheet-cells';
import { nextFilledRow, region, roleCol, tableEnd, usableColumns, yearColumns } from './table-extent';
import { findYear } from './value-header';
import { readYearCells, UNKNOWN_YEAR, type YearColumn, type YearlessActuals } from './year-cells';

/** The unit a KPI name states at its end: `処理量(トン)`, `相談件数(件)`; '' where none. */
export function unitInName(name: string): string {
  const end = name.charAt(name.length - 1);
  if (end !== ')' && end !== '）') return '';
  const m = /[(（]([^()（）]{1,6})[)）]\s*$/u.exec(name);
  if (!m) return '';
  return lookupUnit(m[1].normalize('NFKC').trim())?.base ?? '';
}

function publishedOf(
  ctx: Context,
  row: number,
  columns: readonly Column[],
  shift: number,
): PublishedVerdict[] {
  const verdicts: PublishedVerdict[] = [];
  for (const c of columns) {
    if (c.role.kind !== 'published') continue;
    const col = c.col + shift;
    const raw = ctx.cells.text(row, col);
    if (raw === '') continue;
    const reading = ctx.cells.reading(row, col);
    const rate = reading.kind === 'percent' || reading.kind === 'number' ? reading.value : null;
    const kind = c.role.verdict ?? (reading.kind === 'percent' ? 'rate' : 'grade');
    verdicts.push({
      kind,
      year: c.role.year,
      cell: cellAddress(row, col),
      raw,
      rate: kind === 'rate' ? rate : null,
    });
  }
  return verdicts;
}

function declaredOf(ctx: Context, row: number, col: number | null): DeclaredDirection | null {
  if (col === null) return null;
  const raw = ctx.cells.text(row, col);
  const direction = ctx.labels.declaredDirectionOf(raw);
  return direction === null ? null : { direction, cell: cellAddress(row, col), raw };
}

function targetYearOf(ctx: Context, row: number, col: number | null): number | null {
  if (col === null) return null;
  const text = ctx.cells.text(row, col);
  return text === '' ? null : (findYear(text.normalize('NFKC').replace(/\s+/gu, ''))?.year ?? null);
}

function hasOwnYear(cell: YearCell): boolean {
  const { reading } = cell;
  return (reading.kind === 'number' || reading.kind === 'percent') && reading.year !== undefined;
}

/** A bullet sub-item (`・保育所の待機児童数`) under a parent row. */
const BULLET = /^[・･\-‐－]\s*/u;
const BULLET_START: ReadonlySet<string> = new Set(['・', '･', '-', '‐', '－']);

/** Whether most labels in a hierarchy column are numbered (`1 …`, `①…`), so an unnumbered one is no label. */
function numberingUsed(
  cells: SheetCells,
  labels: LabelReader,
  col: number | null,
  first: number,
  last: number,
): boolean {
  if (col === null) return false;
  let numbered = 0;
  let filled = 0;
  for (let row = first; row <= last; row += 1) {
    const text = cells.text(row, col);
    if (text === '') continue;
    filled += 1;
    if (labels.labelLevel(text) !== null) numbered += 1;
  }
  return filled > 0 && numbered * 2 >= filled;
}

const LEVEL_NAME: Readonly<Record<LabelLevel, string>> = {
  framework: '施策の枠組み',
  measure: '具体的な施策',
};

function isSectionRow(
  ctx: Context,
  cells: SheetCells,
  row: number,
  nameAt: number,
  valueCols: readonly YearColumn[],
): boolean {
  for (const value of valueCols) if (cells.text(row, value.col) !== '') return false;
  const name = cells.text(row, nameAt);
  // A one-cell row: nothing right of the name (a section heading merged across, or standing alone).
  for (let col = nameAt + 1; col <= cells.lastCol; col += 1) if (cells.text(row, col) !== '') return false;
  if (ctx.labels.labelLevel(name) !== null || ctx.labels.goalMarker(name) !== null) return true;
  const merge = cells.mergeAt(row, nameAt);
  if (merge && merge.right > merge.left) return true;
  // A parent row with no values, its sub-items below written with a bullet.
  const next = nextFilledRow(cells, row);
  return next !== null && BULLET.test(cells.text(next, nameAt));
}

/** Reads the table into `first` (and the blocks its 基本目標 rows open); returns the block it ended in and its last row. */
export function readKpiTable(
  ctx: Context,
  header: HeaderRows,
  first: BlockDraft,
): { block: BlockDraft; lastRow: number } {
  let block = first;
  const lastRow = tableEnd(ctx, header);
  const columns = usableColumns(ctx, header, lastRow);
  const table = region(ctx, header, lastRow, header.columns);
  block.kpiTable = table;
  // Values and labels come from the city's table only; the 方向 column beside it is read on its own.
  const cells = clippedAt(ctx.cells, table.lastCol);
  ctx.mappings.push(mappingOf(ctx.cells, header, table.lastCol, header.mapped ? 'user' : 'read'));
  const nameCol = roleCol(columns, 'name');
  if (nameCol === null) return { block, lastRow };
  const frameworkCol = roleCol(columns, 'framework');
  const measureCol = roleCol(columns, 'measure');
  const departmentCol = roleCol(columns, 'department');
  const unitCol = roleCol(columns, 'unit');
  const directionCol = roleCol(columns, 'direction');
  const declaredCol = roleCol(columns, 'declaredDirection');
  const targetDateCol = roleCol(columns, 'targetDate');
  const hasPublished = columns.some((c) => c.role.kind === 'published');
  const rowColumns: RowColumns = {
    name: nameCol,
    department: departmentCol,
    unit: unitCol,
    years: yearColumns(columns, 0).map((y) => y.col),
  };
  // Most rows share a shift (none): their year columns are the same list, built once.
  const yearColumnsAt = new Map<number, YearColumn[]>();
  const shiftedYearColumns = (shift: number): YearColumn[] => {
    let years = yearColumnsAt.get(shift);
    if (!years) {
      years = yearColumns(columns, shift);
      yearColumnsAt.set(shift, years);
    }
    return years;
  };
  const numbered: Readonly<Record<LabelLevel, boolean>> = {
    framework: numberingUsed(cells, ctx.labels, frameworkCol, header.row + 1, lastRow),
    measure: numberingUsed(cells, ctx.labels, measureCol, header.row + 1, lastRow),
  };
  const levelOfColumn = (col: number): LabelLevel | null =>
    col === frameworkCol ? 'framework' : col === measureCol ? 'measure' : null;
  const yearlessCols = new Set(
    yearColumns(columns, 0)
      .filter((y) => y.header.year === null)
      .map((y) => y.col),
  );
  const unknownYearCols = new Set<number>();
  const targetYearCols = new Set<number>();
  const yearlessActuals: YearlessActuals = yearColumns(columns, 0).some(
    (y) => y.header.role === 'actual' && y.header.year !== null,
  )
    ? 'unknown'
    : 'targetYear';

  let framework = '';
  let measure = '';
  let parent = '';
  for (let row = header.row + 1; row <= lastRow; row += 1) {
    const goal = ctx.goalRows.get(row);
    if (goal) {
      // A 基本目標 heading the rows below, inside one table: the rows below are the next goal's.
      const goalText = `${goal.number} ${goal.title}`.trim();
      if (block.kpis.length === 0 && block.headlines.length === 0) {
        block.goal = goalText;
        block.goalNumber = goal.number;
      } else {
        if (block.kpiTable) block.kpiTable = { ...block.kpiTable, lastRow: row - 1 };
        block = newBlock(row, goalText, goal.number);
        block.kpiTable = { ...table, firstRow: row + 1 };
        ctx.blocks.push(block);
      }
      framework = '';
      measure = '';
      parent = '';
      continue;
    }
    const shift = rowShift(cells, ctx.labels, row, rowColumns);
    const nameAt = nameCol + shift;
    if (shift !== 0) {
      const side = shift > 0 ? '右' : '左';
      const back = shift > 0 ? '左' : '右';
      const n = Math.abs(shift);
      const clue =
        departmentCol !== null && cells.text(row, departmentCol + shift) !== ''
          ? ` (担当課「${cells.text(row, departmentCol + shift)}」が ${cellAddress(row, departmentCol + shift)} にありました)`
          : '';
      ctx.diagnostics.push({
        cell: cellAddress(row, nameAt),
        kind: 'realigned',
        message: `${row} 行目は見出しより ${n} 列${side}にずれていたため、${n} 列${back}に戻して読み取りました${clue}。`,
      });
    }

    // Hierarchy labels left of the name: their numbering says their level, wherever they sit.
    let rowFramework: string | null = null;
    let rowMeasure: string | null = null;
    for (let col = cells.firstCol; col < nameAt; col += 1) {
      const raw = cells.text(row, col);
      if (raw === '') continue;
      const label = ctx.labels.withoutEditMarks(raw);
      if (label === '') continue;
      // A shifted row may keep its labels in place (an edit mark pushed only the rest), so both count.
      const physical = levelOfColumn(col);
      const expected = levelOfColumn(col - shift) ?? physical;
      const level =
        ctx.labels.labelLevel(label) ?? (expected !== null && !numbered[expected] ? expected : null);
      if (level === null) {
        if (expected !== null) {
          ctx.diagnostics.push({
            cell: cellAddress(row, col),
            kind: 'guessed',
            message: `「${label}」は${LEVEL_NAME[expected]}の番号 (① や 1 など) がないため、階層には使わず上の行の${LEVEL_NAME[expected]}を引き継ぎました。`,
          });
        }
        continue;
      }
      if (expected !== level && physical !== level) {
        ctx.diagnostics.push({
          cell: cellAddress(row, col),
          kind: 'realigned',
          message: `${LEVEL_NAME[level]}「${label}」が${expected ? LEVEL_NAME[expected] : '別'}の列にあったため、${LEVEL_NAME[level]}として読み取りました。`,
        });
      }
      if (level === 'framework') rowFramework = label;
      else rowMeasure = label;
    }
    if (rowFramework !== null && rowFramework !== framework) {
      framework = rowFramework;
      measure = '';
    }
    if (rowMeasure !== null) measure = rowMeasure;

    const written = cells.text(row, nameAt);
    if (written === '') {
      const stray = shiftedYearColumns(shift).find((y) => cells.text(row, y.col) !== '');
      if (stray) {
        ctx.diagnostics.push({
          cell: cellAddress(row, stray.col),
          kind: 'unreadable',
          message: `${row} 行目には値がありますが KPI 名 (${cellAddress(row, nameAt)}) が空のため、KPI として読み取れませんでした。`,
        });
      }
      continue;
    }
    if (isSectionRow(ctx, cells, row, nameAt, shiftedYearColumns(shift))) {
      const label = ctx.labels.withoutEditMarks(written);
      if (ctx.labels.labelLevel(label) === 'framework') {
        framework = label;
        measure = '';
      } else measure = label;
      parent = label;
      continue;
    }
    const bullet = BULLET_START.has(written.charAt(0)) ? BULLET.exec(written) : null;
    const name = bullet ? written.slice(bullet[0].length) : written;
    if (!bullet) parent = '';
    const department = departmentCol === null ? '' : cells.text(row, departmentCol + shift);
    const unitCell = unitCol === null ? '' : cells.text(row, unitCol + shift);
    const unit = unitCell !== '' ? unitCell : ctx.unitInName(name);
    const values = readYearCells(
      cells,
      row,
      shiftedYearColumns(shift),
      name,
      unit,
      targetYearOf(ctx, row, targetDateCol === null ? null : targetDateCol + shift),
      yearlessActuals,
    );
    ctx.diagnostics.push(...values.diagnostics);
    if (yearlessCols.size > 0) {
      for (const cell of [values.baseline, values.target, ...values.actuals, ...values.interimTargets]) {
        if (!cell || !yearlessCols.has(cell.cell.col - shift)) continue;
        if (cell.year === UNKNOWN_YEAR) unknownYearCols.add(cell.cell.col - shift);
        else if (!hasOwnYear(cell) && values.actuals.includes(cell))
          targetYearCols.add(cell.cell.col - shift);
      }
    }
    const direction = directionCol === null ? null : directionOf(ctx.cells.text(row, directionCol));
    block.kpis.push(
      kpiOf(ctx.labels, {
        row,
        role: 'kpi',
        name,
        framework,
        measure: bullet && parent !== '' ? parent : measure,
        department,
        values,
        direction,
        declared: declaredOf(ctx, row, declaredCol === null ? null : declaredCol + shift),
        published: hasPublished ? publishedOf(ctx, row, columns, shift) : undefined,
        notes: [],
      }),
    );
  }
  for (const col of targetYearCols) {
    const label = columns.find((c) => c.col === col)?.label ?? '';
    ctx.diagnostics.push({
      cell: cellAddress(header.row, col),
      kind: 'guessed',
      message: `「${label}」の列には年度がないため、各行の目標値の年度の実績として読み取りました。`,
    });
  }
  for (const col of unknownYearCols) {
    const label = columns.find((c) => c.col === col)?.label ?? '';
    ctx.diagnostics.push({
      cell: cellAddress(header.row, col),
      kind: 'guessed',
      message: `「${label}」の列には年度がなく、セルにも年度が書かれていない値があります。年度なしで読み取りました (「列の割り当て」で年度を指定できます)。`,
    });
  }
  return { block, lastRow };
}
