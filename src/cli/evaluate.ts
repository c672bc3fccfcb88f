/**
 * `kpi-sheet evaluate <file.xlsx> [--json [report.json]] [--sheet NAME] [settings]`: reads the KPI sheet, judges
 * every KPI and reports. Three steps, each its own function so later options (`-o out.xlsx`, `--pdf`) add an
 * output step without touching the others: parseEvaluateArgs → analyzeFile → writeEvaluationOutput.
 */
import { writeFile } from 'node:fs/promises';
import { parseCellAddress } from '../core/a1';
import { summarize } from '../core/evaluate';
import type { BookAnalysis, Judged } from '../core/pipeline';
import { bookReport } from '../core/report/kpi-report';
import type { KpiSheet } from '../core/types';
import { openBook } from '../xlsx/open-book';
import { WorkbookError } from '../xlsx/workbook-error';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { evaluationCsv } from './evaluate-csv';
import { evaluationJson } from './evaluate-json';
import { renderEvaluationTable } from './evaluate-table';
import {
  EVALUATE_OPTIONS,
  optionHelp,
  parseEvaluateArgs,
  type EvaluateCommand,
  type JsonOutput,
} from './options';
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
  { readonly ok: true; readonly book: BookAnalysis } | { readonly ok: false; readonly message: string };

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
    return { ok: true, book: outcome.book };
  } catch (error) {
    if (error instanceof WorkbookError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * Only the 担当課's KPIs, for the terminal table (`--department`): blocks left empty go, the counts and the
 * reading notes are of those KPIs.
 */
function forDepartment(judged: Judged, department: string | undefined): Judged {
  if (department === undefined) return judged;
  const { sheet, evaluation } = judged;
  const keep = <T extends { readonly department: string }>(kpis: readonly T[]): T[] =>
    kpis.filter((k) => k.department === department);
  const blocks = sheet.blocks
    .map((b) => ({ ...b, headlines: keep(b.headlines), kpis: keep(b.kpis) }))
    .filter((b) => b.headlines.length + b.kpis.length > 0);
  const rows = new Set(blocks.flatMap((b) => [...b.headlines, ...b.kpis].map((k) => k.row)));
  const diagnostics = sheet.diagnostics.filter((d) => {
    const ref = parseCellAddress(d.cell.slice(d.cell.lastIndexOf('!') + 1));
    return ref !== null && rows.has(ref.row);
  });
  const kept: KpiSheet = { ...sheet, blocks, diagnostics };
  const byId = new Map(evaluation.kpis.map((e) => [e.kpiId, e]));
  const summary = summarize(kept, byId, evaluation.settings.scale, evaluation.summary.published);
  return { sheet: kept, evaluation: { ...evaluation, summary } };
}

async function writeReport(to: JsonOutput, text: string, what: 'JSON' | 'CSV'): Promise<number> {
  if (to.to === 'none') return EXIT_OK;
  if (to.to === 'stdout') {
    process.stdout.write(text);
    return EXIT_OK;
  }
  try {
    await writeFile(to.path, text, 'utf8');
  } catch {
    process.stderr.write(`${what} を書き込めませんでした: ${to.path}\n`);
    return EXIT_FAILURE;
  }
  process.stderr.write(`${what} を書きました: ${to.path}\n`);
  return EXIT_OK;
}

/** The report: JSON and/or CSV to stdout or a file, else the table on the terminal. Returns the exit code. */
export async function writeEvaluationOutput(command: EvaluateCommand, book: BookAnalysis): Promise<number> {
  const { json, department } = command;
  const csv = command.csv ?? { to: 'none' };
  const analysis = book.combined;
  const report = bookReport(analysis, book.sheets, department);
  if (department !== undefined && report.kpis.length === 0)
    process.stderr.write(`注意: 担当課「${department}」の KPI はありません\n`);
  if (json.to === 'none' && csv.to === 'none') {
    const shown = forDepartment(analysis, department);
    process.stdout.write(renderEvaluationTable(shown.sheet, shown.evaluation));
    return EXIT_OK;
  }
  const jsonText = `${JSON.stringify(evaluationJson(analysis, command.file, report, department), null, 2)}\n`;
  const codes = [
    await writeReport(json, jsonText, 'JSON'),
    await writeReport(csv, evaluationCsv(report), 'CSV'),
  ];
  return codes.find((c) => c !== EXIT_OK) ?? EXIT_OK;
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
    (command.json.to === 'file' ? jsonPathProblem(command.json.path, command.file, output.value) : null) ??
    (command.csv?.to === 'file'
      ? jsonPathProblem(command.csv.path, command.file, output.value, '--csv')
      : null);
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
    const code = await writeEvaluationOutput(command, written.book);
    return code === EXIT_OK && written.pdfFailed ? EXIT_FAILURE : code;
  }
  const outcome = await analyzeFile(command);
  if (!outcome.ok) {
    process.stderr.write(`kpi-sheet evaluate: ${outcome.message}\n`);
    return EXIT_USAGE;
  }
  return writeEvaluationOutput(command, outcome.book);
}
