/**
 * Grid → KpiSheet: blocks per 基本目標 with their 数値目標 headlines and KPI rows (ARCHITECTURE.md).
 * Header rows are found by what they say, hierarchy is carried down through merged and blank cells,
 * shifted rows are realigned, and every guess is a diagnostic with its cell address.
 */
import { cellAddress } from '../a1';
import { formatFiscalYear, lookupUnit, readCell } from '../read';
import type {
  Block,
  ColumnMapping,
  DeclaredDirection,
  Diagnostic,
  Grid,
  Kpi,
  KpiSheet,
  LayoutResult,
  PublishedVerdict,
  TableRegion,
  YearCell,
} from '../types';
import { findHeaders, type Column, type HeaderRows } from './headers';
import { headerFromMapping, mappingOf } from './mapping';
import { baselineNotes } from './baseline-notes';
import { dateHeaderYears } from './header-years';
import { cacheByText } from './text-cache';
import { findYear } from './value-header';
import { parseHeadlineText } from './headline-text';
import {
  directionOf,
  goalNumberOf,
  labelReader,
  splitFootnote,
  type LabelLevel,
  type LabelReader,
} from './labels';
import { rowShift, type RowColumns } from './realign';
import { clippedAt, sheetCells, type SheetCells } from './sheet-cells';
import {
  readYearCells,
  UNKNOWN_YEAR,
  type YearCells,
  type YearColumn,
  type YearlessActuals,
} from './year-cells';

export interface ReadOptions {
  /** The user's mappings (saved settings, the pane, `--columns`); those for this sheet (or for '') win. */
  readonly mappings?: readonly ColumnMapping[];
}

/** The mark on the add-in's summary sheet (plan/marks.ts). */
const SUMMARY_MARK = 'KPISHEET_SUMMARY';

const NO_TABLE_MESSAGE =
  'このシートに KPI 表が見つかりません。KPI 評価は、見出し行に「KPI」「重要業績評価指標」「指標名」「成果指標」の' +
  'いずれかの列と、年度の列 (「H30 (現状値)」「R2」「R6 (目標値)」や「現状値 (H30年度)」「目標値 (R6年度)」) が' +
  'ある表を読み取ります。KPI 表のあるシートを選ぶか、見出し行にこれらの語を書いてください。' +
  '見出しの書き方が違う表は、作業ウィンドウの「列の割り当て」(コマンドラインでは --columns) で、どの列が何かを指定すると読み取れます。';

const EMPTY_MESSAGE =
  'このシートは空です。KPI 表 (「KPI」の列と「H30 (現状値)」「R6 (目標値)」などの年度の列がある表) のあるシートを選んでください。';

interface BlockDraft {
  goal: string;
  goalNumber: number | null;
  firstRow: number;
  headlines: Kpi[];
  kpis: Kpi[];
  headlineTable: TableRegion | null;
  kpiTable: TableRegion | null;
}

interface Context {
  readonly cells: SheetCells;
  readonly diagnostics: Diagnostic[];
  /** Rows that start a table (header tops): a table ends before them. */
  readonly headerTops: ReadonlySet<number>;
  /** 基本目標 rows: a table ends before them unless its rows go on below (a goal heading rows of one table). */
  readonly goalRows: ReadonlyMap<number, { readonly number: number; readonly title: string }>;
  readonly labels: LabelReader;
  readonly blocks: BlockDraft[];
  readonly mappings: ColumnMapping[];
  /** unitInName, cached by name for this read (most names end in `(年間)` or `(累計)`). */
  readonly unitInName: (name: string) => string;
}

/** `※1 出典…`, `注)…`, `資料:…`: notes below a table, not its rows. */
const NOTE = /^(※|注[0-9０-９:：)）\s]|[(（]注|\*|＊|出典|資料[:：]|備考[:：])/u;
const NOTE_START: ReadonlySet<string> = new Set(['※', '注', '(', '（', '*', '＊', '出', '資', '備']);

function firstText(cells: SheetCells, row: number, from: number, to: number): string {
  for (let col = from; col <= to; col += 1) {
    const text = cells.text(row, col);
    if (text !== '') return text;
  }
  return '';
}

/** Whether a row belongs to the table under `header`: something in its columns, and not a note. */
function isTableRow(ctx: Context, span: ColumnSpan, row: number): boolean {
  const text = firstText(ctx.cells, row, span.first, span.last);
  if (text === '') return false;
  // Every row is asked: the patterns run only for the few texts that could start a note or a 数値目標 line.
  const first = text.charAt(0);
  if (NOTE_START.has(first) && NOTE.test(text)) return false;
  return !(first === '数' && text.startsWith('数値目標'));
}

