/**
 * Column mappings (ARCHITECTURE.md): the header a table was read with as plain data the user can correct,
 * the same mapping turned back into the header the reader reads, and the one-line text form that
 * `kpi-sheet inspect` prints and `--columns` accepts: `row=5,B=name,C=unit,D=baseline:2015,F=target:2024`.
 */
import { columnLetters, columnNumber } from '../a1';
import { formatFiscalYear, parseFiscalYear } from '../read';
import type { ColumnMapping, FiscalYear, Grid, MappedColumn, MappedRole } from '../types';
import { MAPPED_ROLES, YEAR_ROLES } from '../types';
import type { Column, HeaderRows } from './headers';
import { columnRole, type ColumnRole } from './labels';
import { findYear } from './value-header';
import { sheetCells, type SheetCells } from './sheet-cells';
import { cacheByText } from './text-cache';

function mappedRoleOf(role: ColumnRole): { role: MappedRole; year: FiscalYear | null } | null {
  switch (role.kind) {
    case 'name':
    case 'headlineName':
      return { role: 'name', year: null };
    case 'department':
      return { role: 'department', year: null };
    case 'unit':
      return { role: 'unit', year: null };
    case 'framework':
    case 'measure':
      return { role: 'section', year: null };
    case 'year':
      return { role: role.header.role, year: role.header.year };
    case 'yearGroup':
      return { role: role.role, year: null };
    case 'declaredDirection':
      return { role: 'direction', year: null };
    case 'published':
      return { role: 'published', year: role.year };
    case 'targetDate':
      return { role: 'targetDate', year: null };
    case 'ignored':
      return role.ownFlag ? null : { role: 'ignore', year: null };
    case 'direction':
    case 'goal':
      return null;
  }
}

/** The mapping a header was read with: every column the table uses, by letter. */
export function mappingOf(
  cells: SheetCells,
  header: HeaderRows,
  lastCol: number,
  source: ColumnMapping['source'],
): ColumnMapping {
  const columns: MappedColumn[] = [];
  const byCol = new Map(header.columns.map((c) => [c.col, c]));
  const firstCol = Math.min(...byCol.keys());
  for (let col = firstCol; col <= lastCol; col += 1) {
    const column = byCol.get(col);
    const mapped = column ? mappedRoleOf(column.role) : { role: 'ignore' as const, year: null };
    if (!mapped) continue;
    columns.push({ col, role: mapped.role, year: mapped.year, header: headerText(cells, header, col) });
  }
  return { sheet: cells.grid.sheet, headerTop: header.top, headerRow: header.row, columns, source };
}

function headerText(cells: SheetCells, header: HeaderRows, col: number): string {
  const upper = cells.mergedText(header.top, col);
  if (header.top === header.row) return upper;
  const lower = cells.mergedText(header.row, col);
  return lower === upper ? upper : `${upper} ${lower}`.trim();
}

function roleFor(column: MappedColumn, sectionsRight: number): ColumnRole | null {
  switch (column.role) {
    case 'name':
      return { kind: 'name' };
    case 'department':
      return { kind: 'department' };
    case 'unit':
      return { kind: 'unit' };
    case 'baseline':
    case 'actual':
    case 'target':
    case 'interim':
    case 'forecast':
      return { kind: 'year', header: { role: column.role, year: column.year } };
    case 'targetDate':
      return { kind: 'targetDate' };
    case 'direction':
      return { kind: 'declaredDirection' };
    case 'published': {
      const verdict = /率/u.test(column.header)
        ? 'rate'
        : /評価|判定|改善|悪化/u.test(column.header)
          ? 'grade'
          : null;
      return { kind: 'published', verdict, year: column.year };
    }
    case 'section':
      return sectionsRight > 0 ? { kind: 'framework' } : { kind: 'measure' };
    case 'ignore':
      return null;
  }
}

function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * The header row a saved mapping belongs to now: the row whose cells still say what the mapping's header
 * said (rows added above move it), else the saved row.
 */
function locateHeader(cells: SheetCells, mapping: ColumnMapping): number {
  const named = mapping.columns.filter((c) => c.header !== '');
  const span = mapping.headerRow - mapping.headerTop;
  if (named.length > 0) {
    const saved = cells.text(mapping.headerRow, named[0].col) === '' ? null : mapping.headerRow;
    let best = saved;
    let bestScore = 0;
    // Every row of the sheet is compared: the saved words are compacted once, each cell text once per text.
    const wanted = named.map((c) => compact(c.header));
    const compactOf = cacheByText(compact);
    for (let row = cells.firstRow + span; row <= cells.lastRow; row += 1) {
      let score = 0;
      for (let k = 0; k < named.length; k += 1) {
        const col = named[k].col;
        const upper = cells.mergedText(row - span, col);
        const lower = cells.mergedText(row, col);
        const text = span === 0 || lower === upper ? upper : `${upper} ${lower}`.trim();
        if (compactOf(text) === wanted[k]) score += 1;
      }
      if (score > bestScore || (score === bestScore && row === mapping.headerRow)) {
        best = row;
        bestScore = score;
      }
    }
    if (best !== null && bestScore * 2 >= named.length) return best;
  }
  return mapping.headerRow;
}

