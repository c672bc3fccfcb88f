/**
 * Benchmark input: KPI workbooks in the city's layout (the progress fixture's blocks: title, per goal a
 * 基本目標/数値目標 header, headline row and footnote, then the 施策の枠組み…R6(目標値) table with merged
 * framework and measure cells), at any number of KPI rows. The seed's real KPI rows are cycled, each goal
 * getting its share, with values varied by a seeded PRNG so grades differ from row to row; the same size
 * always gives the same workbook.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Grid } from '../src/core/types';
import { readGrid } from '../src/xlsx/read-grid';

export const SHEET_NAME = 'KPI一覧';
/**
 * Outside the repository, so lint and git never see the workbooks and the web build. `KPI_BENCH_DIR` gives
 * another one (two clones benchmarking at once would otherwise share, and overwrite, each other's files).
 */
export const CACHE_DIR = process.env.KPI_BENCH_DIR ?? join(tmpdir(), 'kpi-sheet-bench');

const SEED_FILE = resolve(__dirname, '..', 'tests', 'fixtures', 'seeds', 'kpi-progress-table.txt');
/** Columns of the KPI table: 施策の枠組み, 具体的な施策, KPI, 担当課, H30, R2…R6, R6(目標値). */
const KPI_COLUMNS = 11;
const FIRST_VALUE_COL = 5;

interface SeedGoal {
  readonly headlineHeader: readonly string[];
  readonly headline: readonly string[];
  readonly footnote: string;
  readonly kpiHeader: readonly string[];
  /** KPI rows in their logical columns (a seed row shifted one cell right is put back). */
  readonly kpis: readonly (readonly string[])[];
}

interface Seed {
  readonly title: string;
  readonly goals: readonly SeedGoal[];
}

function readSeed(): Seed {
  const lines = readFileSync(SEED_FILE, 'utf8').replace(/\r/g, '').split('\n');
  const rows = lines.map((line) => (line.trim() === '' ? [] : line.split('\t')));
  const title = rows.find((cells) => cells.length > 0)?.[0] ?? '';
  const goals: SeedGoal[] = [];
  let goal: {
    headlineHeader: string[];
    headline: string[];
    footnote: string;
    kpiHeader: string[];
    kpis: string[][];
  } | null = null;
  let section: 'headline' | 'kpi' | null = null;
  for (const cells of rows) {
    if (cells.length === 0) {
      section = null;
      continue;
    }
    if (cells[0] === '基本目標') {
      goal = { headlineHeader: cells, headline: [], footnote: '', kpiHeader: [], kpis: [] };
      goals.push(goal);
      section = 'headline';
    } else if (!goal) {
      continue;
    } else if (cells[0] === '施策の枠組み') {
      goal.kpiHeader = cells;
      section = 'kpi';
    } else if (cells[0].startsWith('※')) {
      goal.footnote = cells[0];
    } else if (section === 'headline') {
      goal.headline = cells;
    } else if (section === 'kpi') {
      // The seed has a row shifted one cell right (its 担当課 sits under the baseline): put it back.
      const shift = /(課|センター)$/.test(cells[4] ?? '') ? 1 : 0;
      const logical = cells.slice(shift);
      goal.kpis.push(Array.from({ length: KPI_COLUMNS }, (_, k) => logical[k] ?? ''));
    }
  }
  return { title, goals };
}

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QUANTITY = /^(△)?([0-9][0-9,]*(?:\.[0-9]+)?)(.*)$/;

/** `1,159m` scaled by `factor`, keeping its decimals, thousands separators, sign mark and unit; other texts as they are. */
function vary(text: string, factor: number): string {
  const m = QUANTITY.exec(text);
  if (!m) return text;
  const [, minus, digits, rest] = m;
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  const scaled = Number(digits.replace(/,/g, '')) * factor;
  const shown =
    digits.includes(',') || scaled >= 1000
      ? scaled.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
      : scaled.toFixed(decimals);
  return `${minus ?? ''}${shown}${rest}`;
}

/** Values of one KPI row: each a seed value times a row factor times a little noise of its own. */
function variedValues(seedRow: readonly string[], random: () => number): string[] {
  const rowFactor = 0.6 + random() * 0.8;
  return seedRow.map((text, k) =>
    k < FIRST_VALUE_COL - 1 ? text : vary(text, rowFactor * (0.85 + random() * 0.3)),
  );
}

/** KPI rows per goal: `total` split as evenly as the goals allow. */
function shares(total: number, goals: number): number[] {
  return Array.from({ length: goals }, (_, g) => Math.floor(total / goals) + (g < total % goals ? 1 : 0));
}

