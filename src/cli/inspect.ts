/**
 * `kpi-sheet inspect <file.xlsx> [--sheet NAME] [--json]`: reads the KPI table and prints its blocks and
 * KPIs, as a table or as JSON (README: JSON format of inspect / evaluate). Never writes anything.
 */
import { openBook, pickBookSheet } from '../xlsx/open-book';
import { WorkbookError } from '../xlsx/workbook-error';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { renderInspect } from './inspect-table';
import { kpiSheetToJson } from './json';
import { optionHelp, parseCommandLine, type OptionSpec } from './options';

const INSPECT_OPTIONS: readonly OptionSpec[] = [
  {
    name: '--sheet',
    kind: 'value',
    valueName: 'NAME',
    help: '読み取るシート (既定: KPI 表のある最初のシート)',
  },
  { name: '--json', kind: 'flag', help: '読み取った内容を JSON で出力します' },
  { name: '--help', aliases: ['-h'], kind: 'flag', help: 'この説明を表示します' },
];

const USAGE = `使い方: kpi-sheet inspect <file.xlsx> [--sheet NAME] [--json]
KPI 表を読み取り、基本目標ごとの数値目標と KPI を表示します。ファイルには何も書き込みません。

${optionHelp(INSPECT_OPTIONS)}
`;

function usageError(message: string): number {
  process.stderr.write(`kpi-sheet inspect: ${message}\n\n${USAGE}`);
  return EXIT_USAGE;
}

export async function runInspect(argv: readonly string[]): Promise<number> {
  const parsed = parseCommandLine(argv, INSPECT_OPTIONS);
  if (!parsed.ok) return usageError(parsed.message);
  const { positionals, options } = parsed.value;
  if (options.has('--help')) {
    process.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (positionals.length === 0) return usageError('読み取る .xlsx ファイルを指定してください。');
  if (positionals.length > 1)
    return usageError(`ファイルは 1 つだけ指定してください: ${positionals.join(' ')}`);
  const file = positionals[0];
  const sheetOption = options.get('--sheet');
  const sheetName = typeof sheetOption === 'string' ? sheetOption : undefined;

  try {
    const book = await openBook(file);
    const { name: worksheetName, layout } = pickBookSheet(book, sheetName);
    if (!layout.ok) {
      process.stderr.write(
        `kpi-sheet inspect: ${file} のシート「${worksheetName}」: ${layout.failure.message}\n`,
      );
      return EXIT_USAGE;
    }
    if (options.has('--json')) {
      process.stdout.write(`${JSON.stringify(kpiSheetToJson(layout.sheet, file), null, 2)}\n`);
    } else {
      process.stdout.write(renderInspect(layout.sheet, file));
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof WorkbookError) {
      process.stderr.write(`kpi-sheet inspect: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // A bug, not the user's file: said so in Japanese, without Node's error text.
    process.stderr.write(
      `kpi-sheet inspect: 予期しないエラーで読み取りを中止しました (${error instanceof Error ? error.name : 'Error'})。` +
        'お手数ですが、ファイルを添えて開発者に報告してください。\n',
    );
    return EXIT_FAILURE;
  }
}