/** A saved or given mapping as the header the reader reads; the add-in's own flag columns are kept by their words. */
export function headerFromMapping(cells: SheetCells, mapping: ColumnMapping): HeaderRows {
  const row = locateHeader(cells, mapping);
  const top = row - (mapping.headerRow - mapping.headerTop);
  const columns: Column[] = [];
  const mappedCols = new Set(mapping.columns.map((c) => c.col));
  mapping.columns.forEach((column) => {
    const sectionsRight = mapping.columns.filter((c) => c.role === 'section' && c.col > column.col).length;
    const role = roleFor(column, sectionsRight);
    if (role) columns.push({ col: column.col, role, label: column.header || columnLetters(column.col) });
  });
  // The add-in's 方向 and flag columns beside the table stay what they are, so a re-run reads them back.
  for (let col = cells.firstCol; col <= cells.lastCol; col += 1) {
    if (mappedCols.has(col)) continue;
    const role = columnRole(cells.text(row, col));
    if (role && (role.kind === 'direction' || (role.kind === 'ignored' && role.ownFlag)))
      columns.push({ col, role, label: cells.text(row, col) });
  }
  columns.sort((a, b) => a.col - b.col);
  return { kind: 'kpi', top, row, columns, mapped: true };
}

// ---- the text form (`kpi-sheet inspect` prints it, `--columns` reads it) -------------------------------

const ROLE_WORDS: Readonly<Record<string, MappedRole>> = {
  name: 'name',
  kpi名: 'name',
  kpi: 'name',
  指標名: 'name',
  department: 'department',
  担当課: 'department',
  unit: 'unit',
  単位: 'unit',
  baseline: 'baseline',
  基準値: 'baseline',
  現状値: 'baseline',
  actual: 'actual',
  実績: 'actual',
  実績値: 'actual',
  target: 'target',
  目標値: 'target',
  目標: 'target',
  interim: 'interim',
  中間目標: 'interim',
  forecast: 'forecast',
  見込: 'forecast',
  targetdate: 'targetDate',
  目標時期: 'targetDate',
  目標月: 'targetDate',
  direction: 'direction',
  方向: 'direction',
  方向性: 'direction',
  published: 'published',
  市の評価: 'published',
  section: 'section',
  施策: 'section',
  区分: 'section',
  ignore: 'ignore',
  使わない: 'ignore',
};

/** `row=5,B=name,C=unit,D=baseline:2015,E=actual:2019,F=target:2024` (columns not listed are not used). */
export function formatMapping(mapping: ColumnMapping): string {
  const parts = [
    `row=${mapping.headerTop === mapping.headerRow ? mapping.headerRow : `${mapping.headerTop}-${mapping.headerRow}`}`,
  ];
  for (const c of mapping.columns) {
    if (c.role === 'ignore') continue;
    const year = c.year !== null && (YEAR_ROLES.has(c.role) || c.role === 'published') ? `:${c.year}` : '';
    parts.push(`${columnLetters(c.col)}=${c.role}${year}`);
  }
  return parts.join(',');
}

export type ParsedMapping =
  { readonly ok: true; readonly mapping: ColumnMapping } | { readonly ok: false; readonly message: string };

/**
 * The `--columns` text as a user mapping for the sheet being read (`sheet` ''): `row=` the header row (or
 * `row=4-5` for two rows), then `LETTER=role[:year]`; the year as 2020, R2, 令和2年度 or H30.
 */
export function parseMapping(text: string, sheet = ''): ParsedMapping {
  const fail = (message: string): ParsedMapping => ({ ok: false, message });
  let headerTop: number | null = null;
  let headerRow: number | null = null;
  const columns: MappedColumn[] = [];
  for (const raw of text.normalize('NFKC').split(/[,;、\s]+/u)) {
    const part = raw.trim();
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return fail(`「${part}」は「列=役割」の形ではありません (例: B=name, D=baseline:2015)`);
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (/^(row|行|header|見出し)$/iu.test(key)) {
      const m = /^([0-9]+)(?:-([0-9]+))?$/u.exec(value);
      if (!m) return fail(`見出し行「${value}」は行番号ではありません (例: row=5 または row=4-5)`);
      headerTop = Number(m[1]);
      headerRow = m[2] === undefined ? headerTop : Number(m[2]);
      if (headerRow < headerTop || headerRow - headerTop > 1)
        return fail(`見出し行「${value}」は 1 行か続いた 2 行にしてください (例: row=4-5)`);
      continue;
    }
    if (!/^[A-Za-z]{1,3}$/u.test(key)) return fail(`「${key}」は列の英字ではありません (例: B, AA)`);
    const [roleText, yearText] = value.split(':');
    const role = ROLE_WORDS[roleText.trim().toLowerCase()] ?? ROLE_WORDS[roleText.trim()];
    if (!role)
      return fail(
        `列 ${key.toUpperCase()} の役割「${roleText}」がわかりません (使えるもの: ${MAPPED_ROLES.join(', ')})`,
      );
    let year: FiscalYear | null = null;
    if (yearText !== undefined && yearText.trim() !== '') {
      if (!YEAR_ROLES.has(role) && role !== 'published')
        return fail(`列 ${key.toUpperCase()} (${role}) に年度は付けられません`);
      year = parseFiscalYear(yearText.trim());
      if (year === null)
        return fail(`列 ${key.toUpperCase()} の年度「${yearText}」が読めません (例: 2020, R2, H30)`);
    }
    const col = columnNumber(key);
    if (columns.some((c) => c.col === col)) return fail(`列 ${key.toUpperCase()} が 2 回指定されています`);
    columns.push({ col, role, year, header: '' });
  }
  if (headerRow === null || headerTop === null)
    return fail('見出し行を row=行番号 で指定してください (例: row=5)');
  if (!columns.some((c) => c.role === 'name')) return fail('KPI 名の列を指定してください (例: B=name)');
  if (!columns.some((c) => YEAR_ROLES.has(c.role)))
    return fail('値の列 (baseline / actual / target / interim) を 1 つ以上指定してください');
  columns.sort((a, b) => a.col - b.col);
  return { ok: true, mapping: { sheet, headerTop, headerRow, columns, source: 'user' } };
}

