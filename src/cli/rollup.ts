/**
 * `kpi-sheet rollup FILES… -o rollup.xlsx [--json [rollup.json]]`: reads and judges every workbook (each with
 * the settings saved in it, so each city keeps its own scale), and writes a new workbook: 集計 (one row per
 * workbook and 基本目標) and 全KPI (every KPI, as an Excel table). A file that cannot be read is named with
 * the reason, on the terminal and in the workbook, and the others still roll up (exit code EXIT_PARTIAL).
 */
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { NO_TABLE_MAPPING_HINT } from '../core/layout/read-sheet';
import { bookReport } from '../core/report/kpi-report';
import { rollupNames, rollupRows, type RollupBook, type RollupFailure } from '../core/rollup/rollup-rows';
import { rollupLayout } from '../core/rollup/rollup-sheets';
import { DEFAULT_SETTINGS } from '../core/settings';
import { openBook } from '../xlsx/open-book';
import { rollupWorkbook } from '../xlsx/rollup-book';
import { WorkbookError } from '../xlsx/workbook-error';
import { runTime } from './evaluate';
import { rollupToJson } from './rollup-json';
import { EXIT_FAILURE, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE } from './exit-codes';
import { optionHelp, parseCommandLine, type EvaluateCommand, type OptionSpec } from './options';
import { checkSavePath, saveFileSafely } from './safe-save';
import { analyzeWorkbook, repeatedNotices, settingsForSheet } from './write-output';

/** More files than this, and each one is announced as it is read (`3/12 浅口市.xlsx`). */
export const PROGRESS_AFTER = 3;

const ROLLUP_OPTIONS: readonly OptionSpec[] = [
  {
    name: '--output',
    aliases: ['-o'],
    kind: 'value',
    valueName: 'rollup.xlsx',
    help: '集計のブック (新しいファイル) をこのファイルに保存します',
  },
  {
    name: '--json',
    kind: 'optionalValue',
    valueName: 'rollup.json',
    help: '集計を JSON でも出力します (ファイル名を続けるとそのファイルに書きます)',
    acceptsValue: (next) => /\.json$/i.test(next),
  },
  { name: '--help', aliases: ['-h'], kind: 'flag', help: 'この説明を表示します' },
];

export const ROLLUP_HELP = `使い方: kpi-sheet rollup <file.xlsx>… -o rollup.xlsx [--json [rollup.json]]
  いくつものブック (市町村や課ごとの KPI 表) を読み、1 つの新しいブックにまとめます。
  「集計」シート: ブックと基本目標ごとの判定の件数 (各ブックの評価段階で)、上位 2 段階の割合と前年度からの増減、
  判定の上がった・下がった KPI の数、データの確認事項の件数。「全KPI」シート: すべての KPI を 1 行ずつ (フィルター付きの表)。
  各ブックは、そのブックに保存された設定 (作業ウィンドウや evaluate で保存したもの) で評価します。
  読み込めなかったファイルは理由とともに一覧にし、残りのファイルで集計します (終了コード ${EXIT_PARTIAL})。

${optionHelp(ROLLUP_OPTIONS)}
`;

interface RollupCommand {
  readonly files: readonly string[];
  readonly output: string | undefined;
  readonly json: { readonly to: 'none' } | { readonly to: 'stdout' } | { readonly to: 'file'; path: string };
}

type ParsedRollup =
  | { readonly ok: true; readonly help: true }
  | { readonly ok: true; readonly help: false; readonly command: RollupCommand }
  | { readonly ok: false; readonly message: string };

function parseRollupArgs(argv: readonly string[]): ParsedRollup {
  const line = parseCommandLine(argv, ROLLUP_OPTIONS);
  if (!line.ok) return line;
  const { positionals, options } = line.value;
  if (options.has('--help')) return { ok: true, help: true };
  if (positionals.length === 0) return { ok: false, message: '集計する .xlsx ファイルを指定してください' };
  const output = options.get('--output');
  const jsonOption = options.get('--json');
  const json: RollupCommand['json'] =
    jsonOption === undefined
      ? { to: 'none' }
      : jsonOption === true
        ? { to: 'stdout' }
        : { to: 'file', path: jsonOption };
  if (typeof output !== 'string' && json.to === 'none')
    return { ok: false, message: '-o rollup.xlsx で保存先を指定してください' };
  if (typeof output === 'string') {
    if (!/\.xlsx$/i.test(output))
      return { ok: false, message: `-o には .xlsx ファイルを指定してください: ${output}` };
    if (positionals.some((f) => resolve(f) === resolve(output)))
      return { ok: false, message: `-o が集計するファイルの 1 つと同じです: ${output}` };
  }
  if (
    json.to === 'file' &&
    (positionals.some((f) => resolve(f) === resolve(json.path)) ||
      (typeof output === 'string' && resolve(output) === resolve(json.path)))
  )
    return { ok: false, message: `--json の保存先が集計するファイルか -o と同じです: ${json.path}` };
  return {
    ok: true,
    help: false,
    command: { files: positionals, output: typeof output === 'string' ? output : undefined, json },
  };
}