function roleCol(columns: readonly Column[], kind: Column['role']['kind']): number | null {
  return columns.find((c) => c.role.kind === kind)?.col ?? null;
}

function inMark(grid: Grid, col: number, top: number, bottom: number): boolean {
  return grid.marks.some(
    (m) =>
      m.sheet === grid.sheet &&
      col >= m.range.left &&
      col <= m.range.right &&
      m.range.top <= bottom &&
      m.range.bottom >= top,
  );
}

/**
 * The last row of the table under `header`. It goes on across blank rows until a header, a 基本目標 (unless
 * the rows below it are still this table's) or the end of the data; notes below it are not its rows.
 */
interface ColumnSpan {
  readonly first: number;
  readonly last: number;
}

/** The columns a table's rows are looked at in: its header's, one more on the left, two on the right (shifts). */
function spanOf(cells: SheetCells, header: HeaderRows): ColumnSpan {
  let first = Infinity;
  let last = -Infinity;
  for (const c of header.columns) {
    first = Math.min(first, c.col);
    last = Math.max(last, c.col);
  }
  return { first: Math.max(cells.firstCol, first - 1), last: Math.min(cells.lastCol, last + 2) };
}

function tableEnd(ctx: Context, header: HeaderRows): number {
  const { cells } = ctx;
  const span = spanOf(cells, header);
  let last = header.row;
  for (let row = header.row + 1; row <= cells.lastRow; row += 1) {
    if (ctx.headerTops.has(row)) break;
    if (cells.isEmptyRow(row)) continue;
    if (ctx.goalRows.has(row)) {
      const next = nextFilledRow(cells, row);
      if (next === null || ctx.headerTops.has(next) || ctx.goalRows.has(next) || !isTableRow(ctx, span, next))
        break;
      last = row;
      continue;
    }
    if (isTableRow(ctx, span, row)) last = row;
  }
  return last;
}

function nextFilledRow(cells: SheetCells, after: number): number | null {
  for (let row = after + 1; row <= cells.lastRow; row += 1) if (!cells.isEmptyRow(row)) return row;
  return null;
}

function lastUsedCol(cells: SheetCells, row: number, from: number): number {
  let last = from;
  for (let col = from; col <= cells.lastCol; col += 1) if (cells.text(row, col) !== '') last = col;
  return last;
}

function region(ctx: Context, header: HeaderRows, lastRow: number, columns: readonly Column[]): TableRegion {
  const { grid } = ctx.cells;
  const own = columns.filter(
    (c) =>
      !(c.role.kind === 'ignored' && c.role.ownFlag) &&
      c.role.kind !== 'direction' &&
      !inMark(grid, c.col, header.top, lastRow),
  );
  const firstCol = Math.min(...columns.map((c) => c.col));
  // firstCol keeps the bound finite when every header column is the add-in's own.
  let lastCol = Math.max(firstCol, ...own.map((c) => c.col));
  // A shifted row can run past the last header: flags must not cover it.
  for (let row = header.top; row <= lastRow; row += 1) {
    const used = lastUsedCol(ctx.cells, row, firstCol);
    for (let col = lastCol + 1; col <= used; col += 1) {
      if (inMark(grid, col, header.top, lastRow)) break;
      const label = columns.find((c) => c.col === col);
      if (label && label.role.kind === 'ignored' && label.role.ownFlag) break;
      if (label?.role.kind === 'direction') break;
      lastCol = col;
    }
  }
  return {
    headerTop: header.top,
    headerRow: header.row,
    firstRow: header.row + 1,
    lastRow,
    firstCol,
    lastCol,
  };
}

/** Columns the row reads, minus the add-in's own output and anything inside its marks. */
function usableColumns(ctx: Context, header: HeaderRows, lastRow: number): Column[] {
  const { grid } = ctx.cells;
  const usable: Column[] = [];
  for (const column of header.columns) {
    if (column.role.kind === 'direction') {
      usable.push(column);
      continue;
    }
    if (inMark(grid, column.col, header.top, lastRow)) continue;
    if (column.role.kind === 'ignored') {
      if (!column.role.ownFlag) {
        ctx.diagnostics.push({
          cell: cellAddress(header.row, column.col),
          kind: 'ignoredColumn',
          message: `「${column.label}」の列は KPI の値ではないため読み取りませんでした。`,
        });
      }
      continue;
    }
    if (column.role.kind === 'published') {
      ctx.diagnostics.push({
        cell: cellAddress(header.row, column.col),
        kind: 'ignoredColumn',
        message: `「${column.label}」の列は市の評価として読み取り、KPI の値には使いませんでした。`,
      });
    }
    if (column.role.kind === 'year' && column.role.header.eraGuessed && column.role.header.year !== null) {
      const year = column.role.header.year;
      ctx.diagnostics.push({
        cell: cellAddress(header.row, column.col),
        kind: 'guessed',
        message: `「${column.label}」には元号がないため、${formatFiscalYear(year)} (${year}年度) と読みました。違う場合は「列の割り当て」で年度を直してください。`,
      });
    }
    usable.push(column);
  }
  return usable;
}