export interface GeneratedSheet {
  readonly workbook: ExcelJS.Workbook;
  /** KPI rows written (headline rows not counted). */
  readonly kpiRows: number;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * A workbook with one KPI sheet of `kpiRows` KPI rows in `blocks` 基本目標 blocks (default: the seed's four;
 * more blocks cycle the seed's goals), at least one KPI row per block.
 */
export function generateWorkbook(kpiRows: number, blocks?: number): GeneratedSheet {
  const seed = readSeed();
  const random = prng(0x5eed + kpiRows);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kpi-sheet bench';
  wb.created = new Date(Date.UTC(2025, 3, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(SHEET_NAME, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const header = (r: number, cells: readonly string[]): void => {
    const row = ws.getRow(r);
    cells.forEach((text, k) => {
      const cell = row.getCell(k + 1);
      if (text !== '') cell.value = text;
      cell.fill = HEADER_FILL;
      cell.font = { bold: true };
      cell.border = THIN;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
  };
  const body = (r: number, cells: readonly string[]): void => {
    const row = ws.getRow(r);
    cells.forEach((text, k) => {
      const cell = row.getCell(k + 1);
      if (text !== '') cell.value = text;
      cell.border = THIN;
      cell.alignment = {
        vertical: 'middle',
        wrapText: true,
        horizontal: k >= FIRST_VALUE_COL - 1 ? 'right' : 'left',
      };
    });
  };

  ws.getCell(1, 1).value = seed.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, KPI_COLUMNS);
  let r = 3;
  const goals = Array.from(
    { length: blocks ?? seed.goals.length },
    (_, g) => seed.goals[g % seed.goals.length],
  );
  const perGoal = shares(kpiRows, goals.length);
  goals.forEach((goal, g) => {
    header(r++, goal.headlineHeader);
    body(r++, variedValues(goal.headline, random));
    if (goal.footnote !== '') ws.getCell(r++, 1).value = goal.footnote;
    r += 1;
    header(r++, goal.kpiHeader);
    // Framework and measure cells are merged down over the rows they head, as the clerk keeps them.
    const open = [r, r];
    const closeMerge = (col: 0 | 1, end: number): void => {
      if (end > open[col]) ws.mergeCells(open[col], col + 1, end, col + 1);
    };
    for (let i = 0; i < perGoal[g]; i += 1) {
      const seedRow = goal.kpis[i % goal.kpis.length];
      const cells = variedValues(seedRow, random);
      for (const col of [0, 1] as const) {
        if (i > 0 && cells[col] !== '') {
          closeMerge(col, r - 1);
          open[col] = r;
        }
        // The first row of a table always names its framework and measure.
        if (i === 0 && cells[col] === '') cells[col] = goal.kpis.find((row) => row[col] !== '')?.[col] ?? '';
      }
      body(r++, cells);
    }
    closeMerge(0, r - 1);
    closeMerge(1, r - 1);
    r += 1;
  });
  [24, 28, 44, 16, 11, 11, 11, 11, 11, 11, 11].forEach((w, k) => (ws.getColumn(k + 1).width = w));
  return { workbook: wb, kpiRows };
}

/** The generated sheet as the hosts would read it. */
export function generatedGrid(kpiRows: number): Grid {
  const { workbook } = generateWorkbook(kpiRows);
  return readGrid(workbook.getWorksheet(SHEET_NAME)!);
}

/**
 * The generated workbook of `kpiRows` rows in `blocks` blocks (default the seed's four) as a file in the
 * cache directory, written on first use: ExcelJS takes tens of seconds to build the 50,000-row ones.
 */
export async function cachedWorkbook(kpiRows: number, blocks?: number): Promise<string> {
  await mkdir(CACHE_DIR, { recursive: true });
  const path = join(
    CACHE_DIR,
    blocks === undefined ? `kpi-${kpiRows}.xlsx` : `kpi-${kpiRows}-${blocks}b.xlsx`,
  );
  if (!existsSync(path)) {
    // Written beside and renamed, so a bench interrupted halfway leaves no half-written input behind.
    const partial = `${path}.${process.pid}.partial`;
    await generateWorkbook(kpiRows, blocks).workbook.xlsx.writeFile(partial);
    await rename(partial, path);
  }
  return path;
}

/** Writes the generated workbook to <tmp>/kpi-sheet-bench/kpi-<rows>.xlsx and returns its path. */
export async function writeGeneratedWorkbook(kpiRows: number, dir: string = CACHE_DIR): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `kpi-${kpiRows}.xlsx`);
  await generateWorkbook(kpiRows).workbook.xlsx.writeFile(path);
  return path;
}
