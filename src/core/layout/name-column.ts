/**
 * The KPI name column told by its cells where the header's words do not settle it: a header holding 目標
 * (`目標`, `目標項目`) over names, and a table whose name column is headed like a section (`区分 | 施策 | …`).
 * The name changes on every row; a section repeats, is merged down, or is left blank under its first row.
 */
import type { Column } from './labels';
import type { SheetCells } from './sheet-cells';

/** Headers that may head the names though their words say a value or a section. */
const TARGET_WORD = /目標/u;
const SECTION_LABEL = /^(区分|分野|種別|分類|施策|施策名|項目)$/u;

/** Rows of data looked at under a header: enough to tell names from sections, few enough to stay cheap. */
const SAMPLE_ROWS = 60;

function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** Whether a header row could name its KPIs by cells: a cell saying 目標, or a section column. */
export function mayNameByCells(
  cells: SheetCells,
  row: number,
  words: readonly Column[],
  saysTarget: (text: string) => boolean,
): boolean {
  if (words.some((c) => isSectionRole(c))) return true;
  for (let col = cells.firstCol; col <= cells.lastCol; col += 1) {
    const text = cells.text(row, col);
    if (text !== '' && saysTarget(text)) return true;
  }
  return false;
}

/** The word test mayNameByCells asks of each cell, cached by the caller. */
export function saysTargetWord(text: string): boolean {
  return text.length <= 20 && TARGET_WORD.test(text);
}

function isSectionRole(c: Column): boolean {
  if (c.role.kind === 'framework' || c.role.kind === 'measure') return true;
  return c.role.kind === 'ignored' && !c.role.ownFlag && SECTION_LABEL.test(compact(c.label));
}

function isValueColumn(c: Column): boolean {
  return c.role.kind === 'year' || c.role.kind === 'yearGroup';
}

/** A value column headed with 目標 that may hold names instead (`目標`, `目標項目`; never 中間目標). */
function isTargetWordColumn(c: Column): boolean {
  if (!TARGET_WORD.test(c.label) || /中間|基本目標|数値目標/u.test(c.label)) return false;
  if (c.role.kind === 'yearGroup') return c.role.role === 'target';
  return c.role.kind === 'year' && c.role.header.role === 'target' && c.role.header.year === null;
}

interface CellStats {
  /** Rows below the header with a number in some value column. */
  readonly valueRows: number;
  readonly filled: number;
  readonly texts: number;
  readonly distinct: number;
  /** A merge running down over several rows, or a blank under a filled cell on a row with values. */
  readonly carried: boolean;
}

function statsOf(cells: SheetCells, header: number, col: number, values: readonly Column[]): CellStats {
  const last = Math.min(cells.lastRow, header + SAMPLE_ROWS);
  const seen = new Set<string>();
  let valueRows = 0;
  let filled = 0;
  let texts = 0;
  let carried = false;
  let started = false;
  for (let row = header + 1; row <= last; row += 1) {
    const hasValue = values.some((v) => {
      const kind = cells.reading(row, v.col).kind;
      return kind === 'number' || kind === 'percent';
    });
    if (hasValue) valueRows += 1;
    const merge = cells.mergeAt(row, col);
    if (merge && merge.bottom > merge.top) carried = true;
    const text = cells.text(row, col);
    if (text === '') {
      if (started && hasValue) carried = true;
      continue;
    }
    started = true;
    filled += 1;
    if (cells.reading(row, col).kind === 'text') texts += 1;
    seen.add(compact(text));
  }
  return { valueRows, filled, texts, distinct: seen.size, carried };
}

/** Distinct texts without numbers, one on (nearly) every row of values: the KPI names. */
function namesLike(s: CellStats): boolean {
  return (
    s.valueRows > 0 &&
    s.filled >= 1 &&
    s.texts === s.filled &&
    s.distinct === s.filled &&
    !s.carried &&
    s.filled * 5 >= s.valueRows * 4
  );
}

/**
 * A header row with value columns and no name column by its words: the columns with the name column its
 * cells show (a 目標 column of names, or the one section-headed column whose text changes on every row);
 * section-headed columns left of it read as sections. Null when no column holds names.
 */
export function nameByCells(cells: SheetCells, row: number, columns: readonly Column[]): Column[] | null {
  const values = columns.filter((c) => isValueColumn(c) && !isTargetWordColumn(c));
  if (values.length === 0) return null;
  const candidates = columns.filter((c) => isTargetWordColumn(c) || isSectionRole(c));
  if (candidates.length === 0) return null;
  const stats = new Map(candidates.map((c) => [c.col, statsOf(cells, row, c.col, values)]));
  const names = candidates.filter((c) => namesLike(stats.get(c.col) as CellStats));
  if (names.length === 0) return null;
  // Words that head names (目標, 指標, …名) first, then the rightmost: sections stand left of the name.
  const ranked = [...names].sort(
    (a, b) =>
      Number(/目標|指標|名$/u.test(compact(b.label))) - Number(/目標|指標|名$/u.test(compact(a.label))) ||
      b.col - a.col,
  );
  const name = ranked[0];
  const sections = candidates.filter((c) => c !== name && c.col < name.col && isSectionRole(c));
  return columns.map((c) => {
    if (c === name) return { ...c, role: { kind: 'name' } };
    if (!sections.includes(c)) return c;
    if (c.role.kind === 'framework' || c.role.kind === 'measure') return c;
    // A 区分 / 分野 column read as a section: the leftmost of two is the broader one.
    const right = sections.some((s) => s.col > c.col);
    return { ...c, role: { kind: right ? 'framework' : 'measure' } };
  });
}

/**
 * Beside a name column, a 目標 column of distinct texts (`目標` written as a sentence per row) holds no values:
 * it is read as text, never as the target.
 */
export function withoutTextTargets(cells: SheetCells, row: number, columns: readonly Column[]): Column[] {
  const targets = columns.filter((c) => isTargetWordColumn(c));
  if (targets.length === 0) return [...columns];
  const values = columns.filter((c) => isValueColumn(c) && !targets.includes(c));
  if (values.length === 0) return [...columns];
  return columns.map((c) => {
    if (!targets.includes(c)) return c;
    const s = statsOf(cells, row, c.col, values);
    const texts = s.filled >= 2 && s.texts === s.filled && s.distinct === s.filled;
    return texts ? { ...c, role: { kind: 'ignored', label: c.label, ownFlag: false } } : c;
  });
}
