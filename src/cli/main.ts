/**
 * `kpi-sheet`: the command line over .xlsx files (xlsx host). Each subcommand lives in its own module
 * and returns the process exit code: 0 done, 1 failed unexpectedly, 2 bad input (options, file, sheet),
 * 3 partly done (rollup: some files could not be read).
 */
import { runCompare } from './compare';
import { runEvaluate } from './evaluate';
import { runInspect } from './inspect';
import { runRollup } from './rollup';
import { runSettingsCommand } from './settings-command';
import { EXIT_FAILURE, EXIT_USAGE } from './exit-codes';

const VERSION = '0.1.0';

const HELP = `kpi-sheet ${VERSION} — 地方創生 KPI 一覧の読み取り・評価・書き戻し

使い方 / Usage:
  kpi-sheet inspect <file.xlsx> [--sheet NAME] [--json]
      KPI 表を読み取り、基本目標ごとの KPI を表示します (何も書き込みません)。
  kpi-sheet evaluate <file.xlsx> [--json] [-o out.xlsx] [options]
      各 KPI を目標と比べて判定します。-o で判定列・書式・サマリーを書いたブックを保存します。
  kpi-sheet rollup <file.xlsx>… -o rollup.xlsx [--json]
      いくつものブックを 1 つの集計ブックにまとめます (基本目標ごとの集計と、全 KPI のフィルター付きの表)。
  kpi-sheet settings <file.xlsx> [options]
      ブックに保存された設定と、各設定の出どころ (既定・ブック・コマンドライン) を表示します。
  kpi-sheet compare <策定時.xlsx> <進捗.xlsx> [-o out.xlsx] [--json]
      策定時の表と進捗の表を KPI ごとに突き合わせ、目標・基準値・単位の変更や追加・削除を表示します。
  kpi-sheet --help | --version

詳しくは各コマンドの --help をご覧ください (kpi-sheet evaluate --help)。
`;

export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (error) {
    // A bug, not the user's input: a Japanese sentence, not Node's error text (KPI_SHEET_DEBUG=1 shows it).
    const kind = error instanceof Error ? error.name : 'Error';
    process.stderr.write(
      `kpi-sheet: 予期しないエラーで中止しました (${kind})。ファイルは変更していません。` +
        'お手数ですが、使ったファイルとコマンドを添えて開発者に報告してください。\n',
    );
    if (process.env.KPI_SHEET_DEBUG === '1' && error instanceof Error)
      process.stderr.write(`${error.stack ?? ''}\n`);
    return EXIT_FAILURE;
  }
}

async function dispatch(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(HELP);
      return 0;
    case '-v':
    case '--version':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case 'inspect':
      return runInspect(rest);
    case 'evaluate':
      return runEvaluate(rest);
    case 'settings':
      return runSettingsCommand(rest);
    case 'rollup':
      return runRollup(rest);
    case 'compare':
      return runCompare(rest);
    default:
      process.stderr.write(`不明なコマンドです: ${command}\n\n${HELP}`);
      return EXIT_USAGE;
  }
}
