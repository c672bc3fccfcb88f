/**
 * The output step of `kpi-sheet evaluate -o out.xlsx`: read the workbook, judge the sheet, plan the
 * write, apply it with the package editor (src/xlsx/package), save (never over the input without --in-place), and render a PDF
 * when asked. Progress goes to stderr; the report (table or JSON) stays the evaluate command's job.
 */
import { bindMappings } from '../core/layout';
import { analyzeBook, analyzeRead, planBook, type BookAnalysis, type Judged } from '../core/pipeline';
import { parseSettings } from '../core/settings';
import { chooseSettings, storedKeys, type ChosenSettings } from '../core/settings/registry';
import { SETTINGS_SHEET } from '../core/plan/settings-sheet';
import type { ColumnMapping, Grid, Settings, WritePlan } from '../core/types';
import type { ApplyResult } from '../core/host';
import { openBook, pickBookSheet, readVisibleSheets } from '../xlsx/open-book';
import { applyBookPlan, PACKAGE_CHARTS } from '../xlsx/package/apply-book';
import type { XlsxBook } from '../xlsx/package/book';
import { readBookCell, readBookMarks } from '../xlsx/package/read-book';
import { WorkbookError } from '../xlsx/workbook-error';
import { settingsGiven, type EvaluateCommand } from './options';
import type { OutputRequest } from './output-options';
import { renderPdf } from './render-pdf';
import { checkSavePath, saveFileSafely } from './safe-save';

export type Progress = (message: string) => void;

export const stderrProgress: Progress = (message) => process.stderr.write(`${message}\n`);

/**
 * The column mappings saved in the workbook (the pane's 「列の割り当て」 or an earlier `--columns` run), read from
 * the settings sheet without reading any KPI sheet first: they say which sheet to read.
 */
export function savedColumnMappings(workbook: XlsxBook): readonly ColumnMapping[] {
  if (!workbook.sheets().some((s) => s.name === SETTINGS_SHEET)) return [];
  const cell = readBookCell(workbook, SETTINGS_SHEET, 1, 1);
  return typeof cell === 'string' ? (parseSettings(cell).settings.columnMappings ?? []) : [];
}

/** The sheet to read: the one named, else the one a saved mapping is for (the reader could not place it alone). */
export function sheetToRead(workbook: XlsxBook, named: string | undefined): string | undefined {
  if (named !== undefined) return named;
  const visible = new Set(
    workbook
      .sheets()
      .filter((s) => s.visibility === 'visible')
      .map((s) => s.name),
  );
  return savedColumnMappings(workbook).find((m) => visible.has(m.sheet))?.sheet;
}

export interface SavedSettings {
  readonly settings: Settings;
  readonly problems: string[];
  /** The registry keys the saved text holds. */
  readonly stored: ReadonlySet<string>;
}

/** The settings an earlier run or the pane saved in the workbook (its `KPISHEET_SETTINGS` cell), or null. */
export function savedSettings(workbook: XlsxBook, grid?: Grid): SavedSettings | null {
  const mark = (grid?.marks ?? readBookMarks(workbook)).find((m) => m.name === 'KPISHEET_SETTINGS');
  if (!mark) return null;
  const text = readBookCell(workbook, mark.sheet, mark.range.top, mark.range.left);
  if (typeof text !== 'string') return null;
  const parsed = parseSettings(text);
  return { settings: parsed.settings, problems: [...parsed.problems], stored: storedKeys(text) };
}

/** The run's settings and where each comes from: the command line, else the workbook, else the default. */
export function runSettings(command: EvaluateCommand, saved: SavedSettings | null): ChosenSettings {
  return chooseSettings(command.settings, settingsGiven(command.parsed), saved);
}

export function settingsForSheet(
  command: EvaluateCommand,
  workbook: XlsxBook,
  grid: Grid,
  progress: Progress,
): Settings {
  // --columns is for the sheet being read: bound to it, so the workbook saves it with that sheet's name.
  const given = bindMappings(command.settings.columnMappings ?? [], grid.sheet);
  const saved = savedSettings(workbook, grid);
  const { settings, sources } = runSettings(command, saved);
  if (saved) {
    for (const problem of saved.problems) progress(`注意: ${problem}`);
    if (sources.preset !== 'default' && sources.preset !== 'commandLine')
      progress(`ブックに保存された設定 (${saved.settings.preset}) で評価します`);
  }
  return given.length > 0 ? { ...settings, columnMappings: given } : settings;
}

export type BookOutcome =
  { readonly ok: true; readonly book: BookAnalysis } | { readonly ok: false; readonly message: string };

/**
 * The sheets to judge, judged. A sheet named with --sheet, or chosen by a column mapping (--columns, or one
 * saved in the workbook), is read alone; otherwise every visible KPI sheet is, together (a workbook that
 * keeps one sheet per 基本目標: one run, one summary), leaving out sheets that repeat another's KPIs.
 * `settingsFor` gives the settings once the first KPI sheet is known. Throws WorkbookError.
 */
