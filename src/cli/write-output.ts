/**
 * The output step of `kpi-sheet evaluate -o out.xlsx`: read the workbook, judge the sheet, plan the
 * write, apply it with the xlsx host, save (never over the input without --in-place), and render a PDF
 * when asked. Progress goes to stderr; the report (table or JSON) stays the evaluate command's job.
 */
import { rename, rm } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import type ExcelJS from 'exceljs';
import { bindMappings } from '../core/layout';
import { analyzeRead, plan as planOf, type Analysis } from '../core/pipeline';
import { parseSettings } from '../core/settings';
import { SETTINGS_SHEET } from '../core/plan/settings-sheet';
import type { ColumnMapping, Grid, Settings, WritePlan } from '../core/types';
import type { ApplyResult } from '../excel/workbook-host';
import { applyPlan, fixPrintAreas } from '../xlsx/apply-plan';
import { loadWorkbook, pickKpiSheet, WorkbookError, type ReadSheet } from '../xlsx/workbook';
import type { EvaluateCommand } from './options';
import type { OutputRequest } from './output-options';
import { renderPdf } from './render-pdf';

export type Progress = (message: string) => void;

export const stderrProgress: Progress = (message) => process.stderr.write(`${message}\n`);

/** Options that choose settings; without any of them a workbook's saved settings are used. */
const SETTINGS_OPTIONS = ['--preset', '--basis', '--thresholds', '--no-path', '--tolerance'];

/**
 * The column mappings saved in the workbook (the pane's 「列の割り当て」 or an earlier `--columns` run), read from
 * the settings sheet without reading any KPI sheet first: they say which sheet to read.
 */
export function savedColumnMappings(workbook: ExcelJS.Workbook): readonly ColumnMapping[] {
  const cell = workbook.getWorksheet(SETTINGS_SHEET)?.getCell(1, 1).value;
  return typeof cell === 'string' ? (parseSettings(cell).settings.columnMappings ?? []) : [];
}

/** The sheet to read: the one named, else the one a saved mapping is for (the reader could not place it alone). */
export function sheetToRead(workbook: ExcelJS.Workbook, named: string | undefined): string | undefined {
  if (named !== undefined) return named;
  return savedColumnMappings(workbook).find((m) => workbook.getWorksheet(m.sheet)?.state === 'visible')
    ?.sheet;
}

/** The settings an earlier run saved in the workbook (its `KPISHEET_SETTINGS` cell), or null. */
export function savedSettings(
  workbook: ExcelJS.Workbook,
  grid: Grid,
): { settings: Settings; problems: string[] } | null {
  const mark = grid.marks.find((m) => m.name === 'KPISHEET_SETTINGS');
  const ws = mark ? workbook.getWorksheet(mark.sheet) : undefined;
  if (!mark || !ws) return null;
  const text = ws.getCell(mark.range.top, mark.range.left).value;
  if (typeof text !== 'string') return null;
  const parsed = parseSettings(text);
  return { settings: parsed.settings, problems: [...parsed.problems] };
}

function chooseSettings(
  command: EvaluateCommand,
  workbook: ExcelJS.Workbook,
  grid: Grid,
  progress: Progress,
): Settings {
  // --columns is for the sheet being read: bound to it, so the workbook saves it with that sheet's name.
  const given = bindMappings(command.settings.columnMappings ?? [], grid.sheet);
  const withColumns = (settings: Settings): Settings =>
    given.length > 0 ? { ...settings, columnMappings: given } : settings;
  if (SETTINGS_OPTIONS.some((name) => command.parsed.options.has(name))) return withColumns(command.settings);
  const saved = savedSettings(workbook, grid);
  if (!saved) return withColumns(command.settings);
  for (const problem of saved.problems) progress(`注意: ${problem}`);
  progress(`ブックに保存された設定 (${saved.settings.preset}) で評価します`);
  return withColumns(
    command.parsed.options.has('--year')
      ? { ...saved.settings, evaluationYear: command.settings.evaluationYear }
      : saved.settings,
  );
}

export interface EvaluatedWorkbook {
  readonly workbook: ExcelJS.Workbook;
  readonly analysis: Analysis;
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
  let workbook: ExcelJS.Workbook;
  let picked: ReadSheet;
  try {
    workbook = await loadWorkbook(command.file);
    picked = pickKpiSheet(workbook, sheetToRead(workbook, command.sheet));
  } catch (error) {
    if (error instanceof WorkbookError) return { ok: false, message: error.message };
    throw error;
  }
  const { sheet: worksheet, grid } = picked;
  const settings = chooseSettings(command, workbook, grid, progress);
  progress(`シート「${worksheet.name}」を評価しています`);
  const analyzed = analyzeRead(grid, picked.layout, settings);
  if (!analyzed.ok) return { ok: false, message: `シート「${worksheet.name}」: ${analyzed.failure.message}` };
  const plan = planOf(analyzed.analysis, { now });
  progress(`判定列・書式・サマリーを書いています (${plan.ops.length} 件の操作)`);
  const applied = applyPlan(workbook, plan);
  return { ok: true, result: { workbook, analysis: analyzed.analysis, plan, applied } };
}

/** Saves through a temporary file beside the target, so a failed save never leaves half a workbook. */
export async function saveWorkbook(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  fixPrintAreas(workbook);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await workbook.xlsx.writeFile(temp);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export type WriteOutcome =
  | { readonly ok: true; readonly analysis: Analysis; readonly pdfFailed: boolean }
  | { readonly ok: false; readonly usage: boolean; readonly message: string };

/** The whole output step for the command line. */
export async function writeOutput(
  command: EvaluateCommand,
  request: Extract<OutputRequest, { to: 'file' }>,
  now: Date,
  progress: Progress = stderrProgress,
): Promise<WriteOutcome> {
  const outcome = await evaluateWorkbook(command, now, progress);
  if (!outcome.ok) return { ok: false, usage: true, message: outcome.message };
  const { workbook, analysis, plan, applied } = outcome.result;
  for (const notice of plan.notices) progress(`お知らせ: ${notice}`);
  for (const skip of applied.skipped) progress(`書けなかった操作 (${skip.op}): ${skip.reason}`);
  try {
    await saveWorkbook(workbook, request.path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, usage: false, message: `保存できませんでした: ${request.path}\n${reason}` };
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
  return { ok: true, analysis, pdfFailed };
}