/** The roles' Japanese names, for messages and the pane's Japanese 「列の割り当て」. */
export const ROLE_LABELS_JA: Readonly<Record<MappedRole, string>> = {
  name: 'KPI名',
  department: '担当課',
  unit: '単位',
  baseline: '基準値',
  actual: '実績',
  target: '目標値',
  interim: '中間目標',
  forecast: '見込',
  targetDate: '目標時期',
  direction: '方向',
  published: '市の評価',
  section: '施策・区分',
  ignore: '使わない',
};

/** Japanese label of a role, for messages (the pane has its own, translated). */
export function roleLabel(role: MappedRole, year: FiscalYear | null): string {
  return year === null ? ROLE_LABELS_JA[role] : `${ROLE_LABELS_JA[role]} ${formatFiscalYear(year)}`;
}

/** Mappings given for "the sheet being read" (`sheet` '') bound to that sheet, so a saved copy stays with it. */
export function bindMappings(mappings: readonly ColumnMapping[], sheet: string): ColumnMapping[] {
  return mappings.map((m) => (m.sheet === '' ? { ...m, sheet } : m));
}

/**
 * A starting point for 「列の割り当て」 on a sheet the reader could not place: the header row's columns with the
 * role their words give, else by what their cells below hold (the first column of words is the KPI name, a
 * column of values an actual), so the user changes only what is wrong.
 */
export function proposeMapping(grid: Grid, headerRow: number): ColumnMapping {
  const cells = sheetCells(grid);
  const columns: MappedColumn[] = [];
  let named = false;
  const last = Math.min(cells.lastRow, headerRow + 30);
  for (let col = cells.firstCol; col <= cells.lastCol; col += 1) {
    const header = cells.mergedText(headerRow, col);
    let values = 0;
    let words = 0;
    for (let row = headerRow + 1; row <= last; row += 1) {
      if (cells.text(row, col) === '') continue;
      const kind = cells.reading(row, col).kind;
      if (kind === 'text') words += 1;
      else values += 1;
    }
    if (header === '' && values + words === 0) continue;
    const byWords = header === '' ? null : columnRole(header);
    // A header's words never put a column of words into a value role (`目標` over the KPI names).
    const textual = words > values;
    const mapped = byWords ? mappedRoleOf(byWords) : null;
    const misleading = mapped !== null && textual && YEAR_ROLES.has(mapped.role);
    let role: MappedRole = misleading ? 'ignore' : (mapped?.role ?? 'ignore');
    let year = misleading ? null : (mapped?.year ?? null);
    if (misleading && !named) role = 'name';
    if (!mapped) {
      if (!named && words > values) role = 'name';
      else if (values > words) role = 'actual';
      year = findYear(compact(header))?.year ?? null;
    }
    if (role === 'name') {
      if (named) role = 'ignore';
      named = true;
    }
    columns.push({ col, role, year, header });
  }
  // Columns of values the words did not name, left to right: where a table starts and where it aims.
  const guessed = columns.filter((c) => c.role === 'actual' && columnRole(c.header) === null);
  if (guessed.length >= 2 && !columns.some((c) => c.role === 'baseline' || c.role === 'target')) {
    const first = guessed[0];
    const last = guessed[guessed.length - 1];
    return {
      sheet: cells.grid.sheet,
      headerTop: headerRow,
      headerRow,
      columns: columns.map((c) =>
        c === first ? { ...c, role: 'baseline' } : c === last ? { ...c, role: 'target' } : c,
      ),
      source: 'read',
    };
  }
  return { sheet: cells.grid.sheet, headerTop: headerRow, headerRow, columns, source: 'read' };
}