export function analyzeWorkbook(
  workbook: XlsxBook,
  command: EvaluateCommand,
  settingsFor: (grid: Grid) => Settings,
): BookOutcome {
  const named = sheetToRead(workbook, command.sheet);
  if (named === undefined && command.settings.columnMappings === undefined) {
    const reads = readVisibleSheets(workbook);
    const first = reads.find((r) => r.layout.ok);
    const book = first ? analyzeBook(reads, settingsFor(first.grid)) : null;
    if (book) return { ok: true, book };
  }
  // One sheet, or none that reads: pickBookSheet says why (a hidden sheet, the first sheet's layout).
  const picked = pickBookSheet(workbook, named);
  const result = analyzeRead(picked.grid, picked.layout, settingsFor(picked.grid));
  if (!result.ok) return { ok: false, message: `シート「${picked.name}」: ${result.failure.message}` };
  return { ok: true, book: { sheets: [result.analysis], combined: result.analysis, repeated: [] } };
}

/** `シート「基本目標1」「基本目標2」` */
function sheetNames(book: BookAnalysis): string {
  return `シート${book.sheets.map((s) => `「${s.grid.sheet}」`).join('')}`;
}

/** What the run left out, for the user: a sheet that repeats another's KPIs. */
export function repeatedNotices(book: BookAnalysis): string[] {
  return book.repeated.map(
    (r) =>
      `シート「${r.name}」は「${r.like}」と同じ KPI の表のため評価しませんでした。` +
      `このシートを評価するには --sheet "${r.name}" を指定してください`,
  );
}

export interface EvaluatedWorkbook {
  /** The package, edited in memory: every part the plan did not touch still as it was read. */
  readonly workbook: XlsxBook;
  readonly book: BookAnalysis;
  /** The sheets as one, with its evaluation: what the report shows. */
  readonly analysis: Judged;
  readonly plan: WritePlan;
  readonly applied: ApplyResult;
}

export type EvaluateWorkbookOutcome =
  | { readonly ok: true; readonly result: EvaluatedWorkbook }
  | { readonly ok: false; readonly message: string };

/** Reads, judges, plans and applies in memory; nothing is saved yet. */
export async function evaluateWorkbook(
  command: EvaluateCommand,
  now: Date,
  progress: Progress = () => undefined,
): Promise<EvaluateWorkbookOutcome> {
  progress(`読み込んでいます: ${command.file}`);
  let workbook: XlsxBook;
  let outcome: BookOutcome;
  try {
    workbook = await openBook(command.file);
    const opened = workbook;
    outcome = analyzeWorkbook(opened, command, (grid) => settingsForSheet(command, opened, grid, progress));
  } catch (error) {
    if (error instanceof WorkbookError) return { ok: false, message: error.message };
    throw error;
  }
  if (!outcome.ok) return outcome;
  const { book } = outcome;
  for (const notice of repeatedNotices(book)) progress(`お知らせ: ${notice}`);
  progress(
    book.sheets.length === 1
      ? `${sheetNames(book)}を評価しています`
      : `${sheetNames(book)}を評価しています (サマリーは 1 つにまとめます)`,
  );
  // The package editor writes the summary's native chart as the Excel host does (chart and drawing parts).
  const plan = planBook(book, { now, charts: PACKAGE_CHARTS });
  progress(`判定列・書式・サマリーを書いています (${plan.ops.length} 件の操作)`);
  const applied = applyBookPlan(workbook, plan);
  return { ok: true, result: { workbook, book, analysis: book.combined, plan, applied } };
}

/**
 * Saves the edited package through a flushed temporary file beside the target (safe-save.ts), so a failed
 * or interrupted save never leaves half a workbook; throws an Error with a Japanese message.
 */
export async function saveWorkbook(workbook: XlsxBook, path: string): Promise<void> {
  await saveFileSafely(path, workbook.toBuffer());
}

export type WriteOutcome =
  | {
      readonly ok: true;
      readonly analysis: Judged;
      readonly book: BookAnalysis;
      readonly pdfFailed: boolean;
    }
  | { readonly ok: false; readonly usage: boolean; readonly message: string };

/** The whole output step for the command line. */
export async function writeOutput(
  command: EvaluateCommand,
  request: Extract<OutputRequest, { to: 'file' }>,
  now: Date,
  progress: Progress = stderrProgress,
): Promise<WriteOutcome> {
  // The output path is checked first: a long evaluation must not end in "cannot save there".
  const writable = await checkSavePath(request.path);
  if (!writable.ok) return { ok: false, usage: true, message: writable.message };
  const outcome = await evaluateWorkbook(command, now, progress);
  if (!outcome.ok) return { ok: false, usage: true, message: outcome.message };
  const { workbook, analysis, book, plan, applied } = outcome.result;
  for (const notice of plan.notices) progress(`お知らせ: ${notice}`);
  for (const skip of applied.skipped) progress(`書けなかった操作 (${skip.op}): ${skip.reason}`);
  try {
    await saveWorkbook(workbook, request.path);
  } catch (error) {
    return { ok: false, usage: false, message: error instanceof Error ? error.message : String(error) };
  }
  progress(`保存しました: ${request.path}`);
  let pdfFailed = false;
  if (request.pdf) {
    progress('PDF に変換しています (LibreOffice、数十秒かかることがあります)…');
    const pdf = await renderPdf(request.path);
    if (pdf.ok) progress(`PDF を保存しました: ${pdf.pdf}`);
    else {
      progress(pdf.message);
      pdfFailed = true;
    }
  }
  return { ok: true, analysis, book, pdfFailed };
}