function yearColumns(columns: readonly Column[], shift: number): YearColumn[] {
  const years: YearColumn[] = [];
  for (const c of columns)
    if (c.role.kind === 'year') years.push({ col: c.col + shift, header: c.role.header });
  return years;
}

interface RowFacts {
  readonly row: number;
  readonly role: Kpi['role'];
  readonly name: string;
  readonly framework: string;
  readonly measure: string;
  readonly department: string;
  readonly values: YearCells;
  readonly direction: Kpi['directionChoice'];
  readonly declared?: DeclaredDirection | null;
  readonly published?: readonly PublishedVerdict[];
  readonly notes: readonly string[];
}

function kpiOf(labels: LabelReader, facts: RowFacts): Kpi {
  const { row, values } = facts;
  const kpi: Kpi = {
    id: `R${row}`,
    role: facts.role,
    row,
    name: facts.name,
    framework: facts.framework,
    measure: facts.measure,
    period: labels.periodOf(facts.name),
    department: facts.department,
    unit: values.unit,
    baseline: values.baseline,
    actuals: values.actuals,
    target: values.target,
    directionChoice: facts.direction,
    notes: facts.notes.length === 0 ? values.notes : [...facts.notes, ...values.notes],
  };
  // Most rows have none of these: the plain object above is built without spreading empty ones in.
  if (
    values.interimTargets.length === 0 &&
    values.forecasts.length === 0 &&
    !facts.declared &&
    !(facts.published && facts.published.length > 0)
  )
    return kpi;
  return {
    ...kpi,
    ...(values.interimTargets.length > 0 ? { interimTargets: values.interimTargets } : {}),
    ...(values.forecasts.length > 0 ? { forecasts: values.forecasts } : {}),
    ...(facts.declared ? { declaredDirection: facts.declared } : {}),
    ...(facts.published && facts.published.length > 0 ? { published: facts.published } : {}),
  };
}

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
function readKpiTable(
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

function readHeadlineTable(ctx: Context, header: HeaderRows, block: BlockDraft): void {
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
function readHeadlineText(ctx: Context, row: number, col: number, text: string, block: BlockDraft): boolean {
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

function firstFilled(cells: SheetCells, row: number): { col: number; text: string } | null {
  for (let col = cells.firstCol; col <= cells.lastCol; col += 1) {
    const text = cells.text(row, col);
    if (text !== '') return { col, text };
  }
  return null;
}

function newBlock(firstRow: number, goal: string, goalNumber: number | null): BlockDraft {
  return { goal, goalNumber, firstRow, headlines: [], kpis: [], headlineTable: null, kpiTable: null };
}

function diagnosticOrder(a: Diagnostic, b: Diagnostic): number {
  const pa = /^([A-Z]+)(\d+)$/.exec(a.cell);
  const pb = /^([A-Z]+)(\d+)$/.exec(b.cell);
  if (!pa || !pb) return 0;
  const rowDiff = Number(pa[2]) - Number(pb[2]);
  if (rowDiff !== 0) return rowDiff;
  return pa[1].length - pb[1].length || pa[1].localeCompare(pb[1]);
}

/** Header rows a user's mapping gives, in place of what the reader found at the same rows. */
function withMappings(
  cells: SheetCells,
  found: HeaderRows[],
  mappings: readonly ColumnMapping[],
): HeaderRows[] {
  const own = mappings.filter((m) => m.sheet === '' || m.sheet === cells.grid.sheet);
  if (own.length === 0) return found;
  const mapped = own.map((m) => headerFromMapping(cells, m));
  const overlaps = (a: HeaderRows, b: HeaderRows): boolean => a.top <= b.row && b.top <= a.row;
  return [...found.filter((h) => !mapped.some((m) => overlaps(h, m))), ...mapped].sort(
    (a, b) => a.top - b.top,
  );
}

/** The row the pane offers as the header of a sheet the reader could not place: the first row of several labels. */
function headerGuess(cells: SheetCells): number | undefined {
  for (let row = cells.firstRow; row <= Math.min(cells.lastRow, cells.firstRow + 40); row += 1) {
    let labels = 0;
    for (let col = cells.firstCol; col <= cells.lastCol; col += 1) {
      const text = cells.text(row, col);
      if (text !== '' && cells.reading(row, col).kind === 'text') labels += 1;
    }
    if (labels >= 3) return row;
  }
  return undefined;
}

export function readKpiSheet(grid: Grid, options: ReadOptions = {}): LayoutResult {
  const cells = sheetCells(grid);
  let anything = false;
  for (let row = cells.firstRow; row <= cells.lastRow && !anything; row += 1)
    anything = !cells.isEmptyRow(row);
  if (!anything) return { ok: false, failure: { reason: 'empty', message: EMPTY_MESSAGE } };

  // The add-in's summary sheet (its follow-up list has KPI and 目標値 columns) is never a KPI table.
  const summary = grid.marks.some((m) => m.sheet === grid.sheet && m.name === SUMMARY_MARK);
  // Years a header leaves out, from the sheet around it; said only for headers a user's mapping does not replace.
  const inferred = new Map<HeaderRows, readonly Diagnostic[]>();
  const notes = baselineNotes(cells);
  const found = (summary ? [] : findHeaders(cells)).map((h) => {
    if (h.kind !== 'kpi') return h;
    const dated = dateHeaderYears(cells, h, notes);
    inferred.set(dated.header, dated.diagnostics);
    return dated.header;
  });
  const headers = withMappings(cells, found, options.mappings ?? []);
  if (!headers.some((h) => h.kind === 'kpi')) {
    const guess = headerGuess(cells);
    return {
      ok: false,
      failure: {
        reason: 'noKpiTable',
        message: NO_TABLE_MESSAGE,
        ...(guess === undefined ? {} : { headerGuess: guess }),
      },
    };
  }

  const labels = labelReader();
  const goalRows = new Map<number, { number: number; title: string }>();
  for (let row = cells.firstRow; row <= cells.lastRow; row += 1) {
    const first = firstFilled(cells, row);
    const marker = first ? labels.goalMarker(first.text) : null;
    if (!first || !marker) continue;
    const title = marker.title !== '' ? marker.title : nextText(cells, row, first.col);
    goalRows.set(row, { number: marker.number, title });
  }
  const headerTops = new Set<number>(headers.map((h) => h.top));
  const blocks: BlockDraft[] = [];
  const ctx: Context = {
    cells,
    diagnostics: headers.flatMap((h) => inferred.get(h) ?? []),
    headerTops,
    goalRows,
    labels,
    blocks,
    mappings: [],
    unitInName: cacheByText(unitInName),
  };

  let block: BlockDraft | null = null;
  const headerAt = new Map(headers.map((h) => [h.top, h]));
  const firstStart = Math.min(...headerTops, ...goalRows.keys());
  let title: string | null = null;
  for (let row = cells.firstRow; row < firstStart; row += 1) {
    const first = firstFilled(cells, row);
    if (first) {
      title = first.text;
      break;
    }
  }

  for (let row = cells.firstRow; row <= cells.lastRow; row += 1) {
    const goal = goalRows.get(row);
    if (goal) {
      block = newBlock(row, `${goal.number} ${goal.title}`.trim(), goal.number);
      blocks.push(block);
      continue;
    }
    const header = headerAt.get(row);
    if (header) {
      if (header.kind === 'headline') {
        // A 数値目標 table opens a block unless a 基本目標 line just did.
        if (!block || block.headlines.length > 0 || block.kpis.length > 0 || block.headlineTable) {
          block = newBlock(header.top, '', null);
          blocks.push(block);
        }
        readHeadlineTable(ctx, header, block);
        row = block.headlineTable?.lastRow ?? row;
      } else {
        if (!block || block.kpiTable) {
          block = newBlock(header.top, '', null);
          blocks.push(block);
        }
        const read = readKpiTable(ctx, header, block);
        block = read.block;
        row = read.lastRow;
      }
      continue;
    }
    if (block && !block.kpiTable) {
      const first = firstFilled(cells, row);
      if (first && /^数値目標/u.test(first.text)) {
        const text = first.text === '数値目標' ? nextText(cells, row, first.col) : first.text;
        const col = first.text === '数値目標' ? nextCol(cells, row, first.col) : first.col;
        if (text && col !== null) readHeadlineText(ctx, row, col, text, block);
      }
    }
  }

  const sheet: KpiSheet = {
    sheet: grid.sheet,
    title,
    blocks: blocks.map((b): Block => ({ ...b })),
    diagnostics: [...ctx.diagnostics].sort(diagnosticOrder),
    mappings: ctx.mappings,
  };
  return { ok: true, sheet };
}

function nextCol(cells: SheetCells, row: number, after: number): number | null {
  for (let col = after + 1; col <= cells.lastCol; col += 1) if (cells.text(row, col) !== '') return col;
  return null;
}

function nextText(cells: SheetCells, row: number, after: number): string {
  const col = nextCol(cells, row, after);
  return col === null ? '' : cells.text(row, col);
}