/**
 * Rollup takes no --columns: each workbook is read with the column mapping saved in it, so the way to a table
 * with other headings is to save one there first.
 */
const ROLLUP_MAPPING_HINT =
  "見出しの書き方が違う表は、作業ウィンドウの「列の割り当て」か `kpi-sheet evaluate <ファイル> --columns '…' -o <保存先>` で" +
  '列の割り当てをブックに保存すると、集計でも読み取れます (割り当ての書き方は `kpi-sheet inspect <ファイル>` が示します)。';

type ReadOutcome =
  | { readonly ok: true; readonly book: RollupBook; readonly notices: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/** One workbook, read and judged as `kpi-sheet evaluate FILE` judges it; every problem is a Japanese reason. */
async function readForRollup(file: string, name: string): Promise<ReadOutcome> {
  const command: EvaluateCommand = {
    file,
    sheet: undefined,
    json: { to: 'none' },
    settings: DEFAULT_SETTINGS,
    parsed: { positionals: [file], options: new Map() },
  };
  const notices: string[] = [];
  try {
    const workbook = await openBook(file);
    const outcome = analyzeWorkbook(workbook, command, (grid) =>
      settingsForSheet(command, workbook, grid, (m) => notices.push(m)),
    );
    if (!outcome.ok)
      return { ok: false, reason: outcome.message.replaceAll(NO_TABLE_MAPPING_HINT, ROLLUP_MAPPING_HINT) };
    const { book } = outcome;
    notices.push(...repeatedNotices(book).map((n) => `お知らせ: ${n}`));
    const report = bookReport(book.combined, book.sheets);
    return {
      ok: true,
      book: { file, name, title: book.combined.sheet.title, judged: book.combined, report },
      notices,
    };
  } catch (error) {
    if (error instanceof WorkbookError) return { ok: false, reason: error.message };
    // One broken file must not stop the others: its reason is named, the rest still roll up.
    const kind = error instanceof Error ? error.name : 'Error';
    return { ok: false, reason: `予期しないエラーで読み込めませんでした (${kind})` };
  }
}

export async function runRollup(argv: readonly string[]): Promise<number> {
  const parsed = parseRollupArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`kpi-sheet rollup: ${parsed.message}\n\n${ROLLUP_HELP}`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    process.stdout.write(ROLLUP_HELP);
    return EXIT_OK;
  }
  const { files, output, json } = parsed.command;
  if (output !== undefined) {
    // Checked first: reading many workbooks must not end in "cannot save there".
    const writable = await checkSavePath(output);
    if (!writable.ok) {
      process.stderr.write(`kpi-sheet rollup: ${writable.message}\n`);
      return EXIT_USAGE;
    }
  }
  const names = rollupNames(files);
  const books: RollupBook[] = [];
  const failures: RollupFailure[] = [];
  for (const [i, file] of files.entries()) {
    if (files.length > PROGRESS_AFTER) process.stderr.write(`${i + 1}/${files.length} ${basename(file)}\n`);
    const read = await readForRollup(file, names[i]);
    if (read.ok) {
      books.push(read.book);
      for (const notice of read.notices) process.stderr.write(`${basename(file)}: ${notice}\n`);
    } else {
      failures.push({ file, reason: read.reason });
      process.stderr.write(`読み込めませんでした: ${file}\n  ${read.reason.replace(/\n/g, '\n  ')}\n`);
    }
  }
  if (books.length === 0) {
    process.stderr.write('kpi-sheet rollup: 読み込めたブックがないため、集計しませんでした\n');
    return EXIT_USAGE;
  }
  // The rows once, for the workbook and the JSON alike.
  const rollup = rollupRows(books, failures);
  if (output !== undefined) {
    const { bytes, applied } = rollupWorkbook(rollupLayout(rollup, runTime()));
    for (const skip of applied.skipped)
      process.stderr.write(`書けなかった操作 (${skip.op}): ${skip.reason}\n`);
    try {
      await saveFileSafely(output, bytes);
    } catch (error) {
      process.stderr.write(`kpi-sheet rollup: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_FAILURE;
    }
    const kpis = books.reduce((sum, b) => sum + b.report.kpis.length, 0);
    process.stderr.write(`保存しました: ${output} (ブック ${books.length} 件、KPI ${kpis} 件)\n`);
  }
  if (json.to !== 'none') {
    const text = `${JSON.stringify(rollupToJson(rollup), null, 2)}\n`;
    if (json.to === 'stdout') process.stdout.write(text);
    else {
      try {
        await writeFile(json.path, text, 'utf8');
      } catch {
        process.stderr.write(`JSON を書き込めませんでした: ${json.path}\n`);
        return EXIT_FAILURE;
      }
      process.stderr.write(`JSON を書きました: ${json.path}\n`);
    }
  }
  if (failures.length > 0) {
    process.stderr.write(
      `読み込めなかったファイル ${failures.length} 件を除いて集計しました (${books.length}/${files.length} 件)\n`,
    );
    return EXIT_PARTIAL;
  }
  return EXIT_OK;
}
