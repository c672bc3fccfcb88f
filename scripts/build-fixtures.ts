/**
 * `npm run fixtures`: builds the workbooks the tests read, from the seed texts in tests/fixtures/seeds/.
 * The workbooks look like what a clerk keeps (title, merged hierarchy cells, widths, borders, header fill);
 * the seeds' oddities (shifted rows, edit marks, two values in one cell) are kept as they arrived.
 * Output is deterministic: fixed workbook dates, no time-dependent content.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { LAYOUTS, UNPLACEABLE, type Layout } from './fixture-layouts';
import { FIXTURES_DIR, fixtureWorkbook, saveFixture } from './fixtures/save-fixture';

const ROOT = resolve(__dirname, '..');
const SEEDS = join(ROOT, 'tests', 'fixtures', 'seeds');
const OUT = FIXTURES_DIR;
const FIXED_DATE = new Date(Date.UTC(2025, 3, 1, 0, 0, 0));

type Row = string[];

/** Cells as the seed gives them, one array per line, leading blank lines dropped. */
function readSeed(name: string): Row[] {
  const lines = readFileSync(join(SEEDS, name), 'utf8').replace(/\r/g, '').split('\n');
  while (lines.length > 0 && lines[0].trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.map((line) => (line === '' ? [] : line.split('\t')));
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: ExcelJS.Borders = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
  diagonal: {},
};

function newWorkbook(): ExcelJS.Workbook {
  return fixtureWorkbook('浅口市 地域創造課', FIXED_DATE);
}

function save(wb: ExcelJS.Workbook, file: string): Promise<void> {
  return saveFixture(wb, file, FIXED_DATE);
}

/** A value cell as the clerk entered it: text, or a number with a number format. */
type CellContent = string | { readonly value: number; readonly numFmt: string };

// ---------------------------------------------------------------------------------------------------
// Progress table (kpi-progress-table.txt)

interface ProgressVariant {
  readonly file: string;
  /** Year columns entered as numbers with number formats (`#,##0"人"`). */
  readonly numberFormats?: boolean;
  /** KPI header as two rows: 現状値 / 実績 (merged) / 目標値 over the years. */
  readonly twoRowHeader?: boolean;
  /** 令和2年度 / 平成30年度 headers instead of R2 / H30. */
  readonly eraNames?: boolean;
  /** A 単位 column after 担当課 with bare numbers in the year columns. */
  readonly unitColumn?: boolean;
  /** An empty R1 column between the baseline and R2. */
  readonly emptyR1?: boolean;
  /** One worksheet per 基本目標 (基本目標1, 基本目標2, …), the title on the first. */
  readonly sheetPerGoal?: boolean;
}

const PROGRESS_VARIANTS: readonly ProgressVariant[] = [
  { file: 'asakuchi-progress.xlsx' },
  { file: 'asakuchi-progress-number-formats.xlsx', numberFormats: true },
  { file: 'asakuchi-progress-two-row-header.xlsx', twoRowHeader: true },
  { file: 'asakuchi-progress-reiwa.xlsx', eraNames: true },
  { file: 'asakuchi-progress-unit-column.xlsx', unitColumn: true },
  { file: 'asakuchi-progress-empty-r1.xlsx', emptyR1: true },
  { file: 'asakuchi-progress-sheet-per-goal.xlsx', sheetPerGoal: true },
];

const VALUE_PATTERN = /^(△)?([0-9][0-9,]*(?:\.[0-9]+)?)([^0-9]*)$/;

/** `12件` → 12 with `#,##0"件"`; `68.5%` → 0.685 with `0.0%`; other texts stay text. */
function asFormattedNumber(text: string): CellContent {
  const m = VALUE_PATTERN.exec(text);
  if (!m) return text;
  const [, minus, digits, unit] = m;
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  const base = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  const magnitude = Number(digits.replace(/,/g, ''));
  const value = minus ? -magnitude : magnitude;
  if (unit === '%') {
    const fraction = Number((value / 100).toFixed(decimals + 2));
    return { value: fraction, numFmt: `${decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0'}%` };
  }
  if (unit === '') return { value, numFmt: decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0' };
  const pos = `${base}"${unit}"`;
  return { value, numFmt: `${pos};"△"${pos}` };
}

/** `12件` → { value: 12 (as bare number), unit: 件 }; null where the text is not a plain quantity. */
function splitUnit(text: string): { value: number; unit: string } | null {
  const m = VALUE_PATTERN.exec(text);
  if (!m) return null;
  const magnitude = Number(m[2].replace(/,/g, ''));
  return { value: m[1] ? -magnitude : magnitude, unit: m[3] };
}

function eraName(header: string): string {
  return header
    .replace(/^H(\d+)\s*/, (_, n: string) => `平成${n}年度`)
    .replace(/^R(\d+)\s*/, (_, n: string) => `令和${n}年度`);
}

type SeedKind = 'title' | 'headlineHeader' | 'headline' | 'footnote' | 'kpiHeader' | 'kpi' | 'blank';

function classify(rows: Row[]): SeedKind[] {
  const kinds: SeedKind[] = [];
  let inTable: 'headline' | 'kpi' | null = null;
  rows.forEach((row, i) => {
    if (row.length === 0) {
      inTable = null;
      kinds.push('blank');
    } else if (i === 0) kinds.push('title');
    else if (row[0] === '基本目標') {
      inTable = 'headline';
      kinds.push('headlineHeader');
    } else if (row[0] === '施策の枠組み') {
      inTable = 'kpi';
      kinds.push('kpiHeader');
    } else if (row[0].startsWith('※')) kinds.push('footnote');
    else kinds.push(inTable ?? 'footnote');
  });
  return kinds;
}

/** Rows of one KPI table, 1-based and inclusive. */
interface TableRows {
  top: number;
  bottom: number;
}

/** Merges each run of a 施策の枠組み / 具体的な施策 label (columns A and B) over the blank cells below it. */
function mergeHierarchyColumns(ws: ExcelJS.Worksheet, tables: readonly TableRows[]): void {
  for (const table of tables) {
    for (const col of [1, 2]) {
      let start = table.top;
      while (start <= table.bottom) {
        let end = start;
        while (end + 1 <= table.bottom && ws.getCell(end + 1, col).value === null) end += 1;
        if (end > start && ws.getCell(start, col).value !== null) ws.mergeCells(start, col, end, col);
        ws.getCell(start, col).alignment = { vertical: 'top', wrapText: true };
        start = end + 1;
      }
    }
  }
}

async function buildProgress(variant: ProgressVariant): Promise<void> {
  const seed = readSeed('kpi-progress-table.txt');
  const kinds = classify(seed);
  const wb = newWorkbook();
  const addSheet = (name: string): ExcelJS.Worksheet =>
    wb.addWorksheet(name, {
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
  let ws = addSheet(variant.sheetPerGoal ? '基本目標1' : 'KPI一覧');
  // Each sheet with the KPI tables on it, for the merges and column widths once it is written.
  const sheets: { ws: ExcelJS.Worksheet; tables: TableRows[] }[] = [];
  let goals = 0;

  // Columns of the KPI table in this variant: seed columns, plus 単位 after 担当課, plus R1 after the baseline.
  const kpiInsertAfter = (seedCol: number): number => {
    // seedCol is 1-based; returns the sheet column for it.
    let col = seedCol;
    if (variant.unitColumn && seedCol >= 5) col += 1;
    if (variant.emptyR1 && seedCol >= 6) col += 1;
    return col;
  };
  const headlineCol = (seedCol: number): number => (variant.emptyR1 && seedCol >= 4 ? seedCol + 1 : seedCol);
  const lastKpiCol = kpiInsertAfter(11);

  let row = 1;
  let kpiTables: TableRows[] = [];
  sheets.push({ ws, tables: kpiTables });
  let current: { top: number; bottom: number } | null = null;

  const styleHeader = (r: number, from: number, to: number): void => {
    for (let c = from; c <= to; c += 1) {
      const cell = ws.getCell(r, c);
      cell.fill = HEADER_FILL;
      cell.font = { bold: true };
      cell.border = THIN;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  };
  const styleBody = (r: number, from: number, to: number): void => {
    for (let c = from; c <= to; c += 1) {
      const cell = ws.getCell(r, c);
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: c >= 5 ? 'right' : 'left' };
    }
  };
  const put = (r: number, c: number, content: CellContent): void => {
    const cell = ws.getCell(r, c);
    if (typeof content === 'string') {
      if (content !== '') cell.value = content;
    } else {
      cell.value = content.value;
      cell.numFmt = content.numFmt;
    }
  };
  const valueContent = (text: string): CellContent =>
    variant.numberFormats ? asFormattedNumber(text) : text;

  seed.forEach((cells, i) => {
    const kind = kinds[i];
    if (kind !== 'kpi' && current) {
      kpiTables.push(current);
      current = null;
    }
    switch (kind) {
      case 'blank':
        break;
      case 'title':
        put(row, 1, cells[0]);
        ws.mergeCells(row, 1, row, lastKpiCol);
        ws.getCell(row, 1).font = { bold: true, size: 14 };
        ws.getRow(row).height = 24;
        break;
      case 'footnote':
        put(row, 1, cells[0]);
        ws.getCell(row, 1).font = { size: 9 };
        break;
      case 'headlineHeader':
      case 'headline': {
        if (kind === 'headlineHeader' && variant.sheetPerGoal && ++goals > 1) {
          ws = addSheet(`基本目標${goals}`);
          kpiTables = [];
          sheets.push({ ws, tables: kpiTables });
          row = 1;
        }
        cells.forEach((text, k) => {
          const col = headlineCol(k + 1);
          const header = kind === 'headlineHeader' && k >= 2;
          put(
            row,
            col,
            header && variant.eraNames ? eraName(text) : k >= 2 && !header ? valueContent(text) : text,
          );
        });
        if (variant.emptyR1 && kind === 'headlineHeader') put(row, 4, variant.eraNames ? '令和元年度' : 'R1');
        const last = headlineCol(cells.length);
        if (kind === 'headlineHeader') styleHeader(row, 1, last);
        else {
          styleBody(row, 1, last);
          ws.getRow(row).height = 36;
        }
        break;
      }
      case 'kpiHeader': {
        const top = row;
        if (variant.twoRowHeader) {
          // Upper row: labels merged down, 現状値 / 実績 (merged over the years) / 目標値; lower row: years.
          const lower = row + 1;
          for (let k = 1; k <= 4; k += 1) {
            const col = kpiInsertAfter(k);
            put(top, col, cells[k - 1]);
            ws.mergeCells(top, col, lower, col);
          }
          const yearHeaders = cells.slice(4).map((h) => h.replace(/\s*\((現状値|目標値)\)/, ''));
          put(top, kpiInsertAfter(5), '現状値');
          put(top, kpiInsertAfter(6), '実績');
          ws.mergeCells(top, kpiInsertAfter(6), top, kpiInsertAfter(10));
          put(top, kpiInsertAfter(11), '目標値');
          yearHeaders.forEach((h, k) => put(lower, kpiInsertAfter(5 + k), h));
          styleHeader(top, 1, lastKpiCol);
          styleHeader(lower, 1, lastKpiCol);
          row = lower;
        } else {
          cells.forEach((text, k) => {
            put(row, kpiInsertAfter(k + 1), k >= 4 && variant.eraNames ? eraName(text) : text);
          });
          styleHeader(row, 1, lastKpiCol);
        }
        if (variant.unitColumn) put(top, 5, '単位');
        if (variant.unitColumn && variant.twoRowHeader) ws.mergeCells(top, 5, row, 5);
        if (variant.emptyR1) put(row, kpiInsertAfter(5) + 1, variant.eraNames ? '令和元年度' : 'R1');
        current = { top: row + 1, bottom: row };
        break;
      }
      case 'kpi': {
        // A shifted row stays shifted: its cells move together, the unit column sits where 単位 is.
        const shift = /(課|センター)$/.test(cells[4] ?? '') ? 1 : 0;
        const unitCounts = new Map<string, number>();
        const valueCells = cells.slice(4 + shift);
        valueCells.forEach((t) => {
          const q = splitUnit(t);
          if (q) unitCounts.set(q.unit, (unitCounts.get(q.unit) ?? 0) + 1);
        });
        const rowUnit = [...unitCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
        cells.forEach((text, k) => {
          const logicalCol = k + 1 - shift; // the column this cell belongs to
          if (logicalCol < 1) return;
          let content: CellContent = logicalCol >= 5 ? valueContent(text) : text;
          if (variant.unitColumn && logicalCol >= 5) {
            const q = splitUnit(text);
            content = q && q.unit === rowUnit ? { value: q.value, numFmt: 'General' } : text;
          }
          put(row, kpiInsertAfter(logicalCol) + shift, content);
        });
        if (variant.unitColumn) put(row, 5 + shift, rowUnit);
        styleBody(row, 1, lastKpiCol);
        if (current) current.bottom = row;
        break;
      }
    }
    row += 1;
  });
  if (current) kpiTables.push(current);

  const widths = [24, 28, 44, 16, 11, 11, 11, 11, 11, 11, 11, 11, 11];
  for (const sheet of sheets) {
    // 施策の枠組み and 具体的な施策 merged over their rows, as the clerk keeps them.
    mergeHierarchyColumns(sheet.ws, sheet.tables);
    for (let c = 1; c <= lastKpiCol; c += 1) sheet.ws.getColumn(c).width = widths[c - 1] ?? 11;
    sheet.ws.views = [{ state: 'normal', showGridLines: true }];
  }
  await save(wb, variant.file);
}

// ---------------------------------------------------------------------------------------------------
// Strategy table (strategy-kpi-table.txt)

const SEPARATOR = /^-{2,}$/;

/** Lines of the strategy seed as sheet rows: separators dropped, 施策の基本的方向 bullets gathered into one cell. */
function strategyRows(seed: Row[]): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < seed.length; i += 1) {
    const cells = seed[i];
    if (cells.length > 0 && cells.every((c) => SEPARATOR.test(c.trim()) || c.trim() === '')) continue;
    if (cells[0] === '施策の基本的方向') {
      const bullets: string[] = [];
      if (cells[1]) bullets.push(...htmlBullets(cells[1]));
      let j = i + 1;
      while (j < seed.length && (seed[j].length === 0 || (seed[j][0] ?? '').startsWith('- '))) {
        if (seed[j].length > 0) bullets.push(seed[j][0].replace(/^-\s*/, ''));
        j += 1;
      }
      if (bullets.length > 0 && !cells[1]) i = j - 1;
      rows.push(['施策の基本的方向', bullets.join('\n')]);
      if (!cells[1]) rows.push([]);
      continue;
    }
    rows.push(cells);
  }
  return rows;
}

function htmlBullets(text: string): string[] {
  return text
    .replace(/<[^>]*>/g, '')
    .split(/\s*(?=・)/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

async function buildStrategy(): Promise<void> {
  const rows = strategyRows(readSeed('strategy-kpi-table.txt'));
  const wb = newWorkbook();
  const ws = wb.addWorksheet('総合戦略KPI', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  put(ws, 1, 1, '第2期 浅口市まち・ひと・しごと創生総合戦略 基本目標と KPI');
  ws.mergeCells(1, 1, 1, 8);
  ws.getCell(1, 1).font = { bold: true, size: 14 };

  let r = 3;
  const tables: TableRows[] = [];
  let current: { top: number; bottom: number } | null = null;
  for (const cells of rows) {
    const first = cells[0] ?? '';
    if (cells.length === 0) {
      if (current) tables.push(current);
      current = null;
      r += 1;
      continue;
    }
    cells.forEach((text, k) => put(ws, r, k + 1, text));
    if (first === '施策の枠組み') {
      for (let c = 1; c <= 8; c += 1) {
        const cell = ws.getCell(r, c);
        cell.fill = HEADER_FILL;
        cell.font = { bold: true };
        cell.border = THIN;
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      }
      current = { top: r + 1, bottom: r };
    } else if (current) {
      for (let c = 1; c <= Math.max(8, cells.length); c += 1) {
        const cell = ws.getCell(r, c);
        cell.border = THIN;
        cell.alignment = { vertical: 'middle', wrapText: true };
      }
      current.bottom = r;
    } else if (first.startsWith('基本目標')) {
      ws.getCell(r, 1).font = { bold: true, size: 12 };
      if (cells.length === 1) ws.mergeCells(r, 1, r, 8);
    } else if (first.startsWith('数値目標') || first === '施策の基本的方向') {
      ws.getCell(r, 1).fill = HEADER_FILL;
      ws.getCell(r, 1).font = { bold: true };
      if (cells.length === 1) ws.mergeCells(r, 1, r, 8);
      else ws.mergeCells(r, 2, r, 8);
      for (let c = 1; c <= 8; c += 1) {
        ws.getCell(r, c).border = THIN;
        ws.getCell(r, c).alignment = { vertical: 'top', wrapText: true };
      }
      ws.getRow(r).height = first === '施策の基本的方向' ? 90 : 32;
    }
    r += 1;
  }
  if (current) tables.push(current);
  mergeHierarchyColumns(ws, tables);
  [22, 26, 24, 48, 36, 12, 12, 16, 12].forEach((w, k) => (ws.getColumn(k + 1).width = w));
  await save(wb, 'asakuchi-strategy.xlsx');
}

function put(ws: ExcelJS.Worksheet, r: number, c: number, text: string): void {
  if (text !== '') ws.getCell(r, c).value = text;
}

// ---------------------------------------------------------------------------------------------------
// Sheets with no KPI table: a budget table and an empty sheet.

async function buildBudget(): Promise<void> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('予算');
  const rows: (string | number)[][] = [
    ['令和6年度 地域創造課 予算執行状況'],
    [],
    ['事業名', '予算額 (千円)', '執行額 (千円)', '執行率'],
    ['移住定住促進事業', 12000, 9800, 0.817],
    ['ふるさと寄附金事業', 85000, 84100, 0.989],
    ['地域おこし協力隊事業', 24000, 15000, 0.625],
  ];
  rows.forEach((cells, i) => cells.forEach((v, k) => (ws.getCell(i + 1, k + 1).value = v)));
  for (let i = 4; i <= 6; i += 1) ws.getCell(i, 4).numFmt = '0.0%';
  wb.addWorksheet('Sheet2');
  await save(wb, 'budget-no-kpi.xlsx');
}

// ---------------------------------------------------------------------------------------------------
// Other cities' layouts (fixture-layouts.ts): one workbook each in tests/fixtures/layouts/.

async function buildLayout(layout: Layout): Promise<void> {
  const wb = newWorkbook();
  wb.creator = layout.city;
  wb.lastModifiedBy = layout.city;
  for (const sheet of layout.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const top = sheet.top ?? 1;
    const left = sheet.left ?? 1;
    let width = 0;
    sheet.rows.forEach((cells, i) => {
      if (!cells) return;
      width = Math.max(width, cells.length);
      cells.forEach((content, k) => {
        const cell = ws.getCell(top + i, left + k);
        if (typeof content === 'string') {
          if (content !== '') cell.value = content;
        } else {
          cell.value = content.v;
          cell.numFmt = content.f;
        }
      });
    });
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
    for (const r of sheet.headerRows ?? []) {
      for (let c = left; c < left + width; c += 1) {
        const cell = ws.getCell(r, c);
        cell.fill = HEADER_FILL;
        cell.font = { bold: true };
        cell.border = THIN;
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      }
    }
    ws.getCell(top, left).font = { bold: true, size: 13 };
    for (let c = left; c < left + width; c += 1) ws.getColumn(c).width = c === left ? 30 : 14;
  }
  await save(wb, join('layouts', layout.file));
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  mkdirSync(join(OUT, 'layouts'), { recursive: true });
  for (const layout of [...LAYOUTS, UNPLACEABLE]) await buildLayout(layout);
  for (const variant of PROGRESS_VARIANTS) await buildProgress(variant);
  await buildStrategy();
  await buildBudget();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
