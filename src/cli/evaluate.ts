/**
 * `kpi-sheet evaluate <file.xlsx> [--json [report.json]] [--sheet NAME] [settings]`: reads the KPI sheet, judges
 * every KPI and reports. Three steps, each its own function so later options (`-o out.xlsx`, `--pdf`) add an
 * output step without touching the others: parseEvaluateArgs → analyzeFile → writeEvaluationOutput.
 */
import { writeFile } from 'node:fs/promises';
import type { Judged } from '../core/pipeline';
import { openBook } from '../xlsx/open-book';
import { WorkbookError } from '../xlsx/workbook-error';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { evaluationJson } from './evaluate-json';
import { renderEvaluationTable } from './evaluate-table';
import { EVALUATE_OPTIONS, optionHelp, parseEvaluateArgs, type EvaluateCommand } from './options';
import { jsonPathProblem, outputRequestOf } from './output-options';
import {
  analyzeWorkbook,
  repeatedNotices,
  settingsForSheet,
  stderrProgress,
  writeOutput,
} from './write-output';

export const EVALUATE_HELP = `使い方: kpi-sheet evaluate <file.xlsx> [-o out.xlsx | --in-place] [--pdf] [--json [report.json]] [オプション]
  KPI 表の各 KPI を目標と比べて判定し、基本目標ごとの表 (または JSON) を出力します。
  -o を付けると、判定列・条件付き書式・サマリーシート・印刷設定を書いたブックを保存します (元のファイルはそのまま)。

${optionHelp(EVALUATE_OPTIONS)}
`;

export type AnalyzeOutcome =
  { readonly ok: true; readonly analysis: Judged } | { readonly ok: false; readonly message: string };

/**
 * The time the summary sheet and the footer print as 作成日時: now, or `SOURCE_DATE_EPOCH` (seconds) when set,
 * the reproducible-builds convention (https://reproducible-builds.org/specs/source-date-epoch/), so that a
 * script can get identical bytes from runs minutes apart.
 */
export function runTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return new Date();
}

/** Opens the workbook, reads the sheet (or sheets) and evaluates it; file and layout problems come back as messages. */
export async function analyzeFile(command: EvaluateCommand): Promise<AnalyzeOutcome> {
  try {
    const book = await openBook(command.file);
    // The settings as -o would use them: the command line's, else the workbook's (the pane's), else the default.
    const outcome = analyzeWorkbook(book, command, (grid) =>
      settingsForSheet(command, book, grid, stderrProgress),
    );
    if (!outcome.ok) return outcome;
    for (const notice of repeatedNotices(outcome.book)) process.stderr.write(`お知らせ: ${notice}\n`);
    return { ok: true, analysis: outcome.book.combined };
  } catch (error) {
    if (error instanceof WorkbookError) return { ok: false, message: error.message };
    throw error;
  }
}

/** The report: JSON to stdout or a file, or the table on the terminal. Returns the exit code. */
export async function writeEvaluationOutput(command: EvaluateCommand, analysis: Judged): Promise<number> {
  const { json } = command;
  if (json.to === 'none') {
    process.stdout.write(renderEvaluationTable(analysis.sheet, analysis.evaluation));
    return EXIT_OK;
  }
  const text = `${JSON.stringify(evaluationJson(analysis, command.file), null, 2)}\n`;
  if (json.to === 'stdout') {
    process.stdout.write(text);
    return EXIT_OK;
  }
  try {
    await writeFile(json.path, text, 'utf8');
  } catch {
    process.stderr.write(`JSON を書き込めませんでした: ${json.path}\n`);
    return EXIT_FAILURE;
  }
  process.stderr.write(`JSON を書きました: ${json.path}\n`);
  return EXIT_OK;
}

export async function runEvaluate(argv: readonly string[]): Promise<number> {
  const args = parseEvaluateArgs(argv);
  if (!args.ok) {
    process.stderr.write(`kpi-sheet evaluate: ${args.message}\n\n${EVALUATE_HELP}`);
    return EXIT_USAGE;
  }
  if (args.value.help) {
    process.stdout.write(EVALUATE_HELP);
    return EXIT_OK;
  }
  const command = args.value;
  const output = outputRequestOf(command.file, command.parsed);
  if (!output.ok) {
    process.stderr.write(`kpi-sheet evaluate: ${output.message}\n`);
    return EXIT_USAGE;
  }
  const jsonProblem =
    command.json.to === 'file' ? jsonPathProblem(command.json.path, command.file, output.value) : null;
  if (jsonProblem !== null) {
    process.stderr.write(`kpi-sheet evaluate: ${jsonProblem}\n`);
    return EXIT_USAGE;
  }
  if (output.value.to === 'file') {
    const written = await writeOutput(command, output.value, runTime());
    if (!written.ok) {
      process.stderr.write(`kpi-sheet evaluate: ${written.message}\n`);
      return written.usage ? EXIT_USAGE : EXIT_FAILURE;
    }
    const code = await writeEvaluationOutput(command, written.analysis);
    return code === EXIT_OK && written.pdfFailed ? EXIT_FAILURE : code;
  }
  const outcome = await analyzeFile(command);
  if (!outcome.ok) {
    process.stderr.write(`kpi-sheet evaluate: ${outcome.message}\n`);
    return EXIT_USAGE;
  }
  return writeEvaluationOutput(command, outcome.analysis);
}
